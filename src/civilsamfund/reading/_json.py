"""Reading JSON strictly: exact decimals, each key once, only what JSON allows.

Python's reader lets the last of two equal keys win silently (so an amount given
twice was assessed by the second), reads ``NaN`` and ``Infinity``, and fails with its
own exceptions on integers of more than 4,300 digits or deep nesting. Here each of
those is a problem in the input, and a document too deep for Python's reader is read
as one the screen refuses alike on every Python (:func:`emptied_below`).
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from typing import Any

from civilsamfund.core import InputError
from civilsamfund.reading._limits import emptied_below
from civilsamfund.reading._screen import Repeated


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table = dict(pairs)
    if len(table) == len(pairs):
        return table
    counts = Counter(key for key, _ in pairs)
    repeated = Repeated(reversed(pairs))  # so the first value of each key is kept
    repeated.repeated = tuple(key for key, count in counts.items() if count > 1)
    return repeated


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(
    text: str,
    source: str,
    error: type[InputError] = InputError,
    where: str = "",
    depth: int | None = None,
) -> Any:
    """Parse one JSON value; objects with a repeated key come back as :class:`Repeated`,
    for the screen to report by path. ``depth``: the screen's limit on nesting, for a
    caller that screens what it gets."""
    try:
        return _loads(text, depth)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if where else f"line {exc.lineno}, column {exc.colno}"
        message = f"not valid JSON at {at}: {exc.msg}"
    except RecursionError:
        message = "not readable: nested too deeply"
    except ValueError as exc:
        message = f"not valid JSON: {_plain(exc)}"
    raise error.at(source, where, message) from None


def _loads(text: str, depth: int | None = None) -> Any:
    """``text`` read; if too deep for Python's reader, read with what lies deeper than
    ``depth`` levels emptied (:func:`emptied_below`)."""
    try:
        return json.loads(
            text, parse_float=Decimal, object_pairs_hook=_object, parse_constant=_constant
        )
    except RecursionError:
        if depth is None:
            raise
        shallow = emptied_below(text, depth + 1)
        try:
            return _loads(shallow)
        except json.JSONDecodeError:  # it would tell a place in the shortened text
            raise RecursionError from None


def _plain(exc: ValueError) -> str:
    text = str(exc)
    if "integer string conversion" in text:
        return "a number has more than 4,300 digits"
    return text
