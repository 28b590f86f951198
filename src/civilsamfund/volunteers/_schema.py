"""JSON Schemas for volunteer tasks and task decision documents, made from the models."""

from __future__ import annotations

from typing import Any

from civilsamfund.plugins import decisions_schema
from civilsamfund.volunteers._assessment import TaskDecision
from civilsamfund.volunteers._reading import TASKS


def task_schema() -> dict[str, Any]:
    """The schema of a task document: a list, or ``{"tasks": [...]}``."""
    return TASKS.schema("civilsamfund volunteer tasks")


def task_decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund volunteers check --format json``: a list of task
    decision documents."""
    return decisions_schema(TaskDecision, "civilsamfund volunteer task decisions")
