"""The organisation domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Sequence

from civilsamfund.organisation._assessment import assess
from civilsamfund.organisation._batch import PROPOSAL_BATCH
from civilsamfund.organisation._commands import ORGANISATION_ACTIONS
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.organisation._schema import forum_decision_schema, proposal_schema
from civilsamfund.organisation._sections import ORGANISATION_SECTIONS
from civilsamfund.organisation.checks import FORUM_CHECKS
from civilsamfund.plugins import Cases, Checking, Domain, hookimpl

ORGANISATION = Domain(
    key="organisation",
    subject=ForumProposal,
    error=ForumError,
    help="check forum memberships against their rules, and find a point of entry",
    sections=ORGANISATION_SECTIONS,
    checks=FORUM_CHECKS,
    actions=ORGANISATION_ACTIONS,
    batch=PROPOSAL_BATCH,
    checking=Checking(
        action="check-forum",
        help="check proposed forum memberships against the forum's rules",
        schemas=("forum-proposal", "forum-decision"),
        builds=(proposal_schema, forum_decision_schema),
    ),
    examples={"forums": PROPOSAL_BATCH.judge},
    cases=(
        Cases(
            key="proposal",
            what="a proposed forum membership",
            model=ForumProposal,
            error=ForumError,
            decide=assess,
        ),
    ),
    testing="civilsamfund.testing._organisation",
)
"""The organisation domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The organisation domain."""
    return (ORGANISATION,)
