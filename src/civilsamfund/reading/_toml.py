"""Reading TOML with exact decimals and errors that name the file."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from civilsamfund.core import InputError
from civilsamfund.reading._limits import emptied_below


def parse_toml(
    text: str, source: str, error: type[InputError] = InputError, depth: int | None = None
) -> dict[str, Any]:
    """Parse TOML text; floats become ``Decimal`` so money never passes through a float.
    ``depth``: the screen's limit on nesting, for a caller that screens what it gets."""
    try:
        data = _loads(text, depth)
    except tomllib.TOMLDecodeError as exc:
        message = f"not valid TOML: {exc}"
    except RecursionError:
        message = "not readable: nested too deeply"
    except ValueError as exc:  # the reader's own limits, such as on very long integers
        message = f"not valid TOML: {exc}".split("; use sys.")[0]
    else:
        return data
    raise error.at(source, "", message) from None


def _loads(text: str, depth: int | None = None) -> dict[str, Any]:
    """``text`` read; if too deep for Python's reader, read with what lies deeper than
    ``depth`` levels emptied (:func:`emptied_below`)."""
    try:
        data: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        if depth is None:
            raise
        shallow = emptied_below(text, depth + 1, toml=True)
        try:
            return _loads(shallow)
        except tomllib.TOMLDecodeError:  # it would tell a place in the shortened text
            raise RecursionError from None
    return data
