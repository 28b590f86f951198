"""Where a strategy stands on a day: adopted or not (or not known to be in force),
ended, each milestone of its schedule upcoming, due or overdue by its cited rules, and
which objectives serve no principle and which principles no objective serves."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund.config import Municipality
from civilsamfund.core import AuditRecord, Text, shown
from civilsamfund.core.rules import Evaluator, Finding, Findings, Status
from civilsamfund.strategy._errors import StrategyError
from civilsamfund.strategy._lifecycle import MILESTONE_NAMES, StrategyOn
from civilsamfund.strategy._model import Milestone, Strategy, StrategyFile


class StrategyState(str, enum.Enum):
    """Where a strategy stands on a day, the worst of its milestones first."""

    NOT_ADOPTED = "not_adopted"
    NOT_KNOWN = "not_known"
    """Before the day it is known to be in force, its adoption day not known."""
    ENDED = "ended"
    """After its last day in force: its schedule is no longer judged."""
    OVERDUE = "overdue"
    DUE = "due"
    IN_FORCE = "in_force"


@frozen(kw_only=True)
class StrategyStatus:
    """A strategy on ``on``: its state, the milestones due and overdue, a finding per
    lifecycle rule (cited), and the objectives and principles left unmapped."""

    strategy: Strategy
    on: date
    municipality: str
    state: StrategyState
    due: tuple[Milestone, ...]
    overdue: tuple[Milestone, ...]
    findings: Sequence[Finding]
    objectives_without_principle: tuple[str, ...]
    principles_without_objective: tuple[str, ...]
    audit: AuditRecord
    names: Mapping[str, Text] = field(factory=dict)
    """What the ids the status names are called, and the titles of the cited documents."""


def strategies(municipality: Municipality) -> tuple[Strategy, ...]:
    """The strategies the municipality configures, in order."""
    return municipality.section(StrategyFile).strategies


class StrategyAssessor:
    """Says where one municipality's strategies stand on a day, as every domain's assessor
    says what its rules make of a subject; make one for many strategies or days."""

    __slots__ = ("_evaluator", "municipality")

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._evaluator = Evaluator()

    def assess(self, strategy: Strategy | str, on: date | None = None) -> StrategyStatus:
        """Where ``strategy`` (configured, or its id) stands on ``on`` (default: the day it
        is known to be in force from, its adoption or else its ``in_force_by``).

        Raises :class:`StrategyError` when the id is not configured, or when no day is
        given and the strategy states neither.
        """
        if isinstance(strategy, str):
            strategy = _configured(self.municipality, strategy, "<strategy>", "strategy")
        if on is None:
            on = strategy.adopted_on or strategy.in_force_by
            if on is None:
                raise StrategyError.at(
                    f"strategy {shown(strategy.id)}",
                    "on",
                    "expected a day: the strategy states neither the day it was adopted nor "
                    "a day it is in force by",
                )
        return _status(self.municipality, self._evaluator, strategy, on)


def assess(
    municipality: Municipality, strategy: Strategy | str, on: date | None = None
) -> StrategyStatus:
    """Where one strategy (configured, or its id) stands on ``on`` in ``municipality``
    (default: the day it is known to be in force from). For many, make one
    :class:`StrategyAssessor`."""
    return StrategyAssessor(municipality).assess(strategy, on)


def strategy_status(
    municipality: Municipality, on: date, strategy: str | None = None
) -> tuple[StrategyStatus, ...]:
    """The status on ``on`` of every configured strategy, or of ``strategy`` alone: the
    question the ``strategy status`` command asks, for all strategies at once.

    Raises :class:`StrategyError` when ``strategy`` is not configured.
    """
    found = strategies(municipality)
    if strategy is not None:
        found = (_configured(municipality, strategy, "--strategy", ""),)
    assessor = StrategyAssessor(municipality)
    return tuple(assessor.assess(s, on) for s in found)


def _configured(municipality: Municipality, strategy: str, source: str, path: str) -> Strategy:
    """The configured strategy ``strategy``; an error at ``path`` in ``source`` if none is."""
    found = next((s for s in strategies(municipality) if s.id == strategy), None)
    if found is None:
        known = ", ".join(s.id for s in strategies(municipality)) or "none"
        raise StrategyError.at(
            source, path, f"expected a configured strategy ({known}), got {shown(strategy)}"
        )
    return found


def _status(
    municipality: Municipality, evaluator: Evaluator, strategy: Strategy, on: date
) -> StrategyStatus:
    findings = Findings()
    ended = strategy.ends_on is not None and on > strategy.ends_on
    if not ended:
        rules = municipality.rulebook.in_force(strategy.criteria, on)
        findings = evaluator.findings(rules, StrategyOn(strategy=strategy, on=on))
    due = _milestones(findings, Status.FLAG)
    overdue = _milestones(findings, Status.FAIL)
    start = strategy.adopted_on or strategy.in_force_by
    if ended:
        state = StrategyState.ENDED
    elif start is None or (strategy.adopted_on is not None and on < start):
        state = StrategyState.NOT_ADOPTED
    elif on < start:
        state = StrategyState.NOT_KNOWN
    elif overdue:
        state = StrategyState.OVERDUE
    elif due:
        state = StrategyState.DUE
    else:
        state = StrategyState.IN_FORCE
    served = {objective.principle for objective in strategy.objectives}
    related = {strategy.superseded_by, strategy.revises} - {None}
    return StrategyStatus(
        strategy=strategy,
        on=on,
        municipality=municipality.slug,
        state=state,
        due=due,
        overdue=overdue,
        findings=findings,
        objectives_without_principle=tuple(
            o.id for o in strategy.objectives if o.principle is None and strategy.principles
        ),
        principles_without_objective=tuple(p.id for p in strategy.principles if p.id not in served),
        audit=municipality.audit(on),
        names={
            **municipality.titles(f.citation.document for f in findings),
            **municipality.entry_names(_NAMED_KINDS, on),
            **MILESTONE_NAMES,
            **{s.id: s.title for s in strategies(municipality) if s.id in related},
            strategy.id: strategy.title,
            **{p.id: p.name for p in strategy.principles},
            **{o.id: o.name for o in strategy.objectives},
        },
    )


def _milestones(findings: Sequence[Finding], status: Status) -> tuple[Milestone, ...]:
    return tuple(
        dict.fromkeys(Milestone(str(f.facts["milestone"])) for f in findings if f.status is status)
    )


_NAMED_KINDS = ("arena", "committee", "council", "forum")
"""The kinds of entry a strategy refers to, whose names its status gives."""
