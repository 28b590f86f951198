"""The grants domain's errors, beside every other domain's in its own ``_errors.py``."""

from __future__ import annotations

from civilsamfund.core import InputError


class ApplicationError(InputError):
    """A grant application document is invalid."""
