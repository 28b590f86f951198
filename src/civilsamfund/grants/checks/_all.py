"""The shared checks: rules many municipalities have, parameterised by configuration.

Each class is one ``type`` a criterion in ``criteria.toml`` can name; its fields are
the ``params`` it takes. Shares, money and dates enter the facts as strings so a
decision stays JSON-safe and exact.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date
from decimal import Decimal
from typing import ClassVar

from attrs import frozen

from civilsamfund.core._money import Share
from civilsamfund.core._text import Text
from civilsamfund.core.rules._check import Check, Context, Verdict, missing
from civilsamfund.core.rules._findings import FactValue, Status
from civilsamfund.grants._application import (
    Association,
    AssociationKind,
    BudgetCategory,
    FundingSource,
    GrantApplication,
    PrivatePerson,
)

_HALF = Share(Decimal("0.5"))


class ReadsTargetGroups:
    """For checks that read nothing of an application but its target groups."""

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return application.activity.target_groups


def _written(value: Decimal | None) -> str | None:
    """A decimal as written: 0.5 and 0.50 are equal, yet a finding records which was given."""
    return None if value is None else str(value)


def _kind(application: GrantApplication) -> AssociationKind | None:
    applicant = application.applicant
    return applicant.kind if isinstance(applicant, Association) else None


def _names(sources: tuple[FundingSource, ...] | None) -> tuple[str, ...] | None:
    return None if sources is None else tuple(source.name for source in sources)


def _absent(**values: object) -> tuple[str, ...]:
    """The names of the facts that are not given."""
    return tuple(name for name, value in values.items() if value is None)


def _share_verdict(share: Decimal, minimum: Decimal, inclusive: bool) -> Status:
    enough = share >= minimum if inclusive else share > minimum
    return Status.PASS if enough else Status.FAIL


@frozen(kw_only=True)
class MunicipalDiscretion:
    """The municipality decides whether to support at all: the assessment is guidance.

    An association of a kind outside ``expected_kinds`` is flagged: whether the pool
    suits it at all is for a caseworker to judge.
    """

    expected_kinds: tuple[AssociationKind, ...] = (AssociationKind.VOLUNTARY_SOCIAL,)

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "guidance": Text(
            da="Vurderingen er vejledende; den endelige afgørelse træffes af en sagsbehandler.",
            en="This assessment is guidance; a caseworker makes the final decision.",
        ),
        "other_kind": Text(
            da="Ansøgeren er en forening af typen '{association_kind}'; en sagsbehandler må "
            "vurdere, om puljen passer til den.",
            en="The applicant is an association of kind '{association_kind}'; a caseworker must "
            "judge whether the pool suits it.",
        ),
    }

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return _kind(application)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        applicant = application.applicant
        if isinstance(applicant, Association) and applicant.kind not in self.expected_kinds:
            return Verdict(
                status=Status.FLAG,
                message="other_kind",
                facts={"association_kind": applicant.kind.value},
            )
        return Verdict(status=Status.INFO, message="guidance")


@frozen(kw_only=True)
class NotAnIndividual:
    """Support goes to associations, not to private persons."""

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "association": Text(da="Ansøgeren er en forening.", en="The applicant is an association."),
        "individual": Text(
            da="Ansøgeren er en privatperson.", en="The applicant is a private person."
        ),
    }

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return isinstance(application.applicant, PrivatePerson)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        is_person = isinstance(application.applicant, PrivatePerson)
        return Verdict(
            status=Status.FAIL if is_person else Status.PASS,
            message="individual" if is_person else "association",
            facts={"applicant_type": "person" if is_person else "association"},
        )


@frozen(kw_only=True)
class OtherFundingSought:
    """The applicant is expected to seek money from other sources too."""

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

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return _names(application.other_funding)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        sources = application.other_funding
        if sources is None:
            return missing("other_funding")
        if not sources:
            return Verdict(status=Status.FAIL, message="none", facts={"sources": ()})
        names = tuple(source.name for source in sources)
        return Verdict(status=Status.PASS, message="sought", facts={"sources": names})


@frozen(kw_only=True)
class EquityGuideline:
    """Equity should not exceed what ordinary running needs.

    ``max_multiple`` is the guideline: equity above that many times the annual
    running costs is more than ordinary running needs.
    """

    max_multiple: Decimal

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "within": Text(
            da="Egenkapitalen på {equity:kr} er højst {max_multiple} gange de årlige "
            "driftsudgifter på {annual_running_costs:kr}.",
            en="Equity of {equity:kr} is at most {max_multiple} times the annual running "
            "costs of {annual_running_costs:kr}.",
        ),
        "above": Text(
            da="Egenkapitalen på {equity:kr} er over {max_multiple} gange de årlige "
            "driftsudgifter på {annual_running_costs:kr}.",
            en="Equity of {equity:kr} is more than {max_multiple} times the annual running "
            "costs of {annual_running_costs:kr}.",
        ),
        "not_association": Text(
            da="Ansøgeren er ikke en forening.", en="The applicant is not an association."
        ),
    }

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        applicant = application.applicant
        if not isinstance(applicant, Association):
            return Verdict(status=Status.NOT_APPLICABLE, message="not_association")
        multiple = str(self.max_multiple)
        equity, costs = applicant.equity, applicant.annual_running_costs
        if equity is None or costs is None:
            return missing(
                *_absent(equity=equity, annual_running_costs=costs), max_multiple=multiple
            )
        within = equity <= self.max_multiple * costs
        return Verdict(
            status=Status.PASS if within else Status.FAIL,
            message="within" if within else "above",
            facts={
                "equity": str(equity),
                "annual_running_costs": str(costs),
                "max_multiple": multiple,
            },
        )


@frozen(kw_only=True)
class StartupSupport:
    """Support in an association's start-up phase is allowed.

    ``startup_years``: how many years after its founding an association counts as
    starting up; the documents give no number, so it is a reading to configure.
    """

    startup_years: int

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "startup": Text(
            da="Foreningen er stiftet {founded} og er i opstartsfasen; opstartsstøtte kan gives.",
            en="The association was founded on {founded} and is starting up; start-up support "
            "may be given.",
        ),
        "established": Text(
            da="Foreningen er stiftet {founded} og er ikke i opstartsfasen.",
            en="The association was founded on {founded} and is past its start-up phase.",
        ),
        "not_association": Text(
            da="Ansøgeren er ikke en forening.", en="The applicant is not an association."
        ),
    }

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        applicant = application.applicant
        if not isinstance(applicant, Association):
            return Verdict(status=Status.NOT_APPLICABLE, message="not_association")
        if applicant.founded is None:
            return missing("founded", startup_years=self.startup_years)
        facts: dict[str, FactValue] = {
            "founded": applicant.founded.isoformat(),
            "startup_years": self.startup_years,
        }
        if _years_between(applicant.founded, application.received) < self.startup_years:
            return Verdict(status=Status.INFO, message="startup", facts=facts)
        return Verdict(status=Status.NOT_APPLICABLE, message="established", facts=facts)


def _years_between(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end``, as an age is counted."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


@frozen(kw_only=True)
class StaffCosts:
    """Money may pay staff who organise and coordinate volunteers; other staff are flagged."""

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

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: the two staff sums, as written."""
        return _staff_sums(application)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        sums = _staff_sums(application)
        if sums is None:
            return missing("budget")
        coordinating, other = sums
        facts = {"coordinating_staff": coordinating, "other_staff": other}
        if Decimal(other):
            return Verdict(status=Status.FAIL, message="other", facts=facts)
        if Decimal(coordinating):
            return Verdict(status=Status.INFO, message="coordinating", facts=facts)
        return Verdict(status=Status.NOT_APPLICABLE, message="none", facts=facts)


