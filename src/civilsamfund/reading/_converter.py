"""The one cattrs converter: strict about types, exact about money, precise about paths.

Two converters share one set of hooks: a fast one for the common case of valid input,
and one with detailed validation, run only after a failure, to name every problem by
its path. Ahead of both, a model is read by a hook written out for it where one can
be (:mod:`civilsamfund.reading._written`), which takes valid input only. Built on
first use so that ``import civilsamfund`` stays light.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from itertools import islice
from typing import Any, TypeVar, get_args

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from civilsamfund.core import (
    FieldValueError,
    InputError,
    Kroner,
    Problems,
    Share,
    Text,
    decimal_text,
    described,
    describing,
    kroner,
    number,
    share,
    shown,
)
from civilsamfund.core.rules import FactText, FactValue
from civilsamfund.reading._kinds import (
    TAG,
    id_fields,
    is_mapping,
    is_optional,
    is_tagged_union,
    is_tuple,
    read_date,
    read_fact_text,
    require_plain_ids,
)
from civilsamfund.reading._written import written_hook

T = TypeVar("T")


def _strict(kind: type, what: str) -> Callable[[object, type], Any]:
    def hook(value: object, _: type) -> Any:
        if type(value) is kind:
            return value
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ValueError(f"expected {what}, got {shown(value)}")
        return value

    return hook


def _enum(value: object, enum_type: type) -> enum.Enum:
    assert issubclass(enum_type, enum.Enum)
    try:
        return enum_type(value)
    except ValueError:
        raise ValueError(f"expected one of {_choices(enum_type)}, got {shown(value)}") from None


@cache
def _choices(enum_type: type[enum.Enum]) -> str:
    """An enum's values as a message lists them: made once, not once per wrong value."""
    return ", ".join(repr(member.value) for member in enum_type)


