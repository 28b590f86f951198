"""A rulebook: every configured rule of a municipality, by id, in dated versions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from civilsamfund.core import Versions
from civilsamfund.core.rules._rule import Rule


class Rulebook:
    """The rules of one municipality, whatever their subjects, with the version of each
    in force on any day."""

    __slots__ = ("_versions",)

    def __init__(self, rules: Iterable[Rule[Any]]) -> None:
        by_id: defaultdict[str, list[Rule[Any]]] = defaultdict(list)
        for rule in rules:
            by_id[rule.id].append(rule)
        self._versions = {rule_id: Versions(versions) for rule_id, versions in by_id.items()}

    def rule(self, rule_id: str, on: date) -> Rule[Any] | None:
        """The version of a rule in force on ``on``, if any."""
        versions = self._versions.get(rule_id)
        return None if versions is None else versions.at(on)

    def in_force(self, rule_ids: Iterable[str], on: date) -> tuple[Rule[Any], ...]:
        """The versions in force on ``on`` of the rules named, in the order named."""
        found = (self.rule(rule_id, on) for rule_id in rule_ids)
        return tuple(rule for rule in found if rule is not None)

    def versions(self, rule_id: str) -> tuple[Rule[Any], ...]:
        """Every version of a rule, in date order."""
        versions = self._versions.get(rule_id)
        return () if versions is None else versions.items

    def __iter__(self) -> Iterator[Rule[Any]]:
        for versions in self._versions.values():
            yield from versions.items

    def __len__(self) -> int:
        return sum(len(versions.items) for versions in self._versions.values())
