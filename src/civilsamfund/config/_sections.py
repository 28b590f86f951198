"""Configuration sections: which keys of which file a model reads, and who checks it.

The core, each domain and any plugin (through the ``civilsamfund_config_sections``
hook) declare the sections they read; the loader reads whatever is declared, so a
new domain adds sections without touching the loader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import attrs
from attrs import field, frozen

from civilsamfund.core import Citation, Dated, SourceDocument, Text, entries
from civilsamfund.core.rules import RuleKind

if TYPE_CHECKING:
    from civilsamfund.config._municipality import Municipality

T = TypeVar("T")

Validation = Callable[[Any, "Municipality"], Iterable[tuple[str, str]]]
"""A section's own checks beyond the shared ones: each problem as a path and a message."""


@frozen(kw_only=True)
class Section(Generic[T]):
    """The keys of one configuration file that one attrs model reads.

    ``model``'s fields are the top-level keys it takes from ``file``; several sections
    may share a file, and a key no section takes is an error. ``required``: the file
    must exist. ``validate`` adds checks of the section's own beyond the shared ones
    (citations, texts in both languages, unique ids, versions, references).
    """

    file: str
    model: type[T]
    required: bool = False
    validate: Validation | None = field(default=None, eq=False)

    def takes(self) -> tuple[str, ...]:
        """The top-level keys the section takes."""
        return tuple(attribute.name for attribute in attrs.fields(cast(Any, self.model)))


MUNICIPALITY = "municipality.toml"
RULES = "criteria.toml"


@frozen(kw_only=True)
class MunicipalityInfo:
    """Who the municipality is, and the public documents its rules cite."""

    slug: str
    name: str
    documents: tuple[SourceDocument, ...] = field(metadata=entries("document", key="file"))


@frozen(kw_only=True)
class CriterionEntry(Dated):
    """One version of a rule in ``criteria.toml``; ``params`` go to its check type."""

    id: str
    type: str
    kind: RuleKind
    citation: Citation
    rule: Text
    reading: Text | None = None
    params: Mapping[str, Any] = field(factory=dict)


@frozen(kw_only=True)
class NationalReading:
    """A municipality's note on a national rule (``[[national]]`` in ``criteria.toml``):
    where its own documents restate the rule, for whoever reads the configuration, and
    its reading of it, which the rule it applies carries after the national reading (as
    :attr:`Rule.reading`). ``set_aside`` gives the reason a municipality does not apply
    the rule; the rule then leaves its checks, and ``check-config`` reports it."""

    criterion: str
    citation: Citation
    reading: Text | None = None
    set_aside: Text | None = None


@frozen(kw_only=True)
class RulesFile:
    """``criteria.toml``: the rules, whatever the subjects they judge, and notes on the
    national rules every municipality's checks include."""

    criteria: tuple[CriterionEntry, ...] = field(
        default=(), metadata=entries("criterion", versioned=True)
    )
    national: tuple[NationalReading, ...] = field(default=(), metadata=entries(key="criterion"))


CORE_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=MUNICIPALITY, model=MunicipalityInfo, required=True),
    Section(file=RULES, model=RulesFile),
)
"""The sections every municipality has, whatever domains it configures."""
