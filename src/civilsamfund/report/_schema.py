"""The JSON Schema of the annual report."""

from __future__ import annotations

from typing import Any

from civilsamfund.core import DIALECT, SchemaBuilder
from civilsamfund.report._model import AnnualReport


def report_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund report --format json``: one document."""
    builder = SchemaBuilder(document=True, documents=(AnnualReport,))
    builder.schema(AnnualReport)
    return {
        "$schema": DIALECT,
        "title": "civilsamfund annual report",
        "$ref": "#/$defs/AnnualReport",
        "$defs": builder.defs,
    }
