"""The volunteers domain as the library registers it: one record of all it declares."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from attrs import frozen

from civilsamfund.config import Municipality
from civilsamfund.plugins import Cases, Domain, Mismatch, hookimpl
from civilsamfund.volunteers._assessment import TaskAssessor, TaskDecision, assess
from civilsamfund.volunteers._commands import VOLUNTEER_COMMANDS, VOLUNTEER_SCHEMAS
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._reading import TASKS
from civilsamfund.volunteers._review import FormKind, write_reviews
from civilsamfund.volunteers._sections import VOLUNTEER_SECTIONS
from civilsamfund.volunteers._task import VolunteerTask
from civilsamfund.volunteers.checks import VOLUNTEER_CHECKS


@frozen(kw_only=True)
class TaskExpectation:
    """What a policy case may expect of a task's decision besides the findings."""

    obligations: tuple[str, ...] | None = None
    """The ids of every obligation the decision gives, in any order."""


def _compare(expect: TaskExpectation, decision: TaskDecision) -> Iterator[Mismatch]:
    given = sorted(obligation.id for obligation in decision.obligations)
    if expect.obligations is not None and sorted(expect.obligations) != given:
        yield Mismatch(field="obligations", expected=sorted(expect.obligations), got=given)


def _tasks(municipality: Municipality) -> Callable[[Path], object]:
    return TASKS.each(TaskAssessor(municipality).assess)


def _forms(kind: FormKind) -> Callable[[Municipality], Callable[[Path], object]]:
    def judge_for(municipality: Municipality) -> Callable[[Path], object]:
        return lambda path: write_reviews(municipality, kind, [path], io.BytesIO())

    return judge_for


VOLUNTEERS = Domain(
    key="volunteers",
    subject=VolunteerTask,
    error=TaskError,
    sections=VOLUNTEER_SECTIONS,
    checks=VOLUNTEER_CHECKS,
    commands=VOLUNTEER_COMMANDS,
    schemas=VOLUNTEER_SCHEMAS,
    examples={
        "volunteers": _tasks,
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
            compare=_compare,
        ),
    ),
    testing="civilsamfund.testing._volunteers",
)
"""The volunteers domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The volunteers domain."""
    return (VOLUNTEERS,)
