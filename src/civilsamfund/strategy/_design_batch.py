"""Reading design meeting records and summing them up in a batch, through the shared
pipeline: regular files within the limits, strict JSON, CPR numbers refused, every
problem naming the file and the path; a result is whole or absent."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from civilsamfund._municipality import Municipality
from civilsamfund.config._converter import structurer
from civilsamfund.core._text import Language
from civilsamfund.pipeline._batch import Inputs, Output, Steps, write
from civilsamfund.pipeline._documents import document_from_data, read_document, structured
from civilsamfund.pipeline._limits import DEFAULT_LIMITS, Limits
from civilsamfund.pipeline._output import layout_for
from civilsamfund.strategy._design import DesignMeeting
from civilsamfund.strategy._design_document import meeting_json, meeting_text
from civilsamfund.strategy._errors import DesignError
from civilsamfund.strategy._meetings import DesignSummariser

KEY = "meetings"
"""The key a document's list of meeting records may sit under."""

DesignFormat = Literal["text", "json"]
"""``text``: a summary per meeting; ``json``: a JSON array of meeting summaries."""


def read_meetings(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[DesignMeeting, ...]:
    """Read the meeting records in a ``.toml`` (``[[meetings]]``) or ``.json`` file (a
    list, or an object with a ``meetings`` list). Raises :class:`DesignError`."""
    return structured(
        read_document(path, KEY, limits, DesignError), DesignMeeting, DesignError, limits
    )


def meetings_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[DesignMeeting, ...]:
    """Structure already parsed data (a list, or a table with ``meetings``)."""
    document = document_from_data(data, KEY, source, limits, DesignError)
    return structured(document, DesignMeeting, DesignError, limits)


def meeting_steps(
    summariser: DesignSummariser, language: Language, format: DesignFormat
) -> Steps[DesignMeeting]:
    """How a batch prepares, sums up and names a meeting record."""
    read = structurer(DesignMeeting, DesignError)
    render = meeting_text if format == "text" else meeting_json

    def prepare(item: Any, source: str, path: str) -> DesignMeeting:
        meeting = read(item, source, path)
        try:
            return summariser.admit(meeting)
        except DesignError as exc:
            raise exc.within(source, path) from None

    return Steps(
        key=KEY,
        prepare=prepare,
        judge=lambda meeting: render(summariser.summarise(meeting), language).encode(),
        identify=lambda meeting: meeting.id,
        error=DesignError,
    )


def write_meeting_summaries(
    municipality: Municipality,
    files: Sequence[str | Path],
    output: Output = None,
    *,
    format: DesignFormat = "json",
    language: Language = "da",
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    """Sum up the meeting records in ``files`` and write every summary; returns the count.

    ``output``: a path, replaced only once every summary is written, or a stream
    (default: standard output). Raises :class:`DesignError` for bad input.
    """
    layout = layout_for(format, ("text", "json"))
    steps = meeting_steps(DesignSummariser(municipality), language, format)
    return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)
