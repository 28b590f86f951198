"""The facts of a forum proposal that composition rules read, each with its label in
both languages."""

from __future__ import annotations

from civilsamfund.core import Text
from civilsamfund.core.rules import Fact, attribute_fact
from civilsamfund.organisation._proposal import ForumProposal, Meeting, Member

MEMBERS: Fact[ForumProposal, tuple[Member, ...]] = attribute_fact(
    "members", Text(da="forummets medlemmer", en="the forum's members")
)
MEETINGS: Fact[ForumProposal, tuple[Meeting, ...] | None] = attribute_fact(
    "meetings", Text(da="årets planlagte møder", en="the year's planned meetings")
)
