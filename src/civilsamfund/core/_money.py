"""Exact amounts and shares: kroner as ``Decimal``, never a binary float.

Text is read exactly as the formats document it (``"80000"``, ``"80000.50"``,
``"0.5"``); numbers a JSON or TOML reader made exact are accepted too. Either way the
value kept is canonical, so it is written back as documented: ``1e5`` becomes
``100000`` and ``-0`` becomes ``0``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NewType

from attrs import Attribute

from civilsamfund.core._errors import FieldValueError, InvalidValueError
from civilsamfund.core._shown import shown

Kroner = NewType("Kroner", Decimal)
"""An amount in Danish kroner: non-negative, at most two decimals (øre)."""

Share = NewType("Share", Decimal)
"""A fraction between 0 and 1 inclusive, such as the share of work done by volunteers."""

_ORE = Decimal("0.01")
_WHOLE = Decimal(1)

_KRONER_TEXT = re.compile(r"[0-9]+(\.[0-9]{1,2})?")
_SHARE_TEXT = re.compile(r"(0(\.[0-9]+)?|1(\.0+)?)")
_NUMBER_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")

LARGEST_DIGITS = 15
"""Digits before the decimal point an amount or number may have (so below 10^15)."""
FINEST_DIGITS = 28
"""Decimals a share or number may have."""
_INT_BOUND = 10**LARGEST_DIGITS


def _decimal(value: object, pattern: re.Pattern[str], what: str) -> Decimal:
    """Read ``value``, bounded so that it can always be compared and written out."""
    if type(value) is str:
        if pattern.fullmatch(value) is None:
            raise InvalidValueError(f"expected {what}, got {shown(value)}")
        number = Decimal(value)  # plain digits: finite, no exponent
        point = value.find(".")
        if number.adjusted() >= LARGEST_DIGITS or (
            point >= 0 and len(value) - point - 1 > FINEST_DIGITS
        ):
            raise InvalidValueError(f"expected {what}, got {shown(value)}")
        return number if number else number.copy_abs()
    if type(value) is int:
        if abs(value) >= _INT_BOUND:
            raise InvalidValueError(f"expected {what}, got {shown(value)}")
        return Decimal(value)
    if type(value) is not Decimal:
        raise InvalidValueError(f"expected {what}, got {shown(value)}")
    if (
        not value.is_finite()
        or value.adjusted() >= LARGEST_DIGITS
        or int(value.as_tuple().exponent) < -FINEST_DIGITS
    ):
        raise InvalidValueError(f"expected {what}, got {shown(value)}")
    return canonical(value)


def canonical(number: Decimal) -> Decimal:
    """``number`` as written in plain digits: no exponent, no negative zero."""
    if int(number.as_tuple().exponent) > 0:
        number = number.quantize(_WHOLE)
    return number if number else number.copy_abs()


def decimal_text(number: Decimal) -> str:
    """How the formats write a decimal: plain digits, never ``1E+5`` or ``-0``."""
    return format(canonical(number), "f")


def number(value: object) -> Decimal:
    """Read an exact number (``"-12.5"``, or an integer or exact decimal)."""
    return _decimal(value, _NUMBER_TEXT, 'an exact number (such as "12" or "-12.5")')


def kroner(value: Decimal | int | str) -> Kroner:
    """Read an amount of kroner, refusing floats, negatives and fractions of an øre."""
    if type(value) is str and _KRONER_TEXT.fullmatch(value):  # as files write it: no sign,
        amount = Decimal(value)  # no exponent, at most two decimals; only its size to check
        if amount.adjusted() < LARGEST_DIGITS:
            return Kroner(amount)
    amount = _decimal(value, _KRONER_TEXT, 'an amount in kroner (such as "80000" or "80000.50")')
    if amount < 0:
        raise InvalidValueError(f"expected an amount in kroner of 0 or more, got {shown(value)}")
    if amount != amount.quantize(_ORE):
        raise InvalidValueError(
            f"expected an amount in kroner with at most two decimals, got {shown(value)}"
        )
    return Kroner(amount)


def share(value: Decimal | int | str) -> Share:
    """Read a share between 0 and 1 (``"0.5"`` is half)."""
    fraction = _decimal(value, _SHARE_TEXT, 'a share between 0 and 1 (such as "0.5")')
    if not 0 <= fraction <= 1:
        raise InvalidValueError(f"expected a share between 0 and 1, got {shown(value)}")
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
                attribute.name, f"expected a Decimal (never a float), got {shown(value)}"
            )
        try:
            read(value)
        except ValueError as exc:
            raise FieldValueError(attribute.name, str(exc)) from None

    return check


def _is_kroner(value: Decimal) -> bool:
    return (
        value.is_finite()
        and value.adjusted() < LARGEST_DIGITS
        and value >= 0
        and value == value.quantize(_ORE)
    )


def _is_share(value: Decimal) -> bool:
    return value.is_finite() and 0 <= value <= 1


kroner_field = _field_check(_is_kroner, kroner)
"""attrs validator: an amount in kroner (or ``None``), so code-built models hold what files may."""

share_field = _field_check(_is_share, share)
"""attrs validator: a share from 0 to 1 (or ``None``)."""
