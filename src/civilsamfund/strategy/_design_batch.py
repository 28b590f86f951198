"""Reading design meeting records and summing them up in a batch, through the shared
pipeline: regular files within the limits, strict JSON, CPR numbers refused, every
problem naming the file and the path; a result is whole or absent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from civilsamfund.config._municipality import Municipality
from civilsamfund.core._text import Language
from civilsamfund.pipeline._batch import Output
from civilsamfund.plugins._domain import Batch, Items
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits
from civilsamfund.strategy._design import DesignMeeting
from civilsamfund.strategy._design_document import meeting_json, meeting_text
from civilsamfund.strategy._errors import DesignError
from civilsamfund.strategy._meetings import DesignSummariser, MeetingSummary

MEETINGS = Items(key="meetings", model=DesignMeeting, error=DesignError)
"""Meeting records as documents hold them: a list, or ``meetings``."""

DesignFormat = Literal["text", "json"]
"""``text``: a summary per meeting; ``json``: a JSON array of meeting summaries."""


def read_meetings(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[DesignMeeting, ...]:
    """Read the meeting records in a ``.toml`` (``[[meetings]]``) or ``.json`` file (a
    list, or an object with a ``meetings`` list). Raises :class:`DesignError`."""
    return MEETINGS.read(path, limits)


def meetings_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[DesignMeeting, ...]:
    """Structure already parsed data (a list, or a table with ``meetings``)."""
    return MEETINGS.from_data(data, source, limits)


def _admit(summariser: DesignSummariser, meeting: DesignMeeting, on: date | None) -> DesignMeeting:
    """A meeting is summed up as it was held: the day given to a batch is not its."""
    return summariser.admit(meeting)


MEETING_BATCH: Batch[DesignSummariser, DesignMeeting, DesignMeeting, MeetingSummary] = Batch(
    items=MEETINGS,
    assessor=DesignSummariser,
    prepare=_admit,
    decide=DesignSummariser.summarise,
    identify=lambda meeting: meeting.id,
    renderers={"text": meeting_text, "json": meeting_json},
)
"""How a batch sums up meeting records."""


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
    return MEETING_BATCH.write(
        municipality, files, output, format=format, language=language, limits=limits
    )
