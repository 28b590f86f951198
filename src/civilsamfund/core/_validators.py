"""attrs validators for parameters and models, failing with the field's name so that a
reader can report the path to it (``criteria[3].params.max_multiple``)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from attrs import Attribute

from civilsamfund.core._errors import FieldValueError
from civilsamfund.core._shown import looks_like_cpr, shown

MAX_AGE = 130
"""The oldest age any model takes: beyond it, an age is a typing error."""


def at_least(minimum: int) -> Any:
    """A whole number (or ``None``) of at least ``minimum``."""

    def check(_: object, attribute: Attribute[Any], value: int | None) -> None:
        if value is not None and value < minimum:
            raise FieldValueError(
                attribute.name, f"expected a whole number of {minimum} or more, got {value}"
            )

    return check


def between(low: int, high: int) -> Any:
    """A whole number (or ``None``) from ``low`` to ``high``."""

    def check(_: object, attribute: Attribute[Any], value: int | None) -> None:
        if value is not None and not low <= value <= high:
            raise FieldValueError(
                attribute.name, f"expected a whole number from {low} to {high}, got {value}"
            )

    return check


def not_below_min_age(instance: object, attribute: Attribute[Any], value: int | None) -> None:
    """A ``max_age`` (or ``None``) no lower than the model's own ``min_age``: an age span
    from 30 to 16 holds no one, whichever model it is given to."""
    low = getattr(instance, "min_age", None)
    if value is not None and low is not None and low > value:
        raise FieldValueError(attribute.name, f"expected at least min_age ({low}), got {value}")


def finite_non_negative(_: object, attribute: Attribute[Any], value: Decimal) -> None:
    """A finite decimal number of 0 or more."""
    if not (isinstance(value, Decimal) and value.is_finite() and value >= 0):
        raise FieldValueError(attribute.name, f"expected a finite number of 0 or more, got {value}")


def not_empty(_: object, attribute: Attribute[Any], value: tuple[Any, ...]) -> None:
    """A list with at least one item."""
    if not value:
        raise FieldValueError(attribute.name, "expected at least one item, got none")


_CVR = re.compile(r"[0-9]{8}")


@lru_cache(maxsize=4096)
def _valid_cvr(value: str) -> bool:
    """Whether ``value`` is 8 ASCII digits passing the mod-11 check; kept, since the same
    associations apply again and again."""
    from stdnum.dk import cvr  # deferred: only needed when a CVR number is given

    return _CVR.fullmatch(value) is not None and bool(cvr.is_valid(value))


def cvr_number(_: object, attribute: Attribute[Any], value: str | None) -> None:
    """A CVR number (or ``None``): 8 ASCII digits passing the mod-11 check."""
    if value is not None and not (type(value) is str and _valid_cvr(value)):
        raise FieldValueError(
            attribute.name,
            f"expected a valid 8-digit CVR number (mod-11 check), got {shown(value)}",
        )


def opaque_reference(_: object, attribute: Attribute[Any], value: str | None) -> None:
    """A caller's own case reference for a person (or ``None``), never a CPR number."""
    if value is not None and looks_like_cpr(value):
        raise FieldValueError(
            attribute.name,
            "expected an opaque case reference; this looks like a CPR number, which must "
            "never be given",
        )
