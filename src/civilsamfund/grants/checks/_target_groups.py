"""Checks that read whom the activity is for: the target groups' categories and ages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core import MAX_AGE, Text, between, refers
from civilsamfund.core.rules import (
    FAIL,
    FLAG,
    NOT_APPLICABLE,
    PASS,
    Examples,
    Facts,
    Known,
    Status,
    Verdict,
    missing,
)
from civilsamfund.grants._application import GrantApplication, TargetGroup
from civilsamfund.grants._check import GrantCheck
from civilsamfund.grants.facts import TARGET_GROUP_MIN_AGE, TARGET_GROUPS


@frozen(kw_only=True)
class TargetGroupInList(GrantCheck):
    """Every target group is one of the categories the pool supports.

    ``allowed`` holds category ids from the municipality's ``target_groups``;
    ``allow_relatives`` admits groups of relatives of an allowed category (a separate
    discretionary criterion then judges them).
    """

    allowed: tuple[str, ...] = field(metadata=refers("target_group"))
    allow_relatives: bool = False

    FACTS = (TARGET_GROUPS,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "in_list": Text(
            da="Aktiviteten er for målgrupper, som kommunen støtter: {categories:names}.",
            en="The activity is for target groups the municipality supports: {categories:names}.",
        ),
        "outside": Text(
            da="Der gives ikke støtte til aktiviteter for disse målgrupper: {outside:names}. "
            "Pårørende til en målgruppe støttes kun, hvor reglen tillader det.",
            en="Activities for these target groups are not supported: {outside:names}. "
            "Relatives of a target group are supported only where the rule allows it.",
        ),
    }
    RECORDS = ("categories", "outside")

    def _admits(self, group: TargetGroup) -> bool:
        return group.category in self.allowed and (self.allow_relatives or not group.relatives)

    def status(self, groups: tuple[TargetGroup, ...] | None) -> Status:
        if not groups:
            return FLAG
        for group in groups:
            if not self._admits(group):
                return FAIL
        return PASS

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        groups = facts[TARGET_GROUPS]
        status = self.status(groups)
        if not groups:
            return missing(TARGET_GROUPS)
        categories = tuple(group.category for group in groups)
        if status is FAIL:
            return Verdict(
                status=status,
                message="outside",
                facts={
                    "categories": categories,
                    "outside": tuple(g.category for g in groups if not self._admits(g)),
                },
            )
        return Verdict(status=status, message="in_list", facts={"categories": categories})

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {TARGET_GROUPS: [(TargetGroup(category=c),) for c in self.allowed]}
        outside = [c for c in known.get("target_group", ()) if c not in self.allowed]
        failing = [(TargetGroup(category=c),) for c in outside]
        if not self.allow_relatives:
            failing += [(TargetGroup(category=c, relatives=True),) for c in self.allowed]
        return {TARGET_GROUPS: failing} if failing else None


@frozen(kw_only=True)
class RelativesException(GrantCheck):
    """Activities for relatives of a target group need special circumstances: flag them."""

    FACTS = (TARGET_GROUPS,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "relatives": Text(
            da="Aktiviteten er rettet mod pårørende ({categories:names}); det kræver særlige "
            "forhold, som en sagsbehandler må vurdere.",
            en="The activity is aimed at relatives ({categories:names}); that needs special "
            "circumstances, for a caseworker to judge.",
        ),
        "no_relatives": Text(
            da="Aktiviteten er ikke rettet mod pårørende.",
            en="The activity is not aimed at relatives.",
        ),
    }
    RECORDS = ("categories",)

    def status(self, groups: tuple[TargetGroup, ...] | None) -> Status:
        if groups is None:
            return FLAG
        for group in groups:
            if group.relatives:
                return FLAG
        return NOT_APPLICABLE

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        groups = facts[TARGET_GROUPS]
        status = self.status(groups)
        if groups is None:
            return missing(TARGET_GROUPS)
        if status is FLAG:
            relatives = tuple(group.category for group in groups if group.relatives)
            return Verdict(status=status, message="relatives", facts={"categories": relatives})
        return Verdict(status=status, message="no_relatives")

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {} if passing else None  # it flags, never fails


@frozen(kw_only=True)
class MinimumAge(GrantCheck):
    """Every target group is at least ``min_age`` years old."""

    min_age: int = field(validator=between(0, MAX_AGE))

    FACTS = (TARGET_GROUP_MIN_AGE,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "old_enough": Text(
            da="Målgruppen er mindst {min_age} år (yngste: {youngest} år).",
            en="The target group is at least {min_age} years old (youngest: {youngest}).",
        ),
        "too_young": Text(
            da="Målgruppen omfatter personer under {min_age} år (yngste: {youngest} år).",
            en="The target group includes people under {min_age} (youngest: {youngest}).",
        ),
    }
    RECORDS = ("youngest",)

    def status(self, youngest: int | None) -> Status:
        if youngest is None:
            return FLAG
        return PASS if youngest >= self.min_age else FAIL

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        youngest = facts[TARGET_GROUP_MIN_AGE]
        status = self.status(youngest)
        if status is FLAG:
            return missing(TARGET_GROUP_MIN_AGE, min_age=self.min_age)
        old_enough = status is PASS
        return Verdict(
            status=status,
            message="old_enough" if old_enough else "too_young",
            facts={"min_age": self.min_age, "youngest": youngest},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {TARGET_GROUP_MIN_AGE: sorted({self.min_age, min(self.min_age + 10, MAX_AGE)})}
        return None if self.min_age == 0 else {TARGET_GROUP_MIN_AGE: [self.min_age - 1, 0]}
