"""References between configured things, declared on the attrs fields that hold them.

A field that lists entries (``criteria``, ``departments``) says so with
:func:`entries`: their ids must be unique, or, for dated versions of one setting,
must not overlap, and they join the catalogue of their kind. A field that names an
entry by id says so with :func:`refers` (of one kind, or one of several, or of the
kind another field chooses). One validator then checks every
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
    """A field naming an entry of ``kind`` or of one of ``also``; ``covered``: the
    entry's versions must be in force on every day the referring item is; ``required``:
    a list that names at least one entry, as a list something is judged by must (the
    validator asks the same of a list field given no default: one the configuration
    must give).

    ``chosen_by``: the field beside this one whose value (an enum's value) says which of
    ``kind`` and ``also`` is named; any other value names no entry.
    """

    kind: str
    covered: bool = False
    also: tuple[str, ...] = ()
    chosen_by: str | None = None
    required: bool = False

    def kinds(self, owner: object) -> tuple[str, ...]:
        """The kinds ``owner``'s field may name."""
        kinds = (self.kind, *self.also)
        if self.chosen_by is None:
            return kinds
        choice = getattr(owner, self.chosen_by)
        choice = getattr(choice, "value", choice)
        return (choice,) if choice in kinds else ()


def what(kinds: tuple[str, ...]) -> str:
    """The kinds in prose: ``committee, council or partner``."""
    names = [kind.replace("_", " ") for kind in kinds]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def entries(
    kind: str | None = None, key: str | None = "id", versioned: bool = False
) -> dict[str, Any]:
    """Field metadata for a tuple of entries identified by ``key``.

    ``kind`` adds their ids to the catalogue others refer to. ``versioned`` items
    are dated versions: items sharing a key must not share a day. ``key=None`` makes
    every item a version of one setting.
    """
    return {ENTRIES: Entries(kind, key, versioned)}


def refers(kind: str, *also: str, covered: bool = False, required: bool = False) -> dict[str, Any]:
    """Field metadata for a field that names entries of ``kind`` (or of any of ``also``)
    by id; ``required``: a list of them that must name at least one (see
    :class:`Reference`)."""
    return {REFERS: Reference(kind, covered, also, required=required)}


def refers_chosen(by: str, *kinds: str) -> dict[str, Any]:
    """Field metadata for a field that names entries of the one of ``kinds`` that the
    field ``by`` holds, and no entries when it holds another value."""
    return {REFERS: Reference(kinds[0], also=kinds[1:], chosen_by=by)}
