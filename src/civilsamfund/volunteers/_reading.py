"""Reading volunteer tasks from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from civilsamfund.plugins import Items
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._task import VolunteerTask

TASKS = Items(key="tasks", model=VolunteerTask, error=TaskError)
"""Volunteer tasks as documents hold them: a list, or ``tasks``."""

read_tasks = TASKS.read
tasks_from_data = TASKS.from_data
