"""How a value a user gave is shown back in an error: briefly, and never a CPR number.

Error messages go to terminals, logs and case systems. A value is echoed so the user
can find it, but cut when long (a 1 MB name must not be copied into stderr) and
withheld when it could be a CPR number, in any of the ways people write one.

The same test screens everything the library writes (see docs/security.md): a CPR
number is ten digits whose first six are a day and month of birth and a year, not
part of a longer number. Digits joined to more digits by a dash, dot, slash,
underscore or colon (``2024-09-01_10_00``, ``2024-10-01 10:00:00``) are a date, a
time or a path, not a person; so is a number grouped in thousands (``1.012.000.000``)
and a run of hexadecimal digits as long as a digest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, time
from decimal import Decimal

_DASHES = r".\-/_\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufe58\ufe63\ufeff\uff0d"
_SEPARATOR = rf"[\s{_DASHES}]"
"""What people put between a CPR number's digits: spaces of any width, dots, slashes,
and every hyphen and dash Unicode has (including invisible ones)."""
_JOINER = rf"[:{_DASHES}]"
"""What joins digits into one longer number (``2024-09-01``, ``10:00``): a separator
that is not a space, or a colon. A space ends a number: ``010190-1234 2`` holds one."""

_GAP = f"{_SEPARATOR}?"
_MIDDLE = rf"(?:{_SEPARATOR}|:){{0,3}}"
"""Between the day of birth and the serial number: ``010190 - 1234``, ``010190:1234``."""
CPR_LIKE = re.compile(
    rf"\d(?<!\d\d)(?<!\d{_JOINER}\d)"  # the first digit of a number (the test reads from it)
    rf"{_GAP}\d{_GAP}\d{_GAP}\d{_GAP}\d{_GAP}\d{_MIDDLE}\d{_GAP}\d{_GAP}\d{_GAP}\d"
    rf"(?!{_JOINER}?\d)"  # and its last
)
"""Ten digits (in any script) as a CPR number may be written: ``0101901234``,
``010190-1234``, ``01 01 90 1234``, ``01.01.90-1234``, with a Unicode dash and so on;
a candidate only, until :func:`_is_cpr` has read its date."""

_TEN_DIGITS = re.compile(r"(?:\D*\d){10}")
"""Ten digits anywhere (used with ``match``: one pass, no backtracking)."""
_THOUSANDS = re.compile(r"\d([. ])\d{3}(?:\1\d{3}){2}")
_HEX = frozenset("0123456789abcdefABCDEF")
_DIGEST = 32
"""Hexadecimal digits of the shortest digest (MD5): a run this long is a digest."""
_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_HIDDEN = frozenset(("Mn", "Mc", "Me", "Cf"))
"""Characters a reader does not see: combining marks and invisible format characters."""


def _is_cpr(match: re.Match[str]) -> bool:
    """Whether a candidate is written as a CPR number: a day (or a replacement number's
    day, plus 60) and a month first, and neither a number in thousands nor part of a
    digest."""
    found = match.group()
    digits = "".join(c for c in found if c.isdecimal())
    day, month = int(digits[:2]), int(digits[2:4])
    if day > 60:
        day -= 60
    if not (1 <= month <= 12 and 1 <= day <= _DAYS[month]) or _THOUSANDS.fullmatch(found):
        return False
    if found.isascii() and found.isdigit():
        text, start, end = match.string, match.start(), match.end()
        while start and text[start - 1] in _HEX:
            start -= 1
        while end < len(text) and text[end] in _HEX:
            end += 1
        return end - start < _DIGEST
    return True


def readable(text: str) -> str:
    """``text`` with its digits as a reader sees them: compatibility forms made plain
    (NFKC: full-width and superscript digits), and, where there are ten digits,
    combining marks and invisible format characters left out (``010190`` + U+0307 +
    ``1234`` is ten digits)."""
    if text.isascii() or _PLAIN_LATIN.fullmatch(text):
        return text
    text = unicodedata.normalize("NFKC", text)
    if _TEN_DIGITS.match(text) is None:
        return text
    return _BEYOND_LATIN.sub(_visible, text)


_PLAIN_LATIN = re.compile("[\x00-\xb1\xb4-\xb8\xba\xbb\xbf-\xff]*")
"""Latin-1 but its superscript digits and fractions: text a reader sees as it is."""
_BEYOND_LATIN = re.compile("[^\x00-\xff]+")
"""Characters beyond Latin-1, where every combining mark and most format characters
are (the soft hyphen, the one in Latin-1, is read as the dash it is)."""


def _visible(match: re.Match[str]) -> str:
    """Characters beyond Latin-1 without those a reader does not see."""
    category = unicodedata.category
    return "".join(c for c in match.group() if category(c) not in _HIDDEN)


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """Each CPR number in ``text`` (as :func:`readable` gives it), in order."""
    search, at = CPR_LIKE.search, 0
    while (match := search(text, at)) is not None:
        if _is_cpr(match):
            yield match
            at = match.end()
        else:
            at = match.start() + 1


def looks_like_cpr(text: str) -> bool:
    """Whether ``text`` holds ten digits written as a CPR number may be."""
    return next(_numbers(readable(text)), None) is not None


WITHHELD = "a value that looks like a CPR number (not shown)"

_LONGEST = 60
"""Characters of a value shown before it is cut."""


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


WITHHELD_MARK = "[withheld: looks like a CPR number]"
"""What stands in an output where a CPR number was."""


def withheld(text: str) -> str:
    """``text`` with anything that looks like a CPR number replaced by
    :data:`WITHHELD_MARK` (and then as :func:`readable` gives it)."""
    seen = readable(text)
    parts: list[str] = []
    last = 0
    for match in _numbers(seen):
        parts += (seen[last : match.start()], WITHHELD_MARK)
        last = match.end()
    return "".join((*parts, seen[last:])) if parts else text


_MESSAGE_LONGEST = 2_000


def redacted(message: str) -> str:
    """``message`` with anything that looks like a CPR number blanked out, and cut when
    very long: the last guard for messages that quote what a plugin or a library said."""
    message = withheld(message)
    if len(message) > _MESSAGE_LONGEST:
        message = f"{message[:_MESSAGE_LONGEST]}… (cut, {len(message):,} characters)"
    return message


_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
"""Control characters: C0 (tab and newline too), DEL, C1, and the marks and overrides
that change the direction of text. None belongs in an id."""
_ESCAPED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
"""The control characters a text output shows escaped: all but tab and newline."""


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped(text: str) -> str:
    """``text`` with its control characters (but tab and newline) written as ``\\u001b``,
    so that a terminal shows them instead of obeying them (``ESC[2J`` clears a
    screen). The same spelling is a JSON escape, so JSON text stays valid JSON."""
    return _ESCAPED.sub(_escape, text) if _ESCAPED.search(text) else text


def screened(text: str) -> str:
    """``text`` as the library writes it: no CPR number, no control character."""
    return escaped(withheld(text))


def expected_one_of(choices: Iterable[object], what: str) -> str:
    """What an error expected of a value that must be one of ``choices`` (ids of ``what``,
    in the plural), saying so plainly when none is configured."""
    listed = ", ".join(map(repr, choices))
    return f"expected one of {listed}" if listed else f"expected no {what}: none is configured"
