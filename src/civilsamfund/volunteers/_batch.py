"""Checking the volunteer tasks of files in a batch, through the shared pipeline: a
result is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from civilsamfund.core.rules import Rule
from civilsamfund.plugins import Batch
from civilsamfund.volunteers._assessment import TaskAssessor, TaskDecision
from civilsamfund.volunteers._document import task_json, task_text
from civilsamfund.volunteers._reading import TASKS
from civilsamfund.volunteers._task import VolunteerTask

TaskFormat = Literal["text", "json", "jsonl"]
"""``text``: a summary per task for a coordinator; ``json``: a JSON array of documents;
``jsonl``: one document per line, then the end record."""

Prepared = tuple[tuple[Rule[VolunteerTask], ...], VolunteerTask, date]

TASK_BATCH: Batch[TaskAssessor, VolunteerTask, Prepared, TaskDecision] = Batch(
    items=TASKS,
    assessor=TaskAssessor,
    decision=TaskDecision,
    renderers={"text": task_text, "json": task_json},
)
"""How a batch checks volunteer tasks."""

write_task_decisions = TASK_BATCH.write
