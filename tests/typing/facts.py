"""Reads facts as a check does: mypy --strict checks that each read has the declared
type, so a fact that reads as ``Any`` again fails CI. It is type-checked, not run; the
errors a wrong read must give are in tests/test_typed_facts.py."""

from __future__ import annotations

from collections.abc import Callable

from attrs import frozen
from typing_extensions import assert_type

import civilsamfund as cs
from civilsamfund import awards, grants, volunteers
from civilsamfund.awards.facts import WINNERS
from civilsamfund.grants.facts import RECEIVED, VOLUNTEER_SHARE
from civilsamfund.volunteers.facts import ARENA, YOUNGEST_CHILD


@frozen(kw_only=True)
class Club:
    """A plugin's own subject."""

    members: int | None = None


MEMBERS: cs.Fact[Club, int | None] = cs.attribute_fact(
    "members", cs.Text(da="antal medlemmer", en="the number of members")
)


def facts_read_typed(
    task: volunteers.VolunteerTask,
    facts: cs.Facts[volunteers.VolunteerTask],
    club: cs.Facts[Club],
    candidacy: awards.Candidacy,
) -> None:
    """A fact reads as its declared type, through ``Facts`` and through ``Fact.read``."""
    assert_type(facts[ARENA], str | None)
    assert_type(facts[YOUNGEST_CHILD], int | None)
    assert_type(ARENA.read(task), str | None)
    assert_type(WINNERS.read(candidacy), tuple[awards.NomineeKind, ...])
    assert_type(VOLUNTEER_SHARE, cs.Fact[grants.GrantApplication, cs.Share | None])
    assert_type(RECEIVED.name, str)
    assert_type(club[MEMBERS], int | None)
    assert_type(MEMBERS.write, Callable[[Club, int | None], Club] | None)
