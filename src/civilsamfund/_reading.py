"""Reading grant applications from TOML or JSON files and documents."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ._application import GrantApplication
from ._converter import structure
from ._errors import ApplicationError
from ._toml import parse_toml


def read_applications(path: str | Path) -> tuple[GrantApplication, ...]:
    """Read the applications in a ``.toml`` or ``.json`` file.

    TOML holds an ``[[applications]]`` array; JSON a list of applications or an
    object with an ``applications`` list. Raises :class:`ApplicationError` naming the
    file and the path of every problem.
    """
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ApplicationError.in_file(source, [f"cannot be read: {exc}"]) from None
    if path.suffix.lower() == ".toml":
        return applications_from_data(parse_toml(text, source, ApplicationError), source)
    if path.suffix.lower() == ".json":
        return applications_from_json(text, source)
    raise ApplicationError.in_file(source, ["expected a file ending in .toml or .json"])


def applications_from_json(text: str, source: str = "<json>") -> tuple[GrantApplication, ...]:
    """Read applications from a JSON document; numbers are read as exact decimals."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ApplicationError.in_file(source, [f"not valid JSON: {exc}"]) from None
    return applications_from_data(data, source)


def applications_from_data(data: object, source: str = "<data>") -> tuple[GrantApplication, ...]:
    """Structure already parsed data (a list, or a table with ``applications``)."""
    path = ""
    items: Any = data
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"applications"})
        if unknown or "applications" not in data:
            raise ApplicationError.in_file(
                source, [f"expected a table with only 'applications', got keys {unknown}"]
            )
        items, path = data["applications"], "applications"
    if not isinstance(items, list):
        raise ApplicationError.in_file(source, [f"{path or '(top level)'}: expected a list"])
    applications = structure(
        items, tuple[GrantApplication, ...], source, path, error=ApplicationError
    )
    _unique_ids(applications, source, path)
    return applications


def _unique_ids(applications: Sequence[GrantApplication], source: str, path: str) -> None:
    seen: dict[str, int] = {}
    problems = []
    for index, application in enumerate(applications):
        if application.id in seen:
            problems.append(
                f"{path}[{index}].id: expected a unique id, {application.id!r} is also "
                f"at {path}[{seen[application.id]}]"
            )
        seen.setdefault(application.id, index)
    if problems:
        raise ApplicationError.in_file(source, problems)
