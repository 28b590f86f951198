"""Checks that read what the activity is: its purpose, who does the work, where and for whom."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

from attrs import field, frozen

from civilsamfund.core import Share, Text, refers
from civilsamfund.core.rules import (
    FAIL,
    FLAG,
    INFO,
    NOT_APPLICABLE,
    PASS,
    Examples,
    Fact,
    Facts,
    FactValue,
    Known,
    Status,
    Verdict,
    missing,
)
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._check import GrantCheck, threshold_examples
from civilsamfund.grants.facts import (
    FOCUS_AREAS,
    LOCAL_SHARE,
    OPEN_TO_ALL,
    PURPOSE,
    SOCIAL_AIM,
    VOLUNTEER_SHARE,
)

_HALF = Share(Decimal("0.5"))


@frozen(kw_only=True)
class _ShareThreshold(GrantCheck):
    """A share that must exceed ``minimum`` (or reach it, when ``inclusive``), with the
    other facts (``ALSO``) that must be given for it to count: ``FACTS`` lists those
    first and the share last."""

    minimum: Share = _HALF
    inclusive: bool = False

    SHARE: ClassVar[Fact[GrantApplication, Share | None]]
    ALSO: ClassVar[Mapping[Fact[GrantApplication, Any], str]] = {}
    """Each other needed fact, with the value the examples give it."""
    MET: ClassVar[str]
    UNMET: ClassVar[str]

    def status(self, *values: Any) -> Status:
        share = values[-1]
        if None in values:
            return FLAG
        enough = share >= self.minimum if self.inclusive else share > self.minimum
        return PASS if enough else FAIL

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        share = facts[self.SHARE]
        status = self.status(*(facts[fact] for fact in self.FACTS))
        recorded: dict[str, FactValue] = {"minimum": str(self.minimum), "inclusive": self.inclusive}
        if status is FLAG:
            return missing(*facts.absent(*self.ALSO, self.SHARE), **recorded)
        return Verdict(
            status=status,
            message=self.MET if status is PASS else self.UNMET,
            facts={**recorded, self.SHARE.name: str(share)},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        shares = threshold_examples(self.minimum, self.inclusive, passing)
        if shares is None:
            return None
        return {**{fact: [value] for fact, value in self.ALSO.items()}, self.SHARE: shares}


@frozen(kw_only=True)
class VolunteerShare(_ShareThreshold):
    """The activity has a concrete purpose and volunteers do most of the work.

    ``minimum`` is the share volunteers must exceed (or reach, when ``inclusive``).
    """

    SHARE = VOLUNTEER_SHARE
    ALSO: ClassVar[Mapping[Fact[GrantApplication, Any], str]] = {PURPOSE: "Besøgsvenner"}
    FACTS = (PURPOSE, VOLUNTEER_SHARE)
    MET, UNMET = "enough", "too_little"
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "enough": Text(
            da="Aktiviteten har et konkret formål, og frivillige udfører {volunteer_share:pct} "
            "af arbejdet (krav: {inclusive:cmp} {minimum:pct}).",
            en="The activity has a concrete purpose and volunteers do {volunteer_share:pct} of "
            "the work (required: {inclusive:cmp} {minimum:pct}).",
        ),
        "too_little": Text(
            da="Frivillige udfører {volunteer_share:pct} af arbejdet; kravet er "
            "{inclusive:cmp} {minimum:pct}.",
            en="Volunteers do {volunteer_share:pct} of the work; the requirement is "
            "{inclusive:cmp} {minimum:pct}.",
        ),
    }


@frozen(kw_only=True)
class LocalShare(_ShareThreshold):
    """Most of the target group lives in the municipality.

    ``minimum`` is the share of participants living locally that must be exceeded
    (or reached, when ``inclusive``).
    """

    SHARE = LOCAL_SHARE
    FACTS = (LOCAL_SHARE,)
    MET, UNMET = "local", "not_local"
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "local": Text(
            da="{local_share:pct} af deltagerne bor i kommunen (krav: {inclusive:cmp} "
            "{minimum:pct}).",
            en="{local_share:pct} of the participants live in the municipality (required: "
            "{inclusive:cmp} {minimum:pct}).",
        ),
        "not_local": Text(
            da="Kun {local_share:pct} af deltagerne bor i kommunen; kravet er {inclusive:cmp} "
            "{minimum:pct}.",
            en="Only {local_share:pct} of the participants live in the municipality; the "
            "requirement is {inclusive:cmp} {minimum:pct}.",
        ),
    }


class _YesNo(GrantCheck):
    """A check of one yes-or-no fact of the activity: yes passes, no fails."""

    FACT: ClassVar[Fact[GrantApplication, Any]]
    YES: ClassVar[str]
    NO: ClassVar[str]

    def status(self, value: Any) -> Status:
        if value is None:
            return FLAG
        return PASS if value else FAIL

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        value = facts[self.FACT]
        status = self.status(value)
        if status is FLAG:
            return missing(self.FACT)
        return Verdict(
            status=status,
            message=self.YES if status is PASS else self.NO,
            facts={self.FACT.name: value},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {self.FACT: [passing]}


@frozen(kw_only=True)
class SocialAim(_YesNo):
    """The activity has a social aim."""

    FACT = SOCIAL_AIM
    FACTS = (SOCIAL_AIM,)
    YES, NO = "social", "not_social"
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "social": Text(da="Aktiviteten har et socialt sigte.", en="The activity has a social aim."),
        "not_social": Text(
            da="Aktiviteten har ikke et socialt sigte.", en="The activity has no social aim."
        ),
    }


@frozen(kw_only=True)
class OpenToAll(_YesNo):
    """The activity is open: anyone in the target group may take part without referral."""

    FACT = OPEN_TO_ALL
    FACTS = (OPEN_TO_ALL,)
    YES, NO = "open", "closed"
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "open": Text(da="Arrangementet er åbent.", en="The event is open to all."),
        "closed": Text(da="Arrangementet er ikke åbent.", en="The event is not open to all."),
    }


@frozen(kw_only=True)
class PriorityFocus(GrantCheck):
    """Tells when an activity matches one of the municipality's priority focus areas."""

    focus_areas: tuple[str, ...] = field(metadata=refers("focus_area"))

    FACTS = (FOCUS_AREAS,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "match": Text(
            da="Aktiviteten falder inden for de prioriterede indsatsområder: {matches:names}.",
            en="The activity falls within the priority areas: {matches:names}.",
        ),
        "no_match": Text(
            da="Aktiviteten falder ikke inden for de prioriterede indsatsområder.",
            en="The activity is outside the priority areas.",
        ),
    }
    RECORDS = ("matches",)

    def _matches(self, areas: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(area for area in areas if area in self.focus_areas)

    def status(self, areas: tuple[str, ...] | None) -> Status:
        if areas is None:
            return FLAG
        focus_areas = self.focus_areas
        for area in areas:
            if area in focus_areas:
                return INFO
        return NOT_APPLICABLE

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        areas = facts[FOCUS_AREAS]
        status = self.status(areas)
        if areas is None:
            return missing(FOCUS_AREAS)
        message = "match" if status is INFO else "no_match"
        return Verdict(status=status, message=message, facts={"matches": self._matches(areas)})

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {} if passing else None  # it tells, never fails
