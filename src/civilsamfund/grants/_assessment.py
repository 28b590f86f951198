"""Assessing grant applications: the rules in force for a pool on a day, then the findings.

An :class:`Assessor` works for one municipality. It works out the rules of each pool
and date once, and judges through one :class:`~civilsamfund.core.rules.Evaluator`,
which reuses findings for equal facts: make one for a batch.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date
from itertools import chain

from attrs import field, frozen

from civilsamfund.config import Municipality, ReferencePlan
from civilsamfund.core import AuditRecord, Text, Versions, expected_one_of, shown
from civilsamfund.core.rules import Evaluator, Facts, Rule
from civilsamfund.grants._application import Association, GrantApplication, TargetGroup
from civilsamfund.grants._config import (
    AuditorRule,
    GrantCatalogue,
    LegalBasis,
    Pool,
    PoolsFile,
    Window,
)
from civilsamfund.grants._decision import (
    AuditorRequirement,
    Decision,
    DepartmentRef,
    Round,
    RoundKind,
)
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.grants._routing import Router, Routing
from civilsamfund.grants._sections import POOLS
from civilsamfund.organisation import OrganisationFile


@frozen(kw_only=True)
class PoolRules:
    """Everything that decides an application to one pool on one date."""

    pool: Pool
    criteria: tuple[Rule[GrantApplication], ...]
    routing: Rule[GrantApplication] | None
    supplementary: Mapping[str, tuple[Rule[GrantApplication], ...]]
    departments: Mapping[str, DepartmentRef]
    auditor: AuditorRule | None
    auditors: Mapping[str, AuditorRequirement]
    appeal: Text | None
    audit: AuditRecord
    legal_bases: tuple[LegalBasis, ...]
    """The pool's legal bases in force; a decision names those that apply to it."""
    names: Mapping[str, Text]
    """What the pool, its reserves, the departments and the cited documents are called."""
    _judged: dict[tuple[str, ...], tuple[Rule[GrantApplication], ...]] = field(
        init=False, factory=dict, repr=False, eq=False
    )

    def judged(self, departments: tuple[str, ...]) -> tuple[Rule[GrantApplication], ...]:
        """Every rule that judges an application routed to ``departments``, in the order
        its findings are listed: the criteria, the routing, then each department's own."""
        rules = self._judged.get(departments)
        if rules is None:
            rules = self._judged[departments] = (
                *self.criteria,
                *filter(None, [self.routing]),
                *chain.from_iterable(self.supplementary.get(d, ()) for d in departments),
            )
        return rules


_KEPT = 10_000
"""Routings and rounds an assessor keeps, by what they depend on."""


