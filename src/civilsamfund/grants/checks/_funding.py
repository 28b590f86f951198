"""Checks that read the money: other funders, the budget's staff costs, standing grants."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from attrs import frozen

from civilsamfund.core import Text
from civilsamfund.core.rules import (
    FAIL,
    FLAG,
    INFO,
    NOT_APPLICABLE,
    PASS,
    Examples,
    Facts,
    Known,
    Status,
    Verdict,
    missing,
)
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._check import GrantCheck
from civilsamfund.grants.facts import (
    OTHER_FUNDING,
    RESERVE,
    STAFF_SUMS,
    STANDING_GRANT_RENEWAL,
)


@frozen(kw_only=True)
class OtherFundingSought(GrantCheck):
    """The applicant is expected to seek money from other sources too."""

    FACTS = (OTHER_FUNDING,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "sought": Text(
            da="Ansøgningen nævner andre finansieringskilder: {sources:list}.",
            en="The application names other sources of funding: {sources:list}.",
        ),
        "none": Text(
            da="Ansøgningen nævner ingen andre finansieringskilder.",
            en="The application names no other source of funding.",
        ),
    }
    RECORDS = ("sources",)

    def status(self, names: tuple[str, ...] | None) -> Status:
        if names is None:
            return FLAG
        return PASS if names else FAIL

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        names = facts[OTHER_FUNDING]
        status = self.status(names)
        if names is None:
            return missing(OTHER_FUNDING)
        message = "sought" if status is PASS else "none"
        return Verdict(status=status, message=message, facts={"sources": names})

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {OTHER_FUNDING: [("Fond",)] if passing else [()]}


_STAFF_MESSAGES = {
    FAIL: "other",
    INFO: "coordinating",
    NOT_APPLICABLE: "none",
}


@frozen(kw_only=True)
class StaffCosts(GrantCheck):
    """Money may pay staff who organise and coordinate volunteers; other staff are flagged."""

    FACTS = (STAFF_SUMS,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "coordinating": Text(
            da="Budgettet har {coordinating_staff:kr} til personale, der koordinerer frivillige; "
            "det er tilladt.",
            en="The budget has {coordinating_staff:kr} for staff who coordinate volunteers; "
            "that is allowed.",
        ),
        "other": Text(
            da="Budgettet har {other_staff:kr} til andet personale end koordinering af frivillige.",
            en="The budget has {other_staff:kr} for staff other than volunteer coordination.",
        ),
        "none": Text(da="Budgettet har ingen lønudgifter.", en="The budget has no staff costs."),
    }
    RECORDS = ("coordinating_staff", "other_staff")

    def status(self, sums: tuple[str, str] | None) -> Status:
        if sums is None:
            return FLAG
        coordinating, other = sums
        if Decimal(other):
            return FAIL
        return INFO if Decimal(coordinating) else NOT_APPLICABLE

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        sums = facts[STAFF_SUMS]
        status = self.status(sums)
        if sums is None:
            return missing(STAFF_SUMS)
        coordinating, other = sums
        recorded = {"coordinating_staff": coordinating, "other_staff": other}
        return Verdict(status=status, message=_STAFF_MESSAGES[status], facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {STAFF_SUMS: [("0", "0"), ("1000", "0")] if passing else [("0", "1000")]}


@frozen(kw_only=True)
class StandingGrant(GrantCheck):
    """A standing grant for running costs is renewed on a simpler application.

    Growth is not running costs: a renewal that asks for reserved (development)
    money is flagged, as expansion needs an ordinary application.
    """

    FACTS = (STANDING_GRANT_RENEWAL, RESERVE)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "renewal": Text(
            da="Ansøgningen fornyer en løbende bevilling til basisdrift og behandles på et "
            "forenklet grundlag.",
            en="The application renews a standing grant for basic running costs and is handled "
            "on a simpler basis.",
        ),
        "renewal_with_growth": Text(
            da="Ansøgningen fornyer en løbende bevilling, men søger af den reserverede pulje "
            "({reserve:names}); udvidelser kræver en almindelig ansøgning.",
            en="The application renews a standing grant but asks for reserved money "
            "({reserve:names}); expansion needs an ordinary application.",
        ),
        "ordinary": Text(
            da="Ansøgningen er en almindelig ansøgning.", en="This is an ordinary application."
        ),
    }

    def status(self, renewal: bool, reserve: str | None) -> Status:
        if not renewal:
            return NOT_APPLICABLE
        return INFO if reserve is None else FAIL

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        reserve = facts[RESERVE]
        status = self.status(facts[STANDING_GRANT_RENEWAL], reserve)
        if status is FAIL:
            return Verdict(status=status, message="renewal_with_growth", facts={"reserve": reserve})
        return Verdict(status=status, message="ordinary" if status is NOT_APPLICABLE else "renewal")

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {STANDING_GRANT_RENEWAL: [False, True], RESERVE: [None]}
        reserves = known.get("reserve", ())
        return {STANDING_GRANT_RENEWAL: [True], RESERVE: list(reserves)} if reserves else None
