"""Shapes many task checks share: a yes/no fact that should be yes, a rule for people
under an age, and obligations."""

from __future__ import annotations

from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core._text import Text
from civilsamfund.core._validators import MAX_AGE, between
from civilsamfund.core.rules._check import Examples, Known, Verdict, missing
from civilsamfund.core.rules._facts import Fact, Facts
from civilsamfund.core.rules._findings import Finding, Status
from civilsamfund.core.rules._yes import YesCheck
from civilsamfund.volunteers._check import TaskCheck
from civilsamfund.volunteers._obligations import Obligation, ObligationKind
from civilsamfund.volunteers._task import VolunteerTask


def obligation(
    finding: Finding,
    kind: ObligationKind,
    id: str,
    text: Text,
    *,
    before_start: bool = False,
    legal_basis: str | None = None,
) -> Obligation:
    """An obligation that ``finding`` gives, citing its criterion and source."""
    return Obligation(
        kind=kind,
        id=id,
        text=text,
        criterion=finding.criterion,
        citation=finding.citation,
        before_start=before_start,
        legal_basis=legal_basis,
    )


class ShouldBeYes(YesCheck[VolunteerTask], TaskCheck):
    """A yes/no fact of a task that should be yes (see :class:`YesCheck`)."""


@frozen(kw_only=True)
class UnderAge(TaskCheck):
    """A rule for people under ``under_age``: it applies when ``AGE`` is below it, and
    then ``READY`` (what must be in place) should be yes; while it applies it gives the
    obligation ``OBLIGATION`` of ``KIND``, with its ``legal_basis``. Subclasses name the
    facts and messages ``older``, ``ready`` and ``not_ready``."""

    under_age: int = field(validator=between(1, MAX_AGE))
    legal_basis: str

    AGE: ClassVar[Fact[VolunteerTask, int | None]]
    READY: ClassVar[Fact[VolunteerTask, bool | None]]
    KIND: ClassVar[ObligationKind]
    OBLIGATION: ClassVar[str]
    BEFORE_START: ClassVar[bool] = False

    def obligation_text(self) -> Text:
        """What the obligation says, in both languages."""
        raise NotImplementedError

    def evaluate(self, facts: Facts[VolunteerTask]) -> Verdict:
        age = facts[self.AGE]
        if age is None:
            return missing(self.AGE, under_age=self.under_age)
        recorded = {self.AGE.name: age, "under_age": self.under_age}
        if age >= self.under_age:
            return Verdict(status=Status.NOT_APPLICABLE, message="older", facts=recorded)
        ready = facts[self.READY]
        if ready is None:
            return missing(self.READY, **recorded)
        return Verdict(
            status=Status.PASS if ready else Status.FAIL,
            message="ready" if ready else "not_ready",
            facts={**recorded, self.READY.name: ready},
        )

    def examples(self, passing: bool, known: Known) -> Examples:
        return {self.AGE: [self.under_age - 1], self.READY: [passing]}

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        age = finding.facts.get(self.AGE.name)
        if not (isinstance(age, int) and age < self.under_age):
            return ()
        return (
            obligation(
                finding,
                self.KIND,
                self.OBLIGATION,
                self.obligation_text(),
                before_start=self.BEFORE_START,
                legal_basis=self.legal_basis,
            ),
        )


__all__ = ["ShouldBeYes", "UnderAge", "obligation"]
