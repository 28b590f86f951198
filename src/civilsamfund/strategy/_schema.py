"""JSON Schemas for design meeting records and their summaries."""

from __future__ import annotations

from typing import Any

from civilsamfund.core._schema import SchemaBuilder, input_schema, output_schema
from civilsamfund.strategy._design import DesignMeeting
from civilsamfund.strategy._meetings import MeetingSummary


def meetings_schema() -> dict[str, Any]:
    """The schema of a meeting records document: a list, or ``{"meetings": [...]}``."""
    builder = SchemaBuilder(document=False)
    items = builder.schema(DesignMeeting)
    return input_schema("civilsamfund design meetings", "meetings", items, builder.defs)


def summary_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund strategy design --format json``."""
    builder = SchemaBuilder(document=True, documents=(MeetingSummary,))
    items = builder.schema(MeetingSummary)
    return output_schema("civilsamfund design meeting summaries", items, builder.defs)
