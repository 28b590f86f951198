"""How much a reader takes in before it refuses: limits with documented defaults.

Without limits a 5 MB file of a million ``null`` items, a symlink to ``/dev/zero`` or
JSON nested a thousand levels deep costs gigabytes or a crash; so did one application
with a million wrong budget lines (6 GB, a minute). Every limit can be raised
(``Limits(max_items=...)``, or the command line's ``--max-*`` options).
"""

from __future__ import annotations

import re

from attrs import field, frozen

from civilsamfund.core import InputError, at_least

MIB = 1 << 20


@frozen(kw_only=True)
class Limits:
    """What one input may hold; a file beyond a limit is refused with a message naming it.

    ``max_file_bytes``, ``max_values`` and ``max_items`` bound a JSON or TOML document,
    which is read whole: its values are counted before it is parsed, so that a document
    refused costs little more than its bytes. A JSON Lines stream is read one line at a
    time, each line at most ``max_line_bytes``, and may hold any number of items.
    ``max_entries`` bounds every list and table inside an item (budget lines, target
    groups, declared facts). The defaults admit a round of 100,000 applications of about
    a kilobyte each in one document. ``max_problems`` is how many problems an error
    lists before it counts the rest. ``max_values`` and ``max_entries`` since 0.3.0.
    """

    max_file_bytes: int = field(default=128 * MIB, validator=at_least(1))
    max_line_bytes: int = field(default=1 * MIB, validator=at_least(1))
    max_items: int = field(default=100_000, validator=at_least(1))
    max_values: int = field(default=10_000_000, validator=at_least(1))
    max_entries: int = field(default=10_000, validator=at_least(1))
    max_depth: int = field(default=16, validator=at_least(1))
    max_string: int = field(default=10_000, validator=at_least(1))
    max_problems: int = field(default=100, validator=at_least(1))


DEFAULT_LIMITS = Limits()

CONFIG_LIMITS = Limits(
    max_file_bytes=4 * MIB, max_values=200_000, max_entries=5_000, max_string=20_000
)
"""What one configuration file may hold: far beyond any municipality's (Odense's
largest file is 29 KB with 42 criteria), far below what costs a caseworker's machine
seconds or memory (a ``criteria.toml`` of 250,000 criteria took 45 s and 2.6 GB).
``load_municipality_dir(..., limits=...)`` raises them."""

_JSON_TEXT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_TOML_TEXT = re.compile(
    r'"""[\s\S]*?"""(?!")|\'\'\'[\s\S]*?\'\'\'(?!\')|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\n]*\'|#[^\n]*'
)

_JSON_TEXT_OR_BRACKET = re.compile(f"{_JSON_TEXT.pattern}|[][{{}}]")
_TOML_TEXT_OR_BRACKET = re.compile(f"{_TOML_TEXT.pattern}|[][{{}}]")


def values_in(text: str, toml: bool = False) -> int:
    """How many values a JSON or TOML document holds, counted from its text before it is
    parsed: one, plus each separator that begins an entry of a list or table (a comma,
    an opening bracket, in TOML an ``=``) outside texts and comments. For a valid
    document that is its values (each list, table and entry) or a few more (an empty
    list, a TOML table's header)."""
    count = _separators(text, toml)
    if count <= 1 or not ('"' in text or "'" in text or "#" in text):
        return count
    return _separators((_TOML_TEXT if toml else _JSON_TEXT).sub("0", text), toml)


def _separators(text: str, toml: bool) -> int:
    """The count of :func:`values_in` with texts not skipped: at least as many."""
    count = 1 + text.count(",") + text.count("[") + text.count("{")
    return count + text.count("=") if toml else count


def emptied_below(text: str, depth: int, toml: bool = False) -> str:
    """A JSON or TOML document's text with each list and table ``depth`` brackets deep
    emptied (the top is 0), brackets in texts and comments skipped.

    Python's readers give up on deep nesting at a depth that differs between versions
    (JSON about 990 levels on 3.10 and 3.11, 1,500 on 3.12, 10,000 on 3.13; TOML 400 on
    3.10, 500 after). Read again this way, a document too deep for the reader is
    refused by the screen, past ``depth - 1`` levels, as one it could read: with the
    same message naming the same path on every version. What lies deeper was never
    read by the screen, which stops at its limit; a value is at least as many levels
    deep as it is brackets deep."""
    kept: list[str] = []
    level = start = 0
    for token in (_TOML_TEXT_OR_BRACKET if toml else _JSON_TEXT_OR_BRACKET).finditer(text):
        bracket = text[token.start()]
        if bracket == "[" or bracket == "{":
            if level == depth:
                kept.append(text[start : token.end()])
            level += 1
        elif bracket == "]" or bracket == "}":
            level -= 1
            if level == depth:
                start = token.start()
    kept.append(text[start:])
    return "".join(kept)


def raising(name: str, config: bool = False) -> str:
    """How a message says to raise the limit ``name`` (``max_entries``): by its option,
    or for a configuration file (``config``) in code."""
    if config:
        return f"a configuration file's {name}: raise it with load_municipality_dir(limits=...)"
    return f"raise the limit with --{name.replace('_', '-')} or Limits.{name}"


def require_values(
    text: str,
    limit: int,
    source: str,
    error: type[InputError],
    toml: bool = False,
    config: bool = False,
) -> None:
    """Raise ``error`` if ``text`` holds more than ``limit`` values (see :func:`values_in`),
    without parsing it: a cheap upper bound first, the exact count only beyond it."""
    if _separators(text, toml) <= limit:
        return
    count = values_in(text, toml)
    if count > limit:
        hint = raising("max_values", config) + ("" if config else ", or use JSON Lines")
        raise error.at(
            source, "", f"expected at most {limit:,} values in a document, got {count:,} ({hint})"
        )
