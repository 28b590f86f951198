"""Which department administers an application, from the ages of its target groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from civilsamfund.core._text import Text
from civilsamfund.core.rules._check import Context, Verdict, missing
from civilsamfund.core.rules._findings import Status
from civilsamfund.grants._application import GrantApplication, TargetGroup
from civilsamfund.grants.checks._all import ReadsTargetGroups

_NO_LIMIT = 10_000


@frozen(kw_only=True)
class AgeRoute:
    """A department that takes target groups aged ``min_age`` to ``max_age`` (both included)."""

    department: str
    min_age: int | None = None
    max_age: int | None = None

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


def _span(group: TargetGroup) -> tuple[int, int]:
    return (group.min_age or 0, _NO_LIMIT if group.max_age is None else group.max_age)


@frozen(kw_only=True)
class AgeRouting(ReadsTargetGroups):
    """Routes an application to the department whose age span holds all its target groups.

    When the groups span more than one department the rules do not settle it: the
    verdict flags the case and names every candidate, rather than guessing.
    A verdict's ``department`` fact is the department chosen, ``None`` if unsettled.
    """

    routes: tuple[AgeRoute, ...]

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

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        groups = application.activity.target_groups
        if not groups or any(g.min_age is None and g.max_age is None for g in groups):
            return missing("target_group_ages", department=None, candidates=())
        spans = [_span(group) for group in groups]
        ages = ", ".join(f"{low}-{'' if high == _NO_LIMIT else high}" for low, high in spans)
        for route in self.routes:
            if all(route.covers(low, high) for low, high in spans):
                return Verdict(
                    status=Status.PASS,
                    message="routed",
                    facts={
                        "ages": ages,
                        "department": route.department,
                        "candidates": (),
                    },
                )
        candidates = tuple(
            route.department
            for route in self.routes
            if any(route.touches(low, high) for low, high in spans)
        )
        return Verdict(
            status=Status.FLAG,
            message="unsettled",
            facts={
                "ages": ages,
                "department": None,
                "candidates": candidates,
            },
        )
