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
        message = f"not valid TOML: {exc}"
    except RecursionError:
        message = "not readable: nested too deeply"
    except ValueError as exc:  # the reader's own limits, such as on very long integers
        message = f"not valid TOML: {exc}".split("; use sys.")[0]
    else:
        return data
    raise error.at(source, "", message) from None
