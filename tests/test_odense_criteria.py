"""Table tests: each Odense rule from the 2009 strategy, case by case."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import ELIGIBLE, odense_application, status_of

from civilsamfund import Outcome, RuleKind, kroner, share
from civilsamfund.grants import (
    AssociationKind,
    BudgetCategory,
    BudgetLine,
    PrivatePerson,
    TargetGroup,
    assess,
    render_text,
)

OTHER_STAFF = (
    BudgetLine(description="Sekretær", category=BudgetCategory.OTHER_STAFF, amount=kroner("1000")),
)
COORDINATOR = (
    BudgetLine(
        description="Koordinator", category=BudgetCategory.COORDINATING_STAFF, amount=kroner("1000")
    ),
)

CASES = [
    # criterion, changes, expected status
    ("O18-1", {}, "info"),
    ("O18-1", {"applicant": {"kind": AssociationKind.ADULT_EDUCATION}}, "flag"),
    ("O18-2", {}, "pass"),
    ("O18-2", {"other_funding": ()}, "flag"),
    ("O18-2", {"other_funding": None}, "flag"),
    ("O18-3", {}, "pass"),
    ("O18-3", {"applicant": {"equity": kroner("40000")}}, "pass"),
    ("O18-3", {"applicant": {"equity": kroner("40000.01")}}, "flag"),
    ("O18-3", {"applicant": {"equity": None}}, "flag"),
    ("O18-3", {"applicant": {"annual_running_costs": None}}, "flag"),
    ("O18-4", {}, "pass"),
    ("O18-4", {"applicant": PrivatePerson()}, "fail"),
    ("O18-5", {}, "not_applicable"),
    ("O18-5", {"applicant": {"founded": date(2024, 1, 1)}}, "info"),
    ("O18-5", {"applicant": {"founded": date(2023, 9, 2)}}, "info"),
    ("O18-5", {"applicant": {"founded": date(2023, 9, 1)}}, "not_applicable"),
    ("O18-5", {"applicant": {"founded": None}}, "flag"),
    ("O18-6", {}, "not_applicable"),
    ("O18-6", {"budget": COORDINATOR}, "info"),
    ("O18-6", {"budget": OTHER_STAFF}, "flag"),
    ("O18-6", {"budget": None}, "flag"),
    ("O18-7", {}, "pass"),
    ("O18-7", {"activity": {"volunteer_share": share("0.51")}}, "pass"),
    ("O18-7", {"activity": {"volunteer_share": share("0.5")}}, "fail"),
    ("O18-7", {"activity": {"volunteer_share": None}}, "flag"),
    ("O18-7", {"activity": {"purpose": "  "}}, "flag"),
    ("O18-8", {}, "pass"),
    ("O18-8", {"activity": {"social_aim": False}}, "fail"),
    ("O18-8", {"activity": {"social_aim": None}}, "flag"),
    ("O18-9", {}, "pass"),
    ("O18-9", {"activity": {"local_share": share("0.5")}}, "fail"),
    ("O18-9", {"activity": {"local_share": share("0.51")}}, "pass"),
    ("O18-9", {"activity": {"local_share": None}}, "flag"),
    ("O18-TG", {}, "pass"),
    ("O18-TG", {"activity": {"target_groups": (TargetGroup(category="other"),)}}, "fail"),
    ("O18-TG", {"activity": {"target_groups": ()}}, "flag"),
    ("O18-TG-REL", {}, "not_applicable"),
    (
        "O18-TG-REL",
        {
            "activity": {
                "target_groups": (
                    TargetGroup(category="in_crisis", min_age=18, max_age=59, relatives=True),
                )
            }
        },
        "flag",
    ),
    (
        "O18-TG",
        {
            "activity": {
                "target_groups": (
                    TargetGroup(category="in_crisis", min_age=18, max_age=59, relatives=True),
                )
            }
        },
        "pass",
    ),
    ("O18-PRIO", {}, "info"),
    ("O18-PRIO", {"activity": {"focus_areas": ()}}, "not_applicable"),
    ("O18-PRIO", {"activity": {"focus_areas": None}}, "flag"),
    ("O18-ADM-STANDING", {}, "not_applicable"),
    ("O18-ADM-STANDING", {"standing_grant_renewal": True}, "info"),
    ("O18-ADM-STANDING", {"standing_grant_renewal": True, "reserve": "development"}, "flag"),
    ("O18-ADM-DEPT", {}, "pass"),
    ("O18-ADM-DEPT", {"activity": {"target_groups": (TargetGroup(category="excluded"),)}}, "flag"),
]


@pytest.mark.parametrize(("criterion", "changes", "expected"), CASES)
def test_odense_criterion(odense, criterion, changes, expected):
    """Each Odense criterion gives the status the strategy's rule calls for."""
    application = odense_application(**changes)
    assert status_of(assess(odense, application), criterion) == expected


