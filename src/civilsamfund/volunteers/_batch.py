"""Checking the volunteer tasks of files in a batch, through the shared pipeline: a
result is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from civilsamfund._municipality import Municipality
from civilsamfund.config._converter import structurer
from civilsamfund.core._text import Language
from civilsamfund.core.rules._rule import Rule
from civilsamfund.pipeline._batch import Inputs, Output, Steps, write
from civilsamfund.pipeline._limits import DEFAULT_LIMITS, Limits
from civilsamfund.pipeline._output import layout_for
from civilsamfund.volunteers._assessment import TaskAssessor
from civilsamfund.volunteers._document import task_json, task_text
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._task import VolunteerTask

TaskFormat = Literal["text", "json"]
"""``text``: a summary per task for a coordinator; ``json``: a JSON array of documents."""

Prepared = tuple[tuple[Rule[VolunteerTask], ...], VolunteerTask, date]


def task_steps(
    assessor: TaskAssessor, on: date | None, format: TaskFormat, language: Language
) -> Steps[Prepared]:
    """How a batch prepares, judges and names a volunteer task."""
    read = structurer(VolunteerTask, TaskError)
    render = task_text if format == "text" else task_json

    def prepare(item: Any, source: str, path: str) -> Prepared:
        task = read(item, source, path)
        try:
            return assessor.rules_for(task, on), task, task.starts if on is None else on
        except TaskError as exc:
            raise exc.within(source, path) from None

    def judge(prepared: Prepared) -> bytes:
        return render(assessor.decide(*prepared), language).encode()

    return Steps(
        key="tasks",
        prepare=prepare,
        judge=judge,
        identify=lambda prepared: prepared[1].id,
        error=TaskError,
    )


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
    layout = layout_for(format, ("text", "json"))
    steps = task_steps(TaskAssessor(municipality), on, format, language)
    return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)
