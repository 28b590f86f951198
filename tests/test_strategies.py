"""The Hypothesis strategies users get: valid models, and applications shaped by the rules."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum.dk import cvr

from civilsamfund import Outcome, RuleKind, Status, to_json, volunteers
from civilsamfund import testing as cst
from civilsamfund.grants import Association, Decision, GrantApplication, PoolsFile, assess
from civilsamfund.volunteers import TaskDecision, VolunteerTask, tasks_from_data


@given(st.from_type(Association))
def test_from_type_gives_valid_associations(association):
    """st.from_type(Association) works through the entry point and gives valid CVR numbers."""
    assert association.cvr is None or cvr.is_valid(association.cvr)
    for amount in (association.equity, association.annual_running_costs):
        assert amount is None or (amount >= 0 and amount.as_tuple().exponent >= -2)


@given(st.from_type(GrantApplication))
def test_from_type_gives_valid_applications(application):
    """Generated applications have exact, non-negative amounts with at most two decimals."""
    assert application.amount >= 0
    assert application.amount.as_tuple().exponent >= -2


@given(st.from_type(Decision))
def test_from_type_gives_decisions(decision):
    """Generated decisions have exact amounts and are written out as they are."""
    assert decision.amount >= 0
    assert decision.amount.as_tuple().exponent >= -2
    written = json.loads(to_json(decision))
    assert (written["application"], written["outcome"], written["amount"]) == (
        decision.application,
        decision.outcome.value,
        str(decision.amount),
    )
    assert [f["criterion"] for f in written["findings"]] == [f.criterion for f in decision.findings]


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_applications_for_meet_every_mandatory_criterion(odense, data):
    """applications_for gives applications no mandatory Odense criterion rejects."""
    application = data.draw(cst.applications_for(odense))
    decision = assess(odense, application)
    assert decision.outcome is not Outcome.INELIGIBLE
    assert not [f for f in decision.findings if f.status is Status.FAIL]


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_violating_o18_7_fails_exactly_o18_7(odense, data):
    """An application that violates only O18-7 is ineligible with exactly that failure."""
    application = data.draw(cst.violating(odense, "O18-7"))
    decision = assess(odense, application)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [f.criterion for f in decision.findings if f.status is Status.FAIL] == ["O18-7"]


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_violating_each_mandatory_criterion(odense, faaborg, data):
    """For every mandatory criterion of both municipalities, violating it alone is possible."""
    municipality = data.draw(st.sampled_from([odense, faaborg]))
    pool = data.draw(st.sampled_from([p.id for p in municipality.section(PoolsFile).pools]))
    mandatory = [
        c.id
        for c in municipality.rulebook
        if c.kind is RuleKind.MANDATORY
        and c.id in next(p for p in municipality.section(PoolsFile).pools if p.id == pool).criteria
    ]
    criterion = data.draw(st.sampled_from(mandatory))
    application = data.draw(cst.violating(municipality, criterion, pool))
    failed = [
        f.criterion for f in assess(municipality, application).findings if f.status is Status.FAIL
    ]
    assert failed == [criterion]


@given(st.from_type(VolunteerTask))
def test_from_type_gives_volunteer_tasks_that_round_trip(task):
    """Generated tasks are well formed and come back from JSON unchanged."""
    assert task.target_group.max_age is None or task.target_group.max_age >= (
        task.target_group.min_age or 0
    )
    assert tasks_from_data([json.loads(to_json(task))]) == (task,)


@given(st.from_type(TaskDecision))
def test_from_type_gives_task_decisions(decision):
    """Generated task decisions are written out with their findings and obligations."""
    written = json.loads(to_json(decision))
    assert (written["task"], written["outcome"]) == (decision.task, decision.outcome.value)
    assert [f["status"] for f in written["findings"]] == [f.status.value for f in decision.findings]
    assert [
        (o["kind"], o["id"], o["before_start"], o["legal_basis"]) for o in written["obligations"]
    ] == [(o.kind.value, o.id, o.before_start, o.legal_basis) for o in decision.obligations]


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_tasks_for_meet_every_mandatory_task_rule(faaborg, data):
    task = data.draw(cst.tasks_for(faaborg))
    decision = volunteers.assess(faaborg, task)
    assert decision.outcome is not Outcome.INELIGIBLE


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_violating_each_task_rule(odense, faaborg, data):
    """Each task rule of both municipalities can be broken alone: a mandatory one fails
    and rejects, a discretionary one flags and never rejects."""
    municipality = data.draw(st.sampled_from([odense, faaborg]))
    rules = {r.id: r.kind for r in municipality.rulebook if r.subject is VolunteerTask}
    criterion = data.draw(st.sampled_from(sorted(rules)))
    task = data.draw(cst.violating(municipality, criterion))
    decision = volunteers.assess(municipality, task)
    failed = [f.criterion for f in decision.findings if f.status is Status.FAIL]
    if rules[criterion] is RuleKind.MANDATORY:
        assert failed == [criterion]
        assert decision.outcome is Outcome.INELIGIBLE
    else:
        assert failed == []
        assert {f.criterion: f.status for f in decision.findings}[criterion] is Status.FLAG
