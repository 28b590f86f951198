"""Checks across a municipality's files: references resolve, versions do not overlap.

Each check yields problem lines ``file: path: what is wrong``; the loader reports them
all at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import combinations
from typing import Any

from civilsamfund.core._dates import Dated, overlap
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.grants._config import MunicipalityConfig, Window
from civilsamfund.grants._decision import RoundKind

MUNICIPALITY = "municipality.toml"
CRITERIA = "criteria.toml"
POOLS = "pools.toml"
ORGANISATION = "organisation.toml"


def problems(config: MunicipalityConfig, files: Mapping[str, str]) -> Iterator[str]:
    """Every cross-file problem of ``config``; ``files`` maps file names to shown paths."""
    for name, path, problem in _all(config):
        yield f"{files.get(name, name)}: {path}: {problem}"


def _all(config: MunicipalityConfig) -> Iterator[tuple[str, str, str]]:
    documents = {document.file for document in config.municipality.documents}
    criteria = {entry.id: entry.type for entry in config.criteria.criteria}
    departments = {department.id for department in config.organisation.departments}
    committees = {committee.id for committee in config.organisation.committees}
    auditors = {auditor.id for auditor in config.municipality.auditors}
    appeals = {statement.id for statement in config.municipality.appeal}

    municipality = config.municipality
    organisation = config.organisation
    for file, where, ids in (
        (MUNICIPALITY, "documents", [d.file for d in municipality.documents]),
        (MUNICIPALITY, "target_groups", [t.id for t in municipality.target_groups]),
        (MUNICIPALITY, "activity_examples", [a.id for a in municipality.activity_examples]),
        (MUNICIPALITY, "auditors", [a.id for a in municipality.auditors]),
        (ORGANISATION, "committees", [c.id for c in organisation.committees]),
        (ORGANISATION, "departments", [d.id for d in organisation.departments]),
        (ORGANISATION, "bodies", [b.id for b in organisation.bodies]),
        *(
            (POOLS, f"pools[{i}].reserves", [r.id for r in pool.reserves])
            for i, pool in enumerate(config.pools.pools)
        ),
        *(
            (POOLS, f"pools[{i}].criteria", list(pool.criteria))
            for i, pool in enumerate(config.pools.pools)
        ),
        *(
            (ORGANISATION, f"departments[{i}].criteria", list(department.criteria))
            for i, department in enumerate(organisation.departments)
        ),
    ):
        yield from _unique(file, where, ids)
    for i, category in enumerate(municipality.target_groups):
        yield from _cited(MUNICIPALITY, f"target_groups[{i}]", category.citation, documents)
        yield from _texts(MUNICIPALITY, f"target_groups[{i}].name", category.name)
    for i, statement in enumerate(municipality.appeal):
        yield from _cited(MUNICIPALITY, f"appeal[{i}]", statement.citation, documents)
        yield from _texts(MUNICIPALITY, f"appeal[{i}].text", statement.text)
    yield from _versions(MUNICIPALITY, "appeal", municipality.appeal, lambda s: s.id)

    for i, entry in enumerate(config.criteria.criteria):
        where = f"criteria[{i}]"
        yield from _cited(CRITERIA, where, entry.citation, documents)
        yield from _texts(CRITERIA, f"{where}.rule", entry.rule)
        if entry.reading is not None:
            yield from _texts(CRITERIA, f"{where}.reading", entry.reading)
    yield from _versions(CRITERIA, "criteria", config.criteria.criteria, lambda c: c.id)

    for i, pool in enumerate(config.pools.pools):
        where = f"pools[{i}]"
        yield from _cited(POOLS, where, pool.citation, documents)
        yield from _refs(POOLS, f"{where}.criteria", pool.criteria, criteria, "criterion")
        if pool.routing is not None:
            if criteria.get(pool.routing) != "age_routing":
                yield (
                    POOLS,
                    f"{where}.routing",
                    (f"expected the id of an 'age_routing' criterion, got {pool.routing!r}"),
                )
            elif pool.routing in pool.criteria:
                yield POOLS, f"{where}.routing", "the routing criterion is listed in criteria too"
        if pool.department is not None and pool.department not in departments:
            yield POOLS, f"{where}.department", _unknown("department", pool.department)
        if pool.appeal is not None and pool.appeal not in appeals:
            yield POOLS, f"{where}.appeal", _unknown("appeal statement", pool.appeal)
        for j, basis in enumerate(pool.legal_bases):
            if basis.citation is not None:
                yield from _cited(POOLS, f"{where}.legal_bases[{j}]", basis.citation, documents)
        if pool.window is not None:
            yield from _window(f"{where}.window", pool.window, documents)
        for j, reserve in enumerate(pool.reserves):
            yield from _cited(POOLS, f"{where}.reserves[{j}]", reserve.citation, documents)
            if reserve.window is not None:
                yield from _window(f"{where}.reserves[{j}].window", reserve.window, documents)
        for j, rule in enumerate(pool.auditor):
            yield from _cited(POOLS, f"{where}.auditor[{j}]", rule.citation, documents)
            for side in ("below", "at_threshold", "above"):
                if getattr(rule, side) not in auditors:
                    yield (
                        POOLS,
                        f"{where}.auditor[{j}].{side}",
                        _unknown("auditor kind", getattr(rule, side)),
                    )
        yield from _versions(POOLS, f"{where}.auditor", pool.auditor, lambda _: "auditor")
    yield from _versions(POOLS, "pools", config.pools.pools, lambda p: p.id)

    for i, department in enumerate(config.organisation.departments):
        where = f"departments[{i}]"
        if department.committee is not None and department.committee not in committees:
            yield ORGANISATION, f"{where}.committee", _unknown("committee", department.committee)
        yield from _refs(
            ORGANISATION, f"{where}.criteria", department.criteria, criteria, "criterion"
        )
        if department.citation is not None:
            yield from _cited(ORGANISATION, where, department.citation, documents)
    for i, body in enumerate(config.organisation.bodies):
        yield from _cited(ORGANISATION, f"bodies[{i}]", body.citation, documents)
    for i, obligation in enumerate(config.organisation.obligations):
        yield from _cited(ORGANISATION, f"obligations[{i}]", obligation.citation, documents)
        yield from _texts(ORGANISATION, f"obligations[{i}].description", obligation.description)
    for i, example in enumerate(municipality.activity_examples):
        yield from _cited(MUNICIPALITY, f"activity_examples[{i}]", example.citation, documents)


def _unique(file: str, where: str, ids: list[str]) -> Iterator[tuple[str, str, str]]:
    first: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in first:
            yield (
                file,
                f"{where}[{index}]",
                (f"expected a unique id, {value!r} is also at {where}[{first[value]}]"),
            )
        first.setdefault(value, index)


def _unknown(what: str, value: str) -> str:
    return f"expected the id of a configured {what}, got {value!r}"


def _cited(
    file: str, where: str, citation: Citation, documents: set[str]
) -> Iterator[tuple[str, str, str]]:
    if citation.document not in documents:
        yield (
            file,
            f"{where}.citation.document",
            (f"expected a document listed in {MUNICIPALITY}, got {citation.document!r}"),
        )
    if not citation.section.strip():
        yield file, f"{where}.citation.section", "expected a section heading, got ''"


def _texts(file: str, where: str, text: Text) -> Iterator[tuple[str, str, str]]:
    for language in ("da", "en"):
        if not getattr(text, language).strip():
            yield file, f"{where}.{language}", "expected a text, got ''"


def _refs(
    file: str, where: str, ids: Iterable[str], known: Mapping[str, str], what: str
) -> Iterator[tuple[str, str, str]]:
    for i, ref in enumerate(ids):
        if ref not in known:
            yield file, f"{where}[{i}]", _unknown(what, ref)


def _window(where: str, window: Window, documents: set[str]) -> Iterator[tuple[str, str, str]]:
    yield from _cited(POOLS, where, window.citation, documents)
    if window.kind is RoundKind.YEARLY:
        if window.deadline_month is None or window.deadline_day is None:
            yield POOLS, where, "a yearly window needs deadline_month and deadline_day"
            return
        try:
            date(2023, window.deadline_month, window.deadline_day)  # a year with no 29 February
        except ValueError:
            yield (
                POOLS,
                where,
                (
                    f"expected a day that exists every year, got month {window.deadline_month} "
                    f"day {window.deadline_day}"
                ),
            )


def _versions(
    file: str, where: str, items: Sequence[Dated], key: Callable[[Any], str]
) -> Iterator[tuple[str, str, str]]:
    by_id: defaultdict[str, list[tuple[int, Dated]]] = defaultdict(list)
    for index, item in enumerate(items):
        if item.valid_from and item.valid_until and item.valid_until < item.valid_from:
            yield file, f"{where}[{index}].valid_until", "expected a date on or after valid_from"
        by_id[key(item)].append((index, item))
    for versions in by_id.values():
        for (first, a), (second, b) in combinations(versions, 2):
            if overlap(a, b):
                yield (
                    file,
                    f"{where}[{second}]",
                    (
                        f"its dates overlap those of {where}[{first}]: versions of one setting "
                        "must not share a day"
                    ),
                )
