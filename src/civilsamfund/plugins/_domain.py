"""A domain as one record: what it judges, how, and everything the library builds from it.

A domain (grants, volunteers, awards, organisation, strategy, or a plugin's own) is a
:class:`Domain` contributed through the ``civilsamfund_domains`` hook. From the records
the library builds its batch commands, ``schema``, policy cases, conformance, the
Hypothesis registration and ``testing.violating``; nothing outside a domain names it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any, Generic, TextIO, TypeVar, cast

import attrs
from attrs import Attribute, field, frozen
from attrs.validators import (
    deep_iterable,
    deep_mapping,
    instance_of,
    is_callable,
    matches_re,
    optional,
)

from civilsamfund.config import Municipality, Section
from civilsamfund.core import (
    DIALECT,
    InputError,
    InvalidValueError,
    Language,
    Problems,
    SchemaBuilder,
    compact_json,
    input_schema,
    output_schema,
    projected,
)
from civilsamfund.core.rules import Check
from civilsamfund.pipeline import END_RECORD_SCHEMA, Inputs, Output, Steps, layout_for, write
from civilsamfund.plugins._command import (
    Command,
    JsonSchema,
    check_options,
    fixed,
    judge_files,
)
from civilsamfund.reading import (
    DEFAULT_LIMITS,
    Limits,
    document_from_data,
    read_document,
    structured,
    structurer,
)

A = TypeVar("A")
S = TypeVar("S")
P = TypeVar("P")
D = TypeVar("D")
T = TypeVar("T")


def _each(kind: type) -> Callable[[object, Attribute[Any], object], None]:
    """A validator of a list or tuple of ``kind``: a plugin's record is checked when
    it is made, not when a command meets it."""
    return deep_iterable(instance_of(kind), instance_of((list, tuple)))


CASE_FIELDS = frozenset({"name", "expect", "on", "replace"})
"""What every policy case gives besides its subject: no domain's key for it."""


def _case_key(_: object, attribute: Attribute[Any], value: object) -> None:
    if not (isinstance(value, str) and value.isidentifier()) or value in CASE_FIELDS:
        raise ValueError(
            f"a case key must be a name other than {', '.join(sorted(CASE_FIELDS))}, got {value!r}"
        )


def _attrs_class(_: object, attribute: Attribute[Any], value: object) -> None:
    if not (isinstance(value, type) and attrs.has(value)):
        raise TypeError(f"{attribute.name} must be an attrs class, got {value!r}")


@frozen(kw_only=True)
class Items(Generic[S]):
    """A domain's items as documents hold them: a list, or a table's list under ``key``."""

    key: str
    """The key a document's list may sit under (``tasks``)."""
    model: type[S] = field(validator=_attrs_class)
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

    def schema(self, title: str) -> dict[str, Any]:
        """The JSON Schema of a document of these items: a list, or a table's list."""
        builder = SchemaBuilder(document=False)
        items = builder.schema(self.model)
        return input_schema(title, self.key, items, builder.defs)

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


def decisions_schema(decision: type[Any], title: str) -> dict[str, Any]:
    """The JSON Schema of ``--format json``: a list of ``decision`` documents."""
    builder = SchemaBuilder(document=True, documents=(decision,))
    items = builder.schema(decision)
    return output_schema(title, items, builder.defs)


def _prepare(assessor: Any, subject: Any, on: date | None) -> Any:
    """What most assessors do to ready an item: ``assessor.prepare(subject, on)``."""
    return assessor.prepare(subject, on)


def _decide(assessor: Any, prepared: Any) -> Any:
    """What most assessors do with a prepared item: ``decide(rules, subject, day)``."""
    return assessor.decide(*prepared)


def _identify(prepared: Any) -> str:
    """A prepared item's id, for the most common preparation: ``(rules, subject, day)``."""
    identity: str = prepared[1].id
    return identity


def document_json(decision: Any, language: Language) -> str:
    """A decision as one compact JSON document: its public fields, texts in ``language``
    (the projection a batch's generated schema describes), and the ``language``."""
    return compact_json({**projected(decision, language), "language": language})


