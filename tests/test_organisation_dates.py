"""Dated organisation: departments, committees, councils and points of entry have
versions, and every answer names them as they were on its date (issue 20)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from helpers import copy_municipality, edit, load_problems, odense_application

from civilsamfund import Outcome, Plugins, kroner, load_municipality_dir
from civilsamfund import organisation as org
from civilsamfund.cli import main
from civilsamfund.grants import assess, decision_document, render_text

OLD = "Social- og Arbejdsmarkedsforvaltningen"
NEW = "Beskæftigelses- og Socialforvaltningen"


@pytest.mark.parametrize(
    ("received", "name"),
    [(date(2015, 5, 31), OLD), (date(2015, 6, 1), NEW), (date(2025, 9, 1), NEW)],
)
def test_a_decision_names_the_department_as_it_was_called(odense, received, name):
    """An under-60 application is routed to the same department on every date, named as
    it was called on the rules' date in the decision, its routing finding and letter."""
    decision = assess(odense, odense_application(received=received))
    assert decision.department is not None
    assert (decision.department.id, decision.department.name.da) == (
        "social_og_arbejdsmarked",
        name,
    )
    (routing,) = [f for f in decision.findings if f.criterion == "O18-ADM-DEPT"]
    assert routing.reason.da == f"Målgruppens alder (18-59 år) hører under {name}."
    assert f"Forvaltning: {name}." in render_text(decision, "da")
    assert decision_document(decision, "da")["department"]["name"] == name


def test_a_2014_letter_does_not_use_the_later_name(odense):
    """Before the rename no part of a letter uses the new name."""
    decision = assess(odense, odense_application(received=date(2014, 9, 1)))
    assert NEW not in render_text(decision, "da")


@pytest.mark.parametrize(("on", "name"), [("2010-01-01", OLD), ("2025-01-01", NEW)])
def test_the_point_of_entry_names_the_department_of_its_day(capsys, on, name):
    """entry-point --on names the department for under-60s as it was called that day."""
    args = ["organisation", "entry-point", "-m", "odense", "--ages", "-17", "--on", on]
    assert main([*args, "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["on"] == on
    (contact,) = answer["contacts"]
    assert (contact["department"], contact["name"]) == ("social_og_arbejdsmarked", name)
    assert "Socialcenteret" in contact["point_of_entry"]


@pytest.mark.parametrize(("on", "name"), [(date(2014, 1, 1), OLD), (date(2025, 1, 1), NEW)])
def test_a_forum_decision_names_the_aldermans_department_of_its_day(odense, on, name):
    """The rule on the alderman's department names it as it was called on the day."""
    members = (org.Member(seat="raadmand", department="social_og_arbejdsmarked"),)
    proposal = org.ForumProposal(id="p", forum="samarbejdsforum", on=on, members=members)
    decision = org.assess(odense, proposal)
    (finding,) = [f for f in decision.findings if f.criterion == "OSF-ALDERMAN-DEPARTMENT"]
    assert finding.reason.da == f"Alle rådmænd er fra {name}."
    assert decision.names["social_og_arbejdsmarked"].da == name


@pytest.mark.parametrize(("year", "name"), [(2014, OLD), (2025, NEW)])
def test_the_annual_report_names_departments_as_called_that_year(odense, year, name):
    """A report counts decisions by department id and names each as called that year."""
    from civilsamfund import report as rp
    from civilsamfund.report._records import GrantRecord, Ref, RulesDay

    record = GrantRecord(
        application="a",
        municipality="odense",
        pool="paragraf18",
        outcome=Outcome.ELIGIBLE,
        amount=kroner("1000"),
        audit=RulesDay(rules_date=date(year, 3, 1)),
        department=Ref(id="social_og_arbejdsmarked"),
    )
    report = rp.annual_report(odense, year, [record])
    assert report.names["social_og_arbejdsmarked"].da == name


@pytest.fixture
def copy(tmp_path):
    """A writable copy of Odense's configuration."""
    return copy_municipality(tmp_path)


def _problems(directory):
    return [problem.split(": ", 1)[1] for problem in load_problems(directory)]


def test_a_rule_version_may_not_outlast_a_name_it_mentions(copy):
    """A routing rule whose version spans the department's rename must be split there,
    or its messages would name the department wrongly on one side."""
    organisation = copy / "organisation.toml"
    edit(organisation, "valid_until = 2015-05-31", "valid_until = 2015-12-31")
    edit(organisation, "valid_from = 2015-06-01", "valid_from = 2016-01-01")
    renamed = (
        ".params.routes[0].department: department 'social_og_arbejdsmarked' is called by a "
        "new name from 2016-01-01, within this version: end the version the day before and "
        "begin a new one that day, so that its messages name it as it is called then"
    )
    assert [p for p in _problems(copy) if p.endswith(renamed)]


def test_routes_name_departments_in_force_on_every_day(copy):
    """A gap between a department's versions is caught wherever a route names it: in a
    dated rule's params and in the undated points of entry."""
    edit(copy / "organisation.toml", "valid_from = 2015-06-01", "valid_from = 2015-07-01")
    problems = _problems(copy)
    gap = (
        "department 'social_og_arbejdsmarked' is not in force on 2015-06-01, while this "
        "version is: every day of it must be covered"
    )
    assert [p for p in problems if p.endswith(f".params.routes[0].department: {gap}")]
    assert f"entry_points.routes[0].department: {gap}" in problems


def test_a_department_names_a_committee_in_force_while_it_is(copy):
    """A committee that ends while a department version naming it holds is an error."""
    edit(
        copy / "organisation.toml",
        'id = "aeldre_og_handicapudvalget"\n',
        'id = "aeldre_og_handicapudvalget"\nvalid_until = 2020-12-31\n',
    )
    assert (
        "departments[2].committee: committee 'aeldre_og_handicapudvalget' is not in force on "
        "2021-01-01, while this version is: every day of it must be covered"
    ) in _problems(copy)


def test_a_renamed_committee_is_named_as_it_was_on_a_meetings_day(copy):
    """Committees are dated too: a design meeting names its committee as it was called
    on the day of the meeting."""
    from civilsamfund import strategy

    edit(
        copy / "organisation.toml",
        'id = "frivillighed_og_civilsamfund"\n',
        'id = "frivillighed_og_civilsamfund"\nvalid_until = 2023-12-31\n',
    )
    with (copy / "organisation.toml").open("a", encoding="utf-8") as file:
        file.write(
            '\n[[committees]]\nid = "frivillighed_og_civilsamfund"\nvalid_from = 2024-01-01\n'
            'name = { da = "Civilsamfundsudvalget", en = "The Civil Society Committee" }\n'
        )
    municipality = load_municipality_dir(copy, Plugins())
    summarise = strategy.DesignSummariser(municipality).summarise
    plan = municipality.section(strategy.StrategyFile).strategies[0].id
    for on, name in (
        (date(2023, 12, 31), "Udvalget for frivillighed og civilsamfund"),
        (date(2024, 1, 1), "Civilsamfundsudvalget"),
    ):
        meeting = strategy.DesignMeeting(
            id="m", strategy=plan, on=on, committee="frivillighed_og_civilsamfund"
        )
        assert summarise(meeting).names["frivillighed_og_civilsamfund"].da == name
