"""Property tests: the invariants every assessment keeps, whatever the input."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from decimal import Decimal

import attrs
import pytest
from helpers import ELIGIBLE, odense_application
from hypothesis import given, settings
from hypothesis import strategies as st

from civilsamfund import AuditRecord, Finding, Outcome, Status, Text, from_json, kroner, to_json
from civilsamfund import testing as cst
from civilsamfund.grants import (
    Activity,
    Assessor,
    Association,
    AuditorRequirement,
    BudgetLine,
    Decision,
    DepartmentRef,
    FundingSource,
    GrantApplication,
    PrivatePerson,
    Round,
    TargetGroup,
    assess,
)

ODENSE_CATEGORIES = ("children_youth", "older_vulnerable", "excluded", "in_crisis", "other")
ODENSE_FOCUS_AREAS = ("health_promotion", "prevention", "young_people", "integration")

odense_applications = st.builds(
    attrs.evolve,
    st.just(ELIGIBLE),
    applicant=cst.applicants,
    activity=st.builds(
        attrs.evolve,
        cst.activities,
        target_groups=st.none()
        | st.lists(cst.target_groups(ODENSE_CATEGORIES), max_size=3).map(tuple),
        focus_areas=st.none()
        | st.lists(st.sampled_from(ODENSE_FOCUS_AREAS), max_size=3).map(tuple),
    ),
    amount=cst.kroner(500_000),
    received=st.dates(date(2009, 6, 1), date(2040, 12, 31)),
    reserve=st.none() | st.just("development"),
    budget=st.none() | st.lists(cst.budget_lines, max_size=3).map(tuple),
    other_funding=st.none() | st.lists(cst.funding_sources, max_size=2).map(tuple),
    standing_grant_renewal=st.booleans(),
)


@given(odense_applications)
def test_assessment_is_deterministic(odense, application):
    """The same application on the same date always gets the same decision."""
    assert assess(odense, application) == assess(odense, application)


@given(odense_applications)
def test_assessment_never_mutates_its_input(odense, application):
    """Assessing leaves the application exactly as it was."""
    before = copy.deepcopy(application)
    assess(odense, application)
    assert application == before
    assert to_json(application) == to_json(before)


@given(odense_applications)
def test_outcome_follows_from_the_findings(odense, application):
    """Ineligible exactly when a mandatory criterion fails; else flags mean assessment."""
    decision = assess(odense, application)
    failed = [f for f in decision.findings if f.status is Status.FAIL]
    assert all(f.kind.value == "mandatory" for f in failed)
    if failed:
        assert decision.outcome is Outcome.INELIGIBLE
    elif any(f.status is Status.FLAG for f in decision.findings):
        assert decision.outcome is Outcome.NEEDS_ASSESSMENT
    else:
        assert decision.outcome is Outcome.ELIGIBLE


@given(odense_applications)
def test_every_finding_is_cited_and_explained_in_both_languages(odense, application):
    """Each finding names its source and gives a Danish and an English reason."""
    for finding in assess(odense, application).findings:
        assert finding.citation.document.endswith(".txt")
        assert finding.citation.section
        assert finding.reason.da
        assert finding.reason.en
        assert finding.reason.da != finding.reason.en


@given(st.integers(-200, 200))
def test_auditor_threshold_at_exactly_100000(odense, ore):
    """Below 100,000 kr an elected auditor signs; from exactly 100,000 kr a professional."""
    amount = kroner(Decimal(100_000_00 + ore).scaleb(-2))
    auditor = assess(odense, odense_application(amount=amount)).auditor
    expected = "elected" if amount < 100_000 else "professional"
    assert auditor.id == expected


@given(st.integers(0, 120), st.integers(0, 120))
def test_age_60_goes_to_the_older_department(odense, low, span):
    """A group whose youngest is 60 or more goes to the 60+ department, under 60 otherwise."""
    high = min(low + span, 130)
    group = TargetGroup(category="excluded", min_age=low, max_age=high)
    decision = assess(odense, odense_application(activity={"target_groups": (group,)}))
    if low >= 60:
        assert decision.department.id == "aeldre_og_handicap"
    elif high <= 59:
        assert decision.department.id == "social_og_arbejdsmarked"
    else:
        assert decision.department is None
        assert len(decision.department_candidates) == 2


@given(st.integers(2010, 2039), st.integers(-3, 3))
def test_deadline_day_is_in_this_years_round(odense, year, offset):
    """Received on or before 31 October: this year's round; after it: next year's."""
    received = date(year, 10, 31) + timedelta(days=offset)
    round_ = assess(odense, odense_application(received=received)).round
    assert round_.year == (year if offset <= 0 else year + 1)
    assert received <= round_.deadline


@given(odense_applications)
def test_discretionary_rules_never_reject(odense, application):
    """Only mandatory criteria can make an application ineligible."""
    decision = assess(odense, application)
    for finding in decision.findings:
        if finding.kind.value != "mandatory":
            assert finding.status is not Status.FAIL


def _round_trips(value, kind):
    assert from_json(to_json(value), kind) == value


@settings(max_examples=50)
@given(cst.applications)
def test_application_json_round_trip(application):
    """An application survives JSON and back unchanged."""
    _round_trips(application, GrantApplication)


@settings(max_examples=50)
@given(cst.decisions)
def test_decision_json_round_trip(decision):
    """A decision survives JSON and back unchanged."""
    _round_trips(decision, Decision)


@given(odense_applications)
def test_assessed_decision_json_round_trip(odense, application):
    """A real decision, facts included, survives JSON and back unchanged."""
    _round_trips(assess(odense, application), Decision)


@given(st.data())
def test_every_model_round_trips(data):
    """Each public model type survives JSON and back unchanged."""
    for strategy, kind in [
        (cst.associations, Association),
        (cst.persons, PrivatePerson),
        (cst.activities, Activity),
        (cst.budget_lines, BudgetLine),
        (cst.funding_sources, FundingSource),
        (cst.findings, Finding),
        (cst.rounds, Round),
        (cst.target_groups(), TargetGroup),
        (cst.audit_records, AuditRecord),
        (cst.department_refs, DepartmentRef),
        (cst.auditor_requirements, AuditorRequirement),
        (cst.texts, Text),
    ]:
        _round_trips(data.draw(strategy), kind)


@given(cst.kroner())
def test_money_stays_decimal_through_json(amount):
    """Money is written as a decimal string and read back as the same Decimal."""
    application = odense_application(amount=amount)
    text = to_json(application)
    assert f'"amount": "{amount}"' in text
    assert from_json(text, GrantApplication).amount == amount


@pytest.fixture(scope="module")
def shared(odense):
    """One assessor for every example: its evaluator reuses findings across them."""
    return Assessor(odense)


@given(odense_applications)
def test_reused_findings_equal_fresh_ones(odense, shared, application):
    """A finding reused for equal facts is the finding a fresh evaluation makes."""
    assert shared.assess(application) == assess(odense, application)


@pytest.mark.parametrize("slug", ["odense", "faaborg-midtfyn", "kolding"])
def test_configuration_models_round_trip(slug):
    """Each configuration section's model survives JSON and back unchanged."""
    from helpers import MUNICIPALITIES

    from civilsamfund import Plugins, load_municipality_dir

    municipality = load_municipality_dir(MUNICIPALITIES / slug, Plugins())
    for model, value in municipality.sections.items():
        _round_trips(value, model)