@frozen(kw_only=True)
class Batch(Generic[A, S, P, D]):
    """How a batch judges a domain's items: an assessor made once per batch prepares
    each item (checking it can be judged) and decides it; a renderer per format, JSON
    Lines (with its end record) wherever there is JSON. ``decision`` is the type of
    what is decided, for the JSON Schema of :func:`document_json`'s documents."""

    items: Items[S]
    assessor: Callable[[Municipality], A] = field(eq=False)
    prepare: Callable[[A, S, date | None], P] = field(eq=False, default=_prepare)
    """Check the item can be judged on the day (``None``: its own), or raise (default:
    ``assessor.prepare(subject, on)``)."""
    decide: Callable[[A, P], D] = field(eq=False, default=_decide)
    """Decide a prepared item (default: ``assessor.decide(*prepared)``)."""
    identify: Callable[[P], str] = field(eq=False, default=_identify)
    """A prepared item's id, as an error names it (default: ``prepared[1].id``)."""
    renderers: Mapping[str, Callable[[D, Language], str]] = field(
        eq=False, factory=lambda: {"json": document_json}
    )
    """Each ``--format`` by name (``text``, ``json``); a JSON renderer writes one line."""
    decision: type[D] | None = None
    dated: bool = True
    """Whether a day may be given, whose rules judge every item; else each is judged as
    it stands (design meetings are summed up as they were held)."""

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats a batch writes: its renderers', and ``jsonl`` with ``json``."""
        return (*self.renderers, *(("jsonl",) if "json" in self.renderers else ()))

    def judge(self, municipality: Municipality) -> Callable[[Path], None]:
        """A judge of every item of one file on its own day, as ``check-config`` judges
        a municipality's examples: a problem names the file and the item's path."""
        assessor = self.assessor(municipality)
        prepare, decide = self.prepare, self.decide
        return self.items.each(lambda item: decide(assessor, prepare(assessor, item, None)))

    def steps(
        self, municipality: Municipality, on: date | None, format: str, language: Language
    ) -> Steps[P]:
        """The pipeline's steps for a batch judged on ``on`` in ``format``."""
        assessor = self.assessor(municipality)
        read = structurer(self.items.model, self.items.error)
        render = self.renderers["json" if format == "jsonl" else format]
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
        (default: standard output). ``format`` is one of :attr:`formats`; ``on`` the day
        whose rules judge every item (default: each item's own), where the batch is
        :attr:`dated`. Raises the items' error (:attr:`Items.error`) for bad input,
        naming the file and the path to the field.
        """
        if on is not None and not self.dated:
            raise InvalidValueError(f"{self.items.key} are judged as they stand: give no day")
        layout = layout_for(format, self.formats)
        steps = self.steps(municipality, on, format, language)
        return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)


@frozen(kw_only=True)
class Mismatch:
    """One way a decision differs from what its policy case expects."""

    field: str
    expected: object
    got: object


_READS, _MATCHES = "civilsamfund.reads", "civilsamfund.matches"


def reads(
    got: Callable[[D], T], matches: Callable[[Any, T], bool] | None = None
) -> dict[str, object]:
    """The metadata of a field of a :class:`Cases` expectation: ``got`` reads the
    decision's value, compared with the expected one as plain JSON values (an enum by
    its value, a tuple as a list), or by ``matches(expected, got)`` where given."""
    return {_READS: got, _MATCHES: matches}


def plain(value: object) -> object:
    """A value as a case file writes it: an enum by its value, a sequence (a tuple, a
    list, findings) as a list."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [plain(item) for item in value]
    return value


def compared(expect: Any, decision: Any) -> Iterator[Mismatch]:
    """Each field ``expect`` gives (not ``None``) that the decision does not match, as
    the field's :func:`reads` reads and matches it."""
    for attribute in attrs.fields(type(expect)):
        wanted = getattr(expect, attribute.name)
        if wanted is None:
            continue
        got = attribute.metadata[_READS](decision)
        matches = attribute.metadata.get(_MATCHES)
        if not (matches(wanted, got) if matches else plain(wanted) == plain(got)):
            yield Mismatch(field=attribute.name, expected=plain(wanted), got=plain(got))


def _expectation(cases: Cases[Any, Any], attribute: Attribute[Any], value: object) -> None:
    """Each field of an expectation is ``None`` unless a case gives it, and says what it
    reads of a decision where the cases give no compare of their own."""
    if value is None:
        return
    _attrs_class(cases, attribute, value)
    for declared in attrs.fields(cast(type, value)):
        if declared.default is not None:
            raise TypeError(f"{attribute.name}: the field {declared.name!r} must default to None")
        if cases.compare is None and _READS not in declared.metadata:
            raise TypeError(
                f"{attribute.name}: the field {declared.name!r} must say what it reads of a "
                "decision (metadata=civilsamfund.plugins.reads(...)), or the cases give "
                "their own compare"
            )