def test_the_complete_application_is_eligible(odense):
    """An application meeting every rule, with every fact given, is eligible."""
    assert assess(odense, ELIGIBLE).outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize("criterion", ["O18-4", "O18-7", "O18-8", "O18-9", "O18-TG"])
def test_mandatory_criteria_are_configured_mandatory(odense, criterion):
    """The strategy's clear rules are mandatory: failing one rejects."""
    assert odense.rulebook.rule(criterion, ELIGIBLE.received).kind is RuleKind.MANDATORY


@pytest.mark.parametrize(
    "changes",
    [
        {"other_funding": ()},
        {"applicant": {"equity": kroner("10000000")}},
        {"budget": OTHER_STAFF},
        {"applicant": {"kind": AssociationKind.OTHER}},
    ],
)
def test_discretionary_and_permission_rules_never_reject(odense, changes):
    """A failed discretionary or permission rule asks a caseworker; it does not reject."""
    assert assess(odense, odense_application(**changes)).outcome is Outcome.NEEDS_ASSESSMENT


def test_a_private_person_is_ineligible(odense):
    """Support never goes to individuals (O18-4)."""
    decision = assess(odense, odense_application(applicant=PrivatePerson()))
    assert decision.outcome is Outcome.INELIGIBLE


@pytest.mark.parametrize(
    ("ages", "department", "candidates"),
    [
        ((0, 59), "social_og_arbejdsmarked", ()),
        ((59, 59), "social_og_arbejdsmarked", ()),
        ((60, 60), "aeldre_og_handicap", ()),
        ((60, None), "aeldre_og_handicap", ()),
        ((None, 59), "social_og_arbejdsmarked", ()),
        ((55, 70), None, ("social_og_arbejdsmarked", "aeldre_og_handicap")),
    ],
)
def test_department_follows_the_age_split_at_60(odense, ages, department, candidates):
    """Under 60 is strict: 60 goes to the older group's department; spanning is unsettled."""
    group = TargetGroup(category="excluded", min_age=ages[0], max_age=ages[1])
    decision = assess(odense, odense_application(activity={"target_groups": (group,)}))
    assert (decision.department.id if decision.department else None) == department
    assert decision.department_candidates == candidates


def test_older_department_has_a_hearing_step(odense):
    """Ældreråd and Lokalråd are heard before the 60+ department's allocation."""
    group = TargetGroup(category="older_vulnerable", min_age=65)
    decision = assess(odense, odense_application(activity={"target_groups": (group,)}))
    assert decision.department.hearing == ("aeldreraadet", "lokalraadene")
    assert decision.names["aeldreraadet"].da == "Ældrerådet"
    assert "Høring før fordeling: Ældrerådet og Lokalrådene." in render_text(decision, "da")


def test_decisions_carry_the_no_appeal_statement(odense):
    """An Odense §18 decision says it cannot be appealed administratively."""
    appeal = assess(odense, ELIGIBLE).appeal
    assert "administrative authority" in appeal.en
    assert "administrativ myndighed" in appeal.da


@pytest.mark.parametrize(
    ("kind", "named"),
    [(AssociationKind.SELF_HELP, "selvhjælpsgruppe"), (AssociationKind.OTHER, "anden forening")],
)
def test_a_kind_of_association_is_named_as_such_where_a_configured_id_is_spelt_alike(
    odense, kind, named
):
    """Odense's activity example ``self_help`` and target group ``other`` do not rename
    the kinds of association the discretion rule names in its reason."""
    decision = assess(odense, odense_application(applicant={"kind": kind}))
    (finding,) = [f for f in decision.findings if f.criterion == "O18-1"]
    assert finding.reason.da == (
        f"Ansøgeren er en forening af typen {named}; en sagsbehandler må vurdere, om puljen "
        "passer til den."
    )
