"""Grant checks' examples and verdicts where no bundled configuration reaches them."""

from __future__ import annotations

from civilsamfund.grants.checks import StandingGrant


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
