"""What the target-group checks say for mixed, empty and relatives' groups, and examples
that keep their promise for any list and any minimum age."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civilsamfund import Status
from civilsamfund.core.rules._facts import Facts
from civilsamfund.grants import TargetGroup
from civilsamfund.grants.checks import MinimumAge, RelativesException, TargetGroupInList
from civilsamfund.grants.facts import TARGET_GROUP_MIN_AGE, TARGET_GROUPS

ELDERLY, LONELY, OTHER = (TargetGroup(category=c) for c in ("aeldre", "ensomme", "andre"))
RELATIVES = TargetGroup(category="aeldre", relatives=True)


def _judge(check, groups):
    verdict = check.evaluate(Facts({TARGET_GROUPS: groups}))
    return verdict.status, verdict.message, verdict.facts


@pytest.mark.parametrize(
    ("allow_relatives", "groups", "expected"),
    [
        (False, (ELDERLY, LONELY), (Status.PASS, "in_list", {"categories": ("aeldre", "ensomme")})),
        (
            False,
            (ELDERLY, OTHER, LONELY),
            (
                Status.FAIL,
                "outside",
                {"categories": ("aeldre", "andre", "ensomme"), "outside": ("andre",)},
            ),
        ),
        (
            False,
            (LONELY, RELATIVES),
            (Status.FAIL, "outside", {"categories": ("ensomme", "aeldre"), "outside": ("aeldre",)}),
        ),
        (
            True,
            (LONELY, RELATIVES),
            (Status.PASS, "in_list", {"categories": ("ensomme", "aeldre")}),
        ),
        (
            True,
            (OTHER, TargetGroup(category="andre", relatives=True)),
            (
                Status.FAIL,
                "outside",
                {"categories": ("andre", "andre"), "outside": ("andre", "andre")},
            ),
        ),
    ],
)
def test_every_group_outside_the_list_is_named(allow_relatives, groups, expected):
    """Only the groups outside the list (or relatives, where they are not allowed) are
    named as outside; every category is recorded in the order given."""
    check = TargetGroupInList(allowed=("aeldre", "ensomme"), allow_relatives=allow_relatives)
    assert _judge(check, groups) == expected


@pytest.mark.parametrize("groups", [None, ()])
def test_no_target_group_is_a_missing_fact(groups):
    """An application naming no target group is flagged as missing one, not passed."""
    check = TargetGroupInList(allowed=("aeldre",))
    assert _judge(check, groups) == (
        Status.FLAG,
        "missing",
        {"target_groups": None, "missing": ("target_groups",)},
    )


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (None, (Status.FLAG, "missing", {"target_groups": None, "missing": ("target_groups",)})),
        ((), (Status.NOT_APPLICABLE, "no_relatives", {})),
        ((ELDERLY, LONELY), (Status.NOT_APPLICABLE, "no_relatives", {})),
        (
            (LONELY, RELATIVES, TargetGroup(category="ensomme", relatives=True)),
            (Status.FLAG, "relatives", {"categories": ("aeldre", "ensomme")}),
        ),
    ],
)
def test_relatives_are_flagged_by_category(groups, expected):
    """Only the groups aimed at relatives are named, in the order given."""
    assert _judge(RelativesException(), groups) == expected


categories = st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, unique=True)


@given(allowed=categories, known=categories, allow_relatives=st.booleans())
def test_target_group_examples_keep_their_promise(allowed, known, allow_relatives):
    """Every passing example passes; the failing examples are each known category outside
    the list and, unless relatives are allowed, the relatives of each allowed one."""
    check = TargetGroupInList(allowed=tuple(allowed), allow_relatives=allow_relatives)
    passing = check.examples(True, {"target_group": tuple(known)})[TARGET_GROUPS]
    assert passing == [(TargetGroup(category=c),) for c in allowed]
    assert all(_judge(check, groups)[0] is Status.PASS for groups in passing)
    expected = [(TargetGroup(category=c),) for c in known if c not in allowed]
    if not allow_relatives:
        expected += [(TargetGroup(category=c, relatives=True),) for c in allowed]
    failing = check.examples(False, {"target_group": tuple(known)})
    assert failing == ({TARGET_GROUPS: expected} if expected else None)
    assert all(_judge(check, groups)[0] is Status.FAIL for groups in expected)


def test_without_known_categories_only_relatives_fail():
    """With no other category configured, the failing examples are the relatives of each
    allowed one, or none where relatives are allowed."""
    check = TargetGroupInList(allowed=("a", "b"))
    relatives = [(TargetGroup(category=c, relatives=True),) for c in ("a", "b")]
    assert check.examples(False, {}) == {TARGET_GROUPS: relatives}
    assert TargetGroupInList(allowed=("a",), allow_relatives=True).examples(False, {}) is None


@given(min_age=st.integers(0, 130))
def test_minimum_age_examples_sit_on_the_boundary(min_age):
    """The passing examples are the minimum itself and ten years above it (at most 130);
    the failing ones are a year under it and 0, and there are none for a minimum of 0."""
    check = MinimumAge(min_age=min_age)
    passing = check.examples(True, {})[TARGET_GROUP_MIN_AGE]
    assert passing == sorted({min_age, min(min_age + 10, 130)})
    failing = check.examples(False, {})
    assert failing == (None if min_age == 0 else {TARGET_GROUP_MIN_AGE: [min_age - 1, 0]})
    for youngest in passing:
        verdict = check.evaluate(Facts({TARGET_GROUP_MIN_AGE: youngest}))
        assert (verdict.status, verdict.message) == (Status.PASS, "old_enough")
        assert verdict.facts == {"min_age": min_age, "youngest": youngest}
    for youngest in failing[TARGET_GROUP_MIN_AGE] if failing else ():
        verdict = check.evaluate(Facts({TARGET_GROUP_MIN_AGE: youngest}))
        assert (verdict.status, verdict.message) == (Status.FAIL, "too_young")


def test_a_missing_youngest_age_is_named_with_the_minimum():
    verdict = MinimumAge(min_age=18).evaluate(Facts({TARGET_GROUP_MIN_AGE: None}))
    assert (verdict.status, verdict.missing) == (Status.FLAG, ("target_group_min_age",))
    assert verdict.facts == {
        "min_age": 18,
        "target_group_min_age": None,
        "missing": ("target_group_min_age",),
    }
