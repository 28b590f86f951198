"""National law every municipality's checks include, shipped once with the library.

``national.toml`` in this package holds the laws cited and the rules they set (the
child-protection certificate, the duty to notify). A municipality adds rules of its
own as usual; in its ``criteria.toml`` it can note where its documents restate a
national rule and its reading of it, or set one aside, which ``check-config`` reports.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from attrs import field, frozen

from civilsamfund.config._sections import CriterionEntry
from civilsamfund.config._validator import Catalogues, problems
from civilsamfund.core import ConfigError, SourceDocument, entries
from civilsamfund.reading import parse_toml, structure

NATIONAL = "national.toml"
NATIONAL_PREFIX = "DK-"
"""What every national rule's id starts with, and no municipality's may."""
SOURCE = f"civilsamfund's national rules ({NATIONAL})"
"""How problems name the national rules."""


@frozen(kw_only=True)
class NationalRules:
    """The laws cited, and the rules national law sets for every municipality."""

    documents: tuple[SourceDocument, ...] = field(metadata=entries("document", key="file"))
    criteria: tuple[CriterionEntry, ...] = field(metadata=entries("criterion", versioned=True))

    @property
    def ids(self) -> tuple[str, ...]:
        """The national rules' ids, in the order of the file."""
        return tuple(dict.fromkeys(entry.id for entry in self.criteria))


@cache
def national_rules() -> tuple[NationalRules, bytes]:
    """The national rules, checked, and the bytes of their file (for fingerprints)."""
    raw = (files(__package__) / NATIONAL).read_bytes()
    national = structure(parse_toml(raw.decode("utf-8"), SOURCE), NationalRules, SOURCE)
    catalogues = Catalogues()
    found = [*catalogues.collect(national)]
    found += [*problems(national, catalogues)]
    found += [
        (f"criteria[{index}].id", f"expected an id starting {NATIONAL_PREFIX!r}, got {entry.id!r}")
        for index, entry in enumerate(national.criteria)
        if not entry.id.startswith(NATIONAL_PREFIX)
    ]
    if found:
        raise ConfigError.in_file(SOURCE, found)  # the library's own file: a bug if it fails
    return national, raw
