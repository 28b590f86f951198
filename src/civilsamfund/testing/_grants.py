"""Grant applications that meet a municipality's rules for a pool, or break one of them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from civilsamfund.config import Municipality
from civilsamfund.core import Kroner
from civilsamfund.core.rules import FactText, Known, Status
from civilsamfund.grants import (
    Activity,
    Assessor,
    Association,
    BudgetCategory,
    BudgetLine,
    FactDeclaration,
    FactType,
    FundingSource,
    GrantApplication,
    GrantCatalogue,
    Pool,
    PoolsFile,
    TargetGroup,
)
from civilsamfund.testing._models import cvr_numbers, dates, kroner, names, shares
from civilsamfund.testing._rules import plan, satisfying

_FIRST, _LAST = date(2000, 1, 1), date(2040, 12, 31)


def _pool(municipality: Municipality, pool_id: str | None) -> Pool:
    pools = municipality.section(PoolsFile).pools
    pool = next((p for p in pools if pool_id in (None, p.id)), None)
    if pool is None:
        raise ValueError(f"{municipality.slug} has no pool {pool_id!r}")
    return pool


def _known(municipality: Municipality, pool: Pool) -> Known:
    return {
        **{kind: tuple(ids) for kind, ids in municipality.known.items()},
        "reserve": tuple(reserve.id for reserve in pool.reserves),
    }


def declared_facts(
    declarations: Sequence[FactDeclaration],
) -> st.SearchStrategy[dict[str, FactText]]:
    """Values for each declared fact, of its declared type."""
    return st.fixed_dictionaries(
        {declaration.id: _fact_values(declaration) for declaration in declarations}
    )


def _fact_values(declaration: FactDeclaration) -> st.SearchStrategy[FactText]:
    by_type: dict[FactType, st.SearchStrategy[FactText]] = {
        FactType.YES_NO: st.booleans(),
        FactType.WHOLE_NUMBER: st.integers(-1000, 1000),
        FactType.NUMBER: st.decimals(-1000, 1000, places=2).map(str),
        FactType.KRONER: kroner().map(str),
        FactType.SHARE: shares().map(str),
        FactType.DATE: dates.map(date.isoformat),
        FactType.TEXT: names,
        FactType.CHOICE: st.sampled_from(declaration.choices or ("",)),
    }
    return by_type[declaration.type]


def _base(
    pool: Pool,
    received: date,
    categories: tuple[str, ...],
    declarations: Sequence[FactDeclaration],
) -> st.SearchStrategy[GrantApplication]:
    """Applications to ``pool`` that give every fact, with configured target groups."""
    return st.builds(
        GrantApplication,
        id=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12),
        pool=st.just(pool.id),
        amount=kroner(500_000),
        received=st.just(received),
        applicant=st.builds(
            Association,
            name=names.filter(str.strip),
            cvr=cvr_numbers(),
            founded=st.just(date(1990, 1, 1)),
            equity=st.just(Decimal(0)),
            annual_running_costs=kroner(1_000_000),
        ),
        activity=st.builds(
            Activity,
            purpose=names.filter(str.strip),
            target_groups=st.sampled_from(categories).map(
                lambda category: (TargetGroup(category=category, min_age=18, max_age=59),)
            ),
            volunteer_share=st.just(Decimal(1)),
            social_aim=st.just(True),
            local_share=st.just(Decimal(1)),
            focus_areas=st.just(()),
            open_to_all=st.just(True),
        ),
        budget=st.just(
            (
                BudgetLine(
                    description="Aktiviteter",
                    category=BudgetCategory.ACTIVITIES,
                    amount=Kroner(Decimal(1000)),
                ),
            )
        ),
        other_funding=st.just((FundingSource(name="Fond"),)),
        facts=declared_facts(declarations),
    )


def _applications(
    municipality: Municipality, pool_id: str | None, breaking: str | None
) -> st.SearchStrategy[GrantApplication]:
    pool = _pool(municipality, pool_id)
    first = max(pool.valid_from or _FIRST, _FIRST)
    last = min(pool.valid_until or _LAST, _LAST)
    assessor = Assessor(municipality)
    known = _known(municipality, pool)
    categories = tuple(municipality.known.get("target_group", ()))
    catalogue = municipality.section(GrantCatalogue)
    if not categories:
        raise ValueError(f"{municipality.slug} configures no target groups")
    plan(assessor.rules(pool.id, first).criteria, known, breaking)  # fails now, not when drawn

    def judge(application: GrantApplication) -> dict[str, Status]:
        decision = assessor.assess(application)
        return {finding.criterion: finding.status for finding in decision.findings}

    def for_day(received: date) -> st.SearchStrategy[GrantApplication]:
        rules = assessor.rules(pool.id, received).criteria
        base = _base(pool, received, categories, catalogue.application_facts)
        return satisfying(rules, base, known, breaking, judge)

    return st.dates(min_value=first, max_value=last).flatmap(for_day)


def applications_for(
    municipality: Municipality, pool: str | None = None
) -> st.SearchStrategy[GrantApplication]:
    """Applications to ``pool`` (default: the first configured) that meet every mandatory
    criterion in force on the day they are received.

    Every fact is given, so the only flags come from discretionary judgement.
    """
    return _applications(municipality, pool, None)


def violating(
    municipality: Municipality, criterion: str, pool: str | None = None
) -> st.SearchStrategy[GrantApplication]:
    """Grant applications to ``pool`` (default: the first configured) that fail
    ``criterion`` and no other mandatory criterion: :func:`civilsamfund.testing.violating`
    hands grant rules here."""
    return _applications(municipality, pool, criterion)
