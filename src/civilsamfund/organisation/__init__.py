"""Organisation: committees, councils, departments, partners, points of entry, and forums
with composition rules.

``organisation.toml`` holds the one definition of a municipality's organisation that
every domain reads (grants route to its departments, volunteer tasks name its points
of entry). :func:`entry_point` says whom an association contacts by its target group's
ages; a :class:`ForumProposal` is judged by its forum's composition rules
(:func:`assess`), each a ``forum.*`` criterion with a citation. See
docs/organisation.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import deprecated_names, lazy_names
from civilsamfund.organisation._assessment import (
    ForumAssessor,
    ForumDecision,
    assess,
    forum,
)
from civilsamfund.organisation._batch import ForumFormat, write_forum_decisions
from civilsamfund.organisation._check import ForumCheck
from civilsamfund.organisation._document import (
    decision_document,
    decision_json,
    decision_text,
    entry_document,
    entry_text,
)
from civilsamfund.organisation._entry import Contact, EntryAnswer, entry_point
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal, Meeting, Member
from civilsamfund.organisation._reading import proposals_from_data, read_proposals
from civilsamfund.organisation._schema import forum_decision_schema, proposal_schema
from civilsamfund.organisation._structure import (
    Area,
    Committee,
    Council,
    Department,
    EntryPoints,
    Forum,
    OrganisationFile,
    Partner,
    Seat,
)

if TYPE_CHECKING:
    from civilsamfund.organisation._sections import ORGANISATION

__getattr__ = deprecated_names(
    __name__,
    {"check_forum": ("civilsamfund.organisation.assess", "0.4.0")},
    fallback=lazy_names(__name__, {"civilsamfund.organisation._sections": ("ORGANISATION",)}),
)
"""``check_forum``, the old name of :func:`assess`, still resolves, warning, until 0.5.0;
the ``organisation`` section, which grants read too, loads on first use."""

__all__ = [
    "ORGANISATION",
    "Area",
    "Committee",
    "Contact",
    "Council",
    "Department",
    "EntryAnswer",
    "EntryPoints",
    "Forum",
    "ForumAssessor",
    "ForumCheck",
    "ForumDecision",
    "ForumError",
    "ForumFormat",
    "ForumProposal",
    "Meeting",
    "Member",
    "OrganisationFile",
    "Partner",
    "Seat",
    "assess",
    "decision_document",
    "decision_json",
    "decision_text",
    "entry_document",
    "entry_point",
    "entry_text",
    "forum",
    "forum_decision_schema",
    "proposal_schema",
    "proposals_from_data",
    "read_proposals",
    "write_forum_decisions",
]
