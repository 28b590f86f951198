"""A loaded municipality: who it is, where its rules came from, its sections and rules.

It knows no domain: each domain reads its own section (``municipality.section(PoolsFile)``)
and the rules it needs from the rulebook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import attrs
from attrs import field, frozen

from civilsamfund._version import __version__
from civilsamfund.core import (
    AuditRecord,
    Citation,
    Distribution,
    Renamed,
    SourceDocument,
    Text,
    names_on,
)
from civilsamfund.core.rules import Rulebook

T = TypeVar("T")


@frozen(kw_only=True)
class RulesSource:
    """Where a municipality's rules came from: its directory, and what found it there
    (a plugin, ``CIVILSAMFUND_PATH``, or a path given explicitly)."""

    directory: Path
    found_by: str
    distribution: Distribution | None = None
    """The installed package that shipped the directory, if one did. Since 0.3.0."""

    def __str__(self) -> str:
        return f"{self.directory} ({self.found_by})"

    def describe(self) -> str:
        """What found the rules and the directory's name, without the rest of its path
        (which may name a person's home directory)."""
        return f"{self.found_by}: {self.directory.name}"


@frozen(kw_only=True, eq=False)
class Municipality:
    """A municipality's configuration and rules, checked and ready to use.

    Load one with :func:`civilsamfund.load_municipality`. ``fingerprint`` identifies the
    configuration (and the versions of the plugins whose checks it uses) in every
    decision's audit record, with ``source``.
    """

    slug: str
    name: str
    documents: tuple[SourceDocument, ...] = field(repr=False)
    source: RulesSource
    fingerprint: str = field(repr=False)
    rulebook: Rulebook = field(repr=False)
    sections: Mapping[type, Any] = field(repr=False)
    names: Mapping[str, Text] = field(repr=False)
    """What configured ids are called (departments, target groups), for reasons; an
    entry renamed over time as first listed (see :meth:`names_on`)."""
    known: Mapping[str, Mapping[str, object]] = field(repr=False)
    """The configured entries of each kind, by id."""
    national: tuple[str, ...] = field(default=(), repr=False)
    """The national rules this municipality applies (all but those it sets aside), by id:
    each domain includes those that judge its subjects."""

    def national_rules(self, subject: type) -> tuple[str, ...]:
        """The ids of the national rules applied here that judge ``subject``."""
        return tuple(
            rule_id
            for rule_id in self.national
            if any(rule.subject is subject for rule in self.rulebook.versions(rule_id))
        )

    renamed: Mapping[str, Renamed] = field(factory=dict, repr=False)
    """The ids whose dated versions are called differently over time, with their names."""

    @property
    def directory(self) -> Path:
        """The directory the configuration was read from."""
        return self.source.directory

    def section(self, model: type[T]) -> T:
        """The configuration read by the section whose model is ``model``."""
        try:
            value: T = self.sections[model]
        except KeyError:
            raise LookupError(f"no configuration section reads {model.__name__}") from None
        return value

    def names_on(self, on: date) -> Mapping[str, Text]:
        """What configured ids are called on ``on``: a department renamed over time by
        its name that day."""
        return names_on(self.names, self.renamed, on)

    def entry_names(self, kinds: Iterable[str], on: date) -> dict[str, Text]:
        """What the configured entries of ``kinds`` (``"committee"``, ``"forum"``) are
        called on ``on``."""
        names = self.names_on(on)
        return {
            key: names[key] for kind in kinds for key in self.known.get(kind, {}) if key in names
        }

    def document(self, file: str) -> SourceDocument | None:
        """The source document cited as ``file``."""
        return next((document for document in self.documents if document.file == file), None)

    def titled(self, citation: Citation) -> Citation:
        """``citation`` (read from input, not configuration) with its document's title,
        so that a text can cite it as configuration's citations are cited."""
        document = self.document(citation.document)
        return citation if document is None else attrs.evolve(citation, title=document.title)

    def titles(self, cited: Iterable[str]) -> dict[str, Text]:
        """The titles of the ``cited`` documents by file, as a decision's ``names`` give
        them (a title is the same in both languages)."""
        files = set(cited)
        return {d.file: Text(da=d.title, en=d.title) for d in self.documents if d.file in files}

    def audit(self, on: date) -> AuditRecord:
        """The audit record of a decision made by the rules in force on ``on``."""
        return AuditRecord(
            library_version=__version__,
            municipality=self.slug,
            rules_date=on,
            config_fingerprint=self.fingerprint,
            rules_source=self.source.describe(),
            distribution=self.source.distribution,
        )
