"""Legal bases per decision: a law limited to some target groups is named only on the
decisions whose application serves them (issue 20)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from helpers import MUNICIPALITIES, odense_application

from civilsamfund import ConfigError, Plugins, load_municipality_dir
from civilsamfund.grants import Assessor, TargetGroup, TargetGroupLimit, assess, render_text

BOTH = ("Serviceloven § 18", "Barnets lov")
SEL = ("Serviceloven § 18",)


@pytest.mark.parametrize(
    ("groups", "laws"),
    [
        ([("older_vulnerable", 60, None)], SEL),
        ([("excluded", 18, 59)], SEL),
        ([("children_youth", 10, 17)], BOTH),
        ([("children_youth", None, None)], BOTH),
        ([("children_youth", 18, 25)], SEL),
        ([("ill_disabled", 12, 30)], BOTH),
        ([("excluded", None, 59)], BOTH),
        ([("excluded", None, None)], SEL),
        ([("older_vulnerable", 65, None), ("children_youth", 6, 12)], BOTH),
    ],
)
def test_barnets_lov_is_named_for_target_groups_under_18_only(odense, groups, laws):
    """From 2024 a decision names Barnets lov only where the target group includes
    children or young people under 18, by their ages where given, else by category."""
    target_groups = tuple(
        TargetGroup(category=category, min_age=low, max_age=high) for category, low, high in groups
    )
    application = odense_application(
        received=date(2025, 9, 1), activity={"target_groups": target_groups}
    )
    assert assess(odense, application).legal_bases == laws


def test_the_laws_are_worked_out_once_for_equal_groups_across_days(odense):
    """An assessor keeps the laws for equal target groups once while the same bases are
    in force, not once a day: a stream of a million applications stays flat in memory."""
    assessor = Assessor(odense)
    groups = (TargetGroup(category="children_youth", min_age=10, max_age=17),)
    for day in range(1, 29):
        application = odense_application(
            received=date(2025, 2, day), activity={"target_groups": groups}
        )
        assert assessor.assess(application).legal_bases == BOTH
    assert len(assessor._laws) == 1
    before = odense_application(received=date(2023, 6, 1), activity={"target_groups": groups})
    assert assessor.assess(before).legal_bases == SEL  # before Barnets lov: other bases
    assert len(assessor._laws) == 2


def test_a_letter_for_older_people_names_serviceloven_alone(odense):
    """The letter of a 60+ application names Serviceloven § 18 as its only legal basis."""
    groups = (TargetGroup(category="older_vulnerable", min_age=60),)
    decision = assess(odense, odense_application(activity={"target_groups": groups}))
    lines = render_text(decision, "da").splitlines()
    assert "Hjemmel: Serviceloven § 18." in lines


def test_no_target_group_given_names_no_limited_law(odense):
    """Without target groups a decision cannot tell, so it names only unlimited laws."""
    application = odense_application(activity={"target_groups": None})
    assert assess(odense, application).legal_bases == SEL


def test_a_limit_names_groups_or_ages():
    """A limit that names neither target groups nor ages limits nothing: an error."""
    with pytest.raises(ValueError, match="expected target groups or an age"):
        TargetGroupLimit()


def test_a_limit_names_configured_target_groups(tmp_path):
    """A legal basis limited to a target group the municipality does not configure is a
    configuration error naming the field."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    pools = target / "pools.toml"
    text = pools.read_text(encoding="utf-8")
    pools.write_text(text.replace('["children_youth"]', '["boern"]'), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_municipality_dir(target, Plugins())
    assert "pools[0].legal_bases[1].applies_to.target_groups[0]" in str(caught.value)
