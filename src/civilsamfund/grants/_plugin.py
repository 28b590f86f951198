"""The grants domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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


def _id(entry: Any) -> str | None:
    return entry.id if entry else None


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

    department: str | None = field(default=None, metadata=reads(lambda d: _id(d.department)))
    department_candidates: tuple[str, ...] | None = field(
        default=None, metadata=reads(lambda d: d.department_candidates)
    )
    auditor: str | None = field(default=None, metadata=reads(lambda d: _id(d.auditor)))
    round_kind: RoundKind | None = field(
        default=None, metadata=reads(lambda d: d.round.kind if d.round else None)
    )
    round_year: int | None = field(
        default=None, metadata=reads(lambda d: d.round.year if d.round else None)
    )
    legal_bases: tuple[str, ...] | None = field(
        default=None, metadata=reads(lambda d: d.legal_bases)
    )
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
