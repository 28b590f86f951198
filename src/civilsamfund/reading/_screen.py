"""Screening what comes in and what goes out: depth, text, and personal data.

Inputs are screened as parsed data, before they are structured; every result a batch
writes is screened as it is made (:func:`screened_result`), with the same test for a
CPR number (:mod:`civilsamfund.core._shown`), since a plugin's message or fact, or a
configured text, may hold what no input did.

An input is screened over every value once. The fast pass only says whether anything is
wrong; the detailed pass, run when something is, names each problem by its path.
Nesting is bounded, and so is every list and table (``max_entries``) but a document's
list of items (``max_items``), so that what is structured after costs little.
Text must be valid Unicode (JSON can carry a lone surrogate, which no output can
encode), no longer than the limit, and never a CPR number: an input that holds one
is refused in whatever field it sits, and the number is not echoed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from json import loads
from typing import Any

from civilsamfund.core import (
    CPR_LIKE,
    WITHHELD_MARK,
    InputError,
    Problems,
    escaped,
    json_encoder,
    looks_like_cpr,
    readable,
    screened,
    shown,
    withheld,
)
from civilsamfund.reading._limits import Limits, raising

_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_OR_CPR = re.compile(f"[\ud800-\udfff]|{CPR_LIKE.pattern}")
"""A lone surrogate or ten digits that may be a CPR number: one pass finds either."""
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,40}")

CPR_MESSAGE = (
    "expected no personal identity number: this looks like a CPR number, which must "
    "never be given (the value is not shown)"
)


class Repeated(dict[str, Any]):
    """An object in which a key appears more than once: the JSON reader keeps the first
    value of each and marks the object, so that the screen reports it."""

    repeated: tuple[str, ...] = ()


class Screen:
    """Checks parsed data against ``limits``; ``personal`` also refuses CPR numbers."""

    __slots__ = ("_bad", "_config", "_depth", "_entries", "_good", "_longest", "_personal")

    _KEPT = 10_000
    """Texts remembered as fine: keys and common values repeat in every item."""

    def __init__(self, limits: Limits, personal: bool = True, config: bool = False) -> None:
        self._config = config  # a configuration file's: says so when a limit is passed
        self._depth = limits.max_depth
        self._entries = limits.max_entries
        self._longest = limits.max_string
        self._personal = personal
        self._bad = (_BAD_OR_CPR if personal else _SURROGATE).search
        self._good: set[str] = set()

    def fine(self, value: object, depth: int = 0) -> bool:
        """Whether ``value`` passes, without saying why not (the fast pass)."""
        kind = type(value)
        if kind is str:
            return self._fine_text(value)  # type: ignore[arg-type]
        if kind is not dict and kind is not list:
            return kind is not Repeated
        if depth >= self._depth or len(value) > self._entries:  # type: ignore[arg-type]
            return False
        good, fine_text, deeper = self._good, self._fine_text, depth + 1
        if kind is dict:
            for key, item in value.items():  # type: ignore[attr-defined]
                if key not in good and not fine_text(key):
                    return False
                kind = type(item)
                if kind is str:
                    if item not in good and not fine_text(item):
                        return False
                elif (kind is dict or kind is list or kind is Repeated) and not self.fine(
                    item, deeper
                ):
                    return False
            return True
        for item in value:  # type: ignore[attr-defined]
            kind = type(item)
            if kind is str:
                if item not in good and not fine_text(item):
                    return False
            elif (kind is dict or kind is list or kind is Repeated) and not self.fine(item, deeper):
                return False
        return True

    def _fine_text(self, text: str) -> bool:
        if len(text) > self._longest:
            return False
        if (self._bad(text) is not None or (self._personal and readable(text) is not text)) and (
            self._text(text) is not None
        ):
            return False
        if len(self._good) < self._KEPT:
            self._good.add(text)
        return True

    def require(
        self,
        value: object,
        source: str,
        path: str,
        error: type[InputError],
        max_problems: int,
        depth: int = 0,
        items: bool = False,
    ) -> None:
        """Raise ``error`` naming every problem in ``value`` (the first ``max_problems``,
        the rest counted); ``value`` sits ``depth`` levels deep. ``items``: ``value`` is
        a document's list of items, whose length is not this screen's to bound."""
        if items and type(value) is list:
            fine = self.fine
            good = depth < self._depth and all(fine(item, depth + 1) for item in value)
        else:
            good = self.fine(value, depth)
        if not good:
            found = Problems(max_problems)
            for p, m in self.problems(value, path, depth, items):
                found.at(source, p, m)
            found.raise_as(error)

    def problems(
        self, value: object, path: str = "", depth: int = 0, items: bool = False
    ) -> Iterator[tuple[str, str]]:
        """Each problem in ``value``, as its path and what was expected."""
        where = path or "(top level)"
        if isinstance(value, str):
            problem = self._text(value)
            if problem is not None:
                yield where, problem
        elif isinstance(value, dict | list) and depth >= self._depth:
            yield where, f"expected data nested at most {self._depth} levels deep"
        elif isinstance(value, dict | list) and len(value) > self._entries and not items:
            what = "a table" if isinstance(value, dict) else "a list"
            yield (
                where,
                f"expected at most {self._entries:,} entries in {what}, got {len(value):,} "
                f"({raising('max_entries', self._config)})",
            )
        elif isinstance(value, dict):
            for key in getattr(value, "repeated", ()):
                yield where, f"expected each key once, got {shown(key)} more than once"
            for key, item in value.items():
                problem = self._text(key)
                if problem is not None:
                    yield where, f"a key: {problem}"
                else:
                    yield from self.problems(item, _join(path, key), depth + 1)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.problems(item, f"{path}[{index}]", depth + 1)

    def _text(self, text: str) -> str | None:
        if len(text) > self._longest:
            return f"expected text of at most {self._longest:,} characters, got {len(text):,}"
        if _SURROGATE.search(text):
            return "expected text in valid Unicode, got a lone surrogate (half of a pair)"
        if self._personal and looks_like_cpr(text):
            return CPR_MESSAGE
        return None


def _join(path: str, key: str) -> str:
    if _NAME.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{shown(key)}]"


@cache
def screen_for(limits: Limits, personal: bool = True, config: bool = False) -> Screen:
    """One screen per limits, kept so that the texts it has seen stay known between
    documents (a service reads one application per request)."""
    return Screen(limits, personal, config)


def _symbols() -> bytes:
    """What each byte of a result in Latin-1 is to :func:`_plain`: ``1`` a digit (or a
    superscript digit or a fraction, which are digits once normalised); ``!`` a control
    character; ``u`` the ``?`` that stands for a character beyond Latin-1, which may be a
    digit, a dash or a mark; ``x`` anything else."""
    table = bytearray(b"x" * 256)
    for digit in b"0123456789\xb2\xb3\xb9\xbc\xbd\xbe":
        table[digit] = ord("1")
    for byte in (*range(0x20), *range(0x7F, 0xA0)):
        table[byte] = ord("!")
    table[ord("?")] = ord("u")
    return bytes(table)


_SYMBOLS = _symbols()
_GAPS = b" \t\n.-/_:\xa0\xad"
"""What may stand between digits and is left out before they are counted: spaces and
joiners (no-break space and soft hyphen too)."""
_TEN = b"1111111111"
_TEN_UNITS = re.compile(b"[1u]{10}")
_JSON_GAP = re.compile(rb"\\(?:[nrtf]|u00(?:0[9a-dA-D]|1[c-fC-F]))")
"""A JSON escape of a space: the gap it stands for between two digits."""
_JSON_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|.)")
_DIGEST = b"sha256:"
_HEX = b"0123456789abcdef"
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _plain(data: bytes, json: bool) -> bool:
    """Whether a result surely holds no CPR number and no control character to escape.

    Most results are Latin-1 text with no ten digits in a row (once spaces and joiners
    are left out) but in the SHA-256 digest of the configuration: a few passes at C
    speed tell, and the rest is read in full by :func:`screened_result`.
    """
    latin: bytes | bytearray = data
    if not data.isascii():
        text = data.decode()
        try:
            latin = text.encode("latin-1")
        except UnicodeEncodeError:
            if _BIDI.search(text):
                return False
            latin = text.encode("latin-1", "replace")
    if json and b"\\" in latin:
        latin = _JSON_GAP.sub(b" ", latin)
    at = latin.find(_DIGEST)  # a decision's audit record names the configuration by it
    if at >= 0 and not latin[at + 7 : at + 71].translate(None, _HEX):
        latin = bytearray(latin)
        latin[at : at + 71] = b"x" * 71
    symbols = latin.translate(_SYMBOLS, _GAPS)
    return (
        b"!" not in symbols
        and _TEN not in symbols
        and not (b"u" in symbols and _TEN_UNITS.search(symbols))
    )


def screened_result(data: bytes, json: bool = False) -> bytes:
    """One result as a batch writes it (UTF-8, JSON if ``json``): any CPR number
    withheld and every control character escaped, whoever wrote it.

    JSON stays valid JSON: a CPR number is withheld in the value that holds it, and a
    control character is written as its ``\\u`` escape.
    """
    if _plain(data, json):
        return data
    text = data.decode()
    if not json:
        return screened(text).encode()
    seen = _JSON_ESCAPE.sub(_unescaped, text) if "\\" in text else text
    if looks_like_cpr(seen):
        text = json_encoder()(_withheld_value(loads(text))).decode()
    return escaped(text).encode()


def _unescaped(match: re.Match[str]) -> str:
    """A JSON escape as the screen reads it: a space for a space, else no digit."""
    return " " if loads(f'"{match.group()}"').isspace() else "#"


def _withheld_value(value: Any) -> Any:
    """Parsed JSON with every CPR number in it withheld, keys and numbers too."""
    kind = type(value)
    if kind is str:
        return withheld(value)
    if kind is int:
        return WITHHELD_MARK if looks_like_cpr(str(value)) else value
    if kind is list:
        return [_withheld_value(item) for item in value]
    if kind is dict:
        return {withheld(key): _withheld_value(item) for key, item in value.items()}
    return value