class Assessor:
    """Assesses grant applications by one municipality's rules."""

    __slots__ = (
        "_auditors",
        "_bases",
        "_departments",
        "_evaluator",
        "_facts",
        "_laws",
        "_names",
        "_plan",
        "_pools",
        "_rounds",
        "_routes",
        "_rules",
        "municipality",
    )

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._evaluator = Evaluator()
        self._rules: dict[tuple[str, date], PoolRules] = {}
        self._routes: dict[tuple[Rule[GrantApplication], Hashable], Routing] = {}
        self._rounds: dict[tuple[int, str | None, date], Round | None] = {}
        self._plan = ReferencePlan(GrantApplication)
        self._facts = {
            declaration.id: declaration
            for declaration in municipality.section(GrantCatalogue).application_facts
        }
        pools: dict[str, list[Pool]] = {}
        for pool in municipality.section(PoolsFile).pools:
            pools.setdefault(pool.id, []).append(pool)
        self._pools = {pool_id: Versions(versions) for pool_id, versions in pools.items()}
        # What does not change with the date is made once, so that the decisions of every
        # date share it and a writer encodes it once: a department's reference is made
        # once per version.
        self._departments = [
            (
                department,
                DepartmentRef(
                    id=department.id,
                    name=department.name,
                    point_of_entry=department.point_of_entry,
                    hearing=department.hearing,
                ),
            )
            for department in municipality.section(OrganisationFile).departments
        ]
        self._auditors = {
            kind.id: AuditorRequirement(id=kind.id, name=kind.name)
            for kind in municipality.section(GrantCatalogue).auditors
        }
        self._names: dict[tuple[tuple[str, Text], ...], Mapping[str, Text]] = {}
        self._bases: dict[tuple[LegalBasis, ...], tuple[LegalBasis, ...]] = {}
        """Each set of legal bases in force, one tuple for every day it holds."""
        self._laws: dict[tuple[int, tuple[TargetGroup, ...] | None], tuple[str, ...]] = {}

    def rules_for(self, application: GrantApplication, on: date | None = None) -> PoolRules:
        """The rules that decide ``application`` on ``on`` (default: the day received).

        Raises :class:`ApplicationError` when the application names a pool or reserve
        that is not configured or not in force that day, or a target group the
        municipality does not configure.
        """
        on = application.received if on is None else on
        try:
            rules = self.rules(application.pool, on)
        except LookupError as exc:
            raise application_error(application, "pool", str(exc.args[0])) from None
        reserves = rules.pool.reserves
        if application.reserve is not None and all(r.id != application.reserve for r in reserves):
            expected = expected_one_of((reserve.id for reserve in reserves), "reserve")
            raise application_error(
                application, "reserve", f"{expected}, got {shown(application.reserve)}"
            )
        if application.received.year == date.max.year:
            _round(rules.pool, application)  # the last year has no next round to name
        found = self._plan.found(application, self.municipality.known)
        for path, message in self._fact_problems(application):
            found.at("", path, message)
        if found:
            raise ApplicationError(found.kept, found.more).within(_source(application), "")
        return rules

    def _route(self, rule: Rule[GrantApplication], application: GrantApplication) -> Routing:
        """Where the router sends the application; worked out once for equal facts."""
        router = rule.check
        assert isinstance(router, Router)  # the pools section accepts routers only
        values = tuple([fact.read(application) for fact in router.FACTS])
        key = (rule, values)
        routing = self._routes.get(key)
        if routing is None:
            if len(self._routes) >= _KEPT:
                self._routes.clear()
            facts = Facts(dict(zip(router.FACTS, values, strict=True)))
            routing = self._routes[key] = router.route(facts)
        return routing

    def _round(self, pool: Pool, application: GrantApplication) -> Round | None:
        """The round the application falls in; worked out once per pool, reserve and day."""
        key = (id(pool), application.reserve, application.received)
        try:
            return self._rounds[key]
        except KeyError:
            if len(self._rounds) >= _KEPT:
                self._rounds.clear()
            found = self._rounds[key] = _round(pool, application)
            return found

    def _laws_for(
        self, bases: tuple[LegalBasis, ...], groups: tuple[TargetGroup, ...] | None
    ) -> tuple[str, ...]:
        """The laws of ``bases`` (one of the sets kept in ``_bases``) that apply to an
        application serving ``groups``; worked out once for equal groups."""
        key = (id(bases), groups)
        laws = self._laws.get(key)
        if laws is None:
            if len(self._laws) >= _KEPT:
                self._laws.clear()
            laws = self._laws[key] = tuple(b.law for b in bases if b.applies(groups))
        return laws

    def _fact_problems(self, application: GrantApplication) -> list[tuple[str, str]]:
        """Each declared fact the application gives wrongly, and each it gives undeclared."""
        found: list[tuple[str, str]] = []
        for name, value in application.facts.items():
            declaration = self._facts.get(name)
            if declaration is None:
                known = ", ".join(map(repr, self._facts)) or "none are declared"
                found.append(
                    (f"facts.{name}", f"expected a declared fact ({known}), got {shown(name)}")
                )
            elif (problem := declaration.problem(value)) is not None:
                found.append((f"facts.{name}", problem))
        return found

    def rules(self, pool_id: str, on: date) -> PoolRules:
        """The rules of ``pool_id`` in force on ``on``; worked out once per pool and date."""
        key = (pool_id, on)
        rules = self._rules.get(key)
        if rules is None:
            rules = self._rules[key] = self._build_rules(pool_id, on)
        return rules

    def _build_rules(self, pool_id: str, on: date) -> PoolRules:
        versions = self._pools.get(pool_id)
        if versions is None:
            expected = (
                expected_one_of(sorted(self._pools), "pool")
                if self._pools  # none: the configuration, not the application, lacks them
                else f"expected a pool configured in {POOLS}, which is missing or lists none"
            )
            raise LookupError(f"{expected}, got {shown(pool_id)}")
        pool = versions.at(on)
        if pool is None:
            raise LookupError(f"{shown(pool_id)} is not in force on {on.isoformat()}")
        municipality = self.municipality
        rulebook = municipality.rulebook
        catalogue = municipality.section(GrantCatalogue)
        organisation = municipality.section(OrganisationFile)
        appeal = None
        if pool.appeal is not None:
            statement = Versions(s for s in catalogue.appeal if s.id == pool.appeal).at(on)
            appeal = statement.text if statement else None
        criteria = rulebook.in_force(pool.criteria, on)
        routing = rulebook.rule(pool.routing, on) if pool.routing else None
        departments = organisation.departments_on(on)
        supplementary = {
            department.id: rulebook.in_force(department.criteria, on)
            for department in departments.values()
        }
        cited = {
            rule.citation.document
            for rule in (*criteria, *filter(None, [routing]), *chain(*supplementary.values()))
        }
        names = {
            **municipality.titles(cited),
            pool.id: pool.name,
            **{reserve.id: reserve.name for reserve in pool.reserves},
            **{department.id: department.name for department in departments.values()},
            **{c.id: c.name for c in organisation.councils if c.in_force(on)},
        }
        bases = tuple(basis for basis in pool.legal_bases if basis.in_force(on))
        return PoolRules(
            pool=pool,
            criteria=criteria,
            routing=routing,
            supplementary=supplementary,
            departments={d.id: ref for d, ref in self._departments if d.in_force(on)},
            auditor=Versions(pool.auditor).at(on),
            auditors=self._auditors,
            appeal=appeal,
            legal_bases=self._bases.setdefault(bases, bases),
            audit=municipality.audit(on),
            names=self._names.setdefault(tuple(names.items()), names),
        )

    def assess(self, application: GrantApplication, on: date | None = None) -> Decision:
        """Assess ``application`` by the rules in force on ``on`` (default: when received)."""
        return self.decide(self.rules_for(application, on), application)

    def decide(self, rules: PoolRules, application: GrantApplication) -> Decision:
        """Assess ``application`` by ``rules``, which :meth:`rules_for` gave for it: a batch
        checks every application first, then decides each without checking it again."""
        pool = rules.pool
        routing = Routing(department=pool.department)
        if rules.routing is not None:
            routing = self._route(rules.routing, application)
        departments = (routing.department,) if routing.department else routing.candidates
        findings = self._evaluator.findings(rules.judged(departments), application)
        applicant = application.applicant
        return Decision(
            application=application.id,
            municipality=self.municipality.slug,
            pool=pool.id,
            outcome=findings.outcome,
            amount=application.amount,
            received=application.received,
            applicant=applicant.name if isinstance(applicant, Association) else None,
            names=rules.names,
            findings=findings,
            round=self._round(pool, application),
            department=rules.departments.get(routing.department) if routing.department else None,
            department_candidates=routing.candidates,
            auditor=_auditor(rules.auditor, application, rules.auditors),
            appeal=rules.appeal,
            audit=rules.audit,
            legal_bases=self._laws_for(rules.legal_bases, application.activity.target_groups),
        )


