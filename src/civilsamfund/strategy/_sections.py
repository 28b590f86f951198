"""Where the strategy domain reads its configuration, and what it checks there beyond
the shared checks: lifecycle rules that judge strategies, what is heard is a forum or
a council, done milestones some rule schedules, action plans that end after they
start, one day a strategy starts from, an end on or after it, a successor only with
an end, and no strategy superseding or revising itself."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from civilsamfund.config import Municipality, Section
from civilsamfund.strategy._lifecycle import StrategyOn
from civilsamfund.strategy._model import Strategy, StrategyFile

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
        yield from _lifetime(strategy, where, {s.id: s for s in section.strategies})


def _start(strategy: Strategy) -> tuple[date | None, str]:
    """The first day the strategy is known in force, and the field that gives it."""
    if strategy.adopted_on is not None:
        return strategy.adopted_on, "adopted_on"
    return strategy.in_force_by, "in_force_by"


def _lifetime(strategy: Strategy, where: str, by_id: Mapping[str, Strategy]) -> Iterator[Found]:
    """A strategy's start, its end, its successor and what it revises fit together."""
    if strategy.adopted_on is not None and strategy.in_force_by is not None:
        yield f"{where}.in_force_by", "expected no in_force_by when adopted_on gives the day"
    start, since = _start(strategy)
    ends = strategy.ends_on
    if ends is not None and start is not None and ends < start:
        yield f"{where}.ends_on", f"expected a day on or after {since} ({start})"
    successor = by_id.get(strategy.superseded_by or "")
    if strategy.superseded_by is not None and ends is None:
        yield (
            f"{where}.ends_on",
            "expected its last day in force, as superseded_by names a successor",
        )
    elif successor is not None and ends is not None:
        after, field = _start(successor)
        if after is not None and ends >= after:
            yield (
                f"{where}.ends_on",
                f"expected a day before {successor.id!r} is in force ({field} {after})",
            )
    for name in ("superseded_by", "revises"):
        if getattr(strategy, name) == strategy.id:
            yield f"{where}.{name}", f"expected another strategy than {strategy.id!r} itself"


STRATEGY_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=STRATEGY, model=StrategyFile, validate=_strategies),
)
"""Where the strategy domain reads its configuration."""
