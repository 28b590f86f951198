"""The grants domain's configuration sections, and the checks of its own they need."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from attrs import frozen

from civilsamfund.config import MUNICIPALITY, Municipality, Section
from civilsamfund.core.rules import Rulebook
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._config import FactType, GrantCatalogue, PoolsFile, Window
from civilsamfund.grants._decision import RoundKind
from civilsamfund.grants._routing import Router
from civilsamfund.grants.facts import ApplicationFact
from civilsamfund.organisation import ORGANISATION, OrganisationFile

POOLS = "pools.toml"


@frozen
class DepartmentCriteria:
    """The grants' part of ``organisation.toml``: no keys of its own (the organisation
    domain reads the file), only the check that a department's supplementary criteria
    judge grant applications, which is a grants rule."""


def _pools(pools: PoolsFile, municipality: Municipality) -> Iterator[tuple[str, str]]:
    rulebook = municipality.rulebook
    for index, pool in enumerate(pools.pools):
        where = f"pools[{index}]"
        if pool.routing is not None:
            routers = [
                r for r in rulebook.versions(pool.routing) if not isinstance(r.check, Router)
            ]
            if routers:
                yield (
                    f"{where}.routing",
                    (
                        f"expected the id of a routing criterion (such as 'age_routing'), "
                        f"got {pool.routing!r}"
                    ),
                )
            if pool.routing in pool.criteria:
                yield f"{where}.routing", "the routing criterion is listed in criteria too"
        if pool.appeal is None:
            yield (
                f"{where}.appeal",
                (
                    "expected the id of an appeal statement: a decision must say how to appeal "
                    "(Forvaltningsloven § 25)"
                ),
            )
        if pool.window is not None:
            yield from _window(f"{where}.window", pool.window)
        for j, reserve in enumerate(pool.reserves):
            if reserve.window is not None:
                yield from _window(f"{where}.reserves[{j}].window", reserve.window)
        for j, criterion in enumerate(pool.criteria):
            yield from _judges_applications(rulebook, criterion, f"{where}.criteria[{j}]")


def _catalogue(catalogue: GrantCatalogue, municipality: Municipality) -> Iterator[tuple[str, str]]:
    declared = {declaration.id for declaration in catalogue.application_facts}
    for index, declaration in enumerate(catalogue.application_facts):
        if (declaration.type is FactType.CHOICE) != bool(declaration.choices):
            yield (
                f"application_facts[{index}].choices",
                ("expected choices for a fact of type 'choice', and only for one"),
            )
    for rule in municipality.rulebook:
        for fact in rule.check.FACTS:
            if isinstance(fact, ApplicationFact) and fact.name not in declared:
                yield (
                    "application_facts",
                    (
                        f"expected a declaration of the fact {fact.name!r}, which criterion "
                        f"{rule.id!r} reads"
                    ),
                )


def _departments(_: DepartmentCriteria, municipality: Municipality) -> Iterator[tuple[str, str]]:
    organisation = municipality.section(OrganisationFile)
    for i, department in enumerate(organisation.departments):
        for j, criterion in enumerate(department.criteria):
            yield from _judges_applications(
                municipality.rulebook, criterion, f"departments[{i}].criteria[{j}]"
            )


def _judges_applications(
    rulebook: Rulebook, criterion: str, where: str
) -> Iterator[tuple[str, str]]:
    if any(rule.subject is not GrantApplication for rule in rulebook.versions(criterion)):
        yield where, f"expected a criterion that judges grant applications, got {criterion!r}"


def _window(where: str, window: Window) -> Iterator[tuple[str, str]]:
    if window.kind is not RoundKind.YEARLY:
        return
    if window.deadline_month is None or window.deadline_day is None:
        yield where, "a yearly window needs deadline_month and deadline_day"
        return
    try:
        date(2023, window.deadline_month, window.deadline_day)  # a year with no 29 February
    except ValueError:
        yield (
            where,
            (
                f"expected a day that exists every year, got month {window.deadline_month} "
                f"day {window.deadline_day}"
            ),
        )


GRANT_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=MUNICIPALITY, model=GrantCatalogue, validate=_catalogue),
    Section(file=POOLS, model=PoolsFile, validate=_pools),
    Section(file=ORGANISATION, model=DepartmentCriteria, validate=_departments),
)
"""Where the grants domain reads its configuration."""
