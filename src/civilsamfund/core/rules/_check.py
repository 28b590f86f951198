"""The rule engine's vocabulary: checks, verdicts, configured criteria and their context.

A *check* is the logic of one kind of rule (an attrs class whose fields are its
parameters). A *criterion* is a check as a municipality configures it: an id, a kind,
a citation, the rule in both languages and the dates it is in force.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Protocol

from attrs import field, frozen

from civilsamfund.core._dates import Dated
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core.rules._findings import FactValue, Finding, RuleKind, Status
from civilsamfund.core.rules._messages import Template

if TYPE_CHECKING:
    from civilsamfund.grants._application import GrantApplication
    from civilsamfund.grants._config import MunicipalityConfig, Pool

MISSING = "missing"
"""The message every check uses when facts it needs are not given."""

MISSING_TEXT = Text(
    da="Ansøgningen mangler oplysninger om: {missing:facts}.",
    en="The application does not give: {missing:facts}.",
)


@frozen(kw_only=True)
class Verdict:
    """What a check concludes: a status, the message to explain it and the facts used."""

    status: Status
    message: str
    facts: Mapping[str, FactValue] = field(factory=dict)
    missing: tuple[str, ...] = ()


def missing(*names: str, **facts: FactValue) -> Verdict:
    """A flag for facts the application does not give; never a silent default."""
    return Verdict(
        status=Status.FLAG,
        message=MISSING,
        facts={**facts, **dict.fromkeys(names), "missing": names},
        missing=names,
    )


@frozen(kw_only=True)
class Context:
    """What a check may look at besides the application."""

    municipality: MunicipalityConfig
    pool: Pool
    on: date


class Check(Protocol):
    """The logic of one kind of criterion.

    Implementations are attrs classes: their fields are the parameters a municipality
    sets under ``params`` in ``criteria.toml``. ``MESSAGES`` maps each message a
    verdict may name to its template in both languages.
    """

    MESSAGES: ClassVar[Mapping[str, Text]]

    def evaluate(self, application: GrantApplication, context: Context) -> Verdict:
        """Check one application; read facts, never change them."""
        ...


class KeyedCheck(Check, Protocol):
    """A check that says which facts it reads, so equal facts reuse one finding.

    ``key`` returns everything from the application that ``evaluate`` reads, as the
    facts will record it (a decimal by its written form: ``0.5`` and ``0.50`` are
    equal numbers, yet facts say which was given); the check promises to read nothing
    else but its parameters and the municipality's configuration (not the assessment
    date, nor the pool). Leave ``key`` out when in doubt: the check is then simply
    evaluated every time.
    """

    def key(self, application: GrantApplication) -> Hashable:
        """The facts ``evaluate`` reads, as one hashable value."""
        ...


class Memo:
    """Findings by key, kept while keeping them pays.

    A check whose keys rarely repeat (amounts, dates) would fill memory for nothing:
    once ``TRIAL`` findings are kept, new ones are kept only while at least one lookup
    in four has found a finding, and never more than ``LIMIT``.
    """

    TRIAL = 5_000
    LIMIT = 100_000
    __slots__ = ("findings", "hits", "lookups")

    def __init__(self) -> None:
        self.findings: dict[Hashable, Finding] = {}
        self.lookups = 0
        self.hits = 0

    def get(self, key: Hashable) -> Finding | None:
        """The finding made for ``key`` before, if kept."""
        self.lookups += 1
        found = self.findings.get(key)
        if found is not None:
            self.hits += 1
        return found

    def offer(self, key: Hashable, finding: Finding) -> None:
        """Keep ``finding`` for ``key`` if keeping pays."""
        size = len(self.findings)
        if size < self.TRIAL or (size < self.LIMIT and 4 * self.hits >= self.lookups):
            self.findings[key] = finding

    def clear(self) -> None:
        """Forget every finding and count."""
        self.findings.clear()
        self.lookups = self.hits = 0


@frozen(kw_only=True)
class Rule(Dated):
    """A check as one municipality configures it."""

    id: str
    kind: RuleKind
    citation: Citation
    rule: Text
    check: Check
    templates: Mapping[str, Template] = field(eq=False, repr=False)
    """Each message of the check, prefixed by ``rule``: what a finding's reason says."""
    reading: Text | None = None
    origin: str = "civilsamfund"
    """The plugin that supplied the check, to name it if the check fails."""
    memo: Memo = field(init=False, factory=lambda: Memo(), eq=False, repr=False)
    """Findings already made, by the check's key (for checks that have one)."""
    key_of: Callable[[GrantApplication], Hashable] | None = field(
        init=False, default=None, eq=False, repr=False
    )
    """The check's ``key`` method, if it has one."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "key_of", getattr(self.check, "key", None))
