"""The strategy domain's errors, beside every other domain's in its own ``_errors.py``."""

from __future__ import annotations

from civilsamfund.core import InputError


class StrategyError(InputError):
    """A strategy asked for that the municipality does not configure."""


class DesignError(InputError):
    """A design meeting record the municipality cannot take: an unknown strategy or
    committee, a priority naming a point the paper lacks, a rating off the scale."""
