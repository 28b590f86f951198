"""What the fields of a configuration declare is checked the same way in every domain:
a list something is judged by names at least one rule, a list a rule must be given
names at least one entry, age routes held together share no age, and an id of the
wrong kind is refused once, as unknown."""

from __future__ import annotations

import shutil

import pytest
from helpers import MUNICIPALITIES, edit, load_problems

ODENSE_ROUTES = 'department = "aeldre_og_handicap"\nmin_age = 60\n'


def _copy(tmp_path, slug):
    target = tmp_path / slug
    shutil.copytree(MUNICIPALITIES / slug, target)
    return target


@pytest.mark.parametrize(
    ("slug", "file", "old", "new", "where"),
    [
        (  # an award version with no criteria would find every nomination eligible
            "odense",
            "awards.toml",
            'criteria = ["OD9-KIND", "OD9-LOCAL", "OD9-SOCIAL"]',
            "criteria = []",
            "awards[0].versions[0].criteria",
        ),
        (  # the forum docs promise a proposal is never judged by no rules
            "faaborg-midtfyn",
            "organisation.toml",
            'criteria = ["FMF-FIXED", "FMF-ELECTED", "FMF-MIX", "FMF-MEETINGS"]',
            "criteria = []",
            "forums[0].criteria",
        ),
    ],
)
def test_an_award_or_forum_judged_by_no_rules_is_refused(tmp_path, slug, file, old, new, where):
    """A list things are judged by, given empty, would judge by nothing: refused."""
    target = _copy(tmp_path, slug)
    edit(target / file, old, new)
    assert load_problems(target) == [
        f"{target / file}: {where}: expected the id of at least one configured criterion, got none"
    ]


def test_an_award_version_that_leaves_out_its_criteria_is_refused(tmp_path):
    """Leaving the list out is the same as giving it empty."""
    target = _copy(tmp_path, "faaborg-midtfyn")
    edit(target / "awards.toml", 'criteria = ["FMA-KIND", "FMA-LOCAL"]\n', "")
    assert load_problems(target) == [
        f"{target / 'awards.toml'}: awards[0].versions[0].criteria: expected the id of at "
        "least one configured criterion, got none"
    ]


@pytest.mark.parametrize(
    ("slug", "old", "new", "where", "kind"),
    [
        (
            "faaborg-midtfyn",
            'params = { arenas = ["C"] }',
            "params = { arenas = [] }",
            "criteria[12].params.arenas",
            "arena",
        ),
        (
            "faaborg-midtfyn",
            'params = { allowed = ["socially_disadvantaged"] }',
            "params = { allowed = [] }",
            "criteria[0].params.allowed",
            "target group",
        ),
    ],
)
def test_a_rule_given_an_empty_list_it_must_have_is_refused(tmp_path, slug, old, new, where, kind):
    """A check's list given no default (core tasks' own arenas, the target groups
    allowed) must name an entry: empty, the rule would judge by nothing."""
    target = _copy(tmp_path, slug)
    edit(target / "criteria.toml", old, new)
    assert load_problems(target) == [
        f"{target / 'criteria.toml'}: {where}: expected the id of at least one configured "
        f"{kind}, got none"
    ]


def test_overlapping_age_routes_of_a_rule_are_refused(tmp_path):
    """Two routes of Odense's age routing that both take 55-59 are named, both of them."""
    target = _copy(tmp_path, "odense")
    edit(target / "criteria.toml", ODENSE_ROUTES, ODENSE_ROUTES.replace("60", "55"))
    assert load_problems(target) == [
        f"{target / 'criteria.toml'}: criteria[13].params.routes[1]: takes ages 55-59, which "
        "criteria[13].params.routes[0] takes too: each must be taken by one only"
    ]


def test_overlapping_entry_point_routes_are_refused(tmp_path):
    """A route added to Odense's points of entry overlaps both routes already there."""
    target = _copy(tmp_path, "odense")
    edit(
        target / "organisation.toml",
        "[[entry_points.routes]]\n",
        '[[entry_points.routes]]\ndepartment = "social_og_arbejdsmarked"\nmin_age = 40\n\n'
        "[[entry_points.routes]]\n",
    )
    assert load_problems(target) == [
        f"{target / 'organisation.toml'}: entry_points.routes[{i}]: takes ages {ages}, which "
        "entry_points.routes[0] takes too: each must be taken by one only"
        for i, ages in ((1, "40-59"), (2, "60-"))
    ]


def test_a_department_where_a_committee_is_expected_is_only_unknown(tmp_path):
    """A department's id in a rule that names committees is refused once, as not a
    committee, not also as a committee renamed within the rule."""
    target = _copy(tmp_path, "odense")
    edit(
        target / "criteria.toml",
        'allowed = ["socialudvalget"]',
        'allowed = ["social_og_arbejdsmarked"]',
    )
    assert load_problems(target) == [
        f"{target / 'criteria.toml'}: criteria[32].params.allowed[0]: expected the id of a "
        "configured committee, got 'social_og_arbejdsmarked'"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "where", "kind"),
    [
        (
            "criteria.toml",
            'allowed = ["socialudvalget"]',
            'excluded = ["nope"]',
            "criteria[32].params.excluded[0]",
            "committee",
        ),
        (
            "criteria.toml",
            'allowed = ["children_youth",',
            'allowed = ["nope",',
            "criteria[9].params.allowed[0]",
            "target group",
        ),
        (
            "organisation.toml",
            'committee = "socialudvalget"',
            'committee = "social_og_arbejdsmarked"',
            "departments[0].committee",
            "committee",
        ),
    ],
)
def test_an_unknown_id_in_a_rule_or_entry_is_refused(tmp_path, file, old, new, where, kind):
    """The ids a forum rule, a target group rule and a department name must be of the
    kind the field declares."""
    target = _copy(tmp_path, "odense")
    edit(target / file, old, new)
    got = new.split('"')[1]
    assert load_problems(target) == [
        f"{target / file}: {where}: expected the id of a configured {kind}, got {got!r}"
    ]


def test_a_forum_rule_that_ends_while_its_forum_goes_on_is_refused(tmp_path):
    """OSF-POLITICIAN-COMMITTEE ending in 2020 would leave later proposals unjudged by it."""
    target = _copy(tmp_path, "odense")
    rule = 'id = "OSF-POLITICIAN-COMMITTEE"\ntype = "forum.seat_holders"\nkind = "mandatory"\n'
    edit(target / "criteria.toml", rule, rule + "valid_until = 2020-12-31\n")
    assert load_problems(target) == [
        f"{target / 'organisation.toml'}: forums[0].criteria[3]: criterion "
        "'OSF-POLITICIAN-COMMITTEE' is not in force on 2021-01-01, while the list naming it "
        "goes on: every day of it must be covered"
    ]


@pytest.mark.parametrize(
    ("slug", "file", "old", "new"),
    [
        ("kolding", "volunteers.toml", None, None),
        ("odense", "strategy.toml", 'criteria = ["ODS-REPORT", "ODS-REVISION"]\n', ""),
    ],
)
def test_lists_that_may_be_empty_stay_allowed(tmp_path, slug, file, old, new):
    """Kolding's tasks are judged by the national rules alone, and a strategy with no
    known schedule has no lifecycle rules: neither list must name a rule."""
    from civilsamfund import Plugins, load_municipality_dir

    target = _copy(tmp_path, slug)
    if old is not None:
        edit(target / file, old, new)
    assert load_municipality_dir(target, Plugins()).slug == slug
