"""References between configured things, declared on the attrs fields that hold them.

A field that lists entries (``criteria``, ``departments``) says so with
:func:`entries`: their ids must be unique, or, for dated versions of one setting,
must not overlap, and they join the catalogue of their kind. A field that names an
entry by id says so with :func:`refers`. One validator then checks every
configuration and every subject alike, whatever its domain.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

ENTRIES = "civilsamfund.entries"
REFERS = "civilsamfund.refers"


@frozen
class Entries:
    """How a tuple field's items are identified: by ``key``, as entries of ``kind``."""

    kind: str | None
    key: str | None = "id"
    versioned: bool = False


@frozen
class Reference:
    """A field naming an entry of ``kind``; ``covered``: the entry's versions must be in
    force on every day the referring item is."""

    kind: str
    covered: bool = False


def entries(
    kind: str | None = None, key: str | None = "id", versioned: bool = False
) -> dict[str, Any]:
    """Field metadata for a tuple of entries identified by ``key``.

    ``kind`` adds their ids to the catalogue others refer to. ``versioned`` items
    are dated versions: items sharing a key must not share a day. ``key=None`` makes
    every item a version of one setting.
    """
    return {ENTRIES: Entries(kind, key, versioned)}


def refers(kind: str, covered: bool = False) -> dict[str, Any]:
    """Field metadata for a field that names entries of ``kind`` by id."""
    return {REFERS: Reference(kind, covered)}
