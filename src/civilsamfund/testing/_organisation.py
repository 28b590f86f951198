"""Organisation: strategies for forum proposals, their decisions and points of entry."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from civilsamfund.core import MAX_AGE, NO_LIMIT, looks_like_cpr
from civilsamfund.core.rules import Outcome
from civilsamfund.organisation import (
    Contact,
    EntryAnswer,
    ForumDecision,
    ForumProposal,
    Meeting,
    Member,
)
from civilsamfund.testing._models import audit_records, citations, dates, findings, names, texts

_maybe_name = st.none() | names

members = st.builds(
    Member,
    seat=names,
    reference=st.none() | names.filter(lambda text: not looks_like_cpr(text)),
    organisation=_maybe_name,
    area=_maybe_name,
    committee=_maybe_name,
    department=_maybe_name,
    elected_at=_maybe_name,
)
"""A member described by seat and role; a person only by an opaque reference."""

meetings = st.builds(Meeting, on=st.none() | dates, guests=st.lists(names, max_size=3).map(tuple))

forum_proposals = st.builds(
    ForumProposal,
    id=names,
    forum=names,
    on=dates,
    members=st.lists(members, max_size=14).map(tuple),
    meetings=st.none() | st.lists(meetings, max_size=6).map(tuple),
)
"""Any well-formed proposal, its ids unchecked against a municipality."""

forum_decisions = st.builds(
    ForumDecision,
    proposal=names,
    forum=names,
    on=dates,
    municipality=names,
    outcome=st.sampled_from(Outcome),
    findings=st.lists(findings, max_size=4).map(tuple),
    audit=audit_records,
    names=st.dictionaries(names, texts, max_size=3),
)


@st.composite
def age_spans(draw: st.DrawFn) -> tuple[int, int]:
    """A target group's ages: from and to, the upper end possibly open."""
    low = draw(st.integers(0, MAX_AGE))
    return low, draw(st.just(NO_LIMIT) | st.integers(low, MAX_AGE))


contacts = st.builds(Contact, department=names, name=texts, point_of_entry=st.none() | texts)
entry_answers = st.builds(
    EntryAnswer,
    municipality=names,
    on=dates,
    spans=st.lists(age_spans(), min_size=1, max_size=3).map(tuple),
    configured=st.booleans(),
    settled=st.booleans(),
    contacts=st.lists(contacts, max_size=3).map(tuple),
    citation=st.none() | citations,
    reading=st.none() | texts,
)

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Member: members,
    Meeting: meetings,
    ForumProposal: forum_proposals,
    ForumDecision: forum_decisions,
    Contact: contacts,
    EntryAnswer: entry_answers,
}
"""The strategy registered for each organisation model type."""