def test_a_bare_toml_date_in_params_reads_as_its_text_and_round_trips(tmp_path):
    """TOML writes dates bare (``start = 2024-10-01``); a rule's params keep them as
    ``YYYY-MM-DD`` text, which the check reads as the same date and JSON can carry."""
    import shutil

    from helpers import MUNICIPALITIES

    from civilsamfund import Plugins, load_municipality_dir
    from civilsamfund.config._sections import RulesFile

    directory = tmp_path / "kolding"
    shutil.copytree(MUNICIPALITIES / "kolding", directory)
    criteria = directory / "criteria.toml"
    text = criteria.read_text(encoding="utf-8")
    bare = text.replace('start = "2024-10-01"', "start = 2024-10-01")
    assert bare != text
    criteria.write_text(bare, encoding="utf-8")
    written = load_municipality_dir(directory, Plugins())
    quoted = load_municipality_dir(MUNICIPALITIES / "kolding", Plugins())
    for model, value in written.sections.items():
        _round_trips(value, model)
    assert written.section(RulesFile) == quoted.section(RulesFile)


def test_params_keep_their_input_and_take_any_dict():
    """The params table is copied with its dates as text: the given dict (here an
    OrderedDict, as code may build one) is left as it was."""
    from collections import OrderedDict

    from civilsamfund.config._sections import CriterionEntry
    from civilsamfund.reading._converter import structure

    params = OrderedDict(start=date(2024, 10, 1), steps=[{"on": date(2025, 1, 1)}])
    given = copy.deepcopy(params)
    entry = structure(
        {
            "id": "X-1",
            "type": "strategy.due_between",
            "kind": "mandatory",
            "citation": {"document": "d.txt", "section": "s"},
            "rule": {"da": "r", "en": "r"},
            "params": params,
        },
        CriterionEntry,
        "criteria.toml",
    )
    assert entry.params == {"start": "2024-10-01", "steps": [{"on": "2025-01-01"}]}
    assert params == given
