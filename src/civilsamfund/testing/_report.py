"""Strategies for the annual report: the decision records it counts, and reports whose
totals add up as the report's own counting makes them."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from civilsamfund.core.rules import Outcome, Status
from civilsamfund.report import (
    AnnualReport,
    AwardLine,
    GrantRecord,
    Grants,
    Nominated,
    NominationRecord,
    ObjectiveLine,
    Ref,
    RulesDay,
    StrategyLine,
    count_grants,
)
from civilsamfund.strategy import Milestone, StrategyState
from civilsamfund.testing._models import audit_records, dates, findings, kroner, names, texts

POOLS = ("paragraf18", "paragraf79", "samskabelse")
DEPARTMENTS = ("social", "aeldre")


def grant_records(municipality: str = "odense") -> st.SearchStrategy[GrantRecord]:
    """Grant decisions of ``municipality`` in a few pools and departments (or none)."""
    return st.builds(
        GrantRecord,
        application=names,
        municipality=st.just(municipality),
        pool=st.sampled_from(POOLS),
        outcome=st.sampled_from(Outcome),
        amount=kroner(),
        audit=st.builds(RulesDay, rules_date=dates),
        department=st.none() | st.builds(Ref, id=st.sampled_from(DEPARTMENTS)),
    )


def nomination_records(municipality: str = "odense") -> st.SearchStrategy[NominationRecord]:
    """Nomination decisions of ``municipality``."""
    return st.builds(
        NominationRecord,
        nomination=names,
        municipality=st.just(municipality),
        award=names,
        year=st.integers(2000, 2040),
        outcome=st.sampled_from(Outcome),
    )


@st.composite
def grant_sections(draw: st.DrawFn) -> Grants:
    """A year's grants counted from generated decisions, some of other years."""
    records = draw(st.lists(grant_records(), max_size=20))
    year = draw(st.integers(2000, 2040))
    return count_grants(records, year, POOLS, DEPARTMENTS)


_nominated = st.tuples(
    *(st.builds(Nominated, outcome=st.just(o), nominations=st.integers(0, 9)) for o in Outcome)
)

award_lines = st.builds(
    AwardLine,
    award=names,
    programme=names,
    count=st.integers(1, 10),
    theme=st.none() | texts,
    target_group=st.none() | names,
    nominations=st.one_of(
        st.just(()),
        st.tuples(
            *(
                st.builds(Nominated, outcome=st.just(o), nominations=st.integers(0, 9))
                for o in Outcome
            )
        ),
    ),
)

objective_lines = st.builds(
    ObjectiveLine,
    objective=names,
    principle=st.none() | names,
    focus_area=st.none() | texts,
    action_plans=st.just(()),
    current=st.just(()),
)

strategy_lines = st.builds(
    StrategyLine,
    strategy=names,
    state=st.sampled_from(StrategyState),
    due=st.lists(st.sampled_from(Milestone), max_size=2, unique=True).map(tuple),
    overdue=st.lists(st.sampled_from(Milestone), max_size=2, unique=True).map(tuple),
    findings=st.lists(
        findings.filter(lambda f: f.status is not Status.NOT_APPLICABLE), max_size=2
    ).map(tuple),
    objectives=st.lists(objective_lines, max_size=3).map(tuple),
    objectives_without_principle=st.lists(names, max_size=2).map(tuple),
    principles_without_objective=st.lists(names, max_size=2).map(tuple),
)


@st.composite
def annual_reports(draw: st.DrawFn) -> AnnualReport:
    """Annual reports: grants counted as the report counts them, awards and strategies."""
    year = draw(st.integers(2000, 2040))
    return AnnualReport(
        municipality=draw(names),
        year=year,
        on=date(year, 12, 31),
        grants=draw(grant_sections()),
        awards=tuple(draw(st.lists(award_lines, max_size=3))),
        strategies=tuple(draw(st.lists(strategy_lines, max_size=2))),
        audit=draw(audit_records),
        names=draw(st.dictionaries(names, texts, max_size=3)),
        nominations_left_out=draw(st.integers(0, 9)),
    )


STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    GrantRecord: grant_records(),
    NominationRecord: nomination_records(),
    Grants: grant_sections(),
    AwardLine: award_lines,
    ObjectiveLine: objective_lines,
    StrategyLine: strategy_lines,
    AnnualReport: annual_reports(),
}
"""The strategy registered for each report type."""
