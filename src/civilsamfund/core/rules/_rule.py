"""Rules: a check as one municipality configures it, with its id, kind and source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from attrs import field, frozen

from civilsamfund.core import Citation, Dated, Text
from civilsamfund.core.rules._check import Check
from civilsamfund.core.rules._findings import RuleKind
from civilsamfund.core.rules._messages import Template

S = TypeVar("S")

CORE = "civilsamfund"
"""The origin of the checks the library itself provides."""


@frozen(kw_only=True, eq=False)
class Rule(Dated, Generic[S]):
    """One version of a configured rule: a check with an id, a kind, a citation and its
    wording in both languages.

    ``templates`` are the check's messages compiled with the municipality's names for
    ids and the labels of the check's facts. ``origin`` names the plugin that gave the
    check, so that a failure in it can name the plugin.
    """

    __eq__ = object.__eq__  # a rule is itself: evaluators keep findings per rule
    __hash__ = object.__hash__

    id: str
    kind: RuleKind
    citation: Citation
    rule: Text
    check: Check[S]
    templates: Mapping[str, Template] = field(repr=False)
    reading: Text | None = None
    origin: str = CORE

    @property
    def subject(self) -> type[Any]:
        """The type of subject the rule judges."""
        return self.check.SUBJECT
