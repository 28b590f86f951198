"""Strategies: strategies with consistent dates, their statuses, and schedule records."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from civilsamfund.core.rules._findings import Status
from civilsamfund.strategy._model import Done, Milestone, Objective, Principle, Strategy
from civilsamfund.strategy._status import StrategyState, StrategyStatus
from civilsamfund.testing._models import audit_records, citations, dates, findings, names, texts

done_records = st.builds(
    Done, milestone=st.sampled_from(Milestone), on=dates, note=st.none() | texts
)


@st.composite
def strategy_models(draw: st.DrawFn) -> Strategy:
    """Strategies whose period ends after it starts, with principles and objectives
    that each serve one of them or none."""
    start = draw(st.none() | dates)
    end = None if start is None else draw(st.none() | dates.filter(lambda day: day >= start))
    principles = draw(
        st.lists(
            st.builds(Principle, id=names, name=texts, citation=citations),
            max_size=4,
            unique_by=lambda p: p.id,
        )
    )
    served = st.none() | st.sampled_from([p.id for p in principles]) if principles else st.none()
    objectives = draw(
        st.lists(
            st.builds(
                Objective,
                id=names,
                name=texts,
                citation=citations,
                focus_area=st.none() | texts,
                principle=served,
            ),
            max_size=5,
            unique_by=lambda o: o.id,
        )
    )
    return Strategy(
        id=draw(names),
        title=draw(texts),
        citation=draw(citations),
        adopted_by=draw(st.none() | texts),
        adopted_on=draw(st.none() | dates),
        period_start=start,
        period_end=end,
        vision=draw(st.none() | texts),
        values=tuple(draw(st.lists(texts, max_size=3))),
        done=tuple(draw(st.lists(done_records, max_size=3))),
        principles=tuple(principles),
        objectives=tuple(objectives),
    )


strategy_statuses = st.builds(
    StrategyStatus,
    strategy=strategy_models(),
    on=dates,
    municipality=names,
    state=st.sampled_from(StrategyState),
    due=st.lists(st.sampled_from(Milestone), max_size=2, unique=True).map(tuple),
    overdue=st.lists(st.sampled_from(Milestone), max_size=2, unique=True).map(tuple),
    findings=st.lists(
        findings.filter(lambda f: f.status is not Status.NOT_APPLICABLE), max_size=3
    ).map(tuple),
    objectives_without_principle=st.lists(names, max_size=2).map(tuple),
    principles_without_objective=st.lists(names, max_size=2).map(tuple),
    audit=audit_records,
    names=st.dictionaries(names, texts, max_size=3),
)

STRATEGY_STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Done: done_records,
    Strategy: strategy_models(),
    StrategyStatus: strategy_statuses,
}
"""The strategy registered for each strategy model type."""
