"""The one validator: walks configured attrs trees and checks what every domain shares.

Every citation names a declared document and a section; every text has both
languages; entries have unique ids, and dated versions of one setting never share a
day; every reference declared on a field (:func:`civilsamfund.core._references.refers`)
names a configured entry, in force wherever the referring version is when the field
asks for that, and a rule's params name no entry renamed during the rule's version; a
list of references that must be given, or is declared ``required``, names at least one,
and items of one list that each claim a part of something (age routes, by
``overlap_with``) claim no part twice.
Subjects (an application's target-group categories) are checked against the same
catalogues.
"""

from __future__ import annotations

from collections import ChainMap, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from itertools import combinations, count
from typing import Any, cast, get_args, get_type_hints

import attrs

from civilsamfund.core import (
    ENTRIES,
    REFERS,
    Citation,
    Dated,
    Entries,
    Problems,
    Reference,
    Renamed,
    Span,
    Spanning,
    Text,
    Versions,
    as_of,
    described,
    expected_one_of,
    generated_code,
    overlap,
    shown,
    what,
)

Found = tuple[str, str]
"""A problem as the path to the field and what is wrong."""


class Catalogues:
    """The configured entries of every kind, by id, with their versions and names."""

    def __init__(self) -> None:
        self.entries: defaultdict[str, defaultdict[str, list[object]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._named: dict[str, Text] = {}
        self._called: defaultdict[str, list[tuple[str, Text]]] = defaultdict(list)

    def collect(self, value: object) -> Iterator[Found]:
        """Add the entries found anywhere in ``value``; yield each id that another kind
        already names otherwise, counting every name an entry goes by: decisions and
        messages show ids through one name table, so one of the names would be wrong."""
        for where, attribute, item, _ in _fields(value, ""):
            spec = attribute.metadata.get(ENTRIES)
            if not isinstance(spec, Entries) or spec.kind is None or spec.key is None:
                continue
            for index, entry in enumerate(item):
                entry_id = getattr(entry, spec.key)
                self.entries[spec.kind][entry_id].append(entry)
                name = getattr(entry, "name", None)
                if isinstance(name, Text):
                    self._named.setdefault(entry_id, name)
                clash = self._clash(entry_id, what((spec.kind,)), _called(entry))
                if clash is not None:
                    kind, named = clash
                    yield (
                        f"{where}[{index}].{spec.key}",
                        f"expected an id no {kind} uses, got {entry_id!r}, which names "
                        f"{named.en!r} there",
                    )

    def _clash(self, key: str, kind: str, names: Iterable[Text]) -> tuple[str, Text] | None:
        """Record that ``kind`` calls ``key`` each of ``names``; the first other kind
        that calls it something else, if any."""
        called = self._called[key]
        clash = next(
            (
                (other, named)
                for name in names
                for other, named in called
                if other != kind and named != name
            ),
            None,
        )
        called += ((kind, name) for name in names)
        return clash

    @property
    def names(self) -> dict[str, Text]:
        """What each configured id is called (an entry renamed over time: as first listed)."""
        return dict(self._named)

    @property
    def renamed(self) -> dict[str, Renamed]:
        """The ids whose dated versions are called differently over time: each version's
        first day and name, in date order."""
        found: dict[str, Renamed] = {}
        for ids in self.entries.values():
            for entry_id, versions in ids.items():
                named = sorted(
                    (
                        (version.valid_from, name)
                        for version in versions
                        if isinstance(version, Dated)
                        and isinstance(name := getattr(version, "name", None), Text)
                    ),
                    key=lambda item: item[0] or date.min,
                )
                if len({name for _, name in named}) > 1:
                    found[entry_id] = tuple(named)
        return found


def _called(entry: object) -> tuple[Text, ...]:
    """Every name an entry goes by: its name or title (a document's, in both
    languages), or else the name of each of its versions (an award's)."""
    for attribute in ("name", "title"):
        name = getattr(entry, attribute, None)
        if isinstance(name, str):
            name = Text(da=name, en=name)
        if isinstance(name, Text):
            return (name,)
    return tuple(name for version in getattr(entry, "versions", ()) for name in _called(version))


def _fields(value: object, path: str) -> Iterator[tuple[str, attrs.Attribute[Any], Any, object]]:
    """Every attrs field in ``value``, depth first, with its path, value and owner."""
    if not attrs.has(type(value)):
        return
    for attribute in attrs.fields(cast(Any, type(value))):
        if attribute.name.startswith("_"):
            continue
        item = getattr(value, attribute.name)
        where = _join(path, attribute.name)
        yield where, attribute, item, value
        if isinstance(item, tuple):
            for index, element in enumerate(item):
                yield from _fields(element, f"{where}[{index}]")
        else:
            yield from _fields(item, where)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def problems(
    value: object, catalogues: Catalogues, path: str = "", within: Spanning | None = None
) -> Iterator[Found]:
    """Every shared problem in ``value`` and below it; ``within``: the version that
    holds ``value`` (a rule's, for its params), whose days its references must cover."""
    yield from _check(value, catalogues, path, None if within is None else within.span())


def renamed_within(
    value: object,
    catalogues: Catalogues,
    renamed: Mapping[str, Renamed],
    version: Dated,
    path: str = "",
) -> Iterator[Found]:
    """Each reference in ``value`` to an entry of ``renamed`` (:attr:`Catalogues.renamed`)
    that takes a new name during ``version``; an id of another kind than the field
    names is only the unknown id :func:`problems` reports.

    A rule's messages name entries as they are called when its version begins, so a
    version must not outlast a name it mentions: it is split on the day of the new name.
    """
    if not renamed:
        return
    for where, attribute, item, owner in _fields(value, path):
        reference = attribute.metadata.get(REFERS)
        kinds = reference.kinds(owner) if isinstance(reference, Reference) else ()
        if not kinds:
            continue
        ids = item if isinstance(item, tuple) else (item,)
        for index, ref in enumerate(ids):
            day = _renamed_on(renamed.get(ref, ()), version)
            if day is not None and any(ref in catalogues.entries[kind] for kind in kinds):
                at = f"{where}[{index}]" if isinstance(item, tuple) else where
                yield (
                    at,
                    f"{what(kinds)} {shown(ref)} is called by a new name from "
                    f"{day.isoformat()}, within this version: end the version the day before "
                    "and begin a new one that day, so that its messages name it as it is "
                    "called then",
                )


def _renamed_on(versions: Renamed, version: Dated) -> date | None:
    """The first day within ``version`` on which an entry takes a new name, if any."""
    current = as_of(versions, version.valid_from) if versions else None
    for start, name in versions:
        if start is None or (version.valid_from is not None and start <= version.valid_from):
            continue
        if version.valid_until is not None and start > version.valid_until:
            break
        if name != current:
            return start
    return None


def _check(
    value: object, catalogues: Catalogues, path: str, within: Span | None
) -> Iterator[Found]:
    if isinstance(value, Citation):
        yield from _citation(value, catalogues, path)
        return
    if isinstance(value, Text):
        for language in ("da", "en"):
            if not getattr(value, language).strip():
                yield _join(path, language), "expected a text, got ''"
        return
    if not attrs.has(type(value)):
        return
    if isinstance(value, Dated) and not _ordered(value):
        yield _join(path, "valid_until"), "expected a date on or after valid_from"
    span = getattr(value, "span", None)  # Spanning; a runtime protocol check costs 7 µs a value
    if span is not None:
        within = span()
    for attribute in attrs.fields(cast(Any, type(value))):
        if attribute.name.startswith("_"):
            continue
        item = getattr(value, attribute.name)
        where = _join(path, attribute.name)
        spec = attribute.metadata.get(ENTRIES)
        if isinstance(spec, Entries):
            yield from _entries(item, spec, where)
        reference = attribute.metadata.get(REFERS)
        if isinstance(reference, Reference):
            kinds = reference.kinds(value)
            if item == () and kinds and (reference.required or attribute.default is attrs.NOTHING):
                yield where, f"expected the id of at least one configured {what(kinds)}, got none"
            yield from _references(item, reference, kinds, catalogues, where, within)
        if isinstance(item, tuple) and item and hasattr(type(item[0]), "overlap_with"):
            yield from _overlaps(item, where)
        if isinstance(item, tuple):
            for index, element in enumerate(item):
                yield from _check(element, catalogues, f"{where}[{index}]", within)
        else:
            yield from _check(item, catalogues, where, within)


def _citation(citation: Citation, catalogues: Catalogues, path: str) -> Iterator[Found]:
    if citation.document not in catalogues.entries["document"]:
        yield (
            _join(path, "document"),
            f"expected a document listed in municipality.toml, got {shown(citation.document)}",
        )
    if not citation.section.strip():
        yield _join(path, "section"), "expected a section heading, got ''"


def _entries(items: tuple[Any, ...], spec: Entries, path: str) -> Iterator[Found]:
    groups: defaultdict[object, list[tuple[int, Any]]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[None if spec.key is None else getattr(item, spec.key)].append((index, item))
    for key, group in groups.items():
        for (first, a), (second, b) in combinations(group, 2):
            if not spec.versioned:
                yield (
                    f"{path}[{second}]",
                    f"expected a unique id, {shown(key)} is also at {path}[{first}]",
                )
            elif overlap(a, b):
                yield (
                    f"{path}[{second}]",
                    f"its dates overlap those of {path}[{first}]: versions of one setting "
                    "must not share a day",
                )


def _overlaps(items: tuple[Any, ...], path: str) -> Iterator[Found]:
    """Each two items of one list that claim something in common (age routes that take
    the same age: only the first would ever be used), each named."""
    for (first, a), (second, b) in combinations(enumerate(items), 2):
        shared = a.overlap_with(b)
        if shared is not None:
            yield (
                f"{path}[{second}]",
                f"takes {shared}, which {path}[{first}] takes too: each must be taken by one only",
            )


def _references(
    item: object,
    reference: Reference,
    kinds: tuple[str, ...],
    catalogues: Catalogues,
    path: str,
    within: Span | None,
) -> Iterator[Found]:
    if not kinds:
        return
    ids = item if isinstance(item, tuple) else (item,)
    known = ChainMap(*(catalogues.entries[kind] for kind in kinds))
    first: dict[object, int] = {}
    for index, ref in enumerate(ids):
        if ref is None:
            continue
        where = f"{path}[{index}]" if isinstance(item, tuple) else path
        if first.setdefault(ref, index) != index:
            yield where, f"expected a unique id, {shown(ref)} is also at {path}[{first[ref]}]"
        elif ref not in known:
            yield (
                where,
                f"expected the id of a configured {what(kinds)}, got {shown(ref)}",
            )
        elif reference.covered:
            yield from _uncovered(where, kinds, ref, known[ref], within)


def _ordered(version: Dated) -> bool:
    """Whether a version ends no earlier than it begins (an open end always does)."""
    start, end = version.valid_from, version.valid_until
    return start is None or end is None or start <= end


def _uncovered(
    where: str, kinds: tuple[str, ...], ref: object, entry: list[object], within: Span | None
) -> Iterator[Found]:
    """A day the entry ``ref`` names is not in force while what names it is: within the
    version that holds the reference, or, for a list that holds no dates and so goes on,
    any day from the entry's first on (a gap between versions, or an end)."""
    versions = Versions(v for v in entry if isinstance(v, Dated))
    if within is None and not versions.items:
        return
    start, end = within if within is not None else (versions.items[0].valid_from, None)
    gap = versions.first_gap(start, end)
    if gap is None:
        return
    holder = "this version is" if within is not None else "the list naming it goes on"
    yield (
        where,
        f"{what(kinds)} {shown(ref)} is not in force {_on(gap)}, while {holder}: every day "
        "of it must be covered",
    )


def _on(day: date) -> str:
    """A day of a gap; the first possible day means before the entry's first version."""
    return "before its first version begins" if day == date.min else f"on {day.isoformat()}"


_Configured = Mapping[str, Mapping[str, object]]
"""The configured entries by kind, then by id (a municipality's ``known``)."""


class ReferencePlan:
    """Where the references in values of one type sit, found once from the type's fields,
    so that checking many subjects (a batch of applications) visits only those fields."""

    __slots__ = ("_clean", "_steps")

    def __init__(self, cls: type) -> None:
        self._steps = _steps(cls, set())
        self._clean = _cleaner(self._steps)

    def problems(self, value: object, known: Mapping[str, Mapping[str, object]]) -> list[Found]:
        """Each reference in ``value`` that names no configured entry."""
        wrong = _Wrong(known, None)
        _follow(self._steps, value, (), wrong)
        return wrong.found

    def found(self, value: object, known: Mapping[str, Mapping[str, object]]) -> Problems:
        """The references in ``value`` that name no configured entry, as problems: as
        many described as an error describes (see ``Limits.max_problems``), the rest
        only counted, so that a list of a million unknown ids costs no more than one of
        a hundred. They name no source: an error made of them is given its source with
        :meth:`InputError.within`, made only when something is wrong."""
        found = Problems()
        if self._clean is not None and self._clean(value, known):  # nearly always
            return found
        wrong = _Wrong(known, described())
        _follow(self._steps, value, (), wrong)
        for path, message in wrong.found:
            found.at("", path, message)
        found.more += wrong.more
        return found


class _Wrong:
    """References found wrong: the first ``limit`` described, the rest counted; what
    each kind expects is spelt out once."""

    __slots__ = ("_expected", "found", "known", "limit", "more")

    def __init__(self, known: _Configured, limit: int | None) -> None:
        self.known, self.limit = known, limit
        self.found: list[Found] = []
        self.more = 0
        self._expected: dict[tuple[str, ...], str] = {}

    def add(
        self, kinds: tuple[str, ...], parts: tuple[tuple[str, int | None], ...], element: object
    ) -> None:
        if self.limit is not None and len(self.found) >= self.limit:
            self.more += 1
            return
        expected = self._expected.get(kinds)
        if expected is None:
            ids = [key for kind in kinds for key in self.known.get(kind, {})]
            expected = self._expected[kinds] = expected_one_of(ids, what(kinds))
        self.found.append((_path(parts), f"{expected}, got {shown(element)}"))


_Step = tuple[str, tuple[str, ...] | Reference | None, tuple[Any, ...]]
"""A field's name, the kinds of entry it names (its reference, where a field beside it
chooses them; ``None`` where it names none), and the steps below it."""


def _steps(cls: type, seen: set[type]) -> tuple[_Step, ...]:
    if not attrs.has(cls) or cls in seen:
        return ()
    seen = {*seen, cls}
    hints = get_type_hints(cls)
    steps: list[_Step] = []
    for attribute in attrs.fields(cast(Any, cls)):
        reference = attribute.metadata.get(REFERS)
        below = tuple(
            step for inner in _classes(hints[attribute.name]) for step in _steps(inner, seen)
        )
        if isinstance(reference, Reference):
            fixed = reference.chosen_by is None
            steps.append((attribute.name, reference.kinds(None) if fixed else reference, below))
        elif below:
            steps.append((attribute.name, None, below))
    return tuple(steps)


def _classes(kind: Any) -> Iterator[type]:
    """The attrs classes a type annotation may hold."""
    if isinstance(kind, type) and attrs.has(kind):
        yield kind
    for arg in get_args(kind):
        yield from _classes(arg)


def _path(parts: tuple[tuple[str, int | None], ...]) -> str:
    """``activity.target_groups[0].category`` from its names and indexes."""
    return ".".join(name if index is None else f"{name}[{index}]" for name, index in parts)


def _named(known: _Configured, kinds: tuple[str, ...], ref: object) -> bool:
    """Whether ``ref`` is the id of an entry of one of ``kinds``."""
    if len(kinds) == 1:  # nearly always: one lookup
        return ref in known.get(kinds[0], {})
    return any(ref in known.get(kind, {}) for kind in kinds)


def _kinds(reference: tuple[str, ...] | Reference | None, owner: object) -> tuple[str, ...]:
    """The kinds of entry a step's field names in ``owner``."""
    if isinstance(reference, Reference):
        return reference.kinds(owner)
    return reference or ()


def _cleaner(steps: tuple[_Step, ...]) -> Callable[[object, _Configured], bool] | None:
    """A function saying whether every reference below a value names a configured entry:
    the walk of :func:`_follow`, written out once per type and keeping no path, for the
    subjects with nothing wrong. ``None`` for a type nested too deep to write out."""
    lines = ["def clean(value, known):"]
    names: dict[str, Any] = {"named": _named, "EMPTY": {}}
    kinds: dict[str, str] = {}  # each kind named alone, by the local holding its ids
    numbers = count()

    def walk(steps: tuple[_Step, ...], owner: str, depth: int) -> None:
        pad = "    " * depth
        for name, reference, below in steps:
            n = next(numbers)
            lines.append(f"    {pad}x{n} = getattr({owner}, {name!r}, None)")
            if isinstance(reference, Reference):
                names[f"r{n}"] = reference
                lines.append(f"    {pad}k{n} = r{n}.kinds({owner})")
            lines.append(
                f"    {pad}for e{n} in () if x{n} is None else x{n} if isinstance(x{n}, tuple) "
                f"else (x{n},):"
            )
            if isinstance(reference, Reference):
                lines.append(f"        {pad}if k{n} and not named(known, k{n}, e{n}):")
                lines.append(f"            {pad}return False")
            elif reference:
                test = (
                    f"e{n} not in {kinds.setdefault(reference[0], f'ids{len(kinds)}')}"
                    if len(reference) == 1
                    else f"not named(known, {reference!r}, e{n})"
                )
                lines.append(f"        {pad}if {test}:")
                lines.append(f"            {pad}return False")
            walk(below, f"e{n}", depth + 1)

    walk(steps, "value", 0)
    lines[1:1] = [f"    {ids} = known.get({kind!r}, EMPTY)" for kind, ids in kinds.items()]
    lines.append("    return True")
    try:
        code = generated_code("\n".join(lines) + "\n", "reference walk")
    except SyntaxError:  # more blocks nested than Python compiles
        return None
    exec(code, names)
    clean: Callable[[object, _Configured], bool] = names["clean"]
    return clean


def _follow(
    steps: tuple[_Step, ...],
    value: object,
    path: tuple[tuple[str, int | None], ...],
    wrong: _Wrong,
) -> None:
    """Check the references below ``value``; the path is only spelt out for a problem."""
    known = wrong.known
    for name, reference, below in steps:
        item = getattr(value, name, None)
        if item is None:
            continue
        kinds = _kinds(reference, value)
        items = enumerate(item) if isinstance(item, tuple) else ((None, item),)
        for index, element in items:
            if kinds and not _named(known, kinds, element):
                wrong.add(kinds, (*path, (name, index)), element)
            if below:
                _follow(below, element, (*path, (name, index)), wrong)
