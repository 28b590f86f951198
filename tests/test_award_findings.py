"""What each award rule's finding says about a nomination, records and names as missing,
in both languages: Odense's 2009 award and the champion awards from 2022."""

from __future__ import annotations

import json

import pytest
from helpers import MUNICIPALITIES

import civilsamfund as cs
from civilsamfund import awards as aw
from civilsamfund.awards.checks import YearsTargetGroup
from civilsamfund.awards.facts import AWARD_GROUP, TARGET_GROUPS
from civilsamfund.core.rules._facts import Facts

IP, MT = json.loads(
    (MUNICIPALITIES / "odense" / "examples" / "nominations" / "nominations.json").read_text("utf-8")
)["nominations"][:2]
"""A nomination for Ildsjæleprisen and one for Mental Trivsel, both of 2025."""


@pytest.fixture(scope="module")
def odense():
    return cs.load_municipality_dir(MUNICIPALITIES / "odense", cs.Plugins())


CASES = [
    (
        IP,
        "ODA-KIND",
        {},
        "pass",
        {"nominee_kind": "association", "winners": ("association",)},
        "The award can go to an association.",
        "Prisen kan gå til en forening.",
    ),
    (
        IP,
        "ODA-KIND",
        {"nominee": {"kind": "young_person", "reference": "ung-1"}},
        "fail",
        {"nominee_kind": "young_person", "winners": ("association",)},
        "The award can only go to an association, not to a young person.",
        "Prisen kan kun gå til en forening, ikke til en ung.",
    ),
    (
        IP,
        "ODA-LOCAL",
        {},
        "pass",
        {"in_municipality": True},
        "The work is in the municipality.",
        "Indsatsen finder sted i kommunen.",
    ),
    (
        IP,
        "ODA-LOCAL",
        {"in_municipality": False},
        "fail",
        {"in_municipality": False},
        "The work is not in the municipality.",
        "Indsatsen finder ikke sted i kommunen.",
    ),
    (
        IP,
        "ODA-LOCAL",
        {"in_municipality": None},
        "flag",
        {"in_municipality": None, "missing": ("in_municipality",)},
        "The nomination gives no information on whether the work is in the municipality.",
        "Indstillingen mangler oplysninger om hvorvidt indsatsen er i kommunen.",
    ),
    (
        IP,
        "ODA-VSA",
        {"voluntary_social": False},
        "fail",
        {"voluntary_social": False},
        "It is not a voluntary social association.",
        "Der er ikke tale om en frivillig social forening.",
    ),
    (
        IP,
        "ODA-VULNERABLE",
        {"socially_vulnerable": False},
        "fail",
        {"socially_vulnerable": False},
        "The work is not for socially vulnerable people.",
        "Indsatsen er ikke for socialt udsatte og sårbare.",
    ),
    (
        MT,
        "ODA-MT-GROUP",
        {},
        "pass",
        {"award_group": "vulnerable-over-25", "target_groups": ("vulnerable-over-25",)},
        "The work is for this year's target group: Socially vulnerable people over 25.",
        "Indsatsen er for årets målgruppe: Socialt udsatte over 25 år.",
    ),
    (
        MT,
        "ODA-MT-GROUP",
        {"target_groups": ["children-young"]},
        "fail",
        {"award_group": "vulnerable-over-25", "target_groups": ("children-young",)},
        "This year's target group is Socially vulnerable people over 25; the work is for "
        "Children and young people.",
        "Årets målgruppe er Socialt udsatte over 25 år; indsatsen er for Børn og unge.",
    ),
    (
        MT,
        "ODA-MT-GROUP",
        {"target_groups": []},
        "fail",
        {"award_group": "vulnerable-over-25", "target_groups": ()},
        "This year's target group is Socially vulnerable people over 25; the nomination "
        "names no target group for the work.",
        "Årets målgruppe er Socialt udsatte over 25 år; indstillingen nævner ingen "
        "målgruppe for indsatsen.",
    ),
    (
        MT,
        "ODA-MT-GROUP",
        {"target_groups": None},
        "flag",
        {"award_group": "vulnerable-over-25", "target_groups": None, "missing": ("target_groups",)},
        "The nomination gives no information on the groups the work is for.",
        "Indstillingen mangler oplysninger om indsatsens målgrupper.",
    ),
    (
        MT,
        "ODA-MT-FOCUS",
        {},
        "pass",
        {"theme_focus": True},
        "The work has a special focus on the award's theme.",
        "Indsatsen har et særligt fokus på prisens tema.",
    ),
    (
        MT,
        "ODA-MT-FOCUS",
        {"theme_focus": False},
        "flag",
        {"theme_focus": False},
        "The work has no special focus on the award's theme.",
        "Indsatsen har ikke et særligt fokus på prisens tema.",
    ),
    (
        MT,
        "ODA-MT-FOCUS",
        {"theme_focus": None},
        "flag",
        {"theme_focus": None, "missing": ("theme_focus",)},
        "The nomination gives no information on whether the work focuses on the theme.",
        "Indstillingen mangler oplysninger om hvorvidt indsatsen har fokus på prisens tema.",
    ),
    (
        IP,
        "OD9-KIND",
        {"year": 2010},
        "pass",
        {"nominee_kind": "association", "winners": ("association",)},
        "The award can go to an association.",
        "Prisen kan gå til en forening.",
    ),
    (
        IP,
        "OD9-KIND",
        {"year": 2010, "nominee": {"kind": "volunteer", "reference": "v-1"}},
        "fail",
        {"nominee_kind": "volunteer", "winners": ("association",)},
        "The award can only go to an association, not to a volunteer.",
        "Prisen kan kun gå til en forening, ikke til en frivillig.",
    ),
    (
        IP,
        "OD9-LOCAL",
        {"year": 2010, "in_municipality": False},
        "fail",
        {"in_municipality": False},
        "The work is not in the municipality.",
        "Indsatsen finder ikke sted i kommunen.",
    ),
    (
        IP,
        "OD9-SOCIAL",
        {"year": 2010, "voluntary_social": False},
        "fail",
        {"voluntary_social": False},
        "It is not a voluntary social association.",
        "Der er ikke tale om en frivillig social forening.",
    ),
]


