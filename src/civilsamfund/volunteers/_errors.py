"""The volunteers domain's errors, beside every other domain's in its own ``_errors.py``."""

from __future__ import annotations

from civilsamfund.core import InputError


class TaskError(InputError):
    """A volunteer task that cannot be checked: it names what the municipality does not
    configure."""
