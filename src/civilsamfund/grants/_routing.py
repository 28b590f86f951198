"""Which department administers an application: routing by the target groups' ages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from civilsamfund.core import AgeRoute, AgeSpan, Routing, Text, route, span, spans_text
from civilsamfund.core.rules import Examples, Facts, Known, Status, Verdict, missing
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._check import GrantCheck
from civilsamfund.grants.facts import TARGET_GROUP_AGES

Spans = list[AgeSpan]


class Router(GrantCheck):
    """A check that also routes: ``route`` says where an application goes, from the same
    facts that ``evaluate`` explains."""

    def route(self, facts: Facts[GrantApplication]) -> Routing:
        """The department for the application, or the candidates."""
        raise NotImplementedError


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
            da="Målgruppens alder ({ages:ages}) hører under {department:names}.",
            en="The target group's ages ({ages:ages}) belong to {department:names}.",
        ),
        "unsettled": Text(
            da="Målgruppens alder ({ages:ages}) spænder over flere forvaltninger "
            "({candidates:names}); "
            "reglerne afgør ikke hvilken, så sagen må fordeles manuelt.",
            en="The target group's ages ({ages:ages}) span several departments "
            "({candidates:names}); "
            "the rules do not settle which, so the case must be routed by hand.",
        ),
    }
    RECORDS = ("ages", "department", "candidates")

    def _spans(self, facts: Facts[GrantApplication]) -> Spans | None:
        groups = facts[TARGET_GROUP_AGES]
        if not groups or any(g.min_age is None and g.max_age is None for g in groups):
            return None
        return [span(g.min_age, g.max_age) for g in groups]

    def route(self, facts: Facts[GrantApplication]) -> Routing:
        spans = self._spans(facts)
        return Routing(department=None) if spans is None else route(self.routes, spans)

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        spans = self._spans(facts)
        if spans is None:
            return missing(TARGET_GROUP_AGES, department=None, candidates=())
        routing = route(self.routes, spans)
        ages = spans_text(spans)
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


__all__ = ["AgeRoute", "AgeRouting", "Router", "Routing"]
