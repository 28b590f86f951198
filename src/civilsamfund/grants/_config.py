"""The grants configuration: target groups, auditors and appeal statements in
``municipality.toml`` and the pools in ``pools.toml``; departments and committees are
the organisation's (:mod:`civilsamfund.organisation`).

Whatever can change over time carries ``valid_from`` and ``valid_until``; several
versions of one setting share an id and must not overlap. References between entries
are declared on the fields, and checked when the configuration loads.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from attrs import field, frozen

from civilsamfund.core import (
    MAX_AGE,
    Citation,
    Dated,
    FieldValueError,
    Kroner,
    Share,
    Text,
    between,
    entries,
    kroner,
    not_below_min_age,
    not_empty,
    refers,
    share,
    shown,
    span,
)
from civilsamfund.grants._application import TargetGroup
from civilsamfund.grants._decision import RoundKind


@frozen(kw_only=True)
class CatalogueEntry:
    """Something the municipality names and cites, referred to by ``id`` elsewhere."""

    id: str
    name: Text
    citation: Citation


@frozen(kw_only=True)
class TargetGroupCategory(CatalogueEntry):
    """A target group a municipality supports, referred to by ``id`` in applications."""


@frozen(kw_only=True)
class ActivityExample(CatalogueEntry):
    """A kind of activity the municipality names as voluntary social work."""


@frozen(kw_only=True)
class FocusArea(CatalogueEntry):
    """An area the municipality gives priority to, named in applications by ``id``."""


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
class GrantCatalogue:
    """The grants part of ``municipality.toml``."""

    target_groups: tuple[TargetGroupCategory, ...] = field(
        default=(), metadata=entries("target_group")
    )
    activity_examples: tuple[ActivityExample, ...] = field(
        default=(), metadata=entries("activity_example")
    )
    focus_areas: tuple[FocusArea, ...] = field(default=(), metadata=entries("focus_area"))
    auditors: tuple[AuditorKind, ...] = field(default=(), metadata=entries("auditor"))
    application_facts: tuple[FactDeclaration, ...] = field(
        default=(), metadata=entries("application_fact")
    )
    appeal: tuple[AppealStatement, ...] = field(
        default=(), metadata=entries("appeal", versioned=True)
    )


@frozen(kw_only=True)
class TargetGroupLimit:
    """The target groups a legal basis applies to: those of the ``target_groups``
    categories, or aged within ``min_age`` to ``max_age`` (both included, an end left
    out is open).

    A group that gives its ages is judged by them where the limit names ages: a group
    of children and young people aged 18-25 is not under 18. A group that gives none
    is judged by its category.
    """

    target_groups: tuple[str, ...] = field(default=(), metadata=refers("target_group"))
    min_age: int | None = field(default=None, validator=between(0, MAX_AGE))
    max_age: int | None = field(default=None, validator=[between(0, MAX_AGE), not_below_min_age])

    def __attrs_post_init__(self) -> None:
        if not self.target_groups and self.min_age is None and self.max_age is None:
            raise FieldValueError(
                "target_groups", "expected target groups or an age (min_age, max_age)"
            )

    def includes(self, groups: tuple[TargetGroup, ...] | None) -> bool:
        """Whether any of ``groups`` is one the limit names (none given: no)."""
        aged = self.min_age is not None or self.max_age is not None
        low, high = span(self.min_age, self.max_age)
        for group in groups or ():
            if aged and (group.min_age is not None or group.max_age is not None):
                first, last = span(group.min_age, group.max_age)
                if first <= high and low <= last:
                    return True
            elif group.category in self.target_groups:
                return True
        return False


@frozen(kw_only=True)
class LegalBasis(Dated):
    """A law a pool's money is given under, for the period it applies; ``applies_to``
    limits it to applications serving some target groups, so that a decision names
    only the laws that apply to it."""

    law: str
    citation: Citation | None = None
    applies_to: TargetGroupLimit | None = None
    reading: Text | None = None

    def applies(self, groups: tuple[TargetGroup, ...] | None) -> bool:
        """Whether the basis applies to an application serving ``groups``."""
        return self.applies_to is None or self.applies_to.includes(groups)


@frozen(kw_only=True)
class Window:
    """When applications are taken: a yearly deadline (month and day) or all year."""

    kind: RoundKind
    citation: Citation
    deadline_month: int | None = field(default=None, validator=between(1, 12))
    deadline_day: int | None = field(default=None, validator=between(1, 31))
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
    below: str = field(metadata=refers("auditor"))
    at_threshold: str = field(metadata=refers("auditor"))
    above: str = field(metadata=refers("auditor"))
    citation: Citation
    reading: Text | None = None


@frozen(kw_only=True)
class Pool(Dated):
    """One version of a grant pool.

    ``criteria`` lists the criterion ids assessed for it, in order, each of which
    must be in force on every day the pool version is; ``routing`` names a routing
    criterion (such as ``age_routing``) that picks the administering department.
    """

    id: str
    name: Text
    citation: Citation
    legal_bases: tuple[LegalBasis, ...] = field(
        metadata=entries(key="law", versioned=True), validator=not_empty
    )
    criteria: tuple[str, ...] = field(
        metadata=refers("criterion", covered=True), validator=not_empty
    )
    budget: Kroner | None = None
    reserves: tuple[Reserve, ...] = field(default=(), metadata=entries("reserve"))
    window: Window | None = None
    routing: str | None = field(default=None, metadata=refers("criterion", covered=True))
    department: str | None = field(default=None, metadata=refers("department"))
    auditor: tuple[AuditorRule, ...] = field(default=(), metadata=entries(key=None, versioned=True))
    appeal: str | None = field(default=None, metadata=refers("appeal", covered=True))


@frozen(kw_only=True)
class PoolsFile:
    """``pools.toml``."""

    pools: tuple[Pool, ...] = field(default=(), metadata=entries("pool", versioned=True))


class FactType(str, enum.Enum):
    """The type of a fact a municipality declares for its applications."""

    YES_NO = "yes_no"
    WHOLE_NUMBER = "whole_number"
    NUMBER = "number"
    KRONER = "kroner"
    SHARE = "share"
    DATE = "date"
    TEXT = "text"
    CHOICE = "choice"


@frozen(kw_only=True)
class FactDeclaration:
    """A fact a municipality's own criteria read from applications, beyond the core's.

    Applications give it under ``facts``; a value of the wrong type, or a fact not
    declared, is bad input. ``choices`` are the values a ``choice`` may take.
    """

    id: str
    type: FactType
    label: Text
    choices: tuple[str, ...] = ()
    citation: Citation | None = None
    reading: Text | None = None

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` for this fact, if anything."""
        if value is None:
            return None
        expected = _EXPECTED[self.type]
        if self.type is FactType.CHOICE:
            expected = "one of " + ", ".join(map(repr, self.choices))
        try:
            ok = _ACCEPTS[self.type](value, self.choices)
        except (ValueError, ArithmeticError):
            ok = False
        return None if ok else f"expected {expected}, got {shown(value)}"


