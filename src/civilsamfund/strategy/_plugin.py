"""The strategy domain as the library registers it: one record of all it declares."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund.config import Municipality
from civilsamfund.core import refers
from civilsamfund.plugins import Cases, Checking, Domain, hookimpl, reads
from civilsamfund.strategy._commands import STRATEGY_ACTIONS, STRATEGY_SCHEMAS
from civilsamfund.strategy._design_batch import MEETING_BATCH
from civilsamfund.strategy._errors import StrategyError
from civilsamfund.strategy._lifecycle import StrategyOn
from civilsamfund.strategy._schema import meetings_schema, summary_schema
from civilsamfund.strategy._sections import STRATEGY_SECTIONS
from civilsamfund.strategy._status import StrategyState, StrategyStatus, strategy_status
from civilsamfund.strategy.checks import STRATEGY_CHECKS


@frozen(kw_only=True)
class StrategyCase:
    """A strategy case's subject: the strategy, by id; the day is the case's ``on``."""

    id: str = field(metadata=refers("strategy"))


def _state(status: StrategyStatus) -> StrategyState:
    return status.state


@frozen(kw_only=True)
class StrategyExpectation:
    """What a policy case may expect of a strategy besides the findings."""

    state: StrategyState | None = field(default=None, metadata=reads(_state))
    """Where the strategy stands on the case's day."""


def _strategy_on(municipality: Municipality, case: StrategyCase, on: date | None) -> StrategyStatus:
    if on is None:
        raise StrategyError.at("", "on", "expected the day a strategy case asks about")
    (status,) = strategy_status(municipality, on, case.id)
    return status


STRATEGY = Domain(
    key="strategy",
    subject=StrategyOn,
    error=StrategyError,
    help="where a strategy stands (its schedule, principles and objectives), and how its "
    "design meetings went",
    sections=STRATEGY_SECTIONS,
    checks=STRATEGY_CHECKS,
    actions=STRATEGY_ACTIONS,
    schemas=STRATEGY_SCHEMAS,
    batch=MEETING_BATCH,
    checking=Checking(
        action="design",
        help="sum up design meetings: points papers ranked, evaluations counted",
        schemas=("design-meeting", "design-summary"),
        builds=(meetings_schema, summary_schema),
    ),
    examples={"design": MEETING_BATCH.judge},
    cases=(
        Cases(
            key="strategy",
            what="a strategy by id",
            model=StrategyCase,
            error=StrategyError,
            decide=_strategy_on,
            expect=StrategyExpectation,
        ),
    ),
    testing="civilsamfund.testing._strategy",
)
"""The strategy domain."""


@hookimpl
def civilsamfund_domains() -> Sequence[Domain]:
    """The strategy domain."""
    return (STRATEGY,)
