"""Strategies: strategies with consistent dates, their statuses, schedule records, and
design meetings with points papers, priorities, evaluations and their summaries."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from civilsamfund.core.rules import Status
from civilsamfund.strategy import (
    DesignMeeting,
    Done,
    Evaluation,
    EvaluationSummary,
    MeetingKind,
    MeetingSummary,
    Milestone,
    Objective,
    Point,
    PointsPaper,
    Principle,
    Priority,
    Ranking,
    RankingMethod,
    Strategy,
    StrategyState,
    StrategyStatus,
    rank,
    summarise,
)
from civilsamfund.testing._models import audit_records, citations, dates, findings, names, texts

done_records = st.builds(
    Done, milestone=st.sampled_from(Milestone), on=dates, note=st.none() | texts
)


@st.composite
def strategy_models(draw: st.DrawFn) -> Strategy:
    """Strategies whose period ends after it starts, in force from an adoption day or
    from a day known (or neither), ending on or after it, superseded only once ended,
    with principles and objectives that each serve one of them or none."""
    start = draw(st.none() | dates)
    end = None if start is None else draw(st.none() | dates.filter(lambda day: day >= start))
    adopted_on = draw(st.none() | dates)
    in_force_by = None if adopted_on else draw(st.none() | dates)
    since = adopted_on or in_force_by or date.min
    ends_on = draw(st.none() | dates.filter(lambda day: day >= since))
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
        adopted_on=adopted_on,
        in_force_by=in_force_by,
        ends_on=ends_on,
        superseded_by=None if ends_on is None else draw(st.none() | names),
        revises=draw(st.none() | names),
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


@st.composite
def points_papers(draw: st.DrawFn, max_points: int = 8) -> PointsPaper:
    """Points papers of 1 to ``max_points`` points (numbered 1 up, not always in
    order), each member listing some of them in an order of their own."""
    numbers = draw(st.permutations(range(1, draw(st.integers(1, max_points)) + 1)))
    listing = st.lists(st.sampled_from(numbers), min_size=1, unique=True)
    return PointsPaper(
        id=draw(names),
        points=tuple(Point(number=n, text=draw(texts)) for n in numbers),
        priorities=tuple(
            Priority(member=draw(st.none() | names), points=tuple(listed))
            for listed in draw(st.lists(listing, max_size=9))
        ),
        method=draw(st.sampled_from(RankingMethod)),
    )


@st.composite
def evaluations(draw: st.DrawFn) -> Evaluation:
    """Evaluations on a scale (mostly 1 to 5) with ratings on it."""
    lowest, highest = draw(st.sampled_from([(1, 5), (0, 10), (1, 2)]))
    ratings = draw(st.lists(st.integers(lowest, highest), max_size=60))
    return Evaluation(lowest=lowest, highest=highest, ratings=tuple(ratings))


design_meetings = st.builds(
    DesignMeeting,
    id=names,
    strategy=names,
    on=dates,
    kind=st.sampled_from(MeetingKind),
    committee=st.none() | names,
    participants=st.none() | st.integers(0, 500),
    citation=st.none() | citations,
    paper=st.none() | points_papers(),
    evaluation=st.none() | evaluations(),
    note=st.none() | texts,
)

rankings: st.SearchStrategy[Ranking] = points_papers().map(rank)
evaluation_summaries: st.SearchStrategy[EvaluationSummary] = evaluations().map(summarise)

meeting_summaries = st.builds(
    MeetingSummary,
    meeting=names,
    strategy=names,
    on=dates,
    kind=st.sampled_from(MeetingKind),
    municipality=names,
    committee=st.none() | names,
    participants=st.none() | st.integers(0, 500),
    citation=st.none() | citations,
    ranking=st.none() | rankings,
    evaluation=st.none() | evaluation_summaries,
    note=st.none() | texts,
    names=st.dictionaries(names, texts, max_size=3),
)

STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Done: done_records,
    Strategy: strategy_models(),
    StrategyStatus: strategy_statuses,
    PointsPaper: points_papers(),
    Evaluation: evaluations(),
    DesignMeeting: design_meetings,
    Ranking: rankings,
    EvaluationSummary: evaluation_summaries,
    MeetingSummary: meeting_summaries,
}
"""The strategy registered for each strategy model type."""