@pytest.mark.parametrize(("base", "criterion", "changes", "status", "facts", "en", "da"), CASES)
def test_each_award_finding_says_why_and_what_it_records(
    odense, base, criterion, changes, status, facts, en, da
):
    """An award finding's status, recorded facts, missing facts and reason in both languages."""
    given = {key: value for key, value in {**base, **changes}.items() if value is not None}
    (nomination,) = aw.nominations_from_data([given])
    decision = aw.assess(odense, nomination)
    (finding,) = [f for f in decision.findings if f.criterion == criterion]
    assert finding.status.value == status
    assert dict(finding.facts) == facts
    assert finding.missing == facts.get("missing", ())
    assert (finding.reason.en, finding.reason.da) == (en, da)


def test_an_award_with_no_group_that_year_is_not_concerned():
    """Without a target group of the year the group rule records nothing and does not apply."""
    verdict = YearsTargetGroup().evaluate(Facts({AWARD_GROUP: None, TARGET_GROUPS: ("x",)}))
    assert (verdict.status.value, verdict.message, dict(verdict.facts)) == (
        "not_applicable",
        "no_group",
        {},
    )


def test_the_group_rules_examples_use_the_first_configured_group():
    """The examples name the municipality's first award group, or a default without one."""
    check = YearsTargetGroup()
    known = {"award_group": ("lonely-older", "disabilities")}
    assert check.examples(True, known) == {
        AWARD_GROUP: ["lonely-older"],
        TARGET_GROUPS: [("lonely-older",)],
    }
    assert check.examples(False, {}) == {AWARD_GROUP: ["children-young"], TARGET_GROUPS: [()]}
