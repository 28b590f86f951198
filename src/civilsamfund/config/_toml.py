"""Reading TOML with exact decimals and errors that name the file."""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from civilsamfund.core._errors import InputError


def parse_toml(text: str, source: str, error: type[InputError] = InputError) -> dict[str, Any]:
    """Parse TOML text; floats become ``Decimal`` so money never passes through a float."""
    try:
        data: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise error.at(source, "", f"not valid TOML: {exc}") from None
    return data
