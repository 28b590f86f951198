"""Who may win an award: the kind of nominee, where and for whom the work is done, and
the year's target group. What an award text gives as examples of a winner is guidance
for the jury (``examples`` in ``awards.toml``), never one of these rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from civilsamfund.awards._catalogue import NomineeKind
from civilsamfund.awards._check import NominationCheck
from civilsamfund.awards._nomination import Candidacy
from civilsamfund.awards.facts import (
    AWARD_GROUP,
    IN_MUNICIPALITY,
    NOMINEE_KIND,
    SOCIALLY_VULNERABLE,
    TARGET_GROUPS,
    THEME_FOCUS,
    VOLUNTARY_SOCIAL,
    WINNERS,
)
from civilsamfund.core import Text
from civilsamfund.core.rules import Examples, Facts, Known, Status, Verdict, YesCheck, missing

KIND_NAMES: Mapping[str, Text] = {
    NomineeKind.ASSOCIATION.value: Text(da="en forening", en="an association"),
    NomineeKind.VOLUNTEER.value: Text(da="en frivillig", en="a volunteer"),
    NomineeKind.YOUNG_PERSON.value: Text(da="en ung", en="a young person"),
}
"""What each kind of nominee is called in reasons."""


@frozen(kw_only=True)
class NomineeKindCheck(NominationCheck):
    """The nominee is of a kind the award, as given that year, can go to."""

    FACTS = (NOMINEE_KIND, WINNERS)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "allowed": Text(
            da="Prisen kan gå til {nominee_kind:names}.",
            en="The award can go to {nominee_kind:names}.",
        ),
        "not_allowed": Text(
            da="Prisen kan kun gå til {winners:names_or}, ikke til {nominee_kind:names}.",
            en="The award can only go to {winners:names_or}, not to {nominee_kind:names}.",
        ),
    }
    NAMES = KIND_NAMES

    def evaluate(self, facts: Facts[Candidacy]) -> Verdict:
        kind, winners = facts[NOMINEE_KIND], facts[WINNERS]
        recorded = {"nominee_kind": kind.value, "winners": tuple(w.value for w in winners)}
        allowed = kind in winners
        return Verdict(
            status=Status.PASS if allowed else Status.FAIL,
            message="allowed" if allowed else "not_allowed",
            facts=recorded,
        )

    def examples(self, passing: bool, known: Known) -> Examples:
        given = NomineeKind.ASSOCIATION if passing else NomineeKind.VOLUNTEER
        return {NOMINEE_KIND: [given], WINNERS: [(NomineeKind.ASSOCIATION,)]}


class _ShouldBeYes(YesCheck[Candidacy], NominationCheck):
    """A yes/no fact of a nomination that should be yes."""


@frozen(kw_only=True)
class InMunicipality(_ShouldBeYes):
    """The nominee's work takes place in the municipality."""

    FACT = IN_MUNICIPALITY
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(da="Indsatsen finder sted i kommunen.", en="The work is in the municipality."),
        "no": Text(
            da="Indsatsen finder ikke sted i kommunen.", en="The work is not in the municipality."
        ),
    }


@frozen(kw_only=True)
class VoluntarySocial(_ShouldBeYes):
    """The nominee is a voluntary social association (a person: volunteers in one)."""

    FACT = VOLUNTARY_SOCIAL
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="Der er tale om en frivillig social forening.",
            en="It is a voluntary social association.",
        ),
        "no": Text(
            da="Der er ikke tale om en frivillig social forening.",
            en="It is not a voluntary social association.",
        ),
    }


@frozen(kw_only=True)
class SociallyVulnerable(_ShouldBeYes):
    """The nominee's work is for socially vulnerable people."""

    FACT = SOCIALLY_VULNERABLE
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="Indsatsen er for socialt udsatte og sårbare.",
            en="The work is for socially vulnerable people.",
        ),
        "no": Text(
            da="Indsatsen er ikke for socialt udsatte og sårbare.",
            en="The work is not for socially vulnerable people.",
        ),
    }


@frozen(kw_only=True)
class ThemeFocus(_ShouldBeYes):
    """The nominee's work has a special focus on the award's theme; how special is the
    jury's to judge, so configure this rule as discretionary."""

    FACT = THEME_FOCUS
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="Indsatsen har et særligt fokus på prisens tema.",
            en="The work has a special focus on the award's theme.",
        ),
        "no": Text(
            da="Indsatsen har ikke et særligt fokus på prisens tema.",
            en="The work has no special focus on the award's theme.",
        ),
    }


@frozen(kw_only=True)
class YearsTargetGroup(NominationCheck):
    """The nominee's work is for the award's target group of the year (a rotating
    group moves on every year); an award with no target group that year is not
    concerned."""

    FACTS = (AWARD_GROUP, TARGET_GROUPS)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "no_group": Text(
            da="Prisen har ingen bestemt målgruppe i år.",
            en="The award has no particular target group this year.",
        ),
        "serves": Text(
            da="Indsatsen er for årets målgruppe: {award_group:names}.",
            en="The work is for this year's target group: {award_group:names}.",
        ),
        "not_served": Text(
            da="Årets målgruppe er {award_group:names}; indsatsen er for {target_groups:names}.",
            en="This year's target group is {award_group:names}; the work is for "
            "{target_groups:names}.",
        ),
        "no_groups": Text(
            da="Årets målgruppe er {award_group:names}; indstillingen nævner ingen målgruppe "
            "for indsatsen.",
            en="This year's target group is {award_group:names}; the nomination names no "
            "target group for the work.",
        ),
    }

    def evaluate(self, facts: Facts[Candidacy]) -> Verdict:
        group = facts[AWARD_GROUP]
        if group is None:
            return Verdict(status=Status.NOT_APPLICABLE, message="no_group")
        groups = facts[TARGET_GROUPS]
        if groups is None:
            return missing(TARGET_GROUPS, award_group=group)
        served = group in groups
        return Verdict(
            status=Status.PASS if served else Status.FAIL,
            message="serves" if served else ("not_served" if groups else "no_groups"),
            facts={"award_group": group, "target_groups": groups},
        )

    def examples(self, passing: bool, known: Known) -> Examples:
        group = (known.get("award_group") or ("children-young",))[0]
        return {AWARD_GROUP: [group], TARGET_GROUPS: [(group,) if passing else ()]}
