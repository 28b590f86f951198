"""Making the annual report from a year's decisions and the municipality's
configuration."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from civilsamfund._municipality import Municipality
from civilsamfund.awards._year import AwardYear, awards_in
from civilsamfund.core._money import Kroner
from civilsamfund.core._text import Text
from civilsamfund.core.rules._findings import Outcome
from civilsamfund.report._model import (
    AnnualReport,
    AwardLine,
    Count,
    GrantLine,
    Grants,
    Nominated,
    ObjectiveLine,
    StrategyLine,
)
from civilsamfund.report._records import GrantRecord, NominationRecord
from civilsamfund.strategy._status import StrategyStatus, strategy_status


def _counts(records: Sequence[GrantRecord]) -> tuple[Count, ...]:
    return tuple(
        Count(
            outcome=outcome,
            applications=len(chosen := [r for r in records if r.outcome is outcome]),
            amount=Kroner(sum((r.amount for r in chosen), Decimal(0))),
        )
        for outcome in Outcome
    )


def _lines(groups: dict[str | None, list[GrantRecord]]) -> tuple[GrantLine, ...]:
    return tuple(
        GrantLine(
            id=key,
            applications=len(records),
            amount=Kroner(sum((r.amount for r in records), Decimal(0))),
            outcomes=_counts(records),
        )
        for key, records in groups.items()
    )


def count_grants(
    records: Iterable[GrantRecord], year: int, pools: Iterable[str], departments: Iterable[str]
) -> Grants:
    """The year's grant decisions counted; every configured pool and department gets a
    line, those with no application too, then any a decision names besides."""
    read = list(records)
    kept = [r for r in read if r.year == year]
    by_pool: dict[str | None, list[GrantRecord]] = {pool: [] for pool in pools}
    by_department: dict[str | None, list[GrantRecord]] = {d: [] for d in departments}
    for record in kept:
        by_pool.setdefault(record.pool, []).append(record)
        department = None if record.department is None else record.department.id
        by_department.setdefault(department, []).append(record)
    return Grants(
        decisions=len(kept),
        left_out=len(read) - len(kept),
        amount=Kroner(sum((r.amount for r in kept), Decimal(0))),
        outcomes=_counts(kept),
        pools=_lines(by_pool),
        departments=_lines(by_department),
    )


def _awards(
    awards: Iterable[AwardYear], year: int, nominations: Iterable[NominationRecord]
) -> tuple[AwardLine, ...]:
    checked = [n for n in nominations if n.year == year]
    lines = []
    for given in awards:
        mine = [n for n in checked if n.award == given.award]
        lines.append(
            AwardLine(
                award=given.award,
                programme=given.programme,
                count=given.version.count,
                theme=given.version.theme,
                target_group=given.target_group,
                nominations=tuple(
                    Nominated(outcome=o, nominations=sum(1 for n in mine if n.outcome is o))
                    for o in Outcome
                )
                if mine
                else (),
            )
        )
    return tuple(lines)


def _strategy(status: StrategyStatus, year: int) -> StrategyLine:
    strategy = status.strategy
    first, last = date(year, 1, 1), date(year, 12, 31)
    objectives = []
    for objective in strategy.objectives:
        plans = tuple(p for p in strategy.action_plans if p.objective == objective.id)
        objectives.append(
            ObjectiveLine(
                objective=objective.id,
                principle=objective.principle,
                focus_area=objective.focus_area,
                action_plans=plans,
                current=tuple(p.id for p in plans if p.start <= last and p.end >= first),
            )
        )
    return StrategyLine(
        strategy=strategy.id,
        state=status.state,
        due=status.due,
        overdue=status.overdue,
        findings=status.findings,
        objectives=tuple(objectives),
        objectives_without_principle=status.objectives_without_principle,
        principles_without_objective=status.principles_without_objective,
    )


def annual_report(
    municipality: Municipality,
    year: int,
    decisions: Iterable[GrantRecord] = (),
    nominations: Iterable[NominationRecord] = (),
) -> AnnualReport:
    """The report on ``year``: ``decisions`` and ``nominations`` of other years are left
    out (and counted), the strategies' status is that of the year's last day; a strategy
    that ended before the year is none of the year's."""
    on = date(year, 12, 31)
    known = municipality.known
    counted = count_grants(decisions, year, known.get("pool", {}), known.get("department", {}))
    statuses = tuple(
        status
        for status in strategy_status(municipality, on)
        if status.strategy.ends_on is None or status.strategy.ends_on.year >= year
    )
    given = awards_in(municipality, year)
    awards = _awards(given, year, nominations)
    names: dict[str, Text] = {}
    for status in statuses:
        names.update(status.names)
        names[status.strategy.id] = status.strategy.title
        names.update({o.id: o.name for o in status.strategy.objectives})
        names.update({p.id: p.name for p in status.strategy.principles})
    ids = [line.id for line in (*counted.pools, *counted.departments) if line.id is not None]
    names.update({award.award: award.version.name for award in given})
    ids += [line.programme for line in awards]
    ids += [line.target_group for line in awards if line.target_group is not None]
    named = municipality.names_on(on)
    names.update({i: named[i] for i in ids if i in named})
    return AnnualReport(
        municipality=municipality.slug,
        year=year,
        on=on,
        grants=counted,
        awards=awards,
        strategies=tuple(_strategy(status, year) for status in statuses),
        audit=municipality.audit(on),
        names=names,
    )
