"""A domain as one record: what it judges, how, and everything the library builds from it.

A domain (grants, volunteers, awards, organisation, strategy, or a plugin's own) is a
:class:`Domain` contributed through the ``civilsamfund_domains`` hook. From the records
the library builds its batch commands, ``schema``, policy cases, conformance, the
Hypothesis registration and ``testing.violating``; nothing outside a domain names it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from attrs import field, frozen

from civilsamfund.config._municipality import Municipality
from civilsamfund.config._sections import Section
from civilsamfund.core._errors import InputError, Problems
from civilsamfund.core._text import Language
from civilsamfund.core.rules._check import Check
from civilsamfund.pipeline._batch import Inputs, Output, Steps, write
from civilsamfund.pipeline._output import layout_for
from civilsamfund.plugins._command import Command, JsonSchema
from civilsamfund.reading._converter import structurer
from civilsamfund.reading._documents import document_from_data, read_document, structured
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits

A = TypeVar("A")
S = TypeVar("S")
P = TypeVar("P")
D = TypeVar("D")
T = TypeVar("T")


@frozen(kw_only=True)
class Items(Generic[S]):
    """A domain's items as documents hold them: a list, or a table's list under ``key``."""

    key: str
    """The key a document's list may sit under (``tasks``)."""
    model: type[S]
    error: type[InputError]
    """What bad input raises, naming the file and the path to the field."""

    def read(self, path: str | Path, limits: Limits = DEFAULT_LIMITS) -> tuple[S, ...]:
        """The items of a ``.toml`` or ``.json`` file; raises :attr:`error` naming every
        problem."""
        document = read_document(path, self.key, limits, self.error)
        return structured(document, self.model, self.error, limits)

    def from_data(
        self, data: object, source: str = "<data>", limits: Limits = DEFAULT_LIMITS
    ) -> tuple[S, ...]:
        """The items of already parsed data (a list, or a table with :attr:`key`)."""
        document = document_from_data(data, self.key, source, limits, self.error)
        return structured(document, self.model, self.error, limits)

    def each(self, judge: Callable[[S], object]) -> Callable[[Path], None]:
        """A judge of every item of a document: a problem names the file and the item's
        path (``proposals[0].on``), as a batch's would."""

        def each(path: Path) -> None:
            document = read_document(path, self.key, error=self.error)
            found = Problems()
            for index, item in enumerate(structured(document, self.model, self.error)):
                try:
                    judge(item)
                except InputError as exc:
                    placed = exc.within(document.source, document.where(index))
                    found.extend(placed.problems, placed.more)
            found.raise_as(self.error)

        return each


@frozen(kw_only=True)
class Batch(Generic[A, S, P, D]):
    """How a batch judges a domain's items: an assessor made once per batch prepares
    each item (checking it can be judged) and decides it; a renderer per format."""

    items: Items[S]
    assessor: Callable[[Municipality], A] = field(eq=False)
    prepare: Callable[[A, S, date | None], P] = field(eq=False)
    """Check the item can be judged on the day (``None``: its own), or raise."""
    decide: Callable[[A, P], D] = field(eq=False)
    identify: Callable[[P], str] = field(eq=False)
    renderers: Mapping[str, Callable[[D, Language], str]] = field(eq=False)
    """Each ``--format`` by name (``text``, ``json``)."""

    def steps(
        self, municipality: Municipality, on: date | None, format: str, language: Language
    ) -> Steps[P]:
        """The pipeline's steps for a batch judged on ``on`` in ``format``."""
        assessor = self.assessor(municipality)
        read = structurer(self.items.model, self.items.error)
        render = self.renderers[format]
        prepare, decide, error = self.prepare, self.decide, self.items.error

        def prepared(item: Any, source: str, path: str) -> P:
            subject = read(item, source, path)
            try:
                return prepare(assessor, subject, on)
            except error as exc:
                raise exc.within(source, path) from None

        return Steps(
            key=self.items.key,
            prepare=prepared,
            judge=lambda item: render(decide(assessor, item), language).encode(),
            identify=self.identify,
            error=error,
        )

    def write(
        self,
        municipality: Municipality,
        files: Sequence[str | Path],
        output: Output = None,
        *,
        format: str = "json",
        language: Language = "da",
        on: date | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> int:
        """Judge the items in ``files`` and write every result; returns the count.

        ``output``: a path, replaced only once every result is written, or a stream
        (default: standard output).
        """
        layout = layout_for(format, tuple(self.renderers))
        steps = self.steps(municipality, on, format, language)
        return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)


@frozen(kw_only=True)
class Mismatch:
    """One way a decision differs from what its policy case expects."""

    field: str
    expected: object
    got: object


@frozen(kw_only=True)
class Cases(Generic[S, D]):
    """How policy cases of a domain give and decide their subject.

    A case gives its subject under :attr:`key`; :attr:`expect` is an attrs class of
    what only this domain's decisions give (each field optional, ``None`` when a case
    leaves it out), compared by :attr:`compare`.
    """

    key: str
    """The key a case gives its subject under (``task``)."""
    what: str
    """The subject as a case file's reader calls it (``a volunteer task``)."""
    model: type[S]
    error: type[InputError]
    decide: Callable[[Municipality, S, date | None], D] = field(eq=False)
    expect: type[Any] | None = None
    compare: Callable[[Any, D], Iterator[Mismatch]] | None = field(default=None, eq=False)


ExampleJudge = Callable[[Municipality], Callable[[Path], object]]
"""Given the municipality, a judge of one example file; a problem it raises is the
municipality's own (``check-config`` reports it)."""


@frozen(kw_only=True)
class Domain:
    """One domain of the house, all it declares in one place.

    ``key`` names it (``volunteers``); ``subject`` is what its rules judge. The
    sections, check types, commands and schemas are the domain's contributions, as a
    plugin's own hooks give them. ``examples`` maps each folder below a municipality's
    ``examples`` to a judge of its files; ``cases`` says how policy cases give and
    decide its subject; ``testing`` names the module (imported with the ``test`` extra)
    whose ``STRATEGIES`` maps each model to a Hypothesis strategy and whose
    ``violating(municipality, criterion, **options)``, when given, builds subjects that
    break one rule.
    """

    key: str
    subject: type[Any]
    error: type[InputError]
    sections: Sequence[Section[Any]] = ()
    checks: Mapping[str, type[Check[Any]]] = field(factory=dict)
    commands: Sequence[Command] = ()
    schemas: Sequence[JsonSchema] = ()
    examples: Mapping[str, ExampleJudge] = field(factory=dict, eq=False)
    cases: Sequence[Cases[Any, Any]] = ()
    testing: str | None = None

    @property
    def name(self) -> str:
        """The domain's key, as a duplicate is reported."""
        return self.key
