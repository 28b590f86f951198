"""JSON Schemas for forum proposals and forum decisions."""

from __future__ import annotations

from typing import Any

from civilsamfund.core._schema import SchemaBuilder, input_schema, output_schema
from civilsamfund.organisation._assessment import ForumDecision
from civilsamfund.organisation._proposal import ForumProposal


def proposal_schema() -> dict[str, Any]:
    """The schema of a proposals document: a list, or ``{"proposals": [...]}``."""
    builder = SchemaBuilder(document=False)
    items = builder.schema(ForumProposal)
    return input_schema("civilsamfund forum proposals", "proposals", items, builder.defs)


def forum_decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund organisation check-forum --format json``."""
    builder = SchemaBuilder(document=True, documents=(ForumDecision,))
    items = builder.schema(ForumDecision)
    return output_schema("civilsamfund forum decisions", items, builder.defs)
