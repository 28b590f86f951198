"""Reading grant applications from files, JSON text or parsed data.

Reading goes through the pipeline's readers (:mod:`civilsamfund.pipeline`): regular
files only, within the limits, JSON strict (each key once), every string screened
for CPR numbers, ids unique. Every problem names the file and the path to the field.
"""

from __future__ import annotations

from pathlib import Path

from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.plugins import Items
from civilsamfund.reading import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    is_stream,
    parse_json,
    require_values,
    stream_items,
    structured,
)

APPLICATIONS = Items(key="applications", model=GrantApplication, error=ApplicationError)
"""Grant applications as documents hold them: a list, or ``applications``."""


def read_applications(
    path: str | Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[GrantApplication, ...]:
    """Read the applications in a ``.toml``, ``.json`` or ``.jsonl`` file.

    TOML holds an ``[[applications]]`` array; JSON a list of applications or an object
    with an ``applications`` list; JSON Lines one application per line. Raises
    :class:`ApplicationError` naming the file and the path of every problem.
    """
    if is_stream(path):
        items = [item for _, item in stream_items(path, limits, ApplicationError)]
        source = str(path)
        document = Document(source=source, path="", items=items)
    else:
        return APPLICATIONS.read(path, limits)
    return structure_document(document, limits)


def applications_from_json(
    text: str, source: str = "<json>", limits: Limits = DEFAULT_LIMITS
) -> tuple[GrantApplication, ...]:
    """Read applications from a JSON document; numbers are read as exact decimals."""
    require_values(text, limits.max_values, source, ApplicationError)
    data = parse_json(text, source, ApplicationError, depth=limits.max_depth)
    return applications_from_data(data, source, limits)


def applications_from_data(
    data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
) -> tuple[GrantApplication, ...]:
    """Structure already parsed data (a list, or a table with ``applications``)."""
    return APPLICATIONS.from_data(data, source, limits)


def structure_document(
    document: Document, limits: Limits = DEFAULT_LIMITS
) -> tuple[GrantApplication, ...]:
    """Structure a document's applications, reporting every problem at once."""
    return structured(document, GrantApplication, ApplicationError, limits)
