"""A loaded municipality: its configuration, its criteria, and the rules in force by date."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from attrs import field, frozen

from civilsamfund._version import __version__
from civilsamfund.core._audit import AuditRecord
from civilsamfund.core._dates import in_force
from civilsamfund.core._errors import ApplicationError
from civilsamfund.core._text import Text
from civilsamfund.core.rules._check import Context, Rule
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._config import AuditorRule, MunicipalityConfig, Pool
from civilsamfund.grants._decision import AuditorRequirement, Decision, DepartmentRef


@frozen(kw_only=True)
class PoolRules:
    """Everything that decides an application to one pool on one date."""

    pool: Pool
    context: Context
    criteria: tuple[Rule, ...]
    routing: Rule | None
    supplementary: dict[str, tuple[Rule, ...]]
    departments: dict[str, DepartmentRef]
    auditor: AuditorRule | None
    auditors: dict[str, AuditorRequirement]
    appeal: Text | None
    audit: AuditRecord
    legal_bases: tuple[str, ...]


@frozen(kw_only=True)
class Municipality:
    """A municipality's rules, ready to assess applications.

    Load one with :func:`civilsamfund.load_municipality`. ``fingerprint`` identifies the
    configuration (and the versions of the plugins it uses) in every decision's audit
    record.
    """

    config: MunicipalityConfig = field(repr=False)
    directory: Path
    criteria: tuple[Rule, ...] = field(repr=False)
    fingerprint: str
    _rules: dict[tuple[str, date], PoolRules] = field(init=False, factory=dict, repr=False)
    _by_id: dict[str, list[Rule]] = field(init=False, factory=dict, repr=False)

    def __attrs_post_init__(self) -> None:
        by_id = defaultdict(list)
        for criterion in self.criteria:
            by_id[criterion.id].append(criterion)
        self._by_id.update(by_id)

    @property
    def slug(self) -> str:
        """The short name used on the command line (``odense``)."""
        return self.config.municipality.slug

    @property
    def name(self) -> str:
        """The municipality's name."""
        return self.config.municipality.name

    def criterion(self, criterion_id: str, on: date) -> Rule | None:
        """The version of a criterion in force on ``on``, if any."""
        return in_force(self._by_id.get(criterion_id, ()), on)

    def rules_for(self, application: GrantApplication, on: date | None = None) -> PoolRules:
        """The rules that decide ``application`` on ``on`` (default: the day received).

        Raises :class:`ApplicationError` when the application names a pool or reserve
        that is not configured, or not in force that day: the only ways an
        application can be impossible to assess.
        """
        on = application.received if on is None else on
        try:
            rules = self.rules(application.pool, on)
        except LookupError as exc:
            raise application_error(application, str(exc.args[0])) from None
        reserves = rules.pool.reserves
        if application.reserve is not None and all(r.id != application.reserve for r in reserves):
            known = ", ".join(repr(reserve.id) for reserve in reserves) or "none"
            raise application_error(
                application, f"reserve: expected one of {known}, got {application.reserve!r}"
            )
        return rules

    def rules(self, pool_id: str, on: date) -> PoolRules:
        """The rules of ``pool_id`` in force on ``on``; computed once per pool and date."""
        key = (pool_id, on)
        rules = self._rules.get(key)
        if rules is None:
            rules = self._rules[key] = self._build_rules(pool_id, on)
        return rules

    def _build_rules(self, pool_id: str, on: date) -> PoolRules:
        versions = [pool for pool in self.config.pools.pools if pool.id == pool_id]
        if not versions:
            known = ", ".join(sorted({pool.id for pool in self.config.pools.pools}))
            raise LookupError(f"pool: expected one of {known}, got {pool_id!r}")
        pool = in_force(versions, on)
        if pool is None:
            raise LookupError(f"pool: {pool_id!r} is not in force on {on.isoformat()}")
        departments = {
            department.id: DepartmentRef(
                id=department.id,
                name=department.name,
                point_of_entry=department.point_of_entry,
                hearing=department.hearing,
            )
            for department in self.config.organisation.departments
        }
        appeal = None
        if pool.appeal is not None:
            statement = in_force(
                (s for s in self.config.municipality.appeal if s.id == pool.appeal), on
            )
            appeal = statement.text if statement else None
        return PoolRules(
            pool=pool,
            context=Context(municipality=self.config, pool=pool, on=on),
            criteria=self._in_force(pool.criteria, on),
            routing=self.criterion(pool.routing, on) if pool.routing else None,
            supplementary={
                department.id: self._in_force(department.criteria, on)
                for department in self.config.organisation.departments
            },
            departments=departments,
            auditor=in_force(pool.auditor, on),
            auditors={
                kind.id: AuditorRequirement(id=kind.id, name=kind.name)
                for kind in self.config.municipality.auditors
            },
            appeal=appeal,
            legal_bases=tuple(basis.law for basis in pool.legal_bases if basis.in_force(on)),
            audit=AuditRecord(
                library_version=__version__,
                municipality=self.slug,
                rules_date=on,
                config_fingerprint=self.fingerprint,
            ),
        )

    def _in_force(self, ids: tuple[str, ...], on: date) -> tuple[Rule, ...]:
        found = (self.criterion(criterion_id, on) for criterion_id in ids)
        return tuple(criterion for criterion in found if criterion is not None)

    def assess(self, application: GrantApplication, on: date | None = None) -> Decision:
        """Assess ``application`` by the rules in force on ``on`` (default: when received)."""
        from civilsamfund.grants._assessment import assess

        return assess(self, application, on)


def application_error(application: GrantApplication, problem: str) -> ApplicationError:
    """An error about one application, naming it by its id."""
    return ApplicationError.in_file(f"application {application.id!r}", [problem])
