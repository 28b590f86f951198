"""What the readers tell types and fields by: the converter's hooks and the hooks
written per model (:mod:`civilsamfund.reading._written`) choose alike from these."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs

from civilsamfund.core import CONTROL, ENTRIES, REFERS, Entries, FieldValueError, shown
from civilsamfund.core.rules import FactText

TAG = "type"
"""The key that says which member of a tagged union a table is (``type = "person"``)."""


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_date(value: object, _: object = None) -> date:
    """A date exactly as ``YYYY-MM-DD``: the other ISO 8601 spellings Python reads
    (``20240101``, ``2025-W38-1``) are not what the formats document."""
    if type(value) is date:
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date as YYYY-MM-DD, got {shown(value)}")


def read_fact_text(value: object, _: object = None) -> FactText:
    """A declared fact as given: text, a whole number, true/false or null; a decimal
    number is kept as written."""
    if value is None or type(value) in (str, int, bool):
        return value  # type: ignore[return-value]
    if type(value) is Decimal:
        return str(value)
    raise ValueError(f"expected text, a number, true/false or null, got {shown(value)}")


def is_optional(kind: Any) -> bool:
    args = get_args(kind)
    return len(args) == 2 and type(None) in args and get_origin(kind) in (Union, UnionType)


def is_mapping(kind: Any) -> bool:
    return get_origin(kind) in (Mapping, dict) and kind != Mapping[str, Any]


def is_tuple(kind: Any) -> bool:
    """A tuple, or a sequence (a decision's findings), which is read as one whatever
    cattrs' version would make of it."""
    return get_origin(kind) in (tuple, Sequence)


def is_tagged_union(kind: Any) -> bool:
    """A union of attrs classes that each name their tag in a ``TAG`` class variable."""
    args = get_args(kind)
    return (
        get_origin(kind) in (Union, UnionType)
        and len(args) > 1
        and all(isinstance(getattr(arg, "TAG", None), str) for arg in args)
    )


IdFields = tuple[tuple[str, str | None], ...]


def id_fields(kind: Any) -> IdFields:
    """The fields of ``kind`` that hold ids: its ``id`` and ``slug``, each reference
    (:func:`civilsamfund.core._references.refers`), and the key of entries it lists by
    another key than ``id`` (documents by ``file``); each with that key, if any."""
    found: list[tuple[str, str | None]] = []
    for attribute in attrs.fields(kind):
        listed = attribute.metadata.get(ENTRIES)
        if attribute.name in ("id", "slug") or REFERS in attribute.metadata:
            found.append((attribute.name, None))
        elif isinstance(listed, Entries) and listed.key not in (None, "id"):
            found.append((attribute.name, listed.key))
    return tuple(found)


def require_plain_ids(made: object, fields: IdFields) -> None:
    """Refuse an id holding a control character: an id is echoed in every output and
    error, where ``ESC[2J`` would clear the reader's screen."""
    for name, key in fields:
        held = getattr(made, name)
        if key is not None:
            ids = [(f"{name}[{i}].{key}", getattr(entry, key)) for i, entry in enumerate(held)]
        elif isinstance(held, tuple):
            ids = [(f"{name}[{i}]", item) for i, item in enumerate(held)]
        else:
            ids = [(name, held)]
        for where, item in ids:
            if isinstance(item, str) and CONTROL.search(item):
                raise FieldValueError(
                    where, f"expected an id without control characters, got {shown(item)}"
                )
