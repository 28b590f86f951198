"""The awards domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from attrs import frozen

from civilsamfund.awards._assessment import (
    NominationAssessor,
    NominationDecision,
    assess,
)
from civilsamfund.awards._commands import AWARD_COMMANDS, AWARD_SCHEMAS
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Candidacy, Nomination
from civilsamfund.awards._reading import NOMINATIONS
from civilsamfund.awards._sections import AWARD_SECTIONS
from civilsamfund.awards.checks import AWARD_CHECKS
from civilsamfund.config import Municipality
from civilsamfund.plugins import Cases, Domain, Mismatch, hookimpl


@frozen(kw_only=True)
class NominationExpectation:
    """What a policy case may expect of a nomination's decision besides the findings."""

    target_group: str | None = None
    """The award's target group in the nomination's year; ``""`` for none."""


def _compare(expect: NominationExpectation, decision: NominationDecision) -> Iterator[Mismatch]:
    group = decision.target_group or ""
    if expect.target_group is not None and expect.target_group != group:
        yield Mismatch(field="target_group", expected=expect.target_group, got=group)


def _nominations(municipality: Municipality) -> Callable[[Path], object]:
    return NOMINATIONS.each(NominationAssessor(municipality).assess)


AWARDS = Domain(
    key="awards",
    subject=Candidacy,
    error=AwardError,
    sections=AWARD_SECTIONS,
    checks=AWARD_CHECKS,
    commands=AWARD_COMMANDS,
    schemas=AWARD_SCHEMAS,
    examples={"nominations": _nominations},
    cases=(
        Cases(
            key="nomination",
            what="a nomination for an award",
            model=Nomination,
            error=AwardError,
            decide=assess,
            expect=NominationExpectation,
            compare=_compare,
        ),
    ),
    testing="civilsamfund.testing._awards",
)
"""The awards domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The awards domain."""
    return (AWARDS,)