def _staff_sums(application: GrantApplication) -> tuple[str, str] | None:
    """What the budget spends on coordinating staff and on other staff, as written."""
    if application.budget is None:
        return None
    coordinating = other = Decimal(0)
    for line in application.budget:
        if line.category is BudgetCategory.COORDINATING_STAFF:
            coordinating += line.amount
        elif line.category is BudgetCategory.OTHER_STAFF:
            other += line.amount
    return str(coordinating), str(other)


@frozen(kw_only=True)
class VolunteerShare:
    """The activity has a concrete purpose and volunteers do most of the work.

    ``minimum`` is the share volunteers must exceed (or reach, when ``inclusive``).
    """

    minimum: Share = _HALF
    inclusive: bool = False

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

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        activity = application.activity
        return not (activity.purpose or "").strip(), _written(activity.volunteer_share)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        purpose = (application.activity.purpose or "").strip() or None
        share = application.activity.volunteer_share
        facts = _threshold_facts(self.minimum, self.inclusive)
        if purpose is None or share is None:
            return missing(*_absent(purpose=purpose, volunteer_share=share), **facts)
        status = _share_verdict(share, self.minimum, self.inclusive)
        return Verdict(
            status=status,
            message="enough" if status is Status.PASS else "too_little",
            facts={**facts, "volunteer_share": str(share)},
        )


