"""A strategy on a day: the subject its lifecycle rules judge, the facts they read and
what every lifecycle check shares."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from attrs import frozen

from civilsamfund.core import Text
from civilsamfund.core.rules import Check, Fact, attribute_fact
from civilsamfund.strategy._model import Done, Milestone, Strategy


@frozen(kw_only=True)
class StrategyOn:
    """``strategy`` as it stands on ``on``: what its lifecycle rules judge."""

    strategy: Strategy
    on: date


ON: Fact[StrategyOn, date] = attribute_fact("on", Text(da="dagen", en="the day"))
DONE: Fact[StrategyOn, tuple[Done, ...]] = attribute_fact(
    "strategy.done", Text(da="det gjorte", en="what has been done")
)

MILESTONE_NAMES: Mapping[str, Text] = {
    Milestone.RECOMMENDATIONS.value: Text(
        da="godkendelse af anbefalinger", en="approval of recommendations"
    ),
    Milestone.DRAFT.value: Text(da="første udkast", en="first draft"),
    Milestone.WRITTEN.value: Text(da="færdigskrevet strategi", en="written strategy"),
    Milestone.ADOPTION.value: Text(da="vedtagelse", en="adoption"),
    Milestone.STATUS_REVIEW.value: Text(da="status", en="status review"),
    Milestone.REPORT.value: Text(da="redegørelse", en="report"),
    Milestone.EVALUATION.value: Text(da="evaluering", en="evaluation"),
    Milestone.REVISION.value: Text(da="revision", en="revision"),
}


class LifecycleCheck(Check[StrategyOn]):
    """A check that judges where a strategy stands in its schedule on a day."""

    SUBJECT: ClassVar[type[Any]] = StrategyOn
    NAMES = MILESTONE_NAMES
    FACTS = (ON, DONE)