def assess(
    municipality: Municipality, application: GrantApplication, on: date | None = None
) -> Decision:
    """Assess one application by ``municipality``'s rules in force on ``on``.

    ``on`` defaults to the day the application was received. For many applications,
    make one :class:`Assessor` and call its ``assess``: it reuses work between them.
    """
    return Assessor(municipality).assess(application, on)


def _source(application: GrantApplication) -> str:
    return f"application {shown(application.id)}"


def application_error(application: GrantApplication, path: str, message: str) -> ApplicationError:
    """An error about one application, naming it by its id."""
    return ApplicationError.at(_source(application), path, message)


def _round(pool: Pool, application: GrantApplication) -> Round | None:
    """The round the application falls in; one received after this year's deadline falls in
    next year's, and the round says which deadline it missed and what is open all year."""
    reserve = next((r for r in pool.reserves if r.id == application.reserve), None)
    window: Window | None = pool.window if reserve is None else reserve.window or pool.window
    if window is None:
        return None
    if window.kind is RoundKind.ALL_YEAR:
        return Round(kind=RoundKind.ALL_YEAR, reserve=application.reserve)
    received = application.received
    deadline = window.deadline_in(received.year)
    if received > deadline and received.year == date.max.year:
        raise application_error(
            application,
            "received",
            f"expected a day on or before {deadline.isoformat()}: no later round can be named",
        )
    if received <= deadline:
        return Round(
            kind=RoundKind.YEARLY,
            year=deadline.year,
            deadline=deadline,
            reserve=application.reserve,
        )
    following = window.deadline_in(received.year + 1)
    return Round(
        kind=RoundKind.YEARLY,
        year=following.year,
        deadline=following,
        reserve=application.reserve,
        missed_deadline=deadline,
        open_all_year=tuple(
            r.id for r in pool.reserves if r.window and r.window.kind is RoundKind.ALL_YEAR
        ),
    )


def _auditor(
    rule: AuditorRule | None,
    application: GrantApplication,
    auditors: Mapping[str, AuditorRequirement],
) -> AuditorRequirement | None:
    if rule is None:
        return None
    amount = application.amount
    if amount < rule.threshold:
        return auditors[rule.below]
    if amount == rule.threshold:
        return auditors[rule.at_threshold]
    return auditors[rule.above]


__all__ = ["Assessor", "PoolRules", "assess"]
