"""attrs validators for parameters and models, failing with the field's name so that a
reader can report the path to it (``criteria[3].params.max_multiple``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from attrs import Attribute

from civilsamfund.core._errors import FieldValueError

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


def finite_non_negative(_: object, attribute: Attribute[Any], value: Decimal) -> None:
    """A finite decimal number of 0 or more."""
    if not (isinstance(value, Decimal) and value.is_finite() and value >= 0):
        raise FieldValueError(attribute.name, f"expected a finite number of 0 or more, got {value}")


def not_empty(_: object, attribute: Attribute[Any], value: tuple[Any, ...]) -> None:
    """A list with at least one item."""
    if not value:
        raise FieldValueError(attribute.name, "expected at least one item, got none")
