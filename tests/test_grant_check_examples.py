"""Grant checks' examples and verdicts where no bundled configuration reaches them."""

from __future__ import annotations

from decimal import Decimal

from civilsamfund import Share, Status
from civilsamfund.core.rules._facts import Facts
from civilsamfund.grants.checks import PriorityFocus, StandingGrant, VolunteerShare
from civilsamfund.grants.facts import FOCUS_AREAS, PURPOSE, VOLUNTEER_SHARE


def test_a_standing_grant_cannot_fail_without_a_reserve():
    """With no reserve configured, no renewal can ask for reserved money, so a standing
    grant has no failing example; with one, its failing example asks for each."""
    check = StandingGrant()
    assert check.examples(False, {}) is None
    assert check.examples(False, {"reserve": ()}) is None
    failing = check.examples(False, {"reserve": ("udvikling",)})
    assert {fact.name: values for fact, values in failing.items()} == {
        "standing_grant_renewal": [True],
        "reserve": ["udvikling"],
    }


def test_an_inclusive_threshold_is_met_at_its_minimum():
    """With ``inclusive``, a share equal to the minimum passes and its examples say so;
    without it, the same share fails."""
    inclusive = VolunteerShare(minimum=Share(Decimal("0.5")), inclusive=True)
    given = {PURPOSE: "Besøgsvenner", VOLUNTEER_SHARE: Decimal("0.5")}
    verdict = inclusive.evaluate(Facts(given))
    assert (verdict.status, verdict.message) == (Status.PASS, "enough")
    assert verdict.facts == {"minimum": "0.5", "inclusive": True, "volunteer_share": "0.5"}
    assert inclusive.examples(True, {})[VOLUNTEER_SHARE] == [Decimal("0.5"), Decimal("1")]
    assert inclusive.examples(False, {})[VOLUNTEER_SHARE][0] < Decimal("0.5")
    strict = VolunteerShare(minimum=Share(Decimal("0.5")))
    assert strict.evaluate(Facts(given)).status is Status.FAIL


def test_an_activity_outside_the_priority_areas_matches_none():
    """Focus areas none of which is a priority tell nothing and record no match."""
    check = PriorityFocus(focus_areas=("ensomhed",))
    verdict = check.evaluate(Facts({FOCUS_AREAS: ("idraet",)}))
    assert (verdict.status, verdict.message, verdict.facts) == (
        Status.NOT_APPLICABLE,
        "no_match",
        {"matches": ()},
    )
