"""Reading forum proposals from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from pathlib import Path

from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.plugins._domain import Items
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits

PROPOSALS = Items(key="proposals", model=ForumProposal, error=ForumError)
"""Forum proposals as documents hold them: a list, or ``proposals``."""


def read_proposals(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[ForumProposal, ...]:
    """Read the proposals in a ``.toml`` (``[[proposals]]``) or ``.json`` file (a list,
    or an object with a ``proposals`` list). Raises :class:`ForumError`."""
    return PROPOSALS.read(path, limits)


def proposals_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[ForumProposal, ...]:
    """Structure already parsed data (a list, or a table with ``proposals``)."""
    return PROPOSALS.from_data(data, source, limits)
