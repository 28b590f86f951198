"""Reading volunteer tasks from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from pathlib import Path

from civilsamfund.plugins._domain import Items
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._task import VolunteerTask

TASKS = Items(key="tasks", model=VolunteerTask, error=TaskError)
"""Volunteer tasks as documents hold them: a list, or ``tasks``."""


def read_tasks(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[VolunteerTask, ...]:
    """Read the tasks in a ``.toml`` (``[[tasks]]``) or ``.json`` file (a list, or an
    object with a ``tasks`` list). Raises :class:`TaskError` naming every problem."""
    return TASKS.read(path, limits)


def tasks_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[VolunteerTask, ...]:
    """Structure already parsed data (a list, or a table with ``tasks``)."""
    return TASKS.from_data(data, source, limits)
