"""The awards domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen

from civilsamfund.awards._assessment import NominationDecision, assess
from civilsamfund.awards._batch import NOMINATION_BATCH
from civilsamfund.awards._commands import AWARD_ACTIONS
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Candidacy, Nomination
from civilsamfund.awards._schema import nomination_decision_schema, nomination_schema
from civilsamfund.awards._sections import AWARD_SECTIONS
from civilsamfund.awards.checks import AWARD_CHECKS
from civilsamfund.plugins import Cases, Checking, Domain, hookimpl, reads


def _target_group(decision: NominationDecision) -> str:
    return decision.target_group or ""


@frozen(kw_only=True)
class NominationExpectation:
    """What a policy case may expect of a nomination's decision besides the findings."""

    target_group: str | None = field(default=None, metadata=reads(_target_group))
    """The award's target group in the nomination's year; ``""`` for none."""


AWARDS = Domain(
    key="awards",
    subject=Candidacy,
    error=AwardError,
    help="list a year's awards and check nominations against their rules",
    sections=AWARD_SECTIONS,
    checks=AWARD_CHECKS,
    actions=AWARD_ACTIONS,
    batch=NOMINATION_BATCH,
    checking=Checking(
        help="check nominations against the award's rules in its year",
        schemas=("nomination", "nomination-decision"),
        builds=(nomination_schema, nomination_decision_schema),
    ),
    examples={"nominations": NOMINATION_BATCH.judge},
    cases=(
        Cases(
            key="nomination",
            what="a nomination for an award",
            model=Nomination,
            error=AwardError,
            decide=assess,
            expect=NominationExpectation,
        ),
    ),
    testing="civilsamfund.testing._awards",
)
"""The awards domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The awards domain."""
    return (AWARDS,)
