"""A proposed membership of a forum: who would hold each seat, and the year's planned
meetings, as the forum's composition rules read them.

A member is never named: a person is given by the caller's own opaque ``reference``
(or not at all) and described by what the rules ask about: the organisation or
association they represent, its area, their committee or department, and where they
were elected.
"""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from civilsamfund.core import opaque_reference, refers


@frozen(kw_only=True)
class Member:
    """One person in a proposed membership, described by the role they hold.

    ``organisation``: the association or organisation they represent (a configured
    partner's id, or an association's name); ``area``: the area it works in.
    """

    seat: str
    reference: str | None = field(default=None, repr=False, validator=opaque_reference)
    organisation: str | None = None
    area: str | None = field(default=None, metadata=refers("area"))
    committee: str | None = field(default=None, metadata=refers("committee"))
    department: str | None = field(default=None, metadata=refers("department"))
    elected_at: str | None = None
    """Where the member was elected, such as ``nytaarskur`` (the New Year reception)."""


GUEST_KINDS = ("committee", "council", "partner", "department")
"""What a meeting's guests may be."""


@frozen(kw_only=True)
class Meeting:
    """A planned meeting of the forum and who joins it besides its members (the ids
    of committees or partners)."""

    on: date | None = None
    guests: tuple[str, ...] = ()


@frozen(kw_only=True)
class ForumProposal:
    """A proposed membership of ``forum`` from ``on``; ``meetings`` are a year's plan,
    or ``None`` when the proposal gives none."""

    id: str
    forum: str = field(metadata=refers("forum"))
    on: date
    members: tuple[Member, ...]
    meetings: tuple[Meeting, ...] | None = None
