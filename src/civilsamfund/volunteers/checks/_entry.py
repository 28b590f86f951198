"""The point of entry: whom volunteers and their association turn to in the municipality,
by the ages of the citizens the task is for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from civilsamfund.core import AgeRoute, Text, route, spans_text
from civilsamfund.core.rules import Examples, Facts, Known, Status, Verdict, missing
from civilsamfund.volunteers._check import TaskCheck
from civilsamfund.volunteers._task import VolunteerTask
from civilsamfund.volunteers.facts import TARGET_AGES


@frozen(kw_only=True)
class PointOfEntry(TaskCheck):
    """Names the department whose point of entry serves the task's target group, by the
    same age ``routes`` as grants; ages spanning two departments are flagged with both
    named, since the municipality's texts do not say which one to ask."""

    routes: tuple[AgeRoute, ...]

    FACTS = (TARGET_AGES,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "routed": Text(
            da="For en målgruppe på {ages:ages} er indgangen til kommunen {department:names}.",
            en="For a target group aged {ages:ages}, the point of entry is {department:names}.",
        ),
        "unsettled": Text(
            da="Målgruppen ({ages:ages}) spænder over flere indgange ({candidates:names}); "
            "aftal, hvem der er indgangen.",
            en="The target group ({ages:ages}) spans several points of entry "
            "({candidates:names}); "
            "agree which one to use.",
        ),
    }
    RECORDS = ("ages", "department", "candidates")

    def evaluate(self, facts: Facts[VolunteerTask]) -> Verdict:
        ages = facts[TARGET_AGES]
        if ages is None:
            return missing(TARGET_AGES, department=None, candidates=())
        routing = route(self.routes, [ages])
        return Verdict(
            status=Status.PASS if routing.department else Status.FLAG,
            message="routed" if routing.department else "unsettled",
            facts={
                "ages": spans_text([ages]),
                "department": routing.department,
                "candidates": routing.candidates,
            },
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if not self.routes:
            return None
        first = self.routes[0]
        low = first.min_age or 0
        if passing:
            return {TARGET_AGES: [(low, low if first.max_age is None else first.max_age)]}
        if first.max_age is None or not route(self.routes, [(low, first.max_age + 1)]).candidates:
            return None  # one route covers every age: nothing is ever unsettled
        return {TARGET_AGES: [(low, first.max_age + 1)]}  # across the first boundary: flagged


__all__ = ["PointOfEntry"]
