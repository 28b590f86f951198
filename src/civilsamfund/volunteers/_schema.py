"""JSON Schemas for volunteer tasks and task decision documents, made from the models."""

from __future__ import annotations

from typing import Any

from civilsamfund.core._schema import SchemaBuilder, input_schema, output_schema
from civilsamfund.volunteers._assessment import TaskDecision
from civilsamfund.volunteers._task import VolunteerTask


def task_schema() -> dict[str, Any]:
    """The schema of a task document: a list, or ``{"tasks": [...]}``."""
    builder = SchemaBuilder(document=False)
    items = builder.schema(VolunteerTask)
    return input_schema("civilsamfund volunteer tasks", "tasks", items, builder.defs)


def task_decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund volunteers check --format json``: a list of task
    decision documents."""
    builder = SchemaBuilder(document=True, documents=(TaskDecision,))
    items = builder.schema(TaskDecision)
    return output_schema("civilsamfund volunteer task decisions", items, builder.defs)
