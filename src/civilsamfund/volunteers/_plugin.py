"""The volunteers domain as the library registers it: one record of all it declares."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

from attrs import field, frozen

from civilsamfund.config import Municipality
from civilsamfund.plugins import Cases, Checking, Domain, hookimpl, reads
from civilsamfund.volunteers._assessment import TaskDecision, assess
from civilsamfund.volunteers._batch import TASK_BATCH
from civilsamfund.volunteers._commands import VOLUNTEER_ACTIONS
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._review import FormKind, write_reviews
from civilsamfund.volunteers._schema import task_decision_schema, task_schema
from civilsamfund.volunteers._sections import VOLUNTEER_SECTIONS
from civilsamfund.volunteers._task import VolunteerTask
from civilsamfund.volunteers.checks import VOLUNTEER_CHECKS


def _sorted(ids: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if ids is None else tuple(sorted(ids))


def _obligations(decision: TaskDecision) -> tuple[str, ...]:
    return tuple(sorted(obligation.id for obligation in decision.obligations))


@frozen(kw_only=True)
class TaskExpectation:
    """What a policy case may expect of a task's decision besides the findings."""

    obligations: tuple[str, ...] | None = field(
        default=None, converter=_sorted, metadata=reads(_obligations)
    )
    """The ids of every obligation the decision gives, in any order."""


def _forms(kind: FormKind) -> Callable[[Municipality], Callable[[Path], object]]:
    def judge_for(municipality: Municipality) -> Callable[[Path], object]:
        return lambda path: write_reviews(municipality, kind, [path], io.BytesIO())

    return judge_for


VOLUNTEERS = Domain(
    key="volunteers",
    subject=VolunteerTask,
    error=TaskError,
    help="check volunteer tasks against the municipality's rules of play",
    sections=VOLUNTEER_SECTIONS,
    checks=VOLUNTEER_CHECKS,
    actions=VOLUNTEER_ACTIONS,
    batch=TASK_BATCH,
    checking=Checking(
        help="check volunteer tasks before they start: rules, obligations, outcome",
        schemas=("volunteer-task", "task-decision"),
        builds=(task_schema, task_decision_schema),
    ),
    examples={
        "volunteers": TASK_BATCH.judge,
        "roles": _forms("role"),
        "checklists": _forms("checklist"),
        "agreements": _forms("agreement"),
    },
    cases=(
        Cases(
            key="task",
            what="a volunteer task",
            model=VolunteerTask,
            error=TaskError,
            decide=assess,
            expect=TaskExpectation,
        ),
    ),
    testing="civilsamfund.testing._volunteers",
)
"""The volunteers domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The volunteers domain."""
    return (VOLUNTEERS,)
