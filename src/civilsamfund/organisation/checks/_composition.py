"""Composition rules for a forum: how many hold a group of seats, who may hold them,
named organisations' fixed seats, a broad mix of areas, and the year's meetings."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core import FieldValueError, Text, at_least, not_empty, refers, refers_chosen
from civilsamfund.core.rules import Examples, Facts, FactValue, Known, Status, Verdict, missing
from civilsamfund.organisation._check import ForumCheck, seated
from civilsamfund.organisation._proposal import GUEST_KINDS, ForumProposal, Meeting, Member
from civilsamfund.organisation.facts import MEETINGS, MEMBERS


@frozen(kw_only=True)
class SeatCount(ForumCheck):
    """Between ``min`` and ``max`` members hold ``seat`` (both included); no ``max``:
    at least ``min``."""

    FACTS = (MEMBERS,)
    RECORDS = ("count",)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "fits": Text(
            da="Antallet af {seat:names} er {count}, og reglen tillader {min} til {max}.",
            en="The number of {seat:names} is {count}, and the rule allows {min} to {max}.",
        ),
        "outside": Text(
            da="Antallet af {seat:names} er {count}, men reglen tillader {min} til {max}.",
            en="The number of {seat:names} is {count}, but the rule allows {min} to {max}.",
        ),
        "exactly": Text(
            da="Antallet af {seat:names} er {count}, som reglen kræver.",
            en="The number of {seat:names} is {count}, as the rule requires.",
        ),
        "not_exactly": Text(
            da="Antallet af {seat:names} er {count}, men reglen kræver præcis {max}.",
            en="The number of {seat:names} is {count}, but the rule requires exactly {max}.",
        ),
        "enough": Text(
            da="Antallet af {seat:names} er {count}, og reglen kræver mindst {min}.",
            en="The number of {seat:names} is {count}, and the rule requires at least {min}.",
        ),
        "too_few": Text(
            da="Antallet af {seat:names} er {count}, men reglen kræver mindst {min}.",
            en="The number of {seat:names} is {count}, but the rule requires at least {min}.",
        ),
    }

    seat: str
    min: int = field(default=0, validator=at_least(0))
    max: int | None = field(default=None, validator=at_least(1))

    def __attrs_post_init__(self) -> None:
        if self.max is not None and self.min > self.max:
            raise FieldValueError("max", f"expected at least min ({self.min}), got {self.max}")

    def evaluate(self, facts: Facts[ForumProposal]) -> Verdict:
        count = sum(1 for _ in seated(facts[MEMBERS], self.seat))
        fits = self.min <= count and (self.max is None or count <= self.max)
        if self.max is None:
            message = "enough" if fits else "too_few"
        elif self.min == self.max:
            message = "exactly" if fits else "not_exactly"
        else:
            message = "fits" if fits else "outside"
        return Verdict(
            status=Status.PASS if fits else Status.FAIL,
            message=message,
            facts={"seat": self.seat, "min": self.min, "max": self.max, "count": count},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """Counts on the boundaries, where a wrong comparison shows: ``min`` and ``max``
        (or ``min`` + 1) pass; ``min`` - 1 and ``max`` + 1 fail, where there are such."""
        if passing:
            counts = sorted({self.min, self.min + 1 if self.max is None else self.max})
        else:
            counts = [self.min - 1] if self.min > 0 else []
            counts += [] if self.max is None else [self.max + 1]
        return {MEMBERS: [(Member(seat=self.seat),) * n for n in counts]} if counts else None


class MemberAttribute(str, enum.Enum):
    """What a rule may ask of the members holding a seat."""

    ORGANISATION = "organisation"
    AREA = "area"
    COMMITTEE = "committee"
    DEPARTMENT = "department"
    ELECTED_AT = "elected_at"


_CONFIGURED = (
    MemberAttribute.AREA.value,
    MemberAttribute.COMMITTEE.value,
    MemberAttribute.DEPARTMENT.value,
)
_CHOSEN = refers_chosen("attribute", *_CONFIGURED)
"""Values of a member's attribute that name a configured entry: an area, a committee or
a department (an organisation and where one was elected are free text)."""

_FROM = Text(da="fra", en="from")
_ATTRIBUTE_NAMES: Mapping[str, Text] = {
    MemberAttribute.ORGANISATION.value: _FROM,
    MemberAttribute.AREA.value: _FROM,
    MemberAttribute.COMMITTEE.value: _FROM,
    MemberAttribute.DEPARTMENT.value: _FROM,
    MemberAttribute.ELECTED_AT.value: Text(da="valgt ved", en="elected at"),
}
"""How a member stands to a value of each attribute, as a sentence puts it: a member is
*from* a committee, or *elected at* a meeting."""

_OTHER = "other"
"""A made-up value of a free-text attribute (an organisation, where one was elected)
that no rule names, for examples that need one."""


def _others(attribute: MemberAttribute, known: Known, named: tuple[str, ...]) -> tuple[str, ...]:
    """Values of ``attribute`` a proposal may give other than ``named``, for examples:
    the configured ids of an area, committee or department (a proposal may give no
    other), and for free text a made-up value."""
    if attribute.value in _CONFIGURED:
        return tuple(value for value in known.get(attribute.value, ()) if value not in named)
    return _made_up(named)


def _made_up(named: tuple[str, ...]) -> tuple[str, ...]:
    """A free-text value none of ``named`` is, for examples that need one."""
    return () if _OTHER in named else (_OTHER,)


def _holding(seat: str, attribute: MemberAttribute, values: tuple[str, ...]) -> tuple[Member, ...]:
    """One member in ``seat`` for each of ``values`` of ``attribute``."""
    return tuple(Member(seat=seat, **{attribute.value: value}) for value in values)


@frozen(kw_only=True)
class SeatHolders(ForumCheck):
    """Every member holding ``seat`` has an ``attribute`` among ``allowed``, or none
    among ``excluded`` (a rule gives one of the two). A member who does not give it
    is flagged, never assumed to meet the rule."""

    FACTS = (MEMBERS,)
    RECORDS = ("offending", "unknown")
    NAMES = _ATTRIBUTE_NAMES
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "allowed": Text(
            da="Alle {seat:names} er {attribute:names} {allowed:names_or}.",
            en="All {seat:names} are {attribute:names} {allowed:names_or}.",
        ),
        "not_allowed": Text(
            da="Reglen kræver, at {seat:names} er {attribute:names} {allowed:names_or}; det "
            "gælder ikke {offending:members}.",
            en="The rule requires {seat:names} to be {attribute:names} {allowed:names_or}; "
            "that does not hold for {offending:members}.",
        ),
        "none_excluded": Text(
            da="Ingen {seat:names} er {attribute:names} {excluded:names_or}, som reglen undtager.",
            en="No {seat:names} are {attribute:names} {excluded:names_or}, which the rule excepts.",
        ),
        "excluded": Text(
            da="Reglen undtager {seat:names} {attribute:names} {excluded:names_or}; det gælder "
            "{offending:members}.",
            en="The rule excepts {seat:names} {attribute:names} {excluded:names_or}; that "
            "applies to {offending:members}.",
        ),
        "unknown": Text(
            da="Forslaget oplyser ikke, om {unknown:members} blandt {seat:names} er "
            "{attribute:names} {allowed:names_or}.",
            en="The proposal does not say, for {unknown:members} among {seat:names}, whether "
            "they are {attribute:names} {allowed:names_or}.",
        ),
        "unknown_excluded": Text(
            da="Forslaget oplyser ikke, om {unknown:members} blandt {seat:names} er "
            "{attribute:names} {excluded:names_or}, som reglen undtager.",
            en="The proposal does not say, for {unknown:members} among {seat:names}, whether "
            "they are {attribute:names} {excluded:names_or}, which the rule excepts.",
        ),
    }

    seat: str
    attribute: MemberAttribute = field(converter=MemberAttribute)
    allowed: tuple[str, ...] = field(default=(), metadata=_CHOSEN)
    excluded: tuple[str, ...] = field(default=(), metadata=_CHOSEN)

    def __attrs_post_init__(self) -> None:
        if bool(self.allowed) == bool(self.excluded):
            raise FieldValueError("allowed", "expected either allowed or excluded, not both")

    def evaluate(self, facts: Facts[ForumProposal]) -> Verdict:
        offending: list[str] = []
        unknown: list[str] = []
        for number, member in seated(facts[MEMBERS], self.seat):
            value = getattr(member, self.attribute.value)
            if value is None:
                unknown.append(number)
            elif (value in self.excluded) if self.excluded else (value not in self.allowed):
                offending.append(number)
        recorded = {
            "seat": self.seat,
            "attribute": self.attribute.value,
            "allowed": self.allowed,
            "excluded": self.excluded,
            "offending": tuple(offending),
            "unknown": tuple(unknown),
        }
        if offending:
            message = "excluded" if self.excluded else "not_allowed"
            return Verdict(status=Status.FAIL, message=message, facts=recorded)
        if unknown:
            message = "unknown_excluded" if self.excluded else "unknown"
            return Verdict(status=Status.FLAG, message=message, facts=recorded)
        message = "none_excluded" if self.excluded else "allowed"
        return Verdict(status=Status.PASS, message=message, facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """One member for each allowed value passes, one with another value fails; for
        ``excluded`` the other way round. Only values a proposal may give are used, so
        a rule that allows every configured id has no failing example."""
        named = self.allowed or self.excluded
        others = _others(self.attribute, known, named)
        if self.allowed:
            values = self.allowed if passing else others[:1]
        else:
            values = others if passing else self.excluded
        if not (values or passing):
            return None
        return {MEMBERS: [_holding(self.seat, self.attribute, values)]}


@frozen(kw_only=True)
class FixedSeats(ForumCheck):
    """Each of ``organisations`` holds exactly one place in ``seat``, and no one else
    does: the fixed seats of named organisations."""

    FACTS = (MEMBERS,)
    RECORDS = ("absent", "doubled", "others")
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "held": Text(
            da="De faste pladser er besat af {organisations:names}, med én plads hver.",
            en="The fixed seats are held by {organisations:names}, one seat each.",
        ),
        "absent": Text(
            da="Forslaget giver ingen fast plads til {absent:names}.",
            en="The proposal gives no fixed seat to {absent:names}.",
        ),
        "doubled": Text(
            da="Forslaget giver mere end én fast plads til {doubled:names}.",
            en="The proposal gives more than one fixed seat to {doubled:names}.",
        ),
        "others": Text(
            da="Forslaget giver {others:members} en fast plads uden at repræsentere "
            "{organisations:names_or}.",
            en="The proposal gives {others:members} a fixed seat without representing "
            "{organisations:names_or}.",
        ),
    }

    seat: str
    organisations: tuple[str, ...] = field(validator=not_empty)

    def evaluate(self, facts: Facts[ForumProposal]) -> Verdict:
        holders = list(seated(facts[MEMBERS], self.seat))
        counts = Counter(member.organisation for _, member in holders)
        recorded: dict[str, FactValue] = {
            "seat": self.seat,
            "organisations": self.organisations,
            "absent": tuple(o for o in self.organisations if not counts[o]),
            "doubled": tuple(o for o in self.organisations if counts[o] > 1),
            "others": tuple(n for n, m in holders if m.organisation not in self.organisations),
        }
        for message in ("absent", "doubled", "others"):
            if recorded[message]:  # the first way the fixed seats are broken
                return Verdict(status=Status.FAIL, message=message, facts=recorded)
        return Verdict(status=Status.PASS, message="held", facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """One seat for each organisation passes; each way of breaking that fails: the
        first left out, the first seated twice, and someone else seated besides."""
        held = _holding(self.seat, MemberAttribute.ORGANISATION, self.organisations)
        if passing:
            return {MEMBERS: [held]}
        other = _holding(self.seat, MemberAttribute.ORGANISATION, _made_up(self.organisations))
        return {MEMBERS: [held[1:], held + held[:1], held + other]}


@frozen(kw_only=True)
class BroadMix(ForumCheck):
    """The members (of ``seat``, or of the whole forum) between them cover every one of
    ``covering`` by their ``attribute`` (by default the area they represent): a broad
    composition, such as one from every area or every department."""

    FACTS = (MEMBERS,)
    RECORDS = ("uncovered",)
    NAMES = _ATTRIBUTE_NAMES
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "covered": Text(
            da="Der er medlemmer {attribute:names} hver af disse: {covering:names}.",
            en="There are members {attribute:names} each of these: {covering:names}.",
        ),
        "uncovered": Text(
            da="Ingen medlemmer er {attribute:names} {uncovered:names_or}.",
            en="No members are {attribute:names} {uncovered:names_or}.",
        ),
    }

    covering: tuple[str, ...] = field(validator=not_empty, metadata=_CHOSEN)
    attribute: MemberAttribute = field(default=MemberAttribute.AREA, converter=MemberAttribute)
    seat: str | None = None

    def evaluate(self, facts: Facts[ForumProposal]) -> Verdict:
        members = seated(facts[MEMBERS], self.seat)
        covered = {getattr(member, self.attribute.value) for _, member in members}
        uncovered = tuple(value for value in self.covering if value not in covered)
        return Verdict(
            status=Status.FAIL if uncovered else Status.PASS,
            message="uncovered" if uncovered else "covered",
            facts={
                "seat": self.seat,
                "attribute": self.attribute.value,
                "covering": self.covering,
                "uncovered": uncovered,
            },
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """One member for each value to cover passes; leaving out any one of them fails.
        Without a seat of its own, the members sit in the first configured seat."""
        seat = self.seat or next(iter(known.get("seat", ())), _OTHER)
        members = _holding(seat, self.attribute, self.covering)
        if passing:
            return {MEMBERS: [members]}
        return {MEMBERS: [members[:i] + members[i + 1 :] for i in range(len(members))]}


@frozen(kw_only=True)
class MeetingPlan(ForumCheck):
    """The year's plan has ``per_year`` meetings, and each of ``guests`` joins one."""

    FACTS = (MEETINGS,)
    RECORDS = ("count", "absent")
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "planned": Text(
            da="Antallet af planlagte møder er {count}, og {guests:names} deltager i mindst ét.",
            en="The number of planned meetings is {count}, and {guests:names} join at least one.",
        ),
        "planned_count": Text(
            da="Antallet af planlagte møder er {count}, som reglen siger.",
            en="The number of planned meetings is {count}, as the rule says.",
        ),
        "count": Text(
            da="Antallet af planlagte møder er {count}, men reglen siger {per_year} om året.",
            en="The number of planned meetings is {count}, but the rule says {per_year} a year.",
        ),
        "absent": Text(
            da="Ingen af de planlagte møder har deltagelse af {absent:names_or}.",
            en="None of the planned meetings is joined by {absent:names_or}.",
        ),
    }

    per_year: int = field(validator=at_least(1))
    guests: tuple[str, ...] = field(default=(), metadata=refers(*GUEST_KINDS))

    def evaluate(self, facts: Facts[ForumProposal]) -> Verdict:
        meetings = facts[MEETINGS]
        if meetings is None:
            return missing(MEETINGS, per_year=self.per_year, guests=self.guests)
        joined = {guest for meeting in meetings for guest in meeting.guests}
        recorded: dict[str, FactValue] = {
            "per_year": self.per_year,
            "guests": self.guests,
            "count": len(meetings),
            "absent": tuple(guest for guest in self.guests if guest not in joined),
        }
        if len(meetings) != self.per_year:
            return Verdict(status=Status.FAIL, message="count", facts=recorded)
        if recorded["absent"]:
            return Verdict(status=Status.FAIL, message="absent", facts=recorded)
        message = "planned" if self.guests else "planned_count"
        return Verdict(status=Status.PASS, message=message, facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """``per_year`` meetings, the first joined by every guest, pass; one meeting
        fewer or more fails, and so does a plan the last guest joins none of."""

        def plan(count: int, guests: tuple[str, ...]) -> tuple[Meeting, ...]:
            return tuple(Meeting(guests=guests if i == 0 else ()) for i in range(count))

        if passing:
            return {MEETINGS: [plan(self.per_year, self.guests)]}
        failing = [plan(self.per_year - 1, self.guests), plan(self.per_year + 1, self.guests)]
        if self.guests:
            failing.append(plan(self.per_year, self.guests[:-1]))
        return {MEETINGS: failing}
