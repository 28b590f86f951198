"""Volunteer tasks: may a volunteer do this, and what must be in place first?

A :class:`VolunteerTask` is judged by the rules a municipality lists in
``volunteers.toml`` (rules of play, advice), giving findings, an outcome and typed
:class:`Obligation` values: certificates to obtain, duties, what may not be asked,
dialogues to hold. Forms a coordinator fills in (role descriptions, the checklist
before acting, collaboration agreements) are reviewed for what they leave out. See
docs/volunteers.md.
"""

from __future__ import annotations

from civilsamfund._deprecation import deprecated_names
from civilsamfund.volunteers._assessment import TaskAssessor, TaskDecision, assess
from civilsamfund.volunteers._batch import TaskFormat, write_task_decisions
from civilsamfund.volunteers._check import TaskCheck
from civilsamfund.volunteers._config import Arena, Named, VolunteersFile
from civilsamfund.volunteers._document import task_document, task_json, task_text
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._forms import (
    Checklist,
    CollaborationAgreement,
    FormReview,
    PartsReview,
    Period,
    RoleDescription,
    Suggestion,
    review_parts,
    suggest,
)
from civilsamfund.volunteers._obligations import Obligation, ObligationKind
from civilsamfund.volunteers._reading import read_tasks, tasks_from_data
from civilsamfund.volunteers._review import (
    FormKind,
    review_document,
    review_form,
    review_text,
    write_reviews,
)
from civilsamfund.volunteers._schema import task_decision_schema, task_schema
from civilsamfund.volunteers._task import (
    AgeRange,
    Agreement,
    ChildContact,
    Commitment,
    Engagement,
    Organiser,
    OrganiserKind,
    Preparation,
    VolunteerTask,
)

__getattr__ = deprecated_names(
    __name__, {"check_task": ("civilsamfund.volunteers.assess", "0.4.0")}
)
"""``check_task``, the old name of :func:`assess`, still resolves, warning, until 0.5.0."""

__all__ = [
    "AgeRange",
    "Agreement",
    "Arena",
    "Checklist",
    "ChildContact",
    "CollaborationAgreement",
    "Commitment",
    "Engagement",
    "FormKind",
    "FormReview",
    "Named",
    "Obligation",
    "ObligationKind",
    "Organiser",
    "OrganiserKind",
    "PartsReview",
    "Period",
    "Preparation",
    "RoleDescription",
    "Suggestion",
    "TaskAssessor",
    "TaskCheck",
    "TaskDecision",
    "TaskError",
    "TaskFormat",
    "VolunteerTask",
    "VolunteersFile",
    "assess",
    "read_tasks",
    "review_document",
    "review_form",
    "review_parts",
    "review_text",
    "suggest",
    "task_decision_schema",
    "task_document",
    "task_json",
    "task_schema",
    "task_text",
    "tasks_from_data",
    "write_reviews",
    "write_task_decisions",
]
