"""The grants domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from attrs import frozen

from civilsamfund.config import Municipality
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._assessment import Assessor, assess
from civilsamfund.grants._commands import GRANT_COMMANDS, GRANT_SCHEMAS
from civilsamfund.grants._decision import Decision, RoundKind
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.grants._reading import APPLICATIONS
from civilsamfund.grants._sections import GRANT_SECTIONS
from civilsamfund.grants.checks import GRANT_CHECKS
from civilsamfund.plugins import Cases, Domain, Mismatch, hookimpl


@frozen(kw_only=True)
class GrantExpectation:
    """What a policy case may expect of a grant decision besides the findings: the
    department (or the candidates when it is unsettled), the auditor, the round, the
    legal bases and the appeal."""

    department: str | None = None
    department_candidates: tuple[str, ...] | None = None
    auditor: str | None = None
    round_kind: RoundKind | None = None
    round_year: int | None = None
    legal_bases: tuple[str, ...] | None = None
    appeal: str | None = None
    """Text the appeal statement must contain (in Danish or English); ``""`` for none."""


def _compare(expect: GrantExpectation, decision: Decision) -> Iterator[Mismatch]:
    department = decision.department.id if decision.department else None
    if expect.department is not None and department != expect.department:
        yield Mismatch(field="department", expected=expect.department, got=department)
    candidates = decision.department_candidates
    if expect.department_candidates is not None and candidates != expect.department_candidates:
        yield Mismatch(
            field="department_candidates",
            expected=list(expect.department_candidates),
            got=list(candidates),
        )
    auditor = decision.auditor.id if decision.auditor else None
    if expect.auditor is not None and auditor != expect.auditor:
        yield Mismatch(field="auditor", expected=expect.auditor, got=auditor)
    round_ = decision.round
    kind = round_.kind if round_ else None
    if expect.round_kind is not None and kind is not expect.round_kind:
        yield Mismatch(
            field="round_kind", expected=expect.round_kind.value, got=kind.value if kind else None
        )
    year = round_.year if round_ else None
    if expect.round_year is not None and year != expect.round_year:
        yield Mismatch(field="round_year", expected=expect.round_year, got=year)
    if expect.legal_bases is not None and decision.legal_bases != expect.legal_bases:
        yield Mismatch(
            field="legal_bases", expected=list(expect.legal_bases), got=list(decision.legal_bases)
        )
    if expect.appeal is not None and not _appeal_matches(expect.appeal, decision):
        appeal = decision.appeal.en if decision.appeal else None
        yield Mismatch(field="appeal", expected=expect.appeal, got=appeal)


def _appeal_matches(expected: str, decision: Decision) -> bool:
    appeal = decision.appeal
    if not expected:
        return appeal is None
    return appeal is not None and (expected in appeal.da or expected in appeal.en)


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
            compare=_compare,
        ),
    ),
    testing="civilsamfund.testing._grants",
)
"""The grants domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The grants domain."""
    return (GRANTS,)
