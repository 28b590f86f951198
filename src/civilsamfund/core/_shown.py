"""How a value a user gave is shown back in an error: briefly, and never a CPR number.

Error messages go to terminals, logs and case systems. A value is echoed so the user
can find it, but cut when long (a 1 MB name must not be copied into stderr) and
withheld when it could be a CPR number, in any of the ways people write one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, time
from decimal import Decimal

_SEPARATOR = r"[\s.\-/_\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufe58\ufe63\ufeff\uff0d]"
"""What people put between a CPR number's digits: spaces of any width, dots, slashes,
and every hyphen and dash Unicode has (including invisible ones)."""

_SEP = f"{_SEPARATOR}?"
CPR_LIKE = re.compile(
    rf"(?<!\d)\d{_SEP}\d{_SEP}\d{_SEP}\d{_SEP}\d{_SEP}\d{_SEPARATOR}{{0,3}}\d{_SEP}\d{_SEP}\d{_SEP}\d(?!\d)"
)
"""Ten digits (in any script) as a CPR number may be written: ``0101901234``,
``010190-1234``, ``01 01 90 1234``, ``01.01.90-1234``, with a Unicode dash and so on."""

WITHHELD = "a value that looks like a CPR number (not shown)"

_LONGEST = 60
"""Characters of a value shown before it is cut."""


def looks_like_cpr(text: str) -> bool:
    """Whether ``text`` holds ten digits written as a CPR number may be."""
    return CPR_LIKE.search(text) is not None


def shown(value: object) -> str:
    """A value as an error message shows it: in JSON's words, cut, and never a CPR number."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Decimal):
        value = str(value)
    elif isinstance(value, date | time):  # as TOML writes them: 2024-10-01T10:00:00
        value = value.isoformat()
    elif isinstance(value, int):
        return str(value) if value.bit_length() < 190 else "a number of more than 57 digits"
    text = value if isinstance(value, str) else str(value)
    if looks_like_cpr(text):
        return WITHHELD
    if len(text) > _LONGEST:
        return f"{text[: _LONGEST - 20]!r}… ({len(text):,} characters)"
    return repr(text)


_MESSAGE_LONGEST = 2_000


def redacted(message: str) -> str:
    """``message`` with anything that looks like a CPR number blanked out, and cut when
    very long: the last guard for messages that quote what a plugin or a library said."""
    message = CPR_LIKE.sub("[withheld: looks like a CPR number]", message)
    if len(message) > _MESSAGE_LONGEST:
        message = f"{message[:_MESSAGE_LONGEST]}… (cut, {len(message):,} characters)"
    return message


def expected_one_of(choices: Iterable[object], what: str) -> str:
    """What an error expected of a value that must be one of ``choices`` (ids of ``what``,
    in the plural), saying so plainly when none is configured."""
    listed = ", ".join(map(repr, choices))
    return f"expected one of {listed}" if listed else f"expected no {what}: none is configured"
