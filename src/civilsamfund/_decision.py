"""What an assessment returns: findings per criterion and the decision they add up to."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date

from attrs import field, frozen

from ._text import Text

Fact = str | int | bool | None | tuple[str, ...]
"""A fact as a decision records it: JSON-safe, with decimals and dates as strings."""


class Kind(str, enum.Enum):
    """How a criterion weighs in a decision."""

    MANDATORY = "mandatory"
    """A clear rule: failing it makes the application ineligible."""
    DISCRETIONARY = "discretionary"
    """The municipality judges: the library gives guidance and flags, never rejects."""
    PERMISSION = "permission"
    """Says what is allowed: it informs, and flags what falls outside it."""


class Status(str, enum.Enum):
    """The result of one criterion for one application."""

    PASS = "pass"
    FAIL = "fail"
    FLAG = "flag"
    INFO = "info"
    NOT_APPLICABLE = "not_applicable"


class Outcome(str, enum.Enum):
    """What the findings add up to."""

    ELIGIBLE = "eligible"
    NEEDS_ASSESSMENT = "needs_assessment"
    INELIGIBLE = "ineligible"


@frozen(kw_only=True)
class Citation:
    """Where a rule comes from: a source document (by file name) and its section heading."""

    document: str
    section: str


@frozen(kw_only=True)
class Finding:
    """One criterion checked against one application.

    ``rule`` is the criterion as the municipality words it; ``reason`` explains the
    status for this application. ``facts`` are the facts the criterion used, and
    ``missing`` names those the application did not give.
    """

    criterion: str
    kind: Kind
    status: Status
    citation: Citation
    rule: Text
    reason: Text
    facts: Mapping[str, Fact] = field(factory=dict)
    missing: tuple[str, ...] = ()
    _encoded: dict[str, str] | None = field(init=False, default=None, eq=False, repr=False)
    """The finding's JSON per language, kept by the JSON writer: findings are shared."""


class RoundKind(str, enum.Enum):
    """Which kind of application round an application falls in."""

    YEARLY = "yearly"
    ALL_YEAR = "all_year"


@frozen(kw_only=True)
class Round:
    """The round an application is considered in.

    A yearly round is named by the year of its deadline: an application received
    after the deadline falls in the next year's round.
    """

    kind: RoundKind
    year: int | None = None
    deadline: date | None = None
    reserve: str | None = None


@frozen(kw_only=True)
class DepartmentRef:
    """The administering department of a decision, with how to reach it."""

    id: str
    name: Text
    point_of_entry: Text | None = None
    hearing: tuple[str, ...] = ()


@frozen(kw_only=True)
class AuditorRequirement:
    """Who must sign the accounts of a grant of the amount asked."""

    id: str
    name: Text


@frozen(kw_only=True)
class AuditRecord:
    """What it takes to reproduce a decision later."""

    library_version: str
    municipality: str
    rules_date: date
    config_fingerprint: str


@frozen(kw_only=True)
class Decision:
    """The assessment of one application: outcome, findings and what the letter must say.

    ``department`` is ``None`` when the rules do not settle it; ``department_candidates``
    then lists the departments it could be.
    """

    application: str
    municipality: str
    pool: str
    outcome: Outcome
    findings: tuple[Finding, ...]
    audit: AuditRecord
    round: Round | None = None
    department: DepartmentRef | None = None
    department_candidates: tuple[str, ...] = ()
    auditor: AuditorRequirement | None = None
    appeal: Text | None = None
    legal_bases: tuple[str, ...] = ()
    """The laws the pool's money is given under on the rules' date."""
