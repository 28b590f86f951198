"""Which department administers an application: a typed routing, and routing by age."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core._errors import FieldValueError
from civilsamfund.core._references import refers
from civilsamfund.core._text import Text
from civilsamfund.core._validators import MAX_AGE, between
from civilsamfund.core.rules._check import Examples, Known, Verdict, missing
from civilsamfund.core.rules._facts import Facts
from civilsamfund.core.rules._findings import Status
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._check import GrantCheck
from civilsamfund.grants.facts import TARGET_GROUP_AGES

_NO_LIMIT = 10_000


@frozen(kw_only=True)
class Routing:
    """Where an application goes: one department, or every candidate when the rules
    leave it open (``department`` is then ``None``)."""

    department: str | None
    candidates: tuple[str, ...] = ()


class Router(GrantCheck):
    """A check that also routes: ``route`` says where an application goes, from the same
    facts that ``evaluate`` explains."""

    def route(self, facts: Facts[GrantApplication]) -> Routing:
        """The department for the application, or the candidates."""
        raise NotImplementedError


@frozen(kw_only=True)
class AgeRoute:
    """A department that takes target groups aged ``min_age`` to ``max_age`` (both included)."""

    department: str = field(metadata=refers("department"))
    min_age: int | None = field(default=None, validator=between(0, MAX_AGE))
    max_age: int | None = field(default=None, validator=between(0, MAX_AGE))

    def __attrs_post_init__(self) -> None:
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise FieldValueError(
                "max_age", f"expected at least min_age ({self.min_age}), got {self.max_age}"
            )

    def covers(self, low: int, high: int) -> bool:
        """Whether the whole age span lies in this route."""
        return (self.min_age or 0) <= low and high <= (
            _NO_LIMIT if self.max_age is None else self.max_age
        )

    def touches(self, low: int, high: int) -> bool:
        """Whether any age of the span lies in this route."""
        return (self.min_age or 0) <= high and low <= (
            _NO_LIMIT if self.max_age is None else self.max_age
        )


Spans = list[tuple[int, int]]


@frozen(kw_only=True)
class AgeRouting(Router):
    """Routes an application to the department whose age span holds all its target groups.

    When the groups span more than one department the rules do not settle it: the
    finding flags the case and names every candidate, rather than guessing.
    """

    routes: tuple[AgeRoute, ...]

    FACTS = (TARGET_GROUP_AGES,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "routed": Text(
            da="Målgruppens alder ({ages}) hører under {department:names}.",
            en="The target group's ages ({ages}) belong to {department:names}.",
        ),
        "unsettled": Text(
            da="Målgruppens alder ({ages}) spænder over flere forvaltninger ({candidates:names}); "
            "reglerne afgør ikke hvilken, så sagen må fordeles manuelt.",
            en="The target group's ages ({ages}) span several departments ({candidates:names}); "
            "the rules do not settle which, so the case must be routed by hand.",
        ),
    }
    RECORDS = ("ages", "department", "candidates")

    def _spans(self, facts: Facts[GrantApplication]) -> Spans | None:
        groups = facts[TARGET_GROUP_AGES]
        if not groups or any(g.min_age is None and g.max_age is None for g in groups):
            return None
        return [(g.min_age or 0, _NO_LIMIT if g.max_age is None else g.max_age) for g in groups]

    def _routing(self, spans: Spans) -> Routing:
        for route in self.routes:
            if all(route.covers(low, high) for low, high in spans):
                return Routing(department=route.department)
        return Routing(
            department=None,
            candidates=tuple(
                route.department
                for route in self.routes
                if any(route.touches(low, high) for low, high in spans)
            ),
        )

    def route(self, facts: Facts[GrantApplication]) -> Routing:
        spans = self._spans(facts)
        return Routing(department=None) if spans is None else self._routing(spans)

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        spans = self._spans(facts)
        if spans is None:
            return missing(TARGET_GROUP_AGES, department=None, candidates=())
        routing = self._routing(spans)
        ages = ", ".join(f"{low}-{'' if high == _NO_LIMIT else high}" for low, high in spans)
        return Verdict(
            status=Status.PASS if routing.department else Status.FLAG,
            message="routed" if routing.department else "unsettled",
            facts={
                "ages": ages,
                "department": routing.department,
                "candidates": routing.candidates,
            },
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {} if passing else None  # it routes or flags, never fails
