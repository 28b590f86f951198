"""The organisation domain's errors, beside every other domain's in its own ``_errors.py``."""

from __future__ import annotations

from civilsamfund.core import InputError


class ForumError(InputError):
    """A proposed membership the municipality's forums cannot judge: an unknown forum
    or seat, or a reference to something not configured."""
