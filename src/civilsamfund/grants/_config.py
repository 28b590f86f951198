"""A municipality's configuration, as its TOML files describe it.

A municipality directory holds ``municipality.toml`` (who it is, its source documents,
target groups, auditors, appeal statement), ``criteria.toml``, ``pools.toml`` and
``organisation.toml``. Whatever can change over time carries ``valid_from`` and
``valid_until``; several versions of one setting share an id and must not overlap.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from attrs import field, frozen

from civilsamfund.core._dates import Dated
from civilsamfund.core._money import Kroner, Share
from civilsamfund.core._sources import Citation, SourceDocument
from civilsamfund.core._text import Text
from civilsamfund.core.rules._findings import RuleKind
from civilsamfund.grants._decision import RoundKind


@frozen(kw_only=True)
class TargetGroupCategory:
    """A target group a municipality supports, referred to by ``id`` in applications."""

    id: str
    name: Text
    citation: Citation


@frozen(kw_only=True)
class ActivityExample:
    """A kind of activity the municipality names as voluntary social work."""

    id: str
    name: Text
    citation: Citation


@frozen(kw_only=True)
class AuditorKind:
    """A kind of auditor who may sign a grant's accounts."""

    id: str
    name: Text


@frozen(kw_only=True)
class AppealStatement(Dated):
    """What a decision letter says about appeal (Forvaltningsloven §25)."""

    id: str
    text: Text
    citation: Citation


@frozen(kw_only=True)
class MunicipalityFile:
    """``municipality.toml``."""

    slug: str
    name: str
    documents: tuple[SourceDocument, ...]
    target_groups: tuple[TargetGroupCategory, ...] = ()
    activity_examples: tuple[ActivityExample, ...] = ()
    auditors: tuple[AuditorKind, ...] = ()
    appeal: tuple[AppealStatement, ...] = ()


@frozen(kw_only=True)
class CriterionEntry(Dated):
    """One version of a criterion in ``criteria.toml``; ``params`` go to its check type."""

    id: str
    type: str
    kind: RuleKind
    citation: Citation
    rule: Text
    reading: Text | None = None
    params: Mapping[str, Any] = field(factory=dict)


@frozen(kw_only=True)
class CriteriaFile:
    """``criteria.toml``."""

    criteria: tuple[CriterionEntry, ...] = ()


@frozen(kw_only=True)
class LegalBasis(Dated):
    """A law a pool's money is given under, for the period it applies."""

    law: str
    citation: Citation | None = None


@frozen(kw_only=True)
class Window:
    """When applications are taken: a yearly deadline (month and day) or all year."""

    kind: RoundKind
    citation: Citation
    deadline_month: int | None = None
    deadline_day: int | None = None
    reading: Text | None = None

    def deadline_in(self, year: int) -> date:
        """The deadline of the yearly round of ``year``."""
        if self.deadline_month is None or self.deadline_day is None:
            raise ValueError("a yearly window needs deadline_month and deadline_day")
        return date(year, self.deadline_month, self.deadline_day)


@frozen(kw_only=True)
class Reserve:
    """A share of a pool set aside, such as development or co-creation money."""

    id: str
    name: Text
    share: Share
    citation: Citation
    window: Window | None = None


@frozen(kw_only=True)
class AuditorRule(Dated):
    """Which auditor signs the accounts, by the amount against a threshold.

    ``at_threshold`` says who signs for exactly ``threshold`` kroner, which source
    texts may leave open: a reading to document in ``reading``.
    """

    threshold: Kroner
    below: str
    at_threshold: str
    above: str
    citation: Citation
    reading: Text | None = None


@frozen(kw_only=True)
class Pool(Dated):
    """One version of a grant pool.

    ``criteria`` lists the criterion ids assessed for it, in order; ``routing`` names
    an ``age_routing`` criterion that picks the administering department.
    """

    id: str
    name: Text
    citation: Citation
    legal_bases: tuple[LegalBasis, ...]
    criteria: tuple[str, ...]
    budget: Kroner | None = None
    reserves: tuple[Reserve, ...] = ()
    window: Window | None = None
    routing: str | None = None
    department: str | None = None
    auditor: tuple[AuditorRule, ...] = ()
    appeal: str | None = None


@frozen(kw_only=True)
class PoolsFile:
    """``pools.toml``."""

    pools: tuple[Pool, ...] = ()


@frozen(kw_only=True)
class Committee:
    """A political committee."""

    id: str
    name: Text


@frozen(kw_only=True)
class Department:
    """An administrative department; ``criteria`` are its committee's supplementary ones."""

    id: str
    name: Text
    committee: str | None = None
    point_of_entry: Text | None = None
    hearing: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    citation: Citation | None = None


@frozen(kw_only=True)
class Body:
    """A standing forum or group, such as a collaboration forum."""

    id: str
    name: Text
    description: Text
    citation: Citation


@frozen(kw_only=True)
class Obligation(Dated):
    """A recurring duty of the municipality, such as a yearly report or a revision."""

    id: str
    description: Text
    citation: Citation
    every_years: int | None = None


@frozen(kw_only=True)
class OrganisationFile:
    """``organisation.toml``."""

    committees: tuple[Committee, ...] = ()
    departments: tuple[Department, ...] = ()
    bodies: tuple[Body, ...] = ()
    obligations: tuple[Obligation, ...] = ()


@frozen(kw_only=True)
class MunicipalityConfig:
    """All of one municipality's configuration files, as loaded."""

    municipality: MunicipalityFile
    criteria: CriteriaFile
    pools: PoolsFile
    organisation: OrganisationFile

    def department(self, department_id: str) -> Department | None:
        """The department with ``department_id``, if configured."""
        return next((d for d in self.organisation.departments if d.id == department_id), None)
