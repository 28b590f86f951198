"""Inputs as items: a JSON or TOML document read whole, or JSON Lines read as a stream.

A document holds a list of items, bare or under one key (``applications``); a JSON
Lines file holds one item per line. Either way every item is screened (depth, text,
CPR numbers) and ids must be unique, and every problem names the file and the item.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from attrs import frozen

from civilsamfund.core import InputError, Problem, Problems, shown
from civilsamfund.reading._converter import structure_items
from civilsamfund.reading._files import decoded, open_regular, read_bytes
from civilsamfund.reading._ids import SeenIds
from civilsamfund.reading._json import parse_json
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits, require_values
from civilsamfund.reading._screen import Repeated, screen_for
from civilsamfund.reading._toml import parse_toml

DOCUMENT_SUFFIXES = (".json", ".toml")
STREAM_SUFFIXES = (".jsonl", ".ndjson")
STDIN = "-"
"""The file name that means standard input, read as JSON Lines."""


T = TypeVar("T")


@frozen(kw_only=True)
class Document:
    """A document's items, parsed and screened but not yet structured."""

    source: str
    path: str
    """Where the list sits in the document: ``applications``, or ``""`` for a bare list."""
    items: list[Any]

    def where(self, index: int) -> str:
        """The path of item ``index``, as problems name it."""
        return f"{self.path}[{index}]"


def structured(
    document: Document, model: type[T], error: type[InputError], limits: Limits = DEFAULT_LIMITS
) -> tuple[T, ...]:
    """A document's items as ``model`` values, every problem reported at once."""
    return tuple(
        structure_items(
            document.items, model, document.source, document.path, error, limits.max_problems
        )
    )


def is_stream(path: str | Path) -> bool:
    """Whether ``path`` is read as JSON Lines: ``-`` or a ``.jsonl``/``.ndjson`` file."""
    return str(path) == STDIN or Path(path).suffix.lower() in STREAM_SUFFIXES


def source_name(path: str | Path) -> str:
    """How problems name an input: its path, or ``<stdin>`` for ``-``."""
    return "<stdin>" if str(path) == STDIN else str(path)


def read_document(
    path: str | Path,
    key: str,
    limits: Limits = DEFAULT_LIMITS,
    error: type[InputError] = InputError,
    personal: bool = True,
) -> Document:
    """Read a ``.json`` or ``.toml`` file whose items are a list, bare or under ``key``."""
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        expected = ", ".join((*DOCUMENT_SUFFIXES, *STREAM_SUFFIXES))
        raise error.at(source, "", f"expected a file ending in {expected}")
    text = decoded(read_bytes(path, limits.max_file_bytes, error), source, "", error)
    require_values(text, limits.max_values, source, error, toml=suffix == ".toml")
    if suffix == ".toml":
        data = parse_toml(text, source, error, limits.max_depth)
    else:
        data = parse_json(text, source, error, depth=limits.max_depth)
    return document_from_data(data, key, source, limits, error, personal)


def document_from_data(
    data: object,
    key: str,
    source: str,
    limits: Limits = DEFAULT_LIMITS,
    error: type[InputError] = InputError,
    personal: bool = True,
) -> Document:
    """Find the items of parsed data, a list or a table holding only ``key``, and screen
    them."""
    path, items = "", data
    if isinstance(data, dict):
        if set(data) != {key}:
            unknown = ", ".join(shown(k) for k in data if k != key)
            got = f"other keys: {unknown}" if unknown else f"no {key!r}"
            raise error.at(source, "", f"expected a table with only {key!r}, got {got}")
        if isinstance(data, Repeated):
            raise error.at(source, "", f"expected each key once, got {key!r} more than once")
        path, items = key, data[key]
    if not isinstance(items, list):
        raise error.at(source, path or "(top level)", f"expected a list, got {shown(items)}")
    if len(items) > limits.max_items:
        raise error.at(
            source,
            path or "(top level)",
            f"expected at most {limits.max_items:,} items, got {len(items):,} (raise the "
            "limit with --max-items or Limits.max_items, or use JSON Lines)",
        )
    depth = 1 if path else 0
    screen_for(limits, personal).require(
        items, source, path, error, limits.max_problems, depth, items=True
    )
    document = Document(source=source, path=path, items=items)
    _unique_ids(document, limits, error)
    return document


def _unique_ids(document: Document, limits: Limits, error: type[InputError]) -> None:
    seen: dict[str, int] = {}
    found = Problems(limits.max_problems)
    for index, item in enumerate(document.items):
        key = item.get("id") if isinstance(item, dict) else None
        if not isinstance(key, str):
            continue
        first = seen.setdefault(key, index)
        if first != index:
            found.add(
                Problem.at(
                    document.source,
                    f"{document.where(index)}.id",
                    f"expected a unique id, {shown(key)} is also at {document.where(first)}",
                )
            )
    found.raise_as(error)


def stream_items(
    path: str | Path,
    limits: Limits = DEFAULT_LIMITS,
    error: type[InputError] = InputError,
    personal: bool = True,
) -> Iterator[tuple[str, Any]]:
    """The items of a JSON Lines file (or ``-``, standard input), one at a time, each
    with its path (``[0]`` is on line 1).

    A line longer than ``max_line_bytes``, a blank line, a line that is not JSON, a
    screened problem or an id seen before raises ``error`` at once.
    """
    if str(path) == STDIN:
        yield from _lines(sys.stdin.buffer, source_name(path), limits, error, personal)
        return
    with open_regular(Path(path), error) as file:
        yield from _lines(file, str(path), limits, error, personal)


def _lines(
    file: BinaryIO, source: str, limits: Limits, error: type[InputError], personal: bool
) -> Iterator[tuple[str, Any]]:
    screen = screen_for(limits, personal)
    seen = SeenIds()
    for index in count():
        try:
            line = file.readline(limits.max_line_bytes + 1)
        except OSError as exc:
            raise error.at(source, "", f"cannot be read: {exc.strerror or exc}") from None
        if not line:
            return
        where = f"[{index}]"
        if len(line) > limits.max_line_bytes:
            raise error.at(
                source,
                where,
                f"expected at most {limits.max_line_bytes:,} bytes on a line (raise the "
                "limit with --max-line-size or Limits.max_line_bytes)",
            )
        text = decoded(line, source, where, error)
        item = parse_json(text, source, error, where, limits.max_depth)
        screen.require(item, source, where, error, limits.max_problems)
        key = item.get("id") if isinstance(item, dict) else None
        if isinstance(key, str) and not seen.add(key):
            raise error.at(
                source,
                f"{where}.id",
                f"expected a unique id, {shown(key)} is also on an earlier line",
            )
        yield where, item
