"""Compiled rule sets decide exactly as the interpreted evaluator, the reference.

The subjects are every domain's, of every bundled municipality: those its examples and
strategies are judged with, then rewritten fact by fact with the values each check
gives as meeting or breaking it, and judged by the versions of their rules in force
on each day a version begins or ends, and the days either side.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from datetime import date, timedelta
from functools import cache
from typing import Any
from unittest import mock

import pytest
from helpers import MUNICIPALITIES, odense_application
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import grants, strategy
from civilsamfund._conformance import _examples
from civilsamfund.core.rules import Evaluator, Findings, Rule
from civilsamfund.plugins import installed

SLUGS = ("odense", "faaborg-midtfyn", "kolding")

Judged = tuple[tuple[Rule[Any], ...], Any]


@cache
def _municipality(slug: str) -> cs.Municipality:
    return cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins())


@cache
def _judged(slug: str) -> tuple[Judged, ...]:
    """Every rule set and subject judged for the municipality's examples of every domain
    and its strategies' status on each day a strategy rule changes."""
    municipality = _municipality(slug)
    seen: list[Judged] = []
    findings = Evaluator.findings

    def recording(self: Evaluator, rules: Any, subject: Any) -> Findings:
        seen.append((rules, subject))
        return findings(self, rules, subject)

    with mock.patch.object(Evaluator, "findings", recording):
        problems = list(_examples(municipality, MUNICIPALITIES / slug, installed()))
        assessor = strategy.StrategyAssessor(municipality)
        days = _days(municipality, {rule.id for rule in municipality.rulebook})
        for each in strategy.strategies(municipality):
            for day in days:
                assessor.assess(each, day)
    assert problems == []
    return tuple(seen)


def _days(municipality: cs.Municipality, ids: set[str]) -> list[date]:
    """Each day a version of one of the rules begins or ends, and the days either side."""
    found: set[date] = set()
    for rule_id in ids:
        for version in municipality.rulebook.versions(rule_id):
            for edge in (version.valid_from, version.valid_until):
                if edge is not None:
                    found.update(edge + timedelta(days=d) for d in (-1, 0, 1) if _fits(edge, d))
    return sorted(found) or [date(2024, 1, 1)]


def _fits(edge: date, days: int) -> bool:
    return date.min + timedelta(days=1) <= edge <= date.max - timedelta(days=1) or not days


def _values(rules: tuple[Rule[Any], ...], known: Any) -> dict[Any, list[Any]]:
    """For each writable fact, the values the checks give as meeting or breaking them."""
    values: dict[Any, list[Any]] = {}
    for rule in rules:
        for passing in (True, False):
            try:
                examples = rule.check.examples(passing, known) or {}
            except NotImplementedError:
                continue
            for fact, chosen in examples.items():
                values.setdefault(fact, []).extend(chosen)
    return {fact: chosen for fact, chosen in values.items() if fact.write is not None}


def _rewritten(draw: st.DrawFn, subject: Any, values: dict[Any, list[Any]]) -> Any:
    for fact, chosen in values.items():
        if draw(st.booleans()):
            value = draw(st.sampled_from(chosen))
            with suppress(TypeError, ValueError, cs.CivilsamfundError):  # a value it cannot hold
                subject = fact.write(subject, value)
    return subject


def _in_force(municipality: cs.Municipality, rules: Any, day: date) -> tuple[Rule[Any], ...]:
    found = (municipality.rulebook.rule(rule.id, day) for rule in rules)
    return tuple(rule for rule in found if rule is not None)


def _same(rules: tuple[Rule[Any], ...], subject: Any, compiled: Evaluator) -> None:
    reference = Evaluator(compiled=False).findings(rules, subject)
    judged = compiled.findings(rules, subject)
    assert (judged.outcome, judged.statuses) == (reference.outcome, reference.statuses)
    assert len(judged) == len(reference)
    assert tuple(judged) == tuple(reference)
    assert [f.reason.en for f in judged] == [f.reason.en for f in reference]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_examples_are_judged_alike(slug):
    """The municipality's examples of every domain, and its strategies' status, judge
    alike both ways."""
    compiled = Evaluator()
    for rules, subject in _judged(slug):
        _same(rules, subject, compiled)


@cache
def _subjects() -> dict[type, tuple[Any, ...]]:
    """Every subject the bundled municipalities' examples are judged with, by type."""
    found: dict[type, list[Any]] = {}
    for slug in SLUGS:
        for _, subject in _judged(slug):
            found.setdefault(type(subject), []).append(subject)
    return {kind: tuple(subjects) for kind, subjects in found.items()}


def test_every_subject_of_every_rule_is_among_them():
    ruled = {rule.subject for slug in SLUGS for rule in _municipality(slug).rulebook}
    assert set(_subjects()) == ruled


@pytest.mark.parametrize("slug", SLUGS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_compiled_rule_sets_decide_as_the_reference(slug, data):
    """Subjects rewritten fact by fact, judged by the rule sets their domain judges them
    with or by every rule of their type, on every day a version of those rules begins
    or ends: statuses, outcome, and every finding with its facts and reasons alike."""
    municipality = _municipality(slug)
    if data.draw(st.booleans()):
        rules, subject = data.draw(st.sampled_from(_judged(slug)))
    else:
        kind = data.draw(st.sampled_from(sorted(_subjects(), key=lambda k: k.__name__)))
        rules = tuple(rule for rule in municipality.rulebook if rule.subject is kind)
        subject = data.draw(st.sampled_from(_subjects()[kind]))
    day = data.draw(st.sampled_from(_days(municipality, {rule.id for rule in rules})))
    in_force = tuple(dict.fromkeys(_in_force(municipality, rules, day)))
    known = {kind: tuple(ids) for kind, ids in municipality.known.items()}
    subject = _rewritten(data.draw, subject, _values(in_force, known))
    _same(in_force, subject, _shared(slug))


@cache
def _shared(slug: str) -> Evaluator:
    """One compiled evaluator per municipality across examples, as a batch keeps one."""
    return Evaluator()


def _assessed(compiled: bool, applications: list[grants.GrantApplication]) -> Iterator[Any]:
    with mock.patch.object(Evaluator, "COMPILED", compiled):
        assessor = grants.Assessor(_municipality("odense"))
        for application in applications:
            yield assessor.assess(application)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    equity=st.decimals(min_value=0, max_value=10_000, places=2),
    founded=st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 6, 1)),
    share=st.sampled_from(["0.5", "0.50", "0.51", "0.49", "1"]),
)
def test_whole_decisions_are_the_references(equity, founded, share):
    """A decision made through a compiled rule set is the reference's, findings and
    all, whether its findings are read at once or later."""
    from decimal import Decimal

    applications = [
        odense_application(
            applicant={"equity": equity, "founded": founded},
            activity={"volunteer_share": Decimal(share)},
        )
    ] * 2
    compiled = list(_assessed(True, applications))
    reference = list(_assessed(False, applications))
    assert compiled == reference
    assert [tuple(d.findings) for d in compiled] == [tuple(d.findings) for d in reference]
