"""What every bundled rule says, in each domain a municipality configures (grants,
volunteers, awards, organisation, strategy): each check's own examples, passing and
failing, written into a subject of the domain, and a subject that gives none of its
facts, with the reason in Danish and English, the facts recorded and the missing facts
named, compared with tests/golden/findings-<slug>-<domain>.md.

Regenerate the golden files after a reviewed change of wording or logic with
``python tests/test_golden_findings.py``; the output depends on configuration alone.
"""

from __future__ import annotations

import enum
import itertools
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from helpers import ELIGIBLE, MUNICIPALITIES

from civilsamfund import Municipality, Plugins, load_municipality_dir
from civilsamfund.awards import Candidacy, Nomination, Nominator, Nominee, awards_in
from civilsamfund.awards.facts import NOMINEE_KIND, WINNERS
from civilsamfund.core._text import Text
from civilsamfund.core.rules._check import MISSING
from civilsamfund.core.rules._evaluator import Evaluator
from civilsamfund.core.rules._facts import Facts
from civilsamfund.core.rules._findings import RuleKind, Status
from civilsamfund.core.rules._messages import deferred
from civilsamfund.core.rules._rule import Rule
from civilsamfund.grants import GrantApplication
from civilsamfund.organisation import ForumProposal
from civilsamfund.organisation.facts import MEMBERS
from civilsamfund.strategy._lifecycle import DONE, ON, StrategyOn
from civilsamfund.strategy._model import Strategy
from civilsamfund.volunteers import Organiser, OrganiserKind, VolunteerTask

GOLDEN = Path(__file__).resolve().parent / "golden"
SLUGS = ("odense", "faaborg-midtfyn", "kolding")
LANGUAGES = ("da", "en")

Base = Callable[[Municipality, Rule[Any]], Any]


def _day(rule: Rule[Any]) -> date:
    """The first day ``rule`` is in force, or a day of its own for a rule always in force."""
    return rule.valid_from or date(2000, 1, 1)


def _candidacy(municipality: Municipality, rule: Rule[Any]) -> Candidacy:
    """A nomination for the first award year whose criteria include ``rule``."""
    award = next(
        found
        for year in range(_day(rule).year, _day(rule).year + 50)
        for found in awards_in(municipality, year)
        if rule.id in found.version.criteria
    )
    nomination = Nomination(
        id="example",
        award=award.award,
        year=award.year,
        nominee=Nominee(kind=award.version.winners[0]),
        nominator=Nominator(kind="municipality", name=municipality.name),
    )
    return Candidacy(nomination=nomination, award=award)


BASES: dict[str, tuple[type, Base]] = {
    "grants": (GrantApplication, lambda municipality, rule: ELIGIBLE),
    "volunteers": (
        VolunteerTask,
        lambda municipality, rule: VolunteerTask(
            id="example",
            title="Eksempel",
            starts=_day(rule),
            organiser=Organiser(kind=OrganiserKind.ASSOCIATION, name="Testforeningen"),
        ),
    ),
    "awards": (Candidacy, _candidacy),
    "organisation": (
        ForumProposal,
        lambda municipality, rule: ForumProposal(
            id="example", forum=next(iter(municipality.known["forum"])), on=_day(rule), members=()
        ),
    ),
    "strategy": (
        StrategyOn,
        lambda municipality, rule: StrategyOn(
            strategy=Strategy(
                id="example", title=Text(da="Eksempel", en="Example"), citation=rule.citation
            ),
            on=_day(rule),
        ),
    ),
}
"""For each domain: the subject its rules judge, and a base subject for a rule, which
each example's values are written into."""

ALWAYS_GIVEN = frozenset({NOMINEE_KIND, WINNERS, MEMBERS, ON, DONE})
"""Facts every subject of their domain gives (who is nominated and who the award can go
to, a proposal's members, the day judged and what was done by then), so "every fact
None" means nothing for a check reading them."""


def _municipality(slug: str) -> Municipality:
    return load_municipality_dir(MUNICIPALITIES / slug, Plugins())


def _rules(municipality: Municipality, domain: str) -> list[Rule[Any]]:
    subject = BASES[domain][0]
    return [rule for rule in municipality.rulebook if rule.subject is subject]


def _known(municipality: Municipality) -> dict[str, tuple[str, ...]]:
    return {kind: tuple(ids) for kind, ids in municipality.known.items()}


def _cases(rule: Rule[Any], known: dict[str, tuple[str, ...]]) -> Iterator[tuple[bool, dict]]:
    """Each choice of the check's example values, passing first, then failing."""
    for passing in (True, False):
        examples = rule.check.examples(passing, known)
        if examples is None:
            continue
        given = [[(fact, value) for value in values] for fact, values in examples.items()]
        for chosen in itertools.product(*given):
            yield passing, dict(chosen)


def _subject(municipality: Municipality, domain: str, rule: Rule[Any], chosen: dict) -> Any:
    """The domain's base subject for ``rule`` with the chosen values written into it."""
    subject = BASES[domain][1](municipality, rule)
    for fact, value in chosen.items():
        subject = fact.write(subject, value)
    return subject


