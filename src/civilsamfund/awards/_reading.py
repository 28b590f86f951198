"""Reading nominations from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from pathlib import Path

from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Nomination
from civilsamfund.pipeline._documents import document_from_data, read_document, structured
from civilsamfund.pipeline._limits import DEFAULT_LIMITS, Limits

KEY = "nominations"
"""The key a document's list of nominations may sit under."""


def read_nominations(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Nomination, ...]:
    """Read the nominations in a ``.toml`` (``[[nominations]]``) or ``.json`` file (a
    list, or an object with a ``nominations`` list). Raises :class:`AwardError`."""
    return structured(read_document(path, KEY, limits, AwardError), Nomination, AwardError, limits)


def nominations_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[Nomination, ...]:
    """Structure already parsed data (a list, or a table with ``nominations``)."""
    document = document_from_data(data, KEY, source, limits, AwardError)
    return structured(document, Nomination, AwardError, limits)
