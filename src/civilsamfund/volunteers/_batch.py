"""Checking the volunteer tasks of files in a batch, through the shared pipeline: a
result is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from civilsamfund.config._municipality import Municipality
from civilsamfund.core._text import Language
from civilsamfund.core.rules._rule import Rule
from civilsamfund.pipeline._batch import Output
from civilsamfund.plugins._domain import Batch
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits
from civilsamfund.volunteers._assessment import TaskAssessor, TaskDecision
from civilsamfund.volunteers._document import task_json, task_text
from civilsamfund.volunteers._reading import TASKS
from civilsamfund.volunteers._task import VolunteerTask

TaskFormat = Literal["text", "json"]
"""``text``: a summary per task for a coordinator; ``json``: a JSON array of documents."""

Prepared = tuple[tuple[Rule[VolunteerTask], ...], VolunteerTask, date]


def _prepare(assessor: TaskAssessor, task: VolunteerTask, on: date | None) -> Prepared:
    return assessor.rules_for(task, on), task, task.starts if on is None else on


TASK_BATCH: Batch[TaskAssessor, VolunteerTask, Prepared, TaskDecision] = Batch(
    items=TASKS,
    assessor=TaskAssessor,
    prepare=_prepare,
    decide=lambda assessor, prepared: assessor.decide(*prepared),
    identify=lambda prepared: prepared[1].id,
    renderers={"text": task_text, "json": task_json},
)
"""How a batch checks volunteer tasks."""


def write_task_decisions(
    municipality: Municipality,
    files: Sequence[str | Path],
    output: Output = None,
    *,
    format: TaskFormat = "json",
    language: Language = "da",
    on: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    """Check the volunteer tasks in ``files`` and write every decision; returns the count.

    ``output``: a path, replaced only once every decision is written, or a stream
    (default: standard output). Raises :class:`TaskError` for bad input.
    """
    return TASK_BATCH.write(
        municipality, files, output, format=format, language=language, on=on, limits=limits
    )
