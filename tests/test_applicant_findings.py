"""What the applicant checks say where the bundled examples do not reach: a missing
equity or founding date named with the guideline it was to be read against, a start-up
verdict's recorded facts, and equity examples that keep their promise for any multiple."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civilsamfund import Status
from civilsamfund.core.rules._facts import Facts
from civilsamfund.grants.checks import EquityGuideline, StartupSupport
from civilsamfund.grants.facts import (
    ANNUAL_RUNNING_COSTS,
    APPLICANT_TYPE,
    EQUITY,
    FOUNDED,
    RECEIVED,
)

ASSOCIATION = {APPLICANT_TYPE: "association"}


def _facts(check, given_):
    """The facts a check declares, None where ``given_`` does not give one."""
    return Facts({fact: given_.get(fact) for fact in check.FACTS})


@pytest.mark.parametrize(
    ("given_", "named"),
    [
        ({ANNUAL_RUNNING_COSTS: Decimal(100)}, ("equity",)),
        ({EQUITY: Decimal(100)}, ("annual_running_costs",)),
        ({}, ("equity", "annual_running_costs")),
    ],
)
def test_missing_accounts_are_named_with_the_guideline(given_, named):
    """An association that leaves out equity or running costs is flagged, naming exactly
    the absent facts and the multiple they would have been read against."""
    check = EquityGuideline(max_multiple=Decimal(3))
    verdict = check.evaluate(_facts(check, {**ASSOCIATION, **given_}))
    assert (verdict.status, verdict.message, verdict.missing) == (Status.FLAG, "missing", named)
    assert verdict.facts == {"max_multiple": "3", **dict.fromkeys(named), "missing": named}


@given(
    multiple=st.decimals(min_value=0, max_value=1000, places=6, allow_nan=False),
)
def test_equity_examples_keep_their_promise_for_any_multiple(multiple):
    """The passing examples pass and the failing one fails for any guideline, including
    multiples whose limit falls between two øre (rounded down, never up)."""
    check = EquityGuideline(max_multiple=multiple)
    for passing, status in ((True, Status.PASS), (False, Status.FAIL)):
        examples = check.examples(passing, {})
        for equity in examples[EQUITY]:
            given_ = {fact: values[0] for fact, values in examples.items()} | {EQUITY: equity}
            assert check.evaluate(Facts(given_)).status is status, (multiple, equity)


def test_equity_of_nothing_is_a_passing_example():
    """An association with no equity at all is the common case the examples show."""
    assert Decimal(0) in EquityGuideline(max_multiple=Decimal(2)).examples(True, {})[EQUITY]


def test_equity_limit_between_two_ore_is_rounded_down():
    """3.0005 times 100 kr is 300.05 kr at most: 300.05 kr passes, 300.06 kr fails."""
    check = EquityGuideline(max_multiple=Decimal("3.0005"))
    assert check.examples(True, {})[EQUITY][0] == Decimal("300.05")
    assert check.examples(False, {})[EQUITY] == [Decimal("300.06")]
    check = EquityGuideline(max_multiple=Decimal("3.00046"))
    assert check.examples(True, {})[EQUITY][0] == Decimal("300.04")


def test_a_missing_founding_date_is_named_with_the_startup_years():
    check = StartupSupport(startup_years=2)
    verdict = check.evaluate(_facts(check, {**ASSOCIATION, RECEIVED: date(2024, 3, 1)}))
    assert (verdict.status, verdict.missing) == (Status.FLAG, ("founded",))
    assert verdict.facts == {"startup_years": 2, "founded": None, "missing": ("founded",)}


@pytest.mark.parametrize(
    ("founded", "status", "message"),
    [
        (date(2022, 3, 2), Status.INFO, "startup"),  # one day short of two years
        (date(2022, 3, 1), Status.NOT_APPLICABLE, "established"),  # two years to the day
        (date(2020, 3, 2), Status.NOT_APPLICABLE, "established"),
    ],
)
def test_startup_years_are_whole_years_to_the_day(founded, status, message):
    """An association founded less than ``startup_years`` whole years before the day the
    application is received is starting up; on the anniversary it is not; both verdicts
    record the founding day and the reading."""
    given_ = {**ASSOCIATION, FOUNDED: founded, RECEIVED: date(2024, 3, 1)}
    verdict = StartupSupport(startup_years=2).evaluate(Facts(given_))
    assert (verdict.status, verdict.message) == (status, message)
    assert verdict.facts == {"founded": founded.isoformat(), "startup_years": 2}


def test_a_person_with_a_founding_day_is_not_an_association():
    """Facts naming a person are not an association's, whatever founding day they give."""
    given_ = {APPLICANT_TYPE: "person", FOUNDED: date(2023, 1, 1), RECEIVED: date(2024, 3, 1)}
    verdict = StartupSupport(startup_years=2).evaluate(Facts(given_))
    assert (verdict.status, verdict.message, verdict.facts) == (
        Status.NOT_APPLICABLE,
        "not_association",
        {},
    )
