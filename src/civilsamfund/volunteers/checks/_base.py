"""Shapes many task checks share: a yes/no fact that should be yes, and obligations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from civilsamfund.core._text import Text
from civilsamfund.core.rules._check import Examples, Known, Verdict, missing
from civilsamfund.core.rules._facts import Fact, Facts
from civilsamfund.core.rules._findings import Finding, Status
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


class ShouldBeYes(TaskCheck):
    """One yes/no fact that should be yes: yes passes, no fails (a discretionary rule
    flags it), not given is named as missing. Subclasses name the fact and messages
    ``yes`` and ``no``."""

    FACT: ClassVar[Fact[VolunteerTask, bool | None]]
    MESSAGES: ClassVar[Mapping[str, Text]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "FACT" in cls.__dict__:
            cls.FACTS = (cls.FACT,)  # the one fact is all the check reads

    def evaluate(self, facts: Facts[VolunteerTask]) -> Verdict:
        value = facts[self.FACT]
        if value is None:
            return missing(self.FACT)
        return Verdict(
            status=Status.PASS if value else Status.FAIL,
            message="yes" if value else "no",
            facts={self.FACT.name: value},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {self.FACT: [passing]}


__all__ = ["ShouldBeYes", "obligation"]
