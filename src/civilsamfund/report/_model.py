"""The annual report on the collaboration with civil society: a year's grant decisions
counted by pool, outcome and department, the awards given, and each strategy's
objectives, action plans and status at the year's end."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund.core import AuditRecord, Kroner, Text
from civilsamfund.core.rules import Finding, Outcome
from civilsamfund.strategy import ActionPlan, Milestone, StrategyState


@frozen(kw_only=True)
class Count:
    """Applications with one outcome, and the amount they applied for."""

    outcome: Outcome
    applications: int
    amount: Kroner


@frozen(kw_only=True)
class GrantLine:
    """The applications of one pool or department (``None``: no department settled),
    in all and by outcome (every outcome, in order)."""

    id: str | None
    applications: int
    amount: Kroner
    outcomes: tuple[Count, ...]


@frozen(kw_only=True)
class Grants:
    """The year's grant decisions: in all, by outcome, by pool and by department.
    ``left_out``: decisions read that belong to another year."""

    decisions: int
    left_out: int
    amount: Kroner
    outcomes: tuple[Count, ...]
    pools: tuple[GrantLine, ...]
    departments: tuple[GrantLine, ...]


@frozen(kw_only=True)
class Nominated:
    """Nominations with one outcome."""

    outcome: Outcome
    nominations: int


@frozen(kw_only=True)
class AwardLine:
    """An award given in the year: how many, its theme and target group that year, and
    the nominations checked for it by outcome (empty when none were given)."""

    award: str
    programme: str
    count: int
    theme: Text | None
    target_group: str | None
    nominations: tuple[Nominated, ...]


@frozen(kw_only=True)
class ObjectiveLine:
    """An objective, the principle it serves (or none), its focus area, and its action
    plans; ``current``: the ids of the plans whose period touches the year."""

    objective: str
    principle: str | None
    focus_area: Text | None
    action_plans: tuple[ActionPlan, ...]
    current: tuple[str, ...]


@frozen(kw_only=True)
class StrategyLine:
    """A strategy at the year's end: its state, what is due and overdue with a cited
    finding per lifecycle rule, and its objectives."""

    strategy: str
    state: StrategyState
    due: tuple[Milestone, ...]
    overdue: tuple[Milestone, ...]
    findings: Sequence[Finding]
    objectives: tuple[ObjectiveLine, ...]
    objectives_without_principle: tuple[str, ...]
    principles_without_objective: tuple[str, ...]


@frozen(kw_only=True)
class AnnualReport:
    """A municipality's year with civil society, as of ``on`` (the year's last day).

    ``names``: what the ids the report names are called, and the titles of the cited
    documents; ``audit``: the library, configuration and rules it was made with.
    """

    municipality: str
    year: int
    on: date
    grants: Grants
    awards: tuple[AwardLine, ...]
    strategies: tuple[StrategyLine, ...]
    audit: AuditRecord
    names: Mapping[str, Text] = field(factory=dict)
    nominations_left_out: int = 0
    """Nomination decisions read that belong to another year. Since 0.3.0."""
