"""Where the strategy domain reads its configuration, and what it checks there beyond
the shared checks: lifecycle rules that judge strategies, what is heard is a forum or
a council, done milestones some rule schedules, action plans that end after they
start."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from civilsamfund._municipality import Municipality
from civilsamfund.config._sections import Section
from civilsamfund.strategy._lifecycle import StrategyOn
from civilsamfund.strategy._model import StrategyFile

STRATEGY = "strategy.toml"

Found = tuple[str, str]


def _strategies(section: StrategyFile, municipality: Municipality) -> Iterator[Found]:
    rulebook = municipality.rulebook
    known = municipality.known
    heard = {*known.get("forum", {}), *known.get("council", {})}
    for i, strategy in enumerate(section.strategies):
        where = f"strategies[{i}]"
        scheduled = set()
        for j, criterion in enumerate(strategy.criteria):
            for rule in rulebook.versions(criterion):
                if rule.subject is not StrategyOn:
                    yield (
                        f"{where}.criteria[{j}]",
                        f"expected a criterion judging a strategy's schedule, got {criterion!r}",
                    )
                    break
                scheduled.add(getattr(rule.check, "milestone", None))
        for j, party in enumerate(strategy.heard):
            if party not in heard:
                yield f"{where}.heard[{j}]", f"expected the id of a forum or council, got {party!r}"
        for j, done in enumerate(strategy.done):
            if done.milestone not in scheduled:
                yield (
                    f"{where}.done[{j}].milestone",
                    f"expected a milestone one of the strategy's criteria schedules, got "
                    f"{done.milestone.value!r}",
                )
        for j, plan in enumerate(strategy.action_plans):
            if plan.end < plan.start:
                yield f"{where}.action_plans[{j}].end", "expected a day on or after start"
        if (
            strategy.period_start is not None
            and strategy.period_end is not None
            and strategy.period_end < strategy.period_start
        ):
            yield f"{where}.period_end", "expected a day on or after period_start"


STRATEGY_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=STRATEGY, model=StrategyFile, validate=_strategies),
)
"""Where the strategy domain reads its configuration."""