class Counted(Exception):
    """Entries of a list or table found wrong once enough were described: only their
    number, so that a list of a million wrong entries costs no more than one of a few
    hundred (see :func:`civilsamfund.core._errors.described`)."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count:,} more")
        self.count = count


def _wrong(hook: Callable[[Any, Any], Any], values: Iterable[object], kind: Any) -> int:
    """How many of ``values`` ``hook`` refuses: counted, not described."""
    wrong = 0
    for value in values:
        try:
            hook(value, kind)
        except Exception:
            wrong += 1
    return wrong


def _text(value: object, kind: type) -> Any:
    """Text, or a text-valued enum: ``str`` enums reach this hook by subclassing ``str``."""
    if kind is not str:
        return _enum(value, kind)
    if type(value) is str:
        return value
    raise ValueError(f"expected text, got {shown(value)}")


def _plain_table(value: object, _: type) -> dict[str, Any]:
    """A table of values a model passes on as they are (a rule's ``params``, a policy
    case's subject), with dates as ``YYYY-MM-DD`` text: TOML writes them bare, JSON
    cannot, and the models that read them on take either. A copy: the input is kept."""
    if not isinstance(value, dict):
        raise ValueError(f"expected a table, got {shown(value)}")
    return {key: _plain(item) for key, item in value.items()}


def _plain(value: object) -> Any:
    if type(value) is date:
        return value.isoformat()
    if type(value) is dict:
        return {key: _plain(item) for key, item in value.items()}
    if type(value) is list:
        return [_plain(item) for item in value]
    return value


def _optional_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """``X | None`` with the hook for ``X`` looked up once, not on every value."""

    def factory(kind: Any) -> Callable[[object, type], Any]:
        inner_type = next(arg for arg in get_args(kind) if arg is not type(None))
        inner = converter.get_structure_hook(inner_type)

        def hook(value: object, _: type) -> Any:
            if value is None or type(value) is inner_type:  # no conversion needed
                return value
            return inner(value, inner_type)

        return hook

    return factory


def _mapping_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Tables of text keys to values of one type (declared facts), each value named by
    its key when it is wrong."""

    def factory(kind: Any) -> Callable[[object, type], dict[str, Any]]:
        value_type = get_args(kind)[1]
        value_hook = converter.get_structure_hook(value_type)

        def hook(value: object, _: type) -> dict[str, Any]:
            if not isinstance(value, Mapping):
                raise ValueError(f"expected a table, got {shown(value)}")
            result: dict[str, Any] = {}
            errors: list[Exception] = []
            kept = described()
            for index, (key, item) in enumerate(value.items()):
                try:
                    result[key] = value_hook(item, value_type)
                except Exception as exc:
                    errors.append(FieldValueError(key, str(exc)))
                    if len(errors) >= kept:
                        rest = islice(value.values(), index + 1, None)
                        errors.append(Counted(_wrong(value_hook, rest, value_type)))
                        break
            if errors:
                raise ClassValidationError("While structuring a table", errors, kind)
            return result

        return hook

    return factory


def _tuple_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(kind: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = get_args(kind)[0]
        item_hook = converter.get_structure_hook(item_type)
        detailed = converter.detailed_validation

        def hook(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise ValueError(f"expected a list, got {shown(value)}")
            if not detailed:
                return tuple([item_hook(item, item_type) for item in value])
            items: list[Any] = []
            errors: list[Exception] = []
            kept = described()
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:
                    note = IterableValidationNote(f"at index {index}", index, item_type)
                    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
                    errors.append(exc)
                    if len(errors) >= kept:  # the rest by the fast hook, counted
                        fast = _fast().get_structure_hook(item_type)
                        errors.append(Counted(_wrong(fast, value[index + 1 :], item_type)))
                        break
            if errors:
                raise IterableValidationError("While structuring a list", errors, kind)
            return tuple(items)

        return hook

    return factory


def _members(kind: Any) -> dict[str, type]:
    return {arg.TAG: arg for arg in get_args(kind)}


def _tagged_structure_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(kind: Any) -> Callable[[object, type], Any]:
        members = _members(kind)
        hooks = {tag: (converter.get_structure_hook(cls), cls) for tag, cls in members.items()}
        expected = " or ".join(repr(tag) for tag in members)

        def hook(value: object, _: type) -> Any:
            if not isinstance(value, Mapping):
                raise ValueError(f"expected a table, got {shown(value)}")
            tag = value.get(TAG)
            member = hooks.get(tag) if isinstance(tag, str) else None
            if member is None:
                raise FieldValueError(TAG, f"expected {expected}, got {shown(tag)}")
            structure, cls = member
            return structure({k: v for k, v in value.items() if k != TAG}, cls)

        return hook

    return factory


def _tagged_unstructure_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(kind: Any) -> Callable[[Any], dict[str, Any]]:
        def hook(value: Any) -> dict[str, Any]:
            return {TAG: value.TAG, **converter.unstructure(value, type(value))}

        return hook

    return factory


def _table_factory(
    make: Callable[[Any], Callable[[Any, Any], Any]],
) -> Callable[[Any], Any]:
    """A hook as cattrs makes it for a model or mapping, behind a check that it was given
    a table (otherwise cattrs fails in Python's words: ``'str' object has no attribute
    'keys'``), and followed by a check that its ids are plain text."""

    def factory(kind: Any) -> Callable[[object, type], Any]:
        structure = make(kind)
        ids = id_fields(kind)

        def hook(value: object, _: type) -> Any:
            if type(value) is not dict and not isinstance(value, Mapping):
                raise ValueError(f"expected a table, got {shown(value)}")
            made = structure(value, kind)
            if ids:
                require_plain_ids(made, ids)
            return made

        return hook

    return factory


def _fact(value: object, _: type) -> FactValue:
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ValueError(
        f"expected text, a number, true/false, null or a list of texts, got {shown(value)}"
    )


def _structure_text(value: object, _: type) -> Text:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a table with 'da' and 'en', got {shown(value)}")
    errors: list[Exception] = [
        FieldValueError(key, "unknown key") for key in value if key not in ("da", "en")
    ]
    for key in ("da", "en"):
        if key not in value:
            errors.append(FieldValueError(key, "required field is missing"))
        elif not isinstance(value[key], str):
            errors.append(FieldValueError(key, f"expected text, got {shown(value[key])}"))
    if errors:
        raise ClassValidationError("While structuring Text", errors, Text)
    return Text(da=value["da"], en=value["en"])


def _build(detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=False
    )
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(date, read_date)
    converter.register_structure_hook(Kroner, lambda value, _: kroner(value))
    converter.register_structure_hook(Share, lambda value, _: share(value))
    converter.register_structure_hook(Decimal, lambda value, _: number(value))
    converter.register_structure_hook_factory(
        attrs.has, _table_factory(converter.gen_structure_attrs_fromdict)
    )
    converter.register_structure_hook_factory(is_mapping, _mapping_hook_factory(converter))
    converter.register_structure_hook_factory(is_tuple, _tuple_hook_factory(converter))
    converter.register_structure_hook_factory(is_optional, _optional_hook_factory(converter))
    converter.register_structure_hook_func(lambda kind: kind == Mapping[str, Any], _plain_table)
    converter.register_structure_hook_factory(is_tagged_union, _tagged_structure_factory(converter))
    converter.register_structure_hook(FactValue, _fact)
    converter.register_structure_hook(FactText, read_fact_text)
    converter.register_structure_hook(Text, _structure_text)
    converter.register_unstructure_hook(Text, lambda text: {"da": text.da, "en": text.en})
    converter.register_unstructure_hook(Decimal, decimal_text)
    converter.register_unstructure_hook(Kroner, decimal_text)
    converter.register_unstructure_hook(Share, decimal_text)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook_factory(
        is_tagged_union, _tagged_unstructure_factory(converter)
    )
    return converter


@cache
def converter(detailed: bool = False) -> cattrs.Converter:
    """The library's converter; ``detailed`` collects every problem with its path."""
    return _build(detailed)


def _fast() -> cattrs.Converter:
    """The fast converter, for the hooks of the detailed one (whose factories' own
    ``converter`` argument hides :func:`converter`)."""
    return converter()


def structure(
    data: object,
    kind: type[T],
    source: str,
    path: str = "",
    error: type[InputError] = InputError,
) -> T:
    """Turn parsed data into ``kind``, or raise ``error`` naming every problem."""
    return structurer(kind, error)(data, source, path)


def structurer(
    kind: type[T], error: type[InputError] = InputError
) -> Callable[[object, str, str], T]:
    """A reader of ``kind`` from parsed data given its source and path, for many items:
    the fast hook is looked up once (one written out for the model, where it can be),
    and the detailed one runs only when it fails."""
    fast = (attrs.has(kind) and written_hook(kind)) or converter().get_structure_hook(kind)

    def read(data: object, source: str, path: str) -> T:
        try:
            return fast(data, kind)  # type: ignore[no-any-return]
        except Exception:
            pass
        if not described():  # only counted: the fast hook has said all that is needed
            raise error((), 1) from None
        detailed = converter(detailed=True)  # built only when valid input is not the case
        try:
            return detailed.structure(data, kind)
        except Exception as exc:
            found, seen = Problems(), set()
            for problem in problems(exc, path):
                if isinstance(problem, int):
                    found.more += problem
                elif found.full:
                    found.more += 1
                elif problem not in seen:
                    seen.add(problem)
                    found.at(source, *problem)
            _untangle(exc)
            raise error(found.kept, found.more) from None

    return read


def structure_items(
    items: Sequence[object],
    kind: type[T],
    source: str,
    path: str,
    error: type[InputError] = InputError,
    max_problems: int = 100,
) -> list[T]:
    """Structure ``items`` one by one, naming each by its index in ``path``.

    Raises ``error`` listing the problems of every item, the first ``max_problems``
    in full and the rest counted.
    """
    read, fast = structurer(kind, error), converter().get_structure_hook(kind)
    structured: list[T] = []
    found = Problems(max_problems)
    with describing(max_problems):
        for index, item in enumerate(items):
            if found.full:  # enough are described: count the rest, by the fast hook alone
                try:
                    fast(item, kind)
                except Exception:
                    found.more += 1
                continue
            try:
                structured.append(read(item, source, f"{path}[{index}]"))
            except InputError as exc:
                found.extend(exc.problems, exc.more)
    found.raise_as(error)
    return structured


def unstructure(value: object) -> Any:
    """Turn a model into JSON-ready data: decimals and dates as strings."""
    return converter().unstructure(value)


def to_json(value: object) -> str:
    """Any model as JSON, losslessly: :func:`from_json` gives back an equal value."""
    return json.dumps(unstructure(value), ensure_ascii=False)


def from_json(text: str, kind: type[T], source: str = "<json>") -> T:
    """Read a model of type ``kind`` from JSON; numbers are read as exact decimals."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError.at(source, "", f"not valid JSON: {exc}") from None
    return structure(data, kind, source)


def problems(exc: BaseException, path: str = "") -> Iterator[tuple[str, str] | int]:
    """Each problem in a (nested) cattrs error, as its path and what was expected, and
    the number of those only counted (:class:`Counted`)."""
    if isinstance(exc, Counted):
        yield exc.count
    elif isinstance(exc, ClassValidationError | IterableValidationError):
        for sub in exc.exceptions:
            yield from problems(sub, _extend(path, sub))
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield _join(path, key), "unknown key"
    elif isinstance(exc, FieldValueError):
        yield _join(path, exc.field), str(exc)
    elif isinstance(exc, KeyError):
        yield path, "required field is missing"
    elif isinstance(exc, ValueError | TypeError | ArithmeticError):
        yield path or "(top level)", str(exc)
    else:
        raise exc


def _untangle(exc: BaseException) -> None:
    """Drop the tracebacks of a (nested) cattrs error once read: each holds the frame
    that holds the list of errors that holds it, a cycle that only the cycle collector
    frees, and a batch pauses it (a file of 100,000 wrong items kept 500 MB)."""
    linked = [exc]
    while linked:
        error = linked.pop()
        error.__traceback__ = None
        linked += [e for e in (error.__context__, error.__cause__) if e is not None]
        linked += getattr(error, "exceptions", ())


def _extend(path: str, exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", ()):
        name = getattr(note, "name", None)
        if isinstance(name, str):
            return _join(path, name)
        index = getattr(note, "index", None)
        if isinstance(index, int):
            return f"{path}[{index}]"
    return path


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
