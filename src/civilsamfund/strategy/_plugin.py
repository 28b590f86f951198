"""The strategy domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from attrs import field, frozen

from civilsamfund.config import Municipality
from civilsamfund.core import refers
from civilsamfund.plugins import Cases, Domain, Mismatch, hookimpl
from civilsamfund.strategy._commands import STRATEGY_COMMANDS, STRATEGY_SCHEMAS
from civilsamfund.strategy._design_batch import MEETINGS
from civilsamfund.strategy._errors import StrategyError
from civilsamfund.strategy._lifecycle import StrategyOn
from civilsamfund.strategy._meetings import DesignSummariser
from civilsamfund.strategy._sections import STRATEGY_SECTIONS
from civilsamfund.strategy._status import StrategyState, StrategyStatus, strategy_status
from civilsamfund.strategy.checks import STRATEGY_CHECKS


@frozen(kw_only=True)
class StrategyCase:
    """A strategy case's subject: the strategy, by id; the day is the case's ``on``."""

    id: str = field(metadata=refers("strategy"))


@frozen(kw_only=True)
class StrategyExpectation:
    """What a policy case may expect of a strategy besides the findings."""

    state: StrategyState | None = None
    """Where the strategy stands on the case's day."""


def _strategy_on(municipality: Municipality, case: StrategyCase, on: date | None) -> StrategyStatus:
    if on is None:
        raise StrategyError.at("", "on", "expected the day a strategy case asks about")
    (status,) = strategy_status(municipality, on, case.id)
    return status


def _compare(expect: StrategyExpectation, status: StrategyStatus) -> Iterator[Mismatch]:
    if expect.state is not None and status.state is not expect.state:
        yield Mismatch(field="state", expected=expect.state.value, got=status.state.value)


def _meetings(municipality: Municipality) -> Callable[[Path], object]:
    summariser = DesignSummariser(municipality)
    return MEETINGS.each(lambda meeting: summariser.summarise(summariser.admit(meeting)))


STRATEGY = Domain(
    key="strategy",
    subject=StrategyOn,
    error=StrategyError,
    sections=STRATEGY_SECTIONS,
    checks=STRATEGY_CHECKS,
    commands=STRATEGY_COMMANDS,
    schemas=STRATEGY_SCHEMAS,
    examples={"design": _meetings},
    cases=(
        Cases(
            key="strategy",
            what="a strategy by id",
            model=StrategyCase,
            error=StrategyError,
            decide=_strategy_on,
            expect=StrategyExpectation,
            compare=_compare,
        ),
    ),
    testing="civilsamfund.testing._strategy",
)
"""The strategy domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The strategy domain."""
    return (STRATEGY,)
