"""What a policy case may expect of a decision besides the findings: each field reads
its value of the decision (``civilsamfund.plugins.reads``) and is compared as a plain
JSON value, or as the field says; a mismatch names the field, what was expected and
what the decision gave."""

from __future__ import annotations

import attrs
import pytest
from helpers import EXAMPLES

from civilsamfund.grants import RoundKind, assess, read_applications
from civilsamfund.plugins import Cases, Mismatch, installed, load_municipality, reads
from civilsamfund.volunteers import assess as assess_task
from civilsamfund.volunteers import read_tasks


def _expect(key: str, **given: object) -> tuple[Cases, object]:
    (kind,) = [c for d, _ in installed().domains() for c in d.cases if c.key == key]
    assert kind.expect is not None
    return kind, kind.expect(**given)


@pytest.fixture(scope="module")
def grant_decision():
    municipality = load_municipality("odense")
    application = read_applications(EXAMPLES["odense"])[0]
    return assess(municipality, application)


def test_a_grant_decision_matches_what_it_gives(grant_decision):
    kind, expected = _expect(
        "application",
        department="social_og_arbejdsmarked",
        round_kind=RoundKind.YEARLY,
        round_year=2025,
        appeal="kan ikke påklages",
        legal_bases=grant_decision.legal_bases,
    )
    assert kind.mismatches(expected, grant_decision) == []


@pytest.mark.parametrize(
    ("given", "mismatch"),
    [
        (
            {"department": "kultur"},
            Mismatch(field="department", expected="kultur", got="social_og_arbejdsmarked"),
        ),
        (
            {"round_kind": RoundKind.ALL_YEAR},
            Mismatch(field="round_kind", expected="all_year", got="yearly"),
        ),
        ({"round_year": 2026}, Mismatch(field="round_year", expected=2026, got=2025)),
        (
            {"auditor": "professional"},
            Mismatch(field="auditor", expected="professional", got="elected"),
        ),
        (
            {"department_candidates": ("a", "b")},
            Mismatch(field="department_candidates", expected=["a", "b"], got=[]),
        ),
    ],
)
def test_a_grant_field_that_differs_is_named_with_both_values(grant_decision, given, mismatch):
    kind, expected = _expect("application", **given)
    assert kind.mismatches(expected, grant_decision) == [mismatch]


@pytest.mark.parametrize(
    ("appeal", "matches"),
    [
        ("kan ikke påklages", True),
        ("cannot be appealed", True),
        ("Ankestyrelsen", False),
        ("", False),
    ],
)
def test_the_appeal_is_text_either_language_holds_and_empty_for_none(
    grant_decision, appeal, matches
):
    kind, expected = _expect("application", appeal=appeal)
    found = kind.mismatches(expected, grant_decision)
    assert found == (
        []
        if matches
        else [
            Mismatch(
                field="appeal",
                expected=appeal,
                got=[grant_decision.appeal.da, grant_decision.appeal.en],
            )
        ]
    )


def test_obligations_are_compared_in_any_order():
    municipality = load_municipality("faaborg-midtfyn")
    tasks = read_tasks(EXAMPLES["faaborg-midtfyn"].parent / "volunteers" / "tasks.json")
    decision = next(
        d for d in (assess_task(municipality, t) for t in tasks) if len(d.obligations) > 1
    )
    given = sorted(o.id for o in decision.obligations)
    kind, expected = _expect("task", obligations=tuple(reversed(given)))
    assert kind.mismatches(expected, decision) == []
    kind, fewer = _expect("task", obligations=tuple(given[1:]))
    assert kind.mismatches(fewer, decision) == [
        Mismatch(field="obligations", expected=given[1:], got=given)
    ]


def test_an_expectation_field_that_reads_nothing_is_refused_when_it_is_declared():
    @attrs.frozen
    class Unread:
        colour: str | None = None

    with pytest.raises(TypeError, match="'colour' must say what it reads of a decision"):
        Cases(
            key="thing",
            what="a thing",
            model=Unread,
            error=ValueError,
            decide=lambda municipality, thing, on: thing,
            expect=Unread,
        )


def test_a_field_reads_with_its_own_match():
    @attrs.frozen
    class Loud:
        word: str | None = attrs.field(
            default=None, metadata=reads(lambda d: d, lambda wanted, got: wanted.upper() == got)
        )

    cases = Cases(
        key="word", what="a word", model=Loud, error=ValueError, decide=lambda *a: a, expect=Loud
    )
    assert cases.mismatches(Loud(word="hej"), "HEJ") == []
    assert cases.mismatches(Loud(word="hej"), "hej") == [
        Mismatch(field="word", expected="hej", got="hej")
    ]