@frozen(kw_only=True)
class Cases(Generic[S, D]):
    """How policy cases of a domain give and decide their subject.

    A case gives its subject under :attr:`key`; :attr:`expect` is an attrs class of
    what only this domain's decisions give (each field optional, ``None`` when a case
    leaves it out), each field saying what it reads of a decision (:func:`reads`), or
    compared by :attr:`compare` where given.
    """

    key: str = field(validator=_case_key)
    """The key a case gives its subject under (``task``)."""
    what: str
    """The subject as a case file's reader calls it (``a volunteer task``)."""
    model: type[S] = field(validator=_attrs_class)
    error: type[InputError]
    decide: Callable[[Municipality, S, date | None], D] = field(eq=False)
    compare: Callable[[Any, D], Iterator[Mismatch]] | None = field(default=None, eq=False)
    expect: type[Any] | None = field(default=None, validator=_expectation)

    def mismatches(self, expected: Any, decision: D) -> list[Mismatch]:
        """How ``decision`` differs from ``expected``, an instance of :attr:`expect`."""
        return list((self.compare or compared)(expected, decision))


ExampleJudge = Callable[[Municipality], Callable[[Path], object]]
"""Given the municipality, a judge of one example file; a problem it raises is the
municipality's own (``check-config`` reports it)."""


_NAME = r"[a-z][a-z0-9-]*"
"""A command's, an action's or a schema's name."""


def _pair(each: Callable[[Any, Attribute[Any], Any], None]) -> Callable[..., None]:
    """A validator of a tuple of two, each valid by ``each``."""

    def pair(instance: object, attribute: Attribute[Any], value: object) -> None:
        if not (isinstance(value, tuple) and len(value) == 2):
            raise ValueError(f"{attribute.name} must be a tuple of two, got {value!r}")
        for item in value:
            each(instance, attribute, item)

    return pair


@frozen(kw_only=True)
class Checking:
    """How the command line offers a domain's batch: the action (``KEY check``) and the
    names and titles of the JSON Schemas of what it reads and what it writes; the
    schema of a JSON Lines line is named as the decisions' with ``-line``. Each made
    from the domain's key and its items where left out."""

    action: str = field(default="check", validator=matches_re(_NAME))
    help: str | None = field(default=None, validator=optional(instance_of(str)))
    schemas: tuple[str, str] | None = field(
        default=None, validator=optional(_pair(matches_re(_NAME)))
    )
    """The input's and the decisions' schema names (default: ``KEY``, ``KEY-decision``)."""
    builds: tuple[Callable[[], dict[str, Any]], Callable[[], dict[str, Any]]] | None = field(
        default=None, validator=optional(_pair(is_callable()))
    )
    """What makes the input's and the decisions' schemas, where the domain makes its own."""


@frozen(kw_only=True)
class Domain:
    """One domain of the house, all it declares in one place.

    ``key`` names it (``volunteers``) and its command, ``civilsamfund KEY ACTION``;
    ``subject`` is what its rules judge. The sections, check types, commands and
    schemas are the domain's contributions, as a plugin's own hooks give them;
    ``actions`` are those of its command besides the batch's (``checking`` names
    that one). ``examples`` maps each folder below a municipality's ``examples`` to a
    judge of its files; ``cases`` says how policy cases give and decide its subject;
    ``testing`` names the module (imported with the ``test`` extra) whose
    ``STRATEGIES`` maps each model to a Hypothesis strategy and whose
    ``violating(municipality, criterion, **options)``, when given, builds subjects that
    break one rule.
    """

    key: str = field(validator=matches_re(_NAME))
    subject: type[Any] = field(validator=_attrs_class)
    error: type[InputError]
    help: str | None = None
    """One line of help for ``civilsamfund KEY`` (default: what its batch checks)."""
    sections: Sequence[Section[Any]] = field(default=(), validator=_each(Section))
    checks: Mapping[str, type[Check[Any]]] = field(
        factory=dict, validator=deep_mapping(instance_of(str), instance_of(type))
    )
    commands: Sequence[Command] = field(default=(), validator=_each(Command))
    actions: Sequence[Command] = field(default=(), validator=_each(Command))
    schemas: Sequence[JsonSchema] = field(default=(), validator=_each(JsonSchema))
    examples: Mapping[str, ExampleJudge] = field(
        factory=dict, eq=False, validator=deep_mapping(instance_of(str), is_callable())
    )
    batch: Batch[Any, Any, Any, Any] | None = field(
        default=None, validator=optional(instance_of(Batch))
    )
    checking: Checking = field(factory=Checking, validator=instance_of(Checking))
    cases: Sequence[Cases[Any, Any]] = field(default=(), validator=_each(Cases))
    testing: str | None = field(default=None, validator=optional(instance_of(str)))

    def __attrs_post_init__(self) -> None:
        """What the command line makes of the record must be what it says: no action
        given twice (the batch's included), none dropped for a command of the key's own
        name, and a line of help where no batch says what the command checks."""
        names = [action.name for action in self.actions]
        if self.batch is not None:
            names.insert(0, self.checking.action)
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"domain {self.key!r}: the action {twice[0]!r} is given twice")
        if self._own_command and (self.actions or self.help or self.checking != Checking()):
            raise ValueError(
                f"domain {self.key!r} gives a command named {self.key!r} itself: its actions, "
                "help and checking would not be used"
            )
        if self.actions and self.batch is None and self.help is None:
            raise ValueError(f"domain {self.key!r} has actions and no batch: give its help")

    @property
    def cli_commands(self) -> tuple[Command, ...]:
        """The domain's commands, and ``KEY`` with its actions and its batch's check,
        unless one of its commands is itself named ``KEY``."""
        if self._own_command or not (self.batch or self.actions):
            return tuple(self.commands)
        return (*self.commands, _group(self))

    @property
    def json_schemas(self) -> tuple[JsonSchema, ...]:
        """The domain's schemas, and those of its batch's input and output when the
        command line's check is made from it."""
        if self._own_command or self.batch is None:
            return tuple(self.schemas)
        return (*self.schemas, *_batch_schemas(self.key, self.batch, self.checking))

    @property
    def _own_command(self) -> bool:
        return any(command.name == self.key for command in self.commands)

    @property
    def name(self) -> str:
        """The domain's key, as a duplicate is reported."""
        return self.key


