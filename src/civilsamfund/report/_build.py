"""Making the annual report from a year's decisions and the municipality's
configuration."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from civilsamfund.awards import AwardYear, awards_in
from civilsamfund.config import Municipality
from civilsamfund.core import Kroner, Problems, Text, expected_one_of, shown
from civilsamfund.core.rules import Outcome
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
from civilsamfund.report._records import GrantRecord, NominationRecord, ReportError
from civilsamfund.strategy import StrategyStatus, strategy_status


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
    line, those with no application too, and "not settled" one of its own. Decisions of
    other years are left out and counted; one of the year naming a pool or department
    not among ``pools`` and ``departments`` is a :class:`ReportError`, never a line."""
    read = list(records)
    kept = [r for r in read if r.year == year]
    by_pool: dict[str | None, list[GrantRecord]] = {pool: [] for pool in pools}
    by_department: dict[str | None, list[GrantRecord]] = {d: [] for d in departments}
    by_department[None] = []
    _require_placed(kept, by_pool, by_department)
    for record in kept:
        by_pool[record.pool].append(record)
        by_department[None if record.department is None else record.department.id].append(record)
    return Grants(
        decisions=len(kept),
        left_out=len(read) - len(kept),
        amount=Kroner(sum((r.amount for r in kept), Decimal(0))),
        outcomes=_counts(kept),
        pools=_lines(by_pool),
        departments=_lines({k: v for k, v in by_department.items() if k is not None or v}),
    )


def _require_placed(
    records: Iterable[GrantRecord], pools: Iterable[str | None], departments: Iterable[str | None]
) -> None:
    """Raise :class:`ReportError` for each decision whose pool or department has no
    line: the municipality configures no such id, so the report cannot place it."""
    found = Problems()
    pool_ids = [pool for pool in pools if pool is not None]
    department_ids = [department for department in departments if department is not None]
    a_pool, a_department = (
        expected_one_of(pool_ids, "pool"),
        expected_one_of(department_ids, "department"),
    )
    for record in records:
        source, where = record.place or (f"grant decision {shown(record.application)}", "")
        if record.pool not in pool_ids:
            found.at(source, _at(where, "pool"), f"{a_pool}, got {shown(record.pool)}")
        if record.department is not None and record.department.id not in department_ids:
            got = shown(record.department.id)
            found.at(source, _at(where, "department.id"), f"{a_department}, got {got}")
    found.raise_as(ReportError)


def _at(where: str, field: str) -> str:
    """The path of ``field`` in the decision at ``where`` (none: the decision named)."""
    return f"{where}.{field}" if where else field


def _awards(
    awards: Sequence[AwardYear], year: int, checked: Sequence[NominationRecord]
) -> tuple[AwardLine, ...]:
    """A line per award given in ``year``, with the year's ``checked`` nominations by
    outcome; a nomination for an award not given that year is a :class:`ReportError`."""
    ids = [award.award for award in awards]
    found = Problems()
    for nomination in checked:
        if nomination.award not in ids:
            expected = (
                f"expected an award given in {year} ({', '.join(map(repr, ids))})"
                if ids
                else f"expected no nomination in {year}, when no award is given"
            )
            source, where = nomination.place or (
                f"nomination decision {shown(nomination.nomination)}",
                "",
            )
            found.at(source, _at(where, "award"), f"{expected}, got {shown(nomination.award)}")
    found.raise_as(ReportError)
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
    that ended before the year is none of the year's. A decision of the year the report
    cannot place (a pool, department or award the municipality does not have that year)
    is a :class:`ReportError` naming it: everything read is counted or refused."""
    on = date(year, 12, 31)
    known = municipality.known
    counted = count_grants(decisions, year, known.get("pool", {}), known.get("department", {}))
    statuses = tuple(
        status
        for status in strategy_status(municipality, on)
        if status.strategy.ends_on is None or status.strategy.ends_on.year >= year
    )
    given = awards_in(municipality, year)
    nominated = list(nominations)
    checked = [n for n in nominated if n.year == year]
    awards = _awards(given, year, checked)
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
        nominations_left_out=len(nominated) - len(checked),
        strategies=tuple(_strategy(status, year) for status in statuses),
        audit=municipality.audit(on),
        names=names,
    )
