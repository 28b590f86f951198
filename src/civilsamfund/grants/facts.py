"""The facts of a grant application that checks read, each with its label in both languages.

Most are attributes of the application; a few are read from several (the applicant's
type, the staff sums of the budget, the target groups' categories or ages), so that a
check's facts say exactly what its finding depends on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any

import attrs
from attrs import frozen

from civilsamfund.core import Kroner, Share, Text
from civilsamfund.core.rules import Fact, attribute_fact
from civilsamfund.grants._application import (
    Association,
    AssociationKind,
    BudgetCategory,
    BudgetLine,
    FundingSource,
    GrantApplication,
    PrivatePerson,
    TargetGroup,
)

Application = GrantApplication


def _applicant_type(application: Application) -> str:
    return "person" if isinstance(application.applicant, PrivatePerson) else "association"


def _with_applicant_type(application: Application, kind: str) -> Application:
    if kind == _applicant_type(application):
        return application
    if kind == "person":
        return attrs.evolve(application, applicant=PrivatePerson())
    return attrs.evolve(application, applicant=Association(name="Forening"))


APPLICANT_TYPE: Fact[Application, str] = Fact(
    name="applicant_type",
    label=Text(da="ansøgertypen", en="the type of applicant"),
    read=_applicant_type,
    write=_with_applicant_type,
)


def _association_field(name: str, label: Text) -> Fact[Application, Any]:
    """A fact of the applicant that only an association has (``None`` for a person)."""

    def read(application: Application) -> Any:
        applicant = application.applicant
        return getattr(applicant, name) if isinstance(applicant, Association) else None

    def write(application: Application, value: Any) -> Application:
        applicant = application.applicant
        if not isinstance(applicant, Association):
            applicant = Association(name="Forening")
        return attrs.evolve(application, applicant=attrs.evolve(applicant, **{name: value}))

    return Fact(name=name, label=label, read=read, write=write)


ASSOCIATION_KIND: Fact[Application, AssociationKind | None] = _association_field(
    "kind", Text(da="foreningstypen", en="the kind of association")
)
EQUITY: Fact[Application, Decimal | None] = _association_field(
    "equity", Text(da="egenkapital", en="equity")
)
ANNUAL_RUNNING_COSTS: Fact[Application, Decimal | None] = _association_field(
    "annual_running_costs", Text(da="årlige driftsudgifter", en="annual running costs")
)
FOUNDED: Fact[Application, date | None] = _association_field(
    "founded", Text(da="stiftelsesdatoen", en="the founding date")
)
RECEIVED: Fact[Application, date] = attribute_fact(
    "received", Text(da="modtagelsesdatoen", en="the date received")
)
RESERVE: Fact[Application, str | None] = attribute_fact(
    "reserve", Text(da="den reserverede pulje", en="the reserved share")
)
STANDING_GRANT_RENEWAL: Fact[Application, bool] = attribute_fact(
    "standing_grant_renewal",
    Text(da="om det er en fornyelse", en="whether it renews a standing grant"),
)


def _funding_names(application: Application) -> tuple[str, ...] | None:
    sources = application.other_funding
    return None if sources is None else tuple([source.name for source in sources])


def _with_funding_names(application: Application, names: tuple[str, ...] | None) -> Application:
    sources = None if names is None else tuple(FundingSource(name=name) for name in names)
    return attrs.evolve(application, other_funding=sources)


OTHER_FUNDING: Fact[Application, tuple[str, ...] | None] = Fact(
    name="other_funding",
    label=Text(da="andre finansieringskilder", en="other sources of funding"),
    read=_funding_names,
    write=_with_funding_names,
)


_COORDINATING, _OTHER_STAFF = BudgetCategory.COORDINATING_STAFF, BudgetCategory.OTHER_STAFF
_NONE = Decimal(0)


def _staff_sums(application: Application) -> tuple[str, str] | None:
    """What the budget spends on coordinating staff and on other staff, as written."""
    budget = application.budget
    if budget is None:
        return None
    coordinating = other = _NONE
    for line in budget:
        category = line.category
        if category is _COORDINATING:
            coordinating += line.amount
        elif category is _OTHER_STAFF:
            other += line.amount
    return str(coordinating), str(other)


def _with_staff_sums(application: Application, sums: tuple[str, str] | None) -> Application:
    if sums is None:
        return attrs.evolve(application, budget=None)
    lines = tuple(
        BudgetLine(description=category.value, category=category, amount=Kroner(Decimal(amount)))
        for category, amount in zip(
            (BudgetCategory.COORDINATING_STAFF, BudgetCategory.OTHER_STAFF), sums, strict=True
        )
        if Decimal(amount)
    )
    return attrs.evolve(application, budget=lines)


STAFF_SUMS: Fact[Application, tuple[str, str] | None] = Fact(
    name="budget",
    label=Text(da="budgettet", en="the budget"),
    read=_staff_sums,
    write=_with_staff_sums,
)


def _purpose(application: Application) -> str | None:
    return (application.activity.purpose or "").strip() or None


_WRITTEN_PURPOSE: Fact[Application, str | None] = attribute_fact(
    "activity.purpose", Text(da="", en="")
)
PURPOSE: Fact[Application, str | None] = Fact(
    name="purpose",
    label=Text(da="aktivitetens formål", en="the activity's purpose"),
    read=_purpose,
    write=_WRITTEN_PURPOSE.write,
)
VOLUNTEER_SHARE: Fact[Application, Share | None] = attribute_fact(
    "activity.volunteer_share",
    Text(da="frivilliges andel af arbejdet", en="the share of the work done by volunteers"),
)
LOCAL_SHARE: Fact[Application, Share | None] = attribute_fact(
    "activity.local_share",
    Text(
        da="andel af deltagerne, der bor i kommunen",
        en="the share of participants living in the municipality",
    ),
)
SOCIAL_AIM: Fact[Application, bool | None] = attribute_fact(
    "activity.social_aim",
    Text(da="om aktiviteten har et socialt sigte", en="whether it has a social aim"),
)
OPEN_TO_ALL: Fact[Application, bool | None] = attribute_fact(
    "activity.open_to_all",
    Text(da="om arrangementet er åbent", en="whether the event is open"),
)
FOCUS_AREAS: Fact[Application, tuple[str, ...] | None] = attribute_fact(
    "activity.focus_areas", Text(da="indsatsområderne", en="the focus areas")
)


@frozen(kw_only=True, eq=False)
class ApplicationFact(Fact[Application, Any]):
    """A fact a municipality declares for its applications (``application_facts`` in
    ``municipality.toml``); applications give it under ``facts``. A check that reads
    one needs the configuration to declare it, which loading checks."""


def application_fact(
    name: str, label: Text, convert: Callable[[Any], Any] = lambda value: value
) -> ApplicationFact:
    """A declared fact, read from an application's ``facts`` and turned by ``convert``
    into what the check works with (``Decimal`` for a number given as ``"0.5"``).

    It reads ``None`` when the application does not give it.
    """

    def read(application: Application) -> Any:
        value = application.facts.get(name)
        return None if value is None else convert(value)

    def write(application: Application, value: Any) -> Application:
        facts = {key: v for key, v in application.facts.items() if key != name}
        if value is not None:
            facts[name] = value if type(value) in (str, int, bool) else str(value)
        return attrs.evolve(application, facts=facts)

    return ApplicationFact(name=name, label=label, read=read, write=write)


def _groups(application: Application) -> tuple[TargetGroup, ...] | None:
    return application.activity.target_groups


def _with_groups(application: Application, groups: tuple[TargetGroup, ...] | None) -> Application:
    return attrs.evolve(
        application, activity=attrs.evolve(application.activity, target_groups=groups)
    )


def _with_categories(
    application: Application, given: tuple[TargetGroup, ...] | None
) -> Application:
    """The given groups' categories, keeping the ages of the groups there are: written so
    that a check of the groups' ages, written too, still holds."""
    if given is None:
        return _with_groups(application, None)
    groups = _groups(application) or ()
    model = groups[0] if groups else TargetGroup(category="")
    return _with_groups(
        application,
        tuple(
            attrs.evolve(
                groups[i] if i < len(groups) else model,
                category=group.category,
                relatives=group.relatives,
            )
            for i, group in enumerate(given)
        ),
    )


