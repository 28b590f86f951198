"""The awards domain's errors, beside every other domain's in its own ``_errors.py``."""

from __future__ import annotations

from civilsamfund.core import InputError


class AwardError(InputError):
    """An award asked about in a year it is not given, or a year out of range."""
