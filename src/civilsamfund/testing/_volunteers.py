"""Volunteer tasks: strategies for the models, and tasks that meet a municipality's task
rules or break one of them."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from civilsamfund.config import Municipality
from civilsamfund.core.rules import Outcome, Status
from civilsamfund.testing._models import audit_records, citations, dates, findings, names, texts
from civilsamfund.testing._rules import plan, satisfying
from civilsamfund.volunteers import (
    AgeRange,
    Agreement,
    ChildContact,
    Commitment,
    Engagement,
    Obligation,
    ObligationKind,
    Organiser,
    OrganiserKind,
    Preparation,
    TaskAssessor,
    TaskDecision,
    VolunteerTask,
)

_FIRST, _LAST = date(2018, 1, 1), date(2040, 12, 31)
_IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


def _subsets(ids: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(ids), unique=True).map(tuple) if ids else st.just(())


@st.composite
def age_ranges(draw: st.DrawFn) -> AgeRange:
    """Age ranges whose upper end, when given, is not below the lower."""
    low = draw(st.none() | st.integers(0, 110))
    return AgeRange(min_age=low, max_age=draw(st.none() | st.integers(low or 0, 120)))


def _tasks(
    starts: st.SearchStrategy[date],
    ids: st.SearchStrategy[str],
    arenas: st.SearchStrategy[str | None],
    parts: st.SearchStrategy[tuple[str, ...]],
    tools: st.SearchStrategy[tuple[str, ...]],
) -> st.SearchStrategy[VolunteerTask]:
    maybe = st.none() | st.booleans()
    return st.builds(
        VolunteerTask,
        id=ids,
        title=names,
        starts=starts,
        organiser=st.builds(Organiser, kind=st.sampled_from(OrganiserKind), name=st.none() | names),
        engagement=st.builds(Engagement, affiliated=maybe, association=st.none() | names),
        arena=arenas,
        social_area=maybe,
        target_group=age_ranges(),
        children=st.builds(
            ChildContact, contact=maybe, youngest_age=st.none() | st.integers(0, 17)
        ),
        needs_visitation=maybe,
        needs_registration=maybe,
        statutory_responsibility=maybe,
        core_task=maybe,
        reports_on_citizens=maybe,
        commitment=st.none() | st.sampled_from(Commitment),
        hours_per_week=st.none() | st.decimals(0, 60, places=1),
        agreement=st.none() | st.builds(Agreement, written=st.booleans(), parts=parts),
        preparation=st.builds(
            Preparation,
            child_certificates_obtained=maybe,
            criminal_record_dialogue_held=maybe,
            informed_of_duty_to_notify=maybe,
            roles_agreed=maybe,
            adds_to_staff_work=maybe,
            tools=st.none() | tools,
        ),
    )


volunteer_tasks = _tasks(
    dates,
    names,
    st.none() | names,
    st.lists(names, max_size=3).map(tuple),
    st.lists(names, max_size=3).map(tuple),
)
"""Any well-formed task, its ids unchecked against a municipality."""

obligations = st.builds(
    Obligation,
    kind=st.sampled_from(ObligationKind),
    id=names,
    text=texts,
    criterion=names,
    citation=citations,
    before_start=st.booleans(),
    legal_basis=st.none() | names,
)
task_decisions = st.builds(
    TaskDecision,
    task=names,
    municipality=names,
    outcome=st.sampled_from(Outcome),
    findings=st.lists(findings, max_size=4).map(tuple),
    obligations=st.lists(obligations, max_size=3).map(tuple),
    audit=audit_records,
    names=st.dictionaries(names, texts, max_size=3),
)

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    AgeRange: age_ranges(),
    VolunteerTask: volunteer_tasks,
    Obligation: obligations,
    TaskDecision: task_decisions,
}
"""The strategy registered for each volunteers model type."""


def _for(municipality: Municipality, breaking: str | None) -> st.SearchStrategy[VolunteerTask]:
    assessor = TaskAssessor(municipality)
    known = {kind: tuple(ids) for kind, ids in municipality.known.items()}
    if not assessor.rules(_LAST):
        raise ValueError(f"{municipality.slug} has no task rules in force on {_LAST}")
    plan(assessor.rules(_LAST), known, breaking)  # fails now, not when drawn
    arena_ids = known.get("arena", ())
    arenas = st.sampled_from(arena_ids) if arena_ids else st.none()
    parts = _subsets(known.get("agreement_part", ()))
    tools = _subsets(known.get("tool", ()))

    def judge(task: VolunteerTask) -> dict[str, Status]:
        return {f.criterion: f.status for f in assessor.assess(task).findings}

    def for_day(starts: date) -> st.SearchStrategy[VolunteerTask]:
        base = _tasks(st.just(starts), _IDS, arenas, parts, tools)
        return satisfying(assessor.rules(starts), base, known, breaking, judge)

    days = st.dates(min_value=_FIRST, max_value=_LAST).filter(lambda day: bool(assessor.rules(day)))
    return days.flatmap(for_day)


def tasks_for(municipality: Municipality) -> st.SearchStrategy[VolunteerTask]:
    """Volunteer tasks that meet every mandatory task rule in force on the day they start.

    Every fact is drawn, given or not, so flags and missing facts come from discretionary
    rules only."""
    return _for(municipality, None)


def violating(municipality: Municipality, criterion: str) -> st.SearchStrategy[VolunteerTask]:
    """Volunteer tasks that fail ``criterion`` (or, for advice, are flagged by it) and no
    other mandatory task rule; :func:`violating` hands task rules here."""
    return _for(municipality, criterion)
