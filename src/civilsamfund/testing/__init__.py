"""Hypothesis strategies for civilsamfund's models, valid by construction.

Needs the ``test`` extra (``pip install civilsamfund[test]``). Money is non-negative
with at most two decimals, CVR numbers pass their mod-11 check, dates are in range.
The model strategies are registered with Hypothesis through its entry point, so
``st.from_type(GrantApplication)`` works in any test. Given a loaded municipality,
:func:`applications_for` makes applications that meet every mandatory criterion and
:func:`violating` ones that fail one named criterion and nothing else.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import assume
from hypothesis import strategies as st

from civilsamfund._municipality import Municipality
from civilsamfund.core._audit import AuditRecord
from civilsamfund.core._money import Kroner, Share
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core.rules._findings import FactValue, Finding, Outcome, RuleKind, Status
from civilsamfund.grants._application import (
    _CPR_LIKE,
    Activity,
    Applicant,
    Association,
    AssociationKind,
    BudgetCategory,
    BudgetLine,
    FundingSource,
    FundingStatus,
    GrantApplication,
    PrivatePerson,
    TargetGroup,
)
from civilsamfund.grants._decision import (
    AuditorRequirement,
    Decision,
    DepartmentRef,
    Round,
    RoundKind,
)
from civilsamfund.grants.checks._all import (
    LocalShare,
    MinimumAge,
    NotAnIndividual,
    OpenToAll,
    SocialAim,
    TargetGroupInList,
    VolunteerShare,
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
    PrivatePerson, reference=st.none() | names.filter(lambda text: not _CPR_LIKE.search(text))
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
    contact_with_children_under_15=st.none() | st.booleans(),
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
)

texts = st.builds(Text, da=names, en=names)
citations = st.builds(Citation, document=names, section=names)
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
)
audit_records = st.builds(
    AuditRecord,
    library_version=names,
    municipality=names,
    rules_date=dates,
    config_fingerprint=names,
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
    findings=st.lists(findings, max_size=4).map(tuple),
    audit=audit_records,
    round=st.none() | rounds,
    department=st.none() | department_refs,
    department_candidates=st.lists(names, max_size=2).map(tuple),
    auditor=st.none() | auditor_requirements,
    legal_bases=st.lists(names, max_size=2).map(tuple),
    appeal=st.none() | texts,
)


def _hypothesis_setup_hook() -> None:
    """Register the strategies above, so ``st.from_type`` builds valid models.

    Called by Hypothesis through the ``hypothesis`` entry point.
    """
    for kind, strategy in {
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
    }.items():
        st.register_type_strategy(kind, strategy)


# Strategies that know a municipality's rules --------------------------------------


@st.composite
def applications_for(
    draw: st.DrawFn, municipality: Municipality, pool: str | None = None
) -> GrantApplication:
    """Applications to ``pool`` (default: the first configured) that meet every mandatory
    criterion in force on the day they are received.

    Every fact is given, so the only flags come from discretionary judgement.
    """
    return draw(_adjusted(municipality, pool, None))


def violating(
    municipality: Municipality, criterion: str, pool: str | None = None
) -> st.SearchStrategy[GrantApplication]:
    """Applications that fail ``criterion`` and no other mandatory criterion."""
    return _adjusted(municipality, pool, criterion)


@st.composite
def _adjusted(
    draw: st.DrawFn, municipality: Municipality, pool_id: str | None, broken: str | None
) -> GrantApplication:
    pools = municipality.config.pools.pools
    pool = next((p for p in pools if pool_id in (None, p.id)), None)
    if pool is None:
        raise ValueError(f"{municipality.slug} has no pool {pool_id!r}")
    received = draw(
        st.dates(
            min_value=max(pool.valid_from or date(2000, 1, 1), date(2000, 1, 1)),
            max_value=min(pool.valid_until or date(2040, 12, 31), date(2040, 12, 31)),
        )
    )
    rules = municipality.rules(pool.id, received)
    mandatory = [c for c in rules.criteria if c.kind is RuleKind.MANDATORY]
    if broken is not None and broken not in {c.id for c in rules.criteria}:
        raise ValueError(f"criterion {broken!r} is not assessed for pool {pool.id!r}")
    facts = _FactsPlan(municipality)
    for criterion in mandatory:
        facts.satisfy(criterion.check)
    target = next((c for c in rules.criteria if c.id == broken), None)
    if target is not None:
        facts.break_(target.check)
    application = GrantApplication(
        id=draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)),
        pool=pool.id,
        amount=draw(kroner(500_000)),
        received=received,
        applicant=facts.applicant(draw),
        activity=facts.activity(draw),
        budget=(
            BudgetLine(
                description="Aktiviteter",
                category=BudgetCategory.ACTIVITIES,
                amount=Kroner(Decimal(1000)),
            ),
        ),
        other_funding=(FundingSource(name="Fond"),),
    )
    decision = municipality.assess(application)
    failed = {f.criterion for f in decision.findings if f.status is Status.FAIL}
    wanted = set() if broken is None else {broken}
    if target is not None and target.kind is not RuleKind.MANDATORY:
        failed |= {
            f.criterion
            for f in decision.findings
            if f.criterion == broken and f.status is Status.FLAG
        }
    assume(failed == wanted)
    return application


class _FactsPlan:
    """The facts an application needs to meet (or break) each kind of check."""

    def __init__(self, municipality: Municipality) -> None:
        self.categories = {c.id for c in municipality.config.municipality.target_groups}
        self.volunteer_floor = Decimal(0)
        self.local_floor = Decimal(0)
        self.min_age = 0
        self.person = False
        self.social_aim = True
        self.open_to_all = True
        self.volunteer_ceiling: Decimal | None = None
        self.local_ceiling: Decimal | None = None
        self.age_ceiling: int | None = None
        self.outside_category = False

    def satisfy(self, check: object) -> None:
        if isinstance(check, VolunteerShare):
            self.volunteer_floor = max(self.volunteer_floor, check.minimum + _HUNDREDTH)
        elif isinstance(check, LocalShare):
            self.local_floor = max(self.local_floor, check.minimum + _HUNDREDTH)
        elif isinstance(check, TargetGroupInList):
            self.categories &= set(check.allowed)
        elif isinstance(check, MinimumAge):
            self.min_age = max(self.min_age, check.min_age)

    def break_(self, check: object) -> None:
        if isinstance(check, VolunteerShare):
            self.volunteer_ceiling = check.minimum - (0 if not check.inclusive else _HUNDREDTH)
        elif isinstance(check, LocalShare):
            self.local_ceiling = check.minimum - (0 if not check.inclusive else _HUNDREDTH)
        elif isinstance(check, SocialAim):
            self.social_aim = False
        elif isinstance(check, OpenToAll):
            self.open_to_all = False
        elif isinstance(check, NotAnIndividual):
            self.person = True
        elif isinstance(check, TargetGroupInList):
            self.outside_category = True
        elif isinstance(check, MinimumAge):
            self.age_ceiling = check.min_age - 1
        else:
            raise ValueError(f"no strategy knows how to break a {type(check).__name__} check")

    def applicant(self, draw: st.DrawFn) -> Applicant:
        if self.person:
            return PrivatePerson()
        return Association(
            name=draw(names.filter(str.strip)),
            cvr=draw(cvr_numbers()),
            founded=date(1990, 1, 1),
            equity=Kroner(Decimal(0)),
            annual_running_costs=draw(kroner(1_000_000)),
        )

    def activity(self, draw: st.DrawFn) -> Activity:
        def between(low: Decimal, high: Decimal | None) -> Share:
            top = int((Decimal(1) if high is None else high) * 100)
            return Share(Decimal(draw(st.integers(int(low * 100), top))).scaleb(-2))

        if not self.categories:
            raise ValueError("the mandatory target-group criteria admit no common category")
        category = draw(st.sampled_from(sorted(self.categories)))
        if self.outside_category:
            category = "outside-" + category
        low = self.min_age if self.age_ceiling is None else 0
        high = 120 if self.age_ceiling is None else self.age_ceiling
        min_age = draw(st.integers(low, high))
        return Activity(
            purpose=draw(names.filter(str.strip)),
            target_groups=(TargetGroup(category=category, min_age=min_age),),
            volunteer_share=between(
                self.volunteer_floor if self.volunteer_ceiling is None else Decimal(0),
                self.volunteer_ceiling,
            ),
            social_aim=self.social_aim,
            local_share=between(
                self.local_floor if self.local_ceiling is None else Decimal(0), self.local_ceiling
            ),
            focus_areas=(),
            open_to_all=self.open_to_all,
            contact_with_children_under_15=False,
        )
