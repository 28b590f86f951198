"""Exact amounts and shares: kroner as ``Decimal``, never a binary float."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, NewType

from attrs import Attribute

from civilsamfund.core._errors import FieldValueError

Kroner = NewType("Kroner", Decimal)
"""An amount in Danish kroner: non-negative, at most two decimals (øre)."""

Share = NewType("Share", Decimal)
"""A fraction between 0 and 1 inclusive, such as the share of work done by volunteers."""

_ORE = Decimal("0.01")


def _decimal(value: object, what: str) -> Decimal:
    if type(value) is not str and (
        isinstance(value, bool | float) or not isinstance(value, Decimal | int)
    ):
        raise ValueError(f"expected {what} as an integer or a string, got {value!r}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"expected {what}, got {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"expected {what}, got {value!r}")
    return number


def kroner(value: Decimal | int | str) -> Kroner:
    """Read an amount of kroner, refusing floats, negatives and fractions of an øre."""
    amount = _decimal(value, "an amount in kroner")
    if amount < 0:
        raise ValueError(f"expected an amount in kroner of 0 or more, got {value!r}")
    if amount != amount.quantize(_ORE):
        raise ValueError(f"expected an amount in kroner with at most two decimals, got {value!r}")
    return Kroner(amount)


def share(value: Decimal | int | str) -> Share:
    """Read a share between 0 and 1 (``"0.5"`` is half)."""
    fraction = _decimal(value, "a share between 0 and 1")
    if not 0 <= fraction <= 1:
        raise ValueError(f"expected a share between 0 and 1, got {value!r}")
    return Share(fraction)


def _field_check(
    valid: Callable[[Decimal], bool], read: Callable[[Decimal], Decimal]
) -> Callable[[object, Attribute[Any], Any], None]:
    """A validator that passes a valid ``Decimal`` at once (readers have checked it
    already) and otherwise says, as ``read`` does, what is wrong."""

    def check(_: object, attribute: Attribute[Any], value: Any) -> None:
        if value is None or (type(value) is Decimal and valid(value)):
            return
        if type(value) is not Decimal:
            raise FieldValueError(
                attribute.name, f"expected a Decimal (never a float), got {value!r}"
            )
        try:
            read(value)
        except ValueError as exc:
            raise FieldValueError(attribute.name, str(exc)) from None

    return check


def _is_kroner(value: Decimal) -> bool:
    return value.is_finite() and value >= 0 and value == value.quantize(_ORE)


def _is_share(value: Decimal) -> bool:
    return value.is_finite() and 0 <= value <= 1


kroner_field = _field_check(_is_kroner, kroner)
"""attrs validator: an amount in kroner (or ``None``), so code-built models hold what files may."""

share_field = _field_check(_is_share, share)
"""attrs validator: a share from 0 to 1 (or ``None``)."""
