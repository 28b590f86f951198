"""Hypothesis strategies for the models, valid by construction.

Money is non-negative with at most two decimals, CVR numbers pass their mod-11 check,
dates are in range. Registered with Hypothesis through its entry point, so
``st.from_type(GrantApplication)`` works in any test.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from civilsamfund.core import AuditRecord, Citation, Kroner, Share, Text, looks_like_cpr
from civilsamfund.core.rules import FactValue, Finding, Outcome, RuleKind, Status
from civilsamfund.grants import (
    Activity,
    Applicant,
    Association,
    AssociationKind,
    AuditorRequirement,
    BudgetCategory,
    BudgetLine,
    Decision,
    DepartmentRef,
    FundingSource,
    FundingStatus,
    GrantApplication,
    PrivatePerson,
    Round,
    RoundKind,
    TargetGroup,
)

_HUNDREDTH = Decimal("0.01")

_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)

names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def kroner(max_value: int = 10_000_000) -> st.SearchStrategy[Kroner]:
    """Amounts from 0 to ``max_value`` kroner, in whole øre."""
    return st.integers(0, max_value * 100).map(lambda ore: Kroner(Decimal(ore).scaleb(-2)))


def shares() -> st.SearchStrategy[Share]:
    """Shares from 0 to 1 in hundredths."""
    return st.integers(0, 100).map(lambda hundredths: Share(Decimal(hundredths).scaleb(-2)))


@st.composite
def cvr_numbers(draw: st.DrawFn) -> str:
    """Valid 8-digit CVR numbers (weighted mod-11 check)."""
    while True:
        rest = draw(st.lists(st.integers(0, 9), min_size=6, max_size=6))
        digits = [draw(st.integers(1, 9)), *rest]
        partial = sum(d * w for d, w in zip(digits, _WEIGHTS[:7], strict=True))
        check = (-partial) % 11
        if check < 10:
            return "".join(map(str, [*digits, check]))


@st.composite
def target_groups(
    draw: st.DrawFn, categories: tuple[str, ...] = ("children_youth",)
) -> TargetGroup:
    """Target groups with a consistent age span."""
    low = draw(st.none() | st.integers(0, 110))
    high = draw(st.none() | st.integers(low or 0, 120))
    return TargetGroup(
        category=draw(st.sampled_from(categories)),
        min_age=low,
        max_age=high,
        relatives=draw(st.booleans()),
    )


associations = st.builds(
    Association,
    name=names,
    cvr=st.none() | cvr_numbers(),
    kind=st.sampled_from(AssociationKind),
    home_municipality=st.none() | names,
    founded=st.none() | dates,
    equity=st.none() | kroner(),
    annual_running_costs=st.none() | kroner(),
)
persons = st.builds(
    PrivatePerson, reference=st.none() | names.filter(lambda text: not looks_like_cpr(text))
)
applicants: st.SearchStrategy[Applicant] = associations | persons
budget_lines = st.builds(
    BudgetLine, description=names, category=st.sampled_from(BudgetCategory), amount=kroner()
)
funding_sources = st.builds(
    FundingSource,
    name=names,
    amount=st.none() | kroner(),
    status=st.sampled_from(FundingStatus),
)
activities = st.builds(
    Activity,
    purpose=st.none() | names,
    target_groups=st.none() | st.lists(target_groups(), max_size=3).map(tuple),
    volunteer_share=st.none() | shares(),
    social_aim=st.none() | st.booleans(),
    local_share=st.none() | shares(),
    focus_areas=st.none() | st.lists(names, max_size=3).map(tuple),
    open_to_all=st.none() | st.booleans(),
)
applications = st.builds(
    GrantApplication,
    id=names,
    pool=names,
    applicant=applicants,
    activity=activities,
    amount=kroner(),
    received=dates,
    reserve=st.none() | names,
    budget=st.none() | st.lists(budget_lines, max_size=4).map(tuple),
    other_funding=st.none() | st.lists(funding_sources, max_size=3).map(tuple),
    standing_grant_renewal=st.booleans(),
    facts=st.dictionaries(names, st.none() | st.booleans() | st.integers() | names, max_size=2),
)

texts = st.builds(Text, da=names, en=names)
citations = st.builds(Citation, document=names, section=names, title=st.none() | names)
facts: st.SearchStrategy[FactValue] = (
    st.none() | st.booleans() | st.integers() | names | st.lists(names, max_size=3).map(tuple)
)
findings = st.builds(
    Finding,
    criterion=names,
    kind=st.sampled_from(RuleKind),
    status=st.sampled_from(Status),
    citation=citations,
    rule=texts,
    reason=texts,
    facts=st.dictionaries(names, facts, max_size=4),
    missing=st.lists(names, max_size=2).map(tuple),
)
rounds = st.builds(
    Round,
    kind=st.sampled_from(RoundKind),
    year=st.none() | st.integers(2000, 2040),
    deadline=st.none() | dates,
    reserve=st.none() | names,
    missed_deadline=st.none() | dates,
    open_all_year=st.lists(names, max_size=2).map(tuple),
)
audit_records = st.builds(
    AuditRecord,
    library_version=names,
    municipality=names,
    rules_date=dates,
    config_fingerprint=names,
    rules_source=names,
)
department_refs = st.builds(
    DepartmentRef,
    id=names,
    name=texts,
    point_of_entry=st.none() | texts,
    hearing=st.lists(names, max_size=2).map(tuple),
)
auditor_requirements = st.builds(AuditorRequirement, id=names, name=texts)
decisions = st.builds(
    Decision,
    application=names,
    municipality=names,
    pool=names,
    outcome=st.sampled_from(Outcome),
    amount=kroner(),
    received=dates,
    applicant=st.none() | names,
    names=st.dictionaries(names, texts, max_size=3),
    findings=st.lists(findings, max_size=4).map(tuple),
    audit=audit_records,
    round=st.none() | rounds,
    department=st.none() | department_refs,
    department_candidates=st.lists(names, max_size=2).map(tuple),
    auditor=st.none() | auditor_requirements,
    legal_bases=st.lists(names, max_size=2).map(tuple),
    appeal=st.none() | texts,
)


STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Kroner: kroner(),
    Share: shares(),
    Text: texts,
    Citation: citations,
    TargetGroup: target_groups(),
    Association: associations,
    PrivatePerson: persons,
    BudgetLine: budget_lines,
    FundingSource: funding_sources,
    Activity: activities,
    GrantApplication: applications,
    Finding: findings,
    Round: rounds,
    AuditRecord: audit_records,
    DepartmentRef: department_refs,
    AuditorRequirement: auditor_requirements,
    Decision: decisions,
}
"""The strategy registered for each model type."""
