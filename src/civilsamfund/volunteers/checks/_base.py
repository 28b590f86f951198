"""Shapes many task checks share: a yes/no fact that should be yes, and obligations."""

from __future__ import annotations

from civilsamfund.core import Text
from civilsamfund.core.rules import Finding, YesCheck
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


__all__ = ["ShouldBeYes", "obligation"]