def _threshold_facts(minimum: Decimal, inclusive: bool) -> dict[str, FactValue]:
    return {"minimum": str(minimum), "inclusive": inclusive}


@frozen(kw_only=True)
class LocalShare:
    """Most of the target group lives in the municipality.

    ``minimum`` is the share of participants living locally that must be exceeded
    (or reached, when ``inclusive``).
    """

    minimum: Share = _HALF
    inclusive: bool = False

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

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return _written(application.activity.local_share)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        facts = _threshold_facts(self.minimum, self.inclusive)
        local = application.activity.local_share
        if local is None:
            return missing("local_share", **facts)
        status = _share_verdict(local, self.minimum, self.inclusive)
        return Verdict(
            status=status,
            message="local" if status is Status.PASS else "not_local",
            facts={**facts, "local_share": str(local)},
        )


@frozen(kw_only=True)
class SocialAim:
    """The activity has a social aim."""

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "social": Text(da="Aktiviteten har et socialt sigte.", en="The activity has a social aim."),
        "not_social": Text(
            da="Aktiviteten har ikke et socialt sigte.", en="The activity has no social aim."
        ),
    }

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return application.activity.social_aim

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        return _yes_no(application.activity.social_aim, "social_aim", "social", "not_social")


@frozen(kw_only=True)
class OpenToAll:
    """The activity is open: anyone in the target group may take part without referral."""

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "open": Text(da="Arrangementet er åbent.", en="The event is open to all."),
        "closed": Text(da="Arrangementet er ikke åbent.", en="The event is not open to all."),
    }

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return application.activity.open_to_all

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        return _yes_no(application.activity.open_to_all, "open_to_all", "open", "closed")


def _yes_no(value: bool | None, fact: str, yes: str, no: str) -> Verdict:
    if value is None:
        return missing(fact)
    return Verdict(
        status=Status.PASS if value else Status.FAIL,
        message=yes if value else no,
        facts={fact: value},
    )


@frozen(kw_only=True)
class TargetGroupInList(ReadsTargetGroups):
    """Every target group is one of the categories the pool supports.

    ``allowed`` holds category ids from the municipality's ``target_groups``;
    ``allow_relatives`` admits groups of relatives of an allowed category (a separate
    discretionary criterion then judges them).
    """

    allowed: tuple[str, ...]
    allow_relatives: bool = False

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "in_list": Text(
            da="Målgrupperne ({categories:names}) er blandt dem, der gives støtte til.",
            en="The target groups ({categories:names}) are among those supported.",
        ),
        "outside": Text(
            da="Målgrupperne {outside:names} er ikke blandt dem, der gives støtte til "
            "(for pårørende kun, hvor det er tilladt).",
            en="The target groups {outside:names} are not among those supported (for "
            "relatives only where that is allowed).",
        ),
    }

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        groups = application.activity.target_groups
        if not groups:
            return missing("target_groups")
        categories = tuple(group.category for group in groups)
        outside = tuple(
            group.category
            for group in groups
            if group.category not in self.allowed or (group.relatives and not self.allow_relatives)
        )
        if outside:
            return Verdict(
                status=Status.FAIL,
                message="outside",
                facts={"categories": categories, "outside": outside},
            )
        return Verdict(status=Status.PASS, message="in_list", facts={"categories": categories})


@frozen(kw_only=True)
class RelativesException(ReadsTargetGroups):
    """Activities for relatives of a target group need special circumstances: flag them."""

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "relatives": Text(
            da="Aktiviteten er rettet mod pårørende ({categories:names}); det kræver særlige "
            "forhold, som en sagsbehandler må vurdere.",
            en="The activity is aimed at relatives ({categories:names}); that needs special "
            "circumstances, for a caseworker to judge.",
        ),
        "no_relatives": Text(
            da="Aktiviteten er ikke rettet mod pårørende.",
            en="The activity is not aimed at relatives.",
        ),
    }

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        groups = application.activity.target_groups
        if groups is None:
            return missing("target_groups")
        relatives = tuple(group.category for group in groups if group.relatives)
        if relatives:
            return Verdict(status=Status.FLAG, message="relatives", facts={"categories": relatives})
        return Verdict(status=Status.NOT_APPLICABLE, message="no_relatives")


