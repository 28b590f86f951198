"""Reading nominations from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from pathlib import Path

from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Nomination
from civilsamfund.plugins._domain import Items
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits

NOMINATIONS = Items(key="nominations", model=Nomination, error=AwardError)
"""Nominations as documents hold them: a list, or ``nominations``."""


def read_nominations(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Nomination, ...]:
    """Read the nominations in a ``.toml`` (``[[nominations]]``) or ``.json`` file (a
    list, or an object with a ``nominations`` list). Raises :class:`AwardError`."""
    return NOMINATIONS.read(path, limits)


def nominations_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[Nomination, ...]:
    """Structure already parsed data (a list, or a table with ``nominations``)."""
    return NOMINATIONS.from_data(data, source, limits)