def _show(value: Any) -> str:
    """A value as the golden text shows it: attrs values by the fields they give, an
    enum by its value, and a run of equal items once with how many there are."""
    if isinstance(value, tuple):
        runs = [(item, len(list(run))) for item, run in itertools.groupby(value)]
        shown = [_show(item) + (f" × {count}" if count > 1 else "") for item, count in runs]
        return f"({', '.join(shown)}{',' if len(value) == 1 else ''})"
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if attrs.has(type(value)):
        given = (
            f"{a.name}={_show(getattr(value, a.name))}"
            for a in attrs.fields(type(value))
            if a.repr and getattr(value, a.name) not in (None, ())
        )
        return f"{type(value).__name__}({', '.join(given)})"
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def _block(label: str, status: Status, reason: Any, facts: Any, missing: Any) -> list[str]:
    lines = [f"- {label}: **{status.value}**"]
    lines += [f"  - {language}: {reason.in_(language)}" for language in LANGUAGES]
    recorded = ", ".join(f"{name}={_show(value)}" for name, value in facts.items())
    lines.append(f"  - records: {recorded or '(nothing)'}")
    lines.append(f"  - missing: {', '.join(missing) or '(none)'}")
    return lines


def render(slug: str, domain: str) -> str:
    """The golden text of ``slug``'s ``domain``: every rule's findings, judged afresh."""
    municipality = _municipality(slug)
    known = _known(municipality)
    lines = [
        f"# Findings of {slug}'s {domain} rules",
        "",
        "Generated by `python tests/test_golden_findings.py`; review changes, never edit.",
    ]
    rules = _rules(municipality, domain)
    if not rules:
        lines += ["", f"No {domain} rules."]
    for rule in rules:
        check = rule.check
        since = f" from {rule.valid_from}" if rule.valid_from else ""
        heading = f"{rule.id}{since} ({rule.kind.value}, {type(check).__name__})"
        lines += ["", f"## {heading}", ""]
        for passing, chosen in _cases(rule, known):
            subject = _subject(municipality, domain, rule, chosen)
            finding = Evaluator().judge(rule, subject)
            given = ", ".join(f"{fact.name}={_show(value)}" for fact, value in chosen.items())
            label = f"{'passes' if passing else 'fails'} with {given}"
            lines += _block(label, finding.status, finding.reason, finding.facts, finding.missing)
        if ALWAYS_GIVEN.isdisjoint(type(check).FACTS):
            verdict = check.evaluate(Facts(dict.fromkeys(type(check).FACTS)))
            reason = deferred(rule.templates[verdict.message], verdict.facts)
            recorded, missing = verdict.facts, verdict.missing
            lines += _block("every fact None", verdict.status, reason, recorded, missing)
    return "\n".join(lines) + "\n"


def _golden(slug: str, domain: str) -> Path:
    return GOLDEN / f"findings-{slug}-{domain}.md"


PAIRS = [(slug, domain) for slug in SLUGS for domain in BASES]


@pytest.mark.parametrize(("slug", "domain"), PAIRS)
def test_findings_say_what_the_golden_file_says(slug, domain):
    """Each rule's reason in both languages, recorded facts and missing facts are those
    reviewed in tests/golden/."""
    assert render(slug, domain) == _golden(slug, domain).read_text(encoding="utf-8")


@pytest.mark.parametrize(("slug", "domain"), PAIRS)
def test_every_example_passes_or_fails_as_it_says(slug, domain):
    """A check's passing examples never fail and its failing ones fail (or flag, for a
    rule that cannot reject, or a check that only advises) with a message of their own,
    not the missing-facts one."""
    municipality = _municipality(slug)
    known = _known(municipality)
    for rule in _rules(municipality, domain):
        failing = Status.FAIL if rule.kind is RuleKind.MANDATORY else Status.FLAG
        for passing, chosen in _cases(rule, known):
            subject = _subject(municipality, domain, rule, chosen)
            verdict = rule.check.evaluate(
                Facts({fact: fact.read(subject) for fact in type(rule.check).FACTS})
            )
            finding = Evaluator().judge(rule, subject)
            where = f"{rule.id} with {chosen}"
            assert verdict.message != MISSING, where
            if passing:
                assert verdict.status is not Status.FAIL, where
                assert finding.status is not Status.FAIL, where
            else:  # a check that cannot fail (advice) flags its failing examples
                assert verdict.status in (Status.FAIL, Status.FLAG), where
                expected = failing if verdict.status is Status.FAIL else Status.FLAG
                assert finding.status is expected, where


NEVER_FAIL = {
    "AgeRouting",
    "MunicipalDiscretion",
    "PriorityFocus",
    "RelativesException",
    "StartupSupport",
}
"""Checks that only inform or permit, so that no values make them fail."""


@pytest.mark.parametrize(("slug", "domain"), PAIRS)
def test_every_bundled_rule_has_examples_either_way(slug, domain):
    """Every bundled rule gives passing examples, and failing ones unless its check
    only informs or permits."""
    municipality = _municipality(slug)
    known = _known(municipality)
    for rule in _rules(municipality, domain):
        assert rule.check.examples(True, known) is not None, rule.id
        failing = rule.check.examples(False, known)
        assert (failing is None) is (type(rule.check).__name__ in NEVER_FAIL), rule.id


@pytest.mark.parametrize(("slug", "domain"), PAIRS)
def test_a_subject_without_facts_names_what_is_missing(slug, domain):
    """Given None for every fact, a check that needs them names each one it lacks."""
    municipality = _municipality(slug)
    for rule in _rules(municipality, domain):
        check = rule.check
        if not ALWAYS_GIVEN.isdisjoint(type(check).FACTS):
            continue
        verdict = check.evaluate(Facts(dict.fromkeys(type(check).FACTS)))
        if verdict.message == MISSING:
            assert verdict.status is Status.FLAG, rule.id
            assert verdict.missing, rule.id
            assert set(verdict.missing) <= {fact.name for fact in type(check).FACTS}, rule.id
            assert verdict.facts["missing"] == verdict.missing, rule.id


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for name, part in PAIRS:
        _golden(name, part).write_text(render(name, part), encoding="utf-8")
    sys.exit(0)
