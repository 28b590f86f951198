"""JSON Schemas for nominations, nomination decisions and a year's award catalogue."""

from __future__ import annotations

from typing import Any

from civilsamfund.awards._assessment import NominationDecision
from civilsamfund.awards._nomination import Nomination
from civilsamfund.core._schema import SchemaBuilder, input_schema, output_schema


def nomination_schema() -> dict[str, Any]:
    """The schema of a nominations document: a list, or ``{"nominations": [...]}``."""
    builder = SchemaBuilder(document=False)
    items = builder.schema(Nomination)
    return input_schema("civilsamfund nominations", "nominations", items, builder.defs)


def nomination_decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund awards check --format json``: a list of decisions."""
    builder = SchemaBuilder(document=True, documents=(NominationDecision,))
    items = builder.schema(NominationDecision)
    return output_schema("civilsamfund nomination decisions", items, builder.defs)
