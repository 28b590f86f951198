"""The organisation domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from civilsamfund.config import Municipality
from civilsamfund.organisation._assessment import ForumAssessor, assess
from civilsamfund.organisation._commands import ORGANISATION_COMMANDS, ORGANISATION_SCHEMAS
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.organisation._reading import PROPOSALS
from civilsamfund.organisation._sections import ORGANISATION_SECTIONS
from civilsamfund.organisation.checks import FORUM_CHECKS
from civilsamfund.plugins import Cases, Domain, hookimpl


def _proposals(municipality: Municipality) -> Callable[[Path], object]:
    return PROPOSALS.each(ForumAssessor(municipality).assess)


ORGANISATION = Domain(
    key="organisation",
    subject=ForumProposal,
    error=ForumError,
    sections=ORGANISATION_SECTIONS,
    checks=FORUM_CHECKS,
    commands=ORGANISATION_COMMANDS,
    schemas=ORGANISATION_SCHEMAS,
    examples={"forums": _proposals},
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
