"""Routing by age: which configured party takes a target group of given ages.

Grants route applications to a department by it and volunteer tasks name their point
of entry by it; both read the same ``routes``, so an age belongs to the same party
wherever it is asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import field, frozen

from civilsamfund.core._references import refers
from civilsamfund.core._validators import MAX_AGE, between, not_below_min_age

NO_LIMIT = 10_000
"""The upper end of an age span left open."""

AgeSpan = tuple[int, int]


@frozen(kw_only=True)
class Routing:
    """Where an age span goes: one department, or every candidate when the routes
    leave it open (``department`` is then ``None``)."""

    department: str | None
    candidates: tuple[str, ...] = ()


@frozen(kw_only=True)
class AgeRoute:
    """A department that takes target groups aged ``min_age`` to ``max_age`` (both included);
    it must be in force on every day the rule or entry points holding the route are."""

    department: str = field(metadata=refers("department", covered=True))
    min_age: int | None = field(default=None, validator=between(0, MAX_AGE))
    max_age: int | None = field(default=None, validator=[between(0, MAX_AGE), not_below_min_age])

    def covers(self, low: int, high: int) -> bool:
        """Whether the whole age span lies in this route."""
        return (self.min_age or 0) <= low and high <= (
            NO_LIMIT if self.max_age is None else self.max_age
        )

    def overlap_with(self, other: AgeRoute) -> str | None:
        """The ages this route and ``other`` both take, in words (``ages 55-59``), or
        ``None``: the validator refuses two routes of one list that share an age, since
        only the first would ever take it."""
        (low, high), (first, last) = (
            span(self.min_age, self.max_age),
            span(other.min_age, other.max_age),
        )
        low, high = max(low, first), min(high, last)
        return f"ages {spans_text([(low, high)])}" if low <= high else None

    def touches(self, low: int, high: int) -> bool:
        """Whether any age of the span lies in this route."""
        return (self.min_age or 0) <= high and low <= (
            NO_LIMIT if self.max_age is None else self.max_age
        )


def span(min_age: int | None, max_age: int | None) -> AgeSpan:
    """An age span from optional ends: no lower end is 0, no upper end is open."""
    return (min_age or 0, NO_LIMIT if max_age is None else max_age)


def route(routes: Sequence[AgeRoute], spans: Sequence[AgeSpan]) -> Routing:
    """The first route that covers every span; else every route any span touches, as
    candidates, for a person to choose between."""
    for candidate in routes:
        if all(candidate.covers(low, high) for low, high in spans):
            return Routing(department=candidate.department)
    return Routing(
        department=None,
        candidates=tuple(
            candidate.department
            for candidate in routes
            if any(candidate.touches(low, high) for low, high in spans)
        ),
    )


def spans_text(spans: Sequence[AgeSpan]) -> str:
    """``18-59, 60-``: age spans as findings record them (sentences word them with
    :func:`civilsamfund.core._prose.ages_text`)."""
    return ", ".join(f"{low}-{'' if high == NO_LIMIT else high}" for low, high in spans)


def parse_spans(text: str) -> list[AgeSpan]:
    """The age spans a finding recorded with :func:`spans_text`."""
    spans: list[AgeSpan] = []
    for part in text.split(", "):
        low, _, high = part.partition("-")
        spans.append((int(low), int(high) if high else NO_LIMIT))
    return spans
