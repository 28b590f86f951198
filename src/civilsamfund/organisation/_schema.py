"""JSON Schemas for forum proposals and forum decisions."""

from __future__ import annotations

from typing import Any

from civilsamfund.organisation._assessment import ForumDecision
from civilsamfund.organisation._reading import PROPOSALS
from civilsamfund.plugins import decisions_schema


def proposal_schema() -> dict[str, Any]:
    """The schema of a proposals document: a list, or ``{"proposals": [...]}``."""
    return PROPOSALS.schema("civilsamfund forum proposals")


def forum_decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund organisation check-forum --format json``."""
    return decisions_schema(ForumDecision, "civilsamfund forum decisions")