def _number(value: object) -> bool:
    return type(value) is int or (type(value) is str and Decimal(value).is_finite())


def _read_by(read: Callable[[str], Decimal]) -> Callable[[object, tuple[str, ...]], bool]:
    """Accepts a whole number or a written number that ``read`` takes (it raises if not)."""
    return lambda value, _: type(value) in (int, str) and read(str(value)) is not None


def _date(value: object) -> bool:
    return type(value) is str and len(value) == 10 and bool(date.fromisoformat(value))


_ACCEPTS: dict[FactType, Callable[[object, tuple[str, ...]], bool]] = {
    FactType.YES_NO: lambda value, _: type(value) is bool,
    FactType.WHOLE_NUMBER: lambda value, _: type(value) is int,
    FactType.NUMBER: lambda value, _: _number(value),
    FactType.KRONER: _read_by(kroner),
    FactType.SHARE: _read_by(share),
    FactType.DATE: lambda value, _: _date(value),
    FactType.TEXT: lambda value, _: type(value) is str,
    FactType.CHOICE: lambda value, choices: value in choices,
}
_EXPECTED = {
    FactType.YES_NO: "true or false",
    FactType.WHOLE_NUMBER: "a whole number",
    FactType.NUMBER: "a number",
    FactType.KRONER: "an amount in kroner (0 or more, at most two decimals)",
    FactType.SHARE: "a share from 0 to 1",
    FactType.DATE: "a date as YYYY-MM-DD",
    FactType.TEXT: "text",
    FactType.CHOICE: "one of the declared choices",
}
