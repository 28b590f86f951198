"""Reading forum proposals from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.plugins import Items

PROPOSALS = Items(key="proposals", model=ForumProposal, error=ForumError)
"""Forum proposals as documents hold them: a list, or ``proposals``."""

read_proposals = PROPOSALS.read
proposals_from_data = PROPOSALS.from_data