def _group(domain: Domain) -> Command:
    """``civilsamfund KEY ACTION``: the domain's own actions, and its batch's check
    (the items of files judged and written, whole or not at all, in every format)."""
    batch, checking = domain.batch, domain.checking
    given = (_check_action(batch, checking),) if batch is not None else ()
    actions: dict[str, Command] = {action.name: action for action in (*given, *domain.actions)}

    def configure(parser: argparse.ArgumentParser) -> None:
        subparsers = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        for action in actions.values():
            action.configure(subparsers.add_parser(action.name, help=action.help))

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        action: str = args.action
        return actions[action].run(args, out, err)

    help = domain.help
    if help is None:  # a record with actions and no batch gives its help: checked when made
        assert batch is not None
        help = f"check {batch.items.key} against their rules"
    return Command(name=domain.key, help=help, configure=configure, run=run)


def _check_action(batch: Batch[Any, Any, Any, Any], checking: Checking) -> Command:
    items = batch.items.key
    formats = "json: a JSON array of one document per item"
    if "text" in batch.renderers:
        formats = f"text: a summary per item; {formats}"

    def configure(parser: argparse.ArgumentParser) -> None:
        check_options(
            parser,
            items=f"{items}: .toml or .json documents, .jsonl streams (- for standard input)",
            formats=formats,
            dated=batch.dated,
            choices=batch.formats,
        )

    def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        return judge_files(args, out, partial(batch.write, on=getattr(args, "on", None)))

    help = checking.help or f"check {items} against the municipality's rules"
    return Command(name=checking.action, help=help, configure=configure, run=run)


def _batch_schemas(
    key: str, batch: Batch[Any, Any, Any, Any], checking: Checking
) -> tuple[JsonSchema, ...]:
    """The schemas of a batch's input, of its output and of one JSON Lines line, named
    and made as :class:`Checking` says; the output's where its decision type is given."""
    items, decision, command = batch.items, batch.decision, f"{key} {checking.action}"
    given, decided = checking.schemas or (key, f"{key}-decision")
    builds = checking.builds
    read = builds[0] if builds else partial(items.schema, f"civilsamfund {items.key}")
    schemas = [
        JsonSchema(name=given, help=f"{items.key}, the input of {command}", build=fixed(read))
    ]
    decision = batch.decision
    if decision is None:
        return tuple(schemas)
    written = (
        builds[1]
        if builds
        else partial(decisions_schema, decision, f"civilsamfund {key} decisions")
    )

    def line(municipality: Municipality | None) -> dict[str, Any]:
        builder = SchemaBuilder(document=True, documents=(decision,))
        return {
            "$schema": DIALECT,
            "title": f"{written()['title']}, one JSON Lines line",
            "oneOf": [builder.schema(decision), {"$ref": "#/$defs/EndRecord"}],
            "$defs": {**builder.defs, "EndRecord": END_RECORD_SCHEMA},
        }

    return (
        *schemas,
        JsonSchema(name=decided, help=f"{command} --format json", build=fixed(written)),
        JsonSchema(name=f"{decided}-line", help=f"{command} --format jsonl", build=line),
    )