TARGET_GROUPS: Fact[Application, tuple[TargetGroup, ...] | None] = Fact(
    name="target_groups",
    label=Text(da="målgrupperne", en="the target groups"),
    read=attrgetter("activity.target_groups"),
    write=_with_categories,
)
"""The target groups, read whole by the checks of their categories."""


def _youngest(application: Application) -> int | None:
    groups = _groups(application)
    if not groups or any(group.min_age is None for group in groups):
        return None
    return min(group.min_age for group in groups if group.min_age is not None)


def _with_youngest(application: Application, age: int | None) -> Application:
    """Every group starting at ``age``, its upper age raised where it would be below."""
    groups = _groups(application) or ()
    return _with_groups(
        application,
        tuple(
            attrs.evolve(
                group,
                min_age=age,
                max_age=None if group.max_age is None or age is None else max(group.max_age, age),
            )
            for group in groups
        ),
    )


TARGET_GROUP_MIN_AGE: Fact[Application, int | None] = Fact(
    name="target_group_min_age",
    label=Text(da="målgruppens laveste alder", en="the target group's lowest age"),
    read=_youngest,
    write=_with_youngest,
)


TARGET_GROUP_AGES: Fact[Application, tuple[TargetGroup, ...] | None] = Fact(
    name="target_group_ages",
    label=Text(da="målgruppens alder", en="the target group's ages"),
    read=attrgetter("activity.target_groups"),
)
