"""What an assessment returns: findings per criterion and the decision they add up to."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund.core import AuditRecord, Kroner, Text
from civilsamfund.core.rules import Finding, Outcome


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
    missed_deadline: date | None = None
    """The deadline the application missed, when it came after this year's."""
    open_all_year: tuple[str, ...] = ()
    """Reserved shares of the pool open all year, which an application may use now."""


@frozen(kw_only=True)
class DepartmentRef:
    """The administering department of a decision, with how to reach it."""

    id: str
    name: Text
    point_of_entry: Text | None = None
    hearing: tuple[str, ...] = ()
    """The ids of the councils heard before the department allocates its money."""


class AmountBasis(str, enum.Enum):
    """Which amount a requirement that depends on a grant's size was read from."""

    APPLIED_FOR = "applied_for"


_READ_FROM = {
    AmountBasis.APPLIED_FOR: Text(
        da="Kravet til revisor er læst ud fra det ansøgte beløb, da der endnu ikke er "
        "bevilget et beløb.",
        en="The auditor requirement is read from the amount applied for, as no amount has "
        "been granted yet.",
    )
}


@frozen(kw_only=True)
class AuditorRequirement:
    """Who must sign the accounts of a grant, and which amount that was read from.

    Sources set the auditor by the amount granted; a decision holds only the amount
    applied for, so the requirement is read from it, and ``explanation`` says so.
    """

    id: str
    name: Text
    read_from: AmountBasis = AmountBasis.APPLIED_FOR
    explanation: Text = field(init=False)
    """The sentence a decision gives on the amount the requirement was read from: made
    from ``read_from``, never given apart from it."""

    @explanation.default
    def _explained(self) -> Text:
        return _READ_FROM[self.read_from]


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
    amount: Kroner
    """The amount applied for."""
    received: date
    """The day the application was received."""
    findings: Sequence[Finding]
    audit: AuditRecord
    round: Round | None = None
    department: DepartmentRef | None = None
    department_candidates: tuple[str, ...] = ()
    auditor: AuditorRequirement | None = None
    appeal: Text | None = None
    legal_bases: tuple[str, ...] = ()
    """The laws the pool's money is given under on the rules' date that apply to the
    application's target groups."""
    applicant: str | None = None
    """The applying association's name; ``None`` for a private person, whose name the
    library never holds."""
    names: Mapping[str, Text] = field(factory=dict)
    """What the ids the decision mentions are called: pool, reserves, departments, and
    the titles of the documents its findings cite (by file name)."""
