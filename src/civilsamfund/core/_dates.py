"""Effective dates: every configured rule says from when, and until when, it holds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Generic, Protocol, TypeVar

from attrs import frozen

from civilsamfund.core._text import Text


@frozen(kw_only=True)
class Dated:
    """Something in force from ``valid_from`` to ``valid_until``, both days included.

    A missing bound is open: in force since always, or until further notice.
    """

    valid_from: date | None = None
    valid_until: date | None = None

    def in_force(self, on: date) -> bool:
        """Whether this version holds on ``on``."""
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_until is None or on <= self.valid_until
        )

    def span(self) -> Span:
        """The first and last day in force (``None``: open)."""
        return self.valid_from, self.valid_until


Span = tuple[date | None, date | None]
"""A first and a last day, both included; ``None`` is open."""


class Spanning(Protocol):
    """Something that holds over a span of days, such as a dated version or a strategy
    from its adoption to its end: what it refers to must be in force on each of them."""

    def span(self) -> Span | None:
        """Its days; ``None`` when it has none of its own yet (it goes on)."""


D = TypeVar("D", bound=Dated)


def in_force(versions: Iterable[D], on: date) -> D | None:
    """The version in force on ``on``, if any (configuration loading forbids overlaps)."""
    for version in versions:
        if version.in_force(on):
            return version
    return None


T = TypeVar("T")


def as_of(versions: Sequence[tuple[date | None, T]], on: date | None) -> T:
    """The value of the latest version begun on or before ``on``, each given as its first
    day and value in date order; the first version's before any has begun (or for
    ``None``, a period open at its start)."""
    chosen = versions[0][1]
    for start, value in versions[1:]:
        if on is None or (start is not None and start > on):
            break
        chosen = value
    return chosen


Renamed = tuple[tuple[date | None, Text], ...]
"""An entry's names over time: each version's first day and name, in date order."""


def names_on(
    names: Mapping[str, Text], renamed: Mapping[str, Renamed], on: date | None
) -> Mapping[str, Text]:
    """What each id is called on ``on``: a renamed entry by its version begun last by
    then (``None``: as first called). ``names`` itself when nothing is renamed."""
    if not renamed:
        return names
    return {**names, **{entry_id: as_of(versions, on) for entry_id, versions in renamed.items()}}


def overlap(first: Dated, second: Dated) -> bool:
    """Whether two versions of one setting claim a common day."""
    return _not_after(first.valid_from, second.valid_until) and _not_after(
        second.valid_from, first.valid_until
    )


def _not_after(start: date | None, end: date | None) -> bool:
    return start is None or end is None or start <= end


class Versions(Generic[D]):
    """The dated versions of one setting, such as a rule or a pool, in date order.

    Loading forbids overlapping versions, so at most one is in force on any day.
    """

    __slots__ = ("items",)

    def __init__(self, items: Iterable[D]) -> None:
        self.items: tuple[D, ...] = tuple(
            sorted(items, key=lambda item: item.valid_from or date.min)
        )

    def at(self, on: date) -> D | None:
        """The version in force on ``on``, if any."""
        return in_force(self.items, on)

    def first_gap(self, start: date | None, end: date | None) -> date | None:
        """The first day from ``start`` to ``end`` (open where ``None``) with no version."""
        day = start or date.min
        last = end or date.max
        for item in self.items:
            if item.valid_from is not None and item.valid_from > day:
                break
            if item.valid_until is None or item.valid_until >= last:
                return None
            if item.valid_until >= day:
                day = item.valid_until + timedelta(days=1)
        return day if day <= last else None
