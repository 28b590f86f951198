"""The grants domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from attrs import field, frozen

from civilsamfund.config import Municipality
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._assessment import Assessor, assess
from civilsamfund.grants._commands import GRANT_COMMANDS, GRANT_SCHEMAS
from civilsamfund.grants._decision import Decision, RoundKind
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.grants._reading import APPLICATIONS
from civilsamfund.grants._sections import GRANT_SECTIONS
from civilsamfund.grants.checks import GRANT_CHECKS
from civilsamfund.plugins import Cases, Domain, hookimpl, reads


def _department(decision: Decision) -> str | None:
    return decision.department.id if decision.department else None


def _candidates(decision: Decision) -> tuple[str, ...]:
    return decision.department_candidates


def _auditor(decision: Decision) -> str | None:
    return decision.auditor.id if decision.auditor else None


def _round_kind(decision: Decision) -> RoundKind | None:
    return decision.round.kind if decision.round else None


def _round_year(decision: Decision) -> int | None:
    return decision.round.year if decision.round else None


def _legal_bases(decision: Decision) -> tuple[str, ...]:
    return decision.legal_bases


def _appeal(decision: Decision) -> tuple[str, str] | None:
    appeal = decision.appeal
    return (appeal.da, appeal.en) if appeal else None


def _appeal_matches(expected: str, appeal: tuple[str, str] | None) -> bool:
    """``""`` expects no appeal statement; other text, one that holds it in either language."""
    if not expected:
        return appeal is None
    return appeal is not None and any(expected in text for text in appeal)


@frozen(kw_only=True)
class GrantExpectation:
    """What a policy case may expect of a grant decision besides the findings: the
    department (or the candidates when it is unsettled), the auditor, the round, the
    legal bases and the appeal."""

    department: str | None = field(default=None, metadata=reads(_department))
    department_candidates: tuple[str, ...] | None = field(default=None, metadata=reads(_candidates))
    auditor: str | None = field(default=None, metadata=reads(_auditor))
    round_kind: RoundKind | None = field(default=None, metadata=reads(_round_kind))
    round_year: int | None = field(default=None, metadata=reads(_round_year))
    legal_bases: tuple[str, ...] | None = field(default=None, metadata=reads(_legal_bases))
    appeal: str | None = field(default=None, metadata=reads(_appeal, _appeal_matches))
    """Text the appeal statement must hold (in Danish or English); ``""`` for none."""


def _applications(municipality: Municipality) -> Callable[[Path], object]:
    return APPLICATIONS.each(Assessor(municipality).assess)


GRANTS = Domain(
    key="grants",
    subject=GrantApplication,
    error=ApplicationError,
    sections=GRANT_SECTIONS,
    checks=GRANT_CHECKS,
    commands=GRANT_COMMANDS,
    schemas=GRANT_SCHEMAS,
    examples={"": _applications},
    cases=(
        Cases(
            key="application",
            what="a grant application",
            model=GrantApplication,
            error=ApplicationError,
            decide=assess,
            expect=GrantExpectation,
        ),
    ),
    testing="civilsamfund.testing._grants",
)
"""The grants domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The grants domain."""
    return (GRANTS,)