@frozen(kw_only=True)
class MinimumAge(ReadsTargetGroups):
    """Every target group is at least ``min_age`` years old."""

    min_age: int

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "old_enough": Text(
            da="Målgruppen er mindst {min_age} år (yngste: {youngest} år).",
            en="The target group is at least {min_age} years old (youngest: {youngest}).",
        ),
        "too_young": Text(
            da="Målgruppen omfatter personer under {min_age} år (yngste: {youngest} år).",
            en="The target group includes people under {min_age} (youngest: {youngest}).",
        ),
    }

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        groups = application.activity.target_groups
        if not groups or any(group.min_age is None for group in groups):
            return missing("target_group_min_age", min_age=self.min_age)
        youngest = min(group.min_age for group in groups if group.min_age is not None)
        old_enough = youngest >= self.min_age
        return Verdict(
            status=Status.PASS if old_enough else Status.FAIL,
            message="old_enough" if old_enough else "too_young",
            facts={"min_age": self.min_age, "youngest": youngest},
        )


@frozen(kw_only=True)
class PriorityFocus:
    """Tells when an activity matches one of the municipality's priority focus areas."""

    focus_areas: tuple[str, ...]

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "match": Text(
            da="Aktiviteten falder inden for de prioriterede indsatsområder: {matches:list}.",
            en="The activity falls within the priority areas: {matches:list}.",
        ),
        "no_match": Text(
            da="Aktiviteten falder ikke inden for de prioriterede indsatsområder.",
            en="The activity is outside the priority areas.",
        ),
    }

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return application.activity.focus_areas

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        areas = application.activity.focus_areas
        if areas is None:
            return missing("focus_areas")
        matches = tuple(area for area in areas if area in self.focus_areas)
        if matches:
            return Verdict(status=Status.INFO, message="match", facts={"matches": matches})
        return Verdict(status=Status.NOT_APPLICABLE, message="no_match", facts={"matches": ()})


@frozen(kw_only=True)
class StandingGrant:
    """A standing grant for running costs is renewed on a simpler application.

    Growth is not running costs: a renewal that asks for reserved (development)
    money is flagged, as expansion needs an ordinary application.
    """

    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "renewal": Text(
            da="Ansøgningen fornyer en løbende bevilling til basisdrift og behandles på et "
            "forenklet grundlag.",
            en="The application renews a standing grant for basic running costs and is handled "
            "on a simpler basis.",
        ),
        "renewal_with_growth": Text(
            da="Ansøgningen fornyer en løbende bevilling, men søger af den reserverede pulje "
            "'{reserve}'; udvidelser kræver en almindelig ansøgning.",
            en="The application renews a standing grant but asks for reserved money "
            "('{reserve}'); expansion needs an ordinary application.",
        ),
        "ordinary": Text(
            da="Ansøgningen er en almindelig ansøgning.", en="This is an ordinary application."
        ),
    }

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads: equal keys give equal findings."""
        return (application.standing_grant_renewal, application.reserve)

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        if not application.standing_grant_renewal:
            return Verdict(status=Status.NOT_APPLICABLE, message="ordinary")
        if application.reserve is not None:
            return Verdict(
                status=Status.FAIL,
                message="renewal_with_growth",
                facts={"reserve": application.reserve},
            )
        return Verdict(status=Status.INFO, message="renewal")


CORE_CHECKS: Mapping[str, type[Check]] = {
    "municipal_discretion": MunicipalDiscretion,
    "not_an_individual": NotAnIndividual,
    "other_funding_sought": OtherFundingSought,
    "equity_guideline": EquityGuideline,
    "startup_support": StartupSupport,
    "staff_costs": StaffCosts,
    "volunteer_share": VolunteerShare,
    "local_share": LocalShare,
    "social_aim": SocialAim,
    "open_to_all": OpenToAll,
    "target_group_in_list": TargetGroupInList,
    "relatives_exception": RelativesException,
    "minimum_age": MinimumAge,
    "priority_focus": PriorityFocus,
    "standing_grant": StandingGrant,
}
"""The checks every municipality can use, by the ``type`` name configuration gives them."""
