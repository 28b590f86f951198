"""What a policy case may expect of a decision besides the findings: each field reads
its value of the decision (``civilsamfund.plugins.reads``) and is compared as a plain
JSON value, or as the field says; a mismatch names the field, what was expected and
what the decision gave."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from helpers import EXAMPLES, MUNICIPALITIES

from civilsamfund.awards import assess as assess_nomination
from civilsamfund.awards import read_nominations
from civilsamfund.grants import RoundKind, assess, read_applications
from civilsamfund.plugins import Cases, Mismatch, installed, load_municipality, reads
from civilsamfund.strategy import StrategyState, strategy_status
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


def test_an_appeal_of_empty_text_expects_none(grant_decision):
    kind, expected = _expect("application", appeal="")
    assert kind.mismatches(expected, attrs.evolve(grant_decision, appeal=None)) == []


def test_legal_bases_are_compared_whole_and_shown_as_lists(grant_decision):
    kind, expected = _expect("application", legal_bases=("servicelovens_18",))
    assert kind.mismatches(expected, grant_decision) == [
        Mismatch(
            field="legal_bases",
            expected=["servicelovens_18"],
            got=list(grant_decision.legal_bases),
        )
    ]


@pytest.fixture(scope="module")
def nominations():
    municipality = load_municipality("odense")
    path = MUNICIPALITIES / "odense" / "examples" / "nominations" / "nominations.json"
    found = {n.id: assess_nomination(municipality, n) for n in read_nominations(path)}
    return found["IP-2025-01"], found["MT-2025-01"]


@pytest.mark.parametrize(
    ("which", "group", "got"),
    [
        (0, "", None),
        (1, "vulnerable-over-25", None),
        (0, "disabilities", ""),
        (1, "", "vulnerable-over-25"),
    ],
)
def test_an_awards_target_group_of_empty_text_is_none(nominations, which, group, got):
    kind, expected = _expect("nomination", target_group=group)
    wanted = [] if got is None else [Mismatch(field="target_group", expected=group, got=got)]
    assert kind.mismatches(expected, nominations[which]) == wanted


def test_a_strategy_state_is_compared_by_its_value():
    (status,) = strategy_status(load_municipality("faaborg-midtfyn"), date(2025, 6, 1))
    kind, overdue = _expect("strategy", state=StrategyState.OVERDUE)
    assert kind.mismatches(overdue, status) == []
    kind, due = _expect("strategy", state=StrategyState.DUE)
    assert kind.mismatches(due, status) == [Mismatch(field="state", expected="due", got="overdue")]


def test_cases_that_compare_themselves_need_no_reads_and_their_compare_is_used():
    @attrs.frozen
    class Own:
        colour: str | None = None

    def compare(expected, decision):
        if expected.colour != decision:
            yield Mismatch(field="colour", expected=expected.colour, got=decision)

    cases = Cases(
        key="thing",
        what="a thing",
        model=Own,
        error=ValueError,
        decide=lambda *a: a,
        expect=Own,
        compare=compare,
    )
    assert cases.mismatches(Own(colour="red"), "red") == []
    assert cases.mismatches(Own(colour="red"), "blue") == [
        Mismatch(field="colour", expected="red", got="blue")
    ]


def test_an_expectation_field_must_default_to_none():
    @attrs.frozen
    class Eager:
        colour: str = attrs.field(default="red", metadata=reads(lambda d: d))

    with pytest.raises(TypeError, match="'colour' must default to None"):
        Cases(
            key="thing", what="a thing", model=Eager, error=ValueError, decide=print, expect=Eager
        )
