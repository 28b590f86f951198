"""Reading grant applications from TOML or JSON files and documents.

Reading happens in two steps: parsing a document into its raw items (cheap, and
enough to check its shape and that ids are unique), then structuring items into
:class:`GrantApplication` objects, which a batch can spread over processes.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from attrs import frozen

from civilsamfund.config._converter import structure_items
from civilsamfund.config._toml import parse_toml
from civilsamfund.core._errors import ApplicationError
from civilsamfund.grants._application import GrantApplication


@frozen(kw_only=True)
class RawApplications:
    """A document's applications, parsed but not yet structured."""

    source: str
    path: str
    """Where the list sits in the document: ``applications``, or ``""`` for a bare list."""
    items: list[Any]


def read_applications(path: str | Path) -> tuple[GrantApplication, ...]:
    """Read the applications in a ``.toml`` or ``.json`` file.

    TOML holds an ``[[applications]]`` array; JSON a list of applications or an
    object with an ``applications`` list. Raises :class:`ApplicationError` naming the
    file and the path of every problem.
    """
    return structure_applications(parse_applications(path))


def applications_from_json(text: str, source: str = "<json>") -> tuple[GrantApplication, ...]:
    """Read applications from a JSON document; numbers are read as exact decimals."""
    return structure_applications(_raw(_json(text, source), source))


def applications_from_data(data: object, source: str = "<data>") -> tuple[GrantApplication, ...]:
    """Structure already parsed data (a list, or a table with ``applications``)."""
    return structure_applications(_raw(data, source))


def parse_applications(path: str | Path) -> RawApplications:
    """Parse a ``.toml`` or ``.json`` application file into its raw items."""
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise ApplicationError.at(source, "", "expected a file ending in .toml or .json")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ApplicationError.at(source, "", f"cannot be read: {exc}") from None
    if suffix == ".toml":
        return _raw(parse_toml(text, source, ApplicationError), source)
    return _raw(_json(text, source), source)


def structure_applications(
    raw: RawApplications, start: int = 0, stop: int | None = None
) -> tuple[GrantApplication, ...]:
    """Structure the items from ``start`` to ``stop``, reporting every problem at once."""
    return tuple(
        structure_items(
            raw.items, GrantApplication, raw.source, raw.path, ApplicationError, start, stop
        )
    )


def _json(text: str, source: str) -> object:
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ApplicationError.at(source, "", f"not valid JSON: {exc}") from None


def _raw(data: object, source: str) -> RawApplications:
    path = ""
    items = data
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"applications"})
        if unknown or "applications" not in data:
            raise ApplicationError.at(
                source, "", f"expected a table with only 'applications', got keys {unknown}"
            )
        items, path = data["applications"], "applications"
    if not isinstance(items, list):
        raise ApplicationError.at(source, path or "(top level)", "expected a list")
    raw = RawApplications(source=source, path=path, items=items)
    _unique_ids(raw)
    return raw


def _unique_ids(raw: RawApplications) -> None:
    seen: dict[object, int] = {}
    problems: list[tuple[str, str]] = []
    for index, item in enumerate(raw.items):
        key = item.get("id") if isinstance(item, dict) else None
        if not isinstance(key, str):
            continue
        if key in seen:
            problems.append(
                (
                    f"{raw.path}[{index}].id",
                    f"expected a unique id, {key!r} is also at {raw.path}[{seen[key]}]",
                )
            )
        seen.setdefault(key, index)
    if problems:
        raise ApplicationError.in_file(raw.source, problems)
