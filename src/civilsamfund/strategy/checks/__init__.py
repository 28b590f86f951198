"""The strategy lifecycle checks that ``criteria.toml`` can name in ``type``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civilsamfund.core.rules import Check
from civilsamfund.strategy.checks._schedule import DueBetween, EveryYears

STRATEGY_CHECKS: Mapping[str, type[Check[Any]]] = {
    "strategy.due_between": DueBetween,
    "strategy.every_years": EveryYears,
}
"""Every strategy check by the type name configuration gives it."""

__all__ = ["STRATEGY_CHECKS", "DueBetween", "EveryYears"]
