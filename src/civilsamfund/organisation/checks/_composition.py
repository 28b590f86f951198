"""Composition rules for a forum: how many hold a group of seats, who may hold them,
named organisations' fixed seats, a broad mix of areas, and the year's meetings."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core._errors import FieldValueError
from civilsamfund.core._text import Text
from civilsamfund.core._validators import at_least, not_empty
from civilsamfund.core.rules._check import Verdict, missing
from civilsamfund.core.rules._facts import Facts
from civilsamfund.core.rules._findings import FactValue, Status
from civilsamfund.organisation._check import ForumCheck, seated
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.organisation.facts import MEETINGS, MEMBERS


@frozen(kw_only=True)
class SeatCount(ForumCheck):
    """Between ``min`` and ``max`` members hold ``seat`` (both included); no ``max``:
    at least ``min``."""

    FACTS = (MEMBERS,)
    RECORDS = ("count",)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "fits": Text(
            da="{seat:names}: {count}, og reglen tillader {min} til {max}.",
            en="{seat:names}: {count}, and the rule allows {min} to {max}.",
        ),
        "outside": Text(
            da="{seat:names}: {count}, men reglen tillader {min} til {max}.",
            en="{seat:names}: {count}, but the rule allows {min} to {max}.",
        ),
        "exactly": Text(
            da="{seat:names}: {count}, som reglen kræver.",
            en="{seat:names}: {count}, as the rule requires.",
        ),
        "not_exactly": Text(
            da="{seat:names}: {count}, men reglen kræver præcis {max}.",
            en="{seat:names}: {count}, but the rule requires exactly {max}.",
        ),
        "enough": Text(
            da="{seat:names}: {count}, og reglen kræver mindst {min}.",
            en="{seat:names}: {count}, and the rule requires at least {min}.",
        ),
        "too_few": Text(
            da="{seat:names}: {count}, men reglen kræver mindst {min}.",
            en="{seat:names}: {count}, but the rule requires at least {min}.",
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


class MemberAttribute(str, enum.Enum):
    """What a rule may ask of the members holding a seat."""

    ORGANISATION = "organisation"
    AREA = "area"
    COMMITTEE = "committee"
    DEPARTMENT = "department"
    ELECTED_AT = "elected_at"


_ATTRIBUTE_NAMES: Mapping[str, Text] = {
    MemberAttribute.ORGANISATION.value: Text(da="organisation", en="organisation"),
    MemberAttribute.AREA.value: Text(da="område", en="area"),
    MemberAttribute.COMMITTEE.value: Text(da="udvalg", en="committee"),
    MemberAttribute.DEPARTMENT.value: Text(da="forvaltning", en="department"),
    MemberAttribute.ELECTED_AT.value: Text(da="valgt ved", en="elected at"),
}


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
            da="Alle på {seat:names} har {attribute:names}: {allowed:names}.",
            en="Everyone in {seat:names} has {attribute:names}: {allowed:names}.",
        ),
        "not_allowed": Text(
            da="Medlem nr. {offending:list} på {seat:names} har ikke {attribute:names}: "
            "{allowed:names}.",
            en="Member no. {offending:list} in {seat:names} does not have {attribute:names}: "
            "{allowed:names}.",
        ),
        "none_excluded": Text(
            da="Ingen på {seat:names} har {attribute:names}: {excluded:names}, som er undtaget.",
            en="No one in {seat:names} has {attribute:names}: {excluded:names}, which is excepted.",
        ),
        "excluded": Text(
            da="Medlem nr. {offending:list} på {seat:names} har {attribute:names}: "
            "{excluded:names}, som er undtaget.",
            en="Member no. {offending:list} in {seat:names} has {attribute:names}: "
            "{excluded:names}, which is excepted.",
        ),
        "unknown": Text(
            da="For medlem nr. {unknown:list} på {seat:names} er {attribute:names} ikke oplyst.",
            en="For member no. {unknown:list} in {seat:names}, {attribute:names} is not given.",
        ),
    }

    seat: str
    attribute: MemberAttribute = field(converter=MemberAttribute)
    allowed: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

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
            return Verdict(status=Status.FLAG, message="unknown", facts=recorded)
        message = "none_excluded" if self.excluded else "allowed"
        return Verdict(status=Status.PASS, message=message, facts=recorded)


@frozen(kw_only=True)
class FixedSeats(ForumCheck):
    """Each of ``organisations`` holds exactly one place in ``seat``, and no one else
    does: the fixed seats of named organisations."""

    FACTS = (MEMBERS,)
    RECORDS = ("absent", "doubled", "others")
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "held": Text(
            da="{organisations:names} har hver sin faste plads.",
            en="{organisations:names} each hold their fixed seat.",
        ),
        "absent": Text(
            da="{absent:names} mangler sin faste plads.",
            en="{absent:names} lacks its fixed seat.",
        ),
        "doubled": Text(
            da="{doubled:names} har mere end én fast plads.",
            en="{doubled:names} holds more than one fixed seat.",
        ),
        "others": Text(
            da="Medlem nr. {others:list} har en fast plads uden at repræsentere "
            "{organisations:names}.",
            en="Member no. {others:list} holds a fixed seat without representing "
            "{organisations:names}.",
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
            da="Medlemmerne dækker hver af disse ({attribute:names}): {covering:names}.",
            en="The members cover each of these ({attribute:names}): {covering:names}.",
        ),
        "uncovered": Text(
            da="Ingen af medlemmerne har {attribute:names}: {uncovered:names}.",
            en="None of the members has {attribute:names}: {uncovered:names}.",
        ),
    }

    covering: tuple[str, ...] = field(validator=not_empty)
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


@frozen(kw_only=True)
class MeetingPlan(ForumCheck):
    """The year's plan has ``per_year`` meetings, and each of ``guests`` joins one."""

    FACTS = (MEETINGS,)
    RECORDS = ("count", "absent")
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "planned": Text(
            da="Der er planlagt {count} møder, og {guests:names} deltager i mindst ét.",
            en="{count} meetings are planned, and {guests:names} join at least one.",
        ),
        "count": Text(
            da="Der er planlagt {count} møder, men reglen siger {per_year} om året.",
            en="{count} meetings are planned, but the rule says {per_year} a year.",
        ),
        "absent": Text(
            da="{absent:names} deltager ikke i nogen af de planlagte møder.",
            en="{absent:names} join none of the planned meetings.",
        ),
    }

    per_year: int = field(validator=at_least(1))
    guests: tuple[str, ...] = ()

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
        return Verdict(status=Status.PASS, message="planned", facts=recorded)
