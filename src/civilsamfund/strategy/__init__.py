"""Strategies: principles, objectives and the schedule that says when to review, report
and revise.

``strategy.toml`` holds each strategy: who adopted it and when, its period, vision and
values, the arenas it frames, its principles, objectives (each serving a principle or
none), action plans and declarations of intent, and what of its schedule has been
done. When a status review, a report or a revision is due is a lifecycle rule in
``criteria.toml`` (``strategy.*`` checks), cited like any rule. :func:`strategy_status`
says where each strategy stands on a day. See docs/strategy.md.
"""

from __future__ import annotations

from civilsamfund.strategy._document import status_document, status_text
from civilsamfund.strategy._lifecycle import LifecycleCheck, StrategyOn
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
from civilsamfund.strategy._status import (
    StrategyError,
    StrategyState,
    StrategyStatus,
    strategies,
    strategy_status,
)

__all__ = [
    "ActionPlan",
    "Declaration",
    "Done",
    "LifecycleCheck",
    "Milestone",
    "Objective",
    "Principle",
    "Stakeholder",
    "Strategy",
    "StrategyError",
    "StrategyFile",
    "StrategyOn",
    "StrategyState",
    "StrategyStatus",
    "status_document",
    "status_text",
    "strategies",
    "strategy_status",
]
