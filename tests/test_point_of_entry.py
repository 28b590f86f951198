"""The point of entry's examples: on the first route's boundary, for any routes."""

from __future__ import annotations

import pytest

from civilsamfund import Status
from civilsamfund.core._age_routes import AgeRoute
from civilsamfund.core.rules._facts import Facts
from civilsamfund.volunteers.checks import PointOfEntry
from civilsamfund.volunteers.facts import TARGET_AGES


@pytest.mark.parametrize(
    ("routes", "passing", "failing"),
    [
        ((("boern", 3, 17), ("voksne", 18, 64), ("aeldre", 65, None)), [(3, 17)], [(3, 18)]),
        ((("boern", None, 17), ("voksne", 18, None)), [(0, 17)], [(0, 18)]),
        ((("alle", 5, None),), [(5, 5)], None),
        ((("boern", None, 17),), [(0, 17)], [(0, 18)]),
        ((("unge", None, 10), ("alle", None, 11)), [(0, 10)], None),
    ],
)
def test_point_of_entry_examples_sit_on_the_first_boundary(routes, passing, failing):
    """The passing example is the first route's whole span (from 0 when it has no lower
    end); the failing one crosses its upper end by one year and is flagged with both
    departments it touches named; there is none where the first route has no end, or
    where a later route takes the year past it (the span is routed, not unsettled)."""
    ages = tuple(AgeRoute(department=d, min_age=low, max_age=high) for d, low, high in routes)
    check = PointOfEntry(routes=ages)
    assert check.examples(True, {}) == {TARGET_AGES: passing}
    assert check.examples(False, {}) == (None if failing is None else {TARGET_AGES: failing})
    verdict = check.evaluate(Facts({TARGET_AGES: passing[0]}))
    assert (verdict.status, verdict.facts["department"]) == (Status.PASS, routes[0][0])
    if failing is not None:
        verdict = check.evaluate(Facts({TARGET_AGES: failing[0]}))
        assert (verdict.status, verdict.message) == (Status.FLAG, "unsettled")
        assert verdict.facts["candidates"] == tuple(d for d, _, _ in routes[:2])


def test_no_routes_give_no_examples():
    """Without routes there is no department to name, so no example either way."""
    assert PointOfEntry(routes=()).examples(True, {}) is None
    assert PointOfEntry(routes=()).examples(False, {}) is None
