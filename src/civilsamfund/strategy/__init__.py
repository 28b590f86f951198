"""Strategies: principles, objectives and the schedule that says when to review, report
and revise.

``strategy.toml`` holds each strategy: who adopted it and when, its period, vision and
values, the arenas it frames, its principles, objectives (each serving a principle or
none), action plans and declarations of intent, and what of its schedule has been
done. When a status review, a report or a revision is due is a lifecycle rule in
``criteria.toml`` (``strategy.*`` checks), cited like any rule. A
:class:`StrategyAssessor` (or :func:`assess`, for one) says where a strategy stands on a
day, :func:`strategy_status` where each does. See docs/strategy.md.

A strategy designed meeting by meeting keeps a :class:`DesignMeeting` record of each:
the points paper its members prioritise, ranked by a stated method
(:func:`rank`), and the evaluation its participants give (:func:`summarise`). See
docs/design.md.
"""

from __future__ import annotations

from civilsamfund.strategy._design import (
    DesignMeeting,
    Evaluation,
    MeetingKind,
    Point,
    PointsPaper,
    Priority,
    RankingMethod,
)
from civilsamfund.strategy._design_batch import (
    meetings_from_data,
    read_meetings,
    write_meeting_summaries,
)
from civilsamfund.strategy._design_document import meeting_document, meeting_text
from civilsamfund.strategy._document import state_text, status_document, status_text
from civilsamfund.strategy._errors import DesignError, StrategyError
from civilsamfund.strategy._evaluation import EvaluationSummary, Rated, summarise
from civilsamfund.strategy._lifecycle import LifecycleCheck, StrategyOn
from civilsamfund.strategy._meetings import DesignSummariser, MeetingSummary
from civilsamfund.strategy._model import (
    ActionPlan,
    Declaration,
    Done,
    Milestone,
    Objective,
    Principle,
    Stakeholder,
    Strategy,
    StrategyFile,
)
from civilsamfund.strategy._ranking import RankedPoint, Ranking, rank
from civilsamfund.strategy._status import (
    StrategyAssessor,
    StrategyState,
    StrategyStatus,
    assess,
    strategies,
    strategy_status,
)

__all__ = [
    "ActionPlan",
    "Declaration",
    "DesignError",
    "DesignMeeting",
    "DesignSummariser",
    "Done",
    "Evaluation",
    "EvaluationSummary",
    "LifecycleCheck",
    "MeetingKind",
    "MeetingSummary",
    "Milestone",
    "Objective",
    "Point",
    "PointsPaper",
    "Principle",
    "Priority",
    "RankedPoint",
    "Ranking",
    "RankingMethod",
    "Rated",
    "Stakeholder",
    "Strategy",
    "StrategyAssessor",
    "StrategyError",
    "StrategyFile",
    "StrategyOn",
    "StrategyState",
    "StrategyStatus",
    "assess",
    "meeting_document",
    "meeting_text",
    "meetings_from_data",
    "rank",
    "read_meetings",
    "state_text",
    "status_document",
    "status_text",
    "strategies",
    "strategy_status",
    "summarise",
    "write_meeting_summaries",
]
