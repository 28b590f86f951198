"""The probe: hostile inputs to every reader, mutated configuration and hostile plugins,
each run through the command line and judged by what came out.

The corpora are generated, deterministically, from the bundled examples and
configuration (``municipalities/*/examples``, ``municipalities/*/cases``,
``municipalities/*/*.toml``): every field of every item is mutated (wrong types, nulls,
empty and huge strings, huge lists, deep nesting, repeated keys, edge dates and
numbers, every spelling of a CPR number, control characters, unknown ids), every
configuration file has keys deleted, misspelt, retyped, ids repeated and references
left dangling, and plugin packages raise, stall, answer nonsense or leak personal
data. A run is judged by its exit code and its outputs (:func:`verdicts`), never by
what the library meant; the table (:func:`table`) counts what each reader let through.

``tests/test_probe.py`` runs a sample in the suite, in process; ``nox -s probe`` runs
all of it, each case in a child process with a memory and a time limit. docs/security.md
says what the library promises and which column of the table tests each promise.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import json
import math
import os
import random
import re
import shutil
import signal
import sys
import time
import traceback
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from datetime import time as clock
from functools import cache, partial
from pathlib import Path
from typing import Any

from helpers import MUNICIPALITIES, tomllib
from test_shown import CPR_SPELLINGS

from civilsamfund.core._shown import CPR_LIKE

SEED = 21
"""Seeds the choice of the sample: the same sample on every run and machine."""

TIMEOUT = 30.0
"""Seconds a run may take before it counts as a hang (the giant inputs get twice that)."""
PLUGIN_TIMEOUT = 10.0
"""Seconds a run with a sleeping plugin may take: the library's budget for a plugin
call must end it before then."""
PLUGIN_SLEEP = PLUGIN_TIMEOUT + 5
"""How long a sleeping plugin sleeps: longer than any run may take, and bounded."""
MEMORY = 1 << 30
"""Address space a run may take beyond what it started with: 1 GiB."""
GIANT = 1_000_000
"""Elements in a giant list inside one item: a few MB, under every file limit (issue 21
measured 7.9 GB for as many bad budget lines)."""
HUGE = 10_000
"""Elements in a huge list, characters in a huge string's smaller size."""
KILL_ITEMS = 20_000
"""Applications in the batch a run is killed in the middle of."""

CATEGORIES = {
    "traceback": "tracebacks",
    "cpr": "CPR numbers echoed",
    "control": "control characters out",
    "unnamed": "errors naming no file",
    "silent": "silently wrong",
    "hang": "hangs",
    "memory": "over 1 GB",
    "half": "half-written files",
}
"""What a run can do wrong, each a column of the table."""

EXTRA_SPELLINGS = ("010190:1234", "010190\u03071234")
"""Spellings issue 21 found passing every reader: a colon, a combining dot above."""
SPELLINGS = (*CPR_SPELLINGS, *EXTRA_SPELLINGS)

CONTROLS = ("\x1b[2J", "\x00", "\x07", "\x7f", "\x9b31m", "\u202e", "\u2067")
"""A terminal escape (clears the screen), NUL, BEL, DEL, a C1 escape, bidi overrides."""
_RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

UNKNOWN_ID = "probe-unknown-id"
HUGE_TEXTS = ("x" * HUGE, "x" * HUGE * 10)


# Documents: JSON and TOML written from data, repeated keys and raw text included ----


class Pairs(tuple):  # type: ignore[type-arg]
    """A table written pair by pair, so that a key can be given twice."""


class Raw(str):
    """Text written into a document as it stands: ``NaN``, ``-0``, 5,000 brackets."""

    __slots__ = ()


@dataclass(frozen=True)
class Repeated:
    """A list of ``count`` copies of ``value``, written without being built."""

    value: Any
    count: int


def _pairs(table: dict[str, Any] | Pairs) -> Iterable[tuple[str, Any]]:
    return table if isinstance(table, Pairs) else table.items()


def to_json(value: Any) -> str:
    """``value`` as JSON text, with what JSON cannot say (NaN, infinity) said anyway."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict | Pairs):
        pairs = (f"{json.dumps(k, ensure_ascii=False)}: {to_json(v)}" for k, v in _pairs(value))
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(to_json, value)) + "]"
    if isinstance(value, Repeated):
        return "[" + ", ".join([to_json(value.value)] * value.count) + "]"
    if isinstance(value, date | clock):
        return json.dumps(value.isoformat())
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return json.dumps(value, ensure_ascii=False)


def _toml_string(text: str) -> str:
    escaped = (
        f"\\u{ord(c):04x}" if c in '"\\' or unicodedata.category(c) == "Cc" else c for c in text
    )
    return '"' + "".join(escaped) + '"'


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date | clock):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml_value, value)) + "]"
    if isinstance(value, Repeated):
        return "[" + ", ".join([_toml_value(value.value)] * value.count) + "]"
    if isinstance(value, dict | Pairs):
        pairs = (f"{_toml_key(k)} = {_toml_value(v)}" for k, v in _pairs(value))
        return "{ " + ", ".join(pairs) + " }"
    raise TypeError(f"TOML has no {value!r}")


def to_toml(document: Any) -> str:
    """``document`` as TOML text, every table inline; a document that is not a table is
    given as the value of a key ``value``, as a careless writer would."""
    if not isinstance(document, dict | Pairs):
        document = {"value": document}
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in _pairs(document))


def to_jsonl(document: Any) -> str:
    """``document`` (a list of items) as JSON Lines: one item a line."""
    items = document if isinstance(document, list) else [document]
    return "".join(f"{to_json(item)}\n" for item in items)


WRITERS: dict[str, Callable[[Any], str]] = {".json": to_json, ".toml": to_toml, ".jsonl": to_jsonl}


def _reading(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)


# Paths into a document ------------------------------------------------------------

Step = str | int
PathTo = tuple[Step, ...]


def _at(document: Any, path: PathTo) -> Any:
    for step in path:
        document = document[step]
    return document


def _changed(document: Any, path: PathTo, change: Callable[[Any, Step], None]) -> Any:
    copied = copy.deepcopy(document)
    change(_at(copied, path[:-1]), path[-1])
    return copied


def replaced(document: Any, path: PathTo, value: Any) -> Any:
    """A copy of ``document`` with the value at ``path`` replaced."""

    def put(parent: Any, step: Step) -> None:
        parent[step] = value

    return _changed(document, path, put)


def deleted(document: Any, path: PathTo) -> Any:
    """A copy of ``document`` without the key or element at ``path``."""

    def drop(parent: Any, step: Step) -> None:
        del parent[step]

    return _changed(document, path, drop)


def _with_key(document: Any, path: PathTo, key: str, value: Any) -> Any:
    """A copy with ``key`` added to the table at ``path``, after any key of that name."""

    def add(parent: Any, step: Step) -> None:
        parent[step] = Pairs([*_pairs(parent[step]), (key, value)])

    if not path:
        return Pairs([*_pairs(document), (key, value)])
    return _changed(document, path, add)


def _renamed(document: Any, path: PathTo, new: str) -> Any:
    """A copy with the key at ``path`` spelt ``new``, in its place."""

    def rename(parent: Any, step: Step) -> None:
        items = [(new if k == step else k, v) for k, v in parent.items()]
        parent.clear()
        parent.update(items)

    return _changed(document, path, rename)


def items_of(document: Any) -> list[PathTo]:
    """Where the items of a document are: each element of a top-level list or of a
    top-level key holding a list of tables, and each top-level table."""
    if isinstance(document, list):
        return [(index,) for index in range(len(document))]
    found: list[PathTo] = []
    for key, value in document.items():
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            found += [(key, index) for index in range(len(value))]
        elif isinstance(value, dict):
            found.append((key,))
    return found


def fields_of(value: Any, path: PathTo = ()) -> list[PathTo]:
    """Every field under ``path``: each key of a table, and the first element of a list."""
    found: list[PathTo] = []
    if isinstance(value, dict):
        for key, inner in value.items():
            found.append((*path, key))
            found += fields_of(inner, (*path, key))
    elif isinstance(value, list) and value:
        found.append((*path, 0))
        found += fields_of(value[0], (*path, 0))
    return found


@cache
def known_ids(directory: Path) -> frozenset[str]:
    """Every id a municipality's configuration defines: what an input may refer to."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in {"id", "slug"} and isinstance(inner, str):
                    found.add(inner)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    for path in sorted(directory.glob("*.toml")):
        walk(_reading(path))
    return frozenset(found)


# Cases ----------------------------------------------------------------------------


Files = tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class Case:
    """One run of the command line and what it must not do.

    In ``argv``, ``{dir}`` is the run's own folder and ``{shared}`` the folder of what
    runs share (hostile plugins, a municipality with a hostile check).
    """

    reader: str
    kind: str
    name: str
    argv: tuple[str, ...]
    files: Callable[[], Files] = lambda: ()
    """The files the run is given, made when it runs: the corpus holds no bytes."""
    tree: str | None = None
    """A municipality folder (its slug) copied into the run's folder first."""
    output: str | None = None
    """The file ``-o`` names, relative to the run's folder; else standard output."""
    output_format: str = "text"
    empty: bool = False
    """Whether an empty output is a whole one: a document of no items in text."""
    input: str | None = None
    """The file an error about the input must name."""
    must_fail: str | None = None
    """Why exit 0 would be wrong: the input is refused by a promise of the library."""
    secrets: tuple[str, ...] = ()
    plugin: str | None = None
    """A hostile plugin distribution on the path for this run."""
    heavy: bool = False
    """Too slow, big or dangerous to run in process: full run only."""
    timeout: float = TIMEOUT
    kill: tuple[int, float] | None = None
    """A signal sent this many seconds after the start."""
    previous: bytes | None = None
    """What the output file held before the run."""
    counted: tuple[str, int, frozenset[str]] | None = None
    """For a report: the section, how many records it was given, and the ids it may show."""


@dataclass(frozen=True)
class Reader:
    """A command that reads a kind of file, with the bundled examples of that kind."""

    name: str
    argv: tuple[str, ...]
    """``{input}``, ``{output}`` and ``{format}`` are filled in for each run."""
    examples: tuple[Path, ...]
    formats: tuple[str, ...] = ("json", "text")
    """The data format and the text format of its output, in turn."""
    suffix: str | None = None
    """The suffix of the file written, if not the example's."""
    output: bool = True
    """Whether the command takes ``--output``."""
    municipality: str | None = None
    """The slug the examples belong to, when not the folder they are in."""
    counted: str | None = None
    """For the report: the section that counts what this file holds. The report reads
    only the fields it counts by, so it refuses what is wrong in those only."""
    screens: bool = True
    """Whether the reader promises to refuse a CPR number in every field (case files are
    the developer's own: only what they print is judged)."""
    free_text: frozenset[str] = frozenset()
    """Keys whose values are judged as text, not looked up as ids."""


def _m(slug: str) -> str:
    return str(MUNICIPALITIES / slug)


def _ex(slug: str, *parts: str) -> Path:
    return MUNICIPALITIES.joinpath(slug, "examples", *parts)


def _cases_file(slug: str, name: str) -> Path:
    return MUNICIPALITIES / slug / "cases" / name


def readers(shared: Path) -> list[Reader]:
    """Every reader of the command line with the examples it is fed."""
    common = ("--format", "{format}", "-o", "{output}")
    return [
        Reader(
            "assess (TOML)",
            ("assess", "-m", "{m}", "{input}", *common),
            (_ex("odense", "applications.toml"),),
        ),
        Reader(
            "assess (JSON)",
            ("assess", "-m", "{m}", "{input}", *common),
            (_ex("faaborg-midtfyn", "applications.json"),),
        ),
        Reader(
            "assess (JSON Lines)",
            ("assess", "-m", "{m}", "{input}", *common),
            (_ex("faaborg-midtfyn", "applications.json"),),
            formats=("jsonl", "text"),
            suffix=".jsonl",
        ),
        Reader(
            "volunteers check",
            ("volunteers", "check", "-m", "{m}", "{input}", *common),
            (
                _ex("odense", "volunteers", "tasks.json"),
                _ex("faaborg-midtfyn", "volunteers", "tasks.json"),
            ),
        ),
        Reader(
            "volunteers review role",
            ("volunteers", "review", "role", "-m", "{m}", "{input}", *common),
            (_ex("kolding", "roles", "roles.json"),),
        ),
        Reader(
            "volunteers review checklist",
            ("volunteers", "review", "checklist", "-m", "{m}", "{input}", *common),
            (_ex("kolding", "checklists", "checklists.json"),),
        ),
        Reader(
            "volunteers review agreement",
            ("volunteers", "review", "agreement", "-m", "{m}", "{input}", *common),
            (_ex("faaborg-midtfyn", "agreements", "agreements.json"),),
        ),
        Reader(
            "awards check",
            ("awards", "check", "-m", "{m}", "{input}", *common),
            (
                _ex("odense", "nominations", "nominations.json"),
                _ex("faaborg-midtfyn", "nominations", "nominations.json"),
            ),
        ),
        Reader(
            "organisation check-forum",
            ("organisation", "check-forum", "-m", "{m}", "{input}", *common),
            tuple(
                _ex(slug, "forums", name)
                for slug, name in [
                    ("odense", "samarbejdsforum.toml"),
                    ("faaborg-midtfyn", "foelgegruppe.toml"),
                    ("kolding", "socialkompas.toml"),
                ]
            ),
            free_text=frozenset({"organisation"}),  # a member's organisation, by name
        ),
        Reader(
            "strategy design",
            ("strategy", "design", "-m", "{m}", "{input}", *common),
            (_ex("kolding", "design", "2024.toml"), _ex("odense", "design", "2024-03-21.toml")),
        ),
        Reader(
            "report (decisions)",
            ("report", "-m", "{m}", "--year", "2025", "{input}", *common),
            (shared / "decisions.json",),
            formats=("json", "markdown"),
            municipality="odense",
            counted="grants",
        ),
        Reader(
            "report (nominations)",
            ("report", "-m", "{m}", "--year", "2025", "--awards", "{input}", *common),
            (shared / "nomination-decisions.json",),
            formats=("json", "markdown"),
            municipality="odense",
            counted="awards",
        ),
        Reader(
            "test (case files)",
            ("test", "{input}"),
            tuple(
                _cases_file(slug, name)
                for slug, name in [
                    ("odense", "criteria.toml"),
                    ("odense", "awards.toml"),
                    ("faaborg-midtfyn", "volunteers.toml"),
                    ("odense", "forum.toml"),
                    ("kolding", "strategy.toml"),
                ]
            ),
            formats=("text",),
            output=False,
            screens=False,
        ),
    ]


def _slug_of(reader: Reader, example: Path) -> str:
    if reader.municipality:
        return reader.municipality
    return example.relative_to(MUNICIPALITIES).parts[0]


def _is_date(value: Any) -> bool:
    return isinstance(value, date) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value) is not None
    )


def _is_number(value: Any) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)) or (
        isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value) is not None
    )


def _nested(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


def _wrong_types(value: Any) -> list[Any]:
    candidates = [42, "tekst", True, [1, 2], {"x": 1}, 1.5]
    return [c for c in candidates if type(c) is not type(value)]


def _mutations(
    value: Any, parent: Any, json_like: bool, ids: frozenset[str]
) -> dict[str, list[Any]]:
    """What can be put in place of ``value`` (in ``parent``), by kind: each a list of
    (label, change, secrets, must_fail) where change is ("put", value), ("drop",),
    ("twice", value) or ("key", name, value)."""
    element = value[0] if isinstance(value, list) and value else value
    kinds: dict[str, list[Any]] = {
        "wrong type": [(f"{v!r}", ("put", v), (), None) for v in _wrong_types(value)],
        "empty": [("''", ("put", ""), (), None)],
        "huge string": [(f"{len(t):,} characters", ("put", t), (), None) for t in HUGE_TEXTS],
        "huge list": [(f"{HUGE:,} elements", ("put", Repeated(element, HUGE)), (), None)],
        "deep nesting": [
            ("40 levels of lists", ("put", _nested(value, 40)), (), None),
            ("5,000 levels", ("put", Raw("[" * 5000 + "]" * 5000)), (), None),
        ],
    }
    if json_like:
        kinds["null"] = [("null", ("put", None), (), None)]
    if isinstance(parent, dict):
        kinds["missing"] = [("left out", ("drop",), (), None)]
        kinds["repeated key"] = [
            ("given twice", ("twice", "tekst"), (), "a key given twice is refused")
        ]
    if _is_date(value):
        dates: list[Any] = ["0001-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2025-02-29"]
        if not json_like:
            dates += [
                date(1, 1, 1),
                date(9999, 12, 31),
                date(2024, 2, 29),
                datetime(2025, 1, 1, 10),
            ]
        kinds["date"] = [(repr(d), ("put", d), (), None) for d in dates]
    if _is_number(value):
        numbers: list[Any] = [
            value + 1 if isinstance(value, int) else value,  # the year after, one more
            10**30,
            -1,
            0.5,
            -0.0,
            float("inf"),
            "1" + "0" * 30,
            "-0",
            "NaN",
            "1e5",
        ]
        numbers += [Raw("-0"), Raw("NaN"), float("nan")]
        kinds["number"] = [(repr(n), ("put", n), (), None) for n in numbers]
    if isinstance(value, str):
        spaced = " " in value
        kinds["CPR number"] = [
            (
                f"CPR {s!r}",
                ("put", f"{value} {s}" if spaced else s),
                (s,),
                "a CPR number is refused in every field",
            )
            for s in SPELLINGS
        ]
        kinds["control characters"] = [
            (f"{c!r}", ("put", f"{value}{c}x"), (), None) for c in CONTROLS
        ]
        if value in ids:
            kinds["unknown id"] = [
                (
                    f"{UNKNOWN_ID!r}",
                    ("put", UNKNOWN_ID),
                    (),
                    "an id the configuration does not define",
                )
            ]
    if isinstance(value, dict):
        kinds["CPR number"] = [
            (
                f"CPR {s!r} as a key",
                ("key", s, True),
                (s,),
                "a CPR number is refused in every field",
            )
            for s in SPELLINGS
        ]
    return kinds


def _apply(document: Any, path: PathTo, change: tuple[Any, ...]) -> Any:
    if change[0] == "put":
        return replaced(document, path, change[1])
    if change[0] == "drop":
        return deleted(document, path)
    if change[0] == "twice":
        return _with_key(document, path[:-1], str(path[-1]), change[1])
    return _with_key(document, path, change[1], change[2])


def _label(path: PathTo) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(document)"


def _document_cases(
    document: Any, items: list[PathTo], json_like: bool
) -> list[tuple[str, str, Any]]:
    """Whole-document mutations: (kind, label, document or Raw text)."""
    found: list[tuple[str, str, Any]] = [
        ("document", "an empty file", Raw("")),
        ("document", "text that is no document", Raw("{ nothing like it ]")),
        ("document", "a number where a document is expected", Raw("5")),
    ]
    if isinstance(document, list):
        found.append(("document", "a table where a list is expected", {"items": document}))
        found.append(("document", "no items", []))
    else:
        wrapped = [document] if json_like else {"value": [1]}
        found.append(("document", "a list where a table is expected", wrapped))
        unknown = _with_key(document, (), "probe_unknown", 1)
        found.append(("unknown key", "an unknown top-level key", unknown))
        if items:
            found.append(("document", "no items", replaced(document, items[0][:1], [])))
    for path in items[:3]:
        found.append(
            (
                "unknown key",
                f"{_label(path)}: an unknown key",
                _with_key(document, path, "probe_unknown", 1),
            )
        )
        item = _at(document, path)
        if isinstance(item, dict) and item:
            key = next(iter(item))
            typo = _typo(key)
            found.append(
                (
                    "unknown key",
                    f"{_label(path)}: key {key!r} misspelt {typo!r}",
                    _renamed(document, (*path, key), typo),
                )
            )
    return found


def _giant(document: Any, item: PathTo) -> tuple[PathTo, Any] | None:
    """The first list in ``item``, and a bad element for it: an empty table among
    tables, else a text."""
    for path in fields_of(_at(document, item), item):
        value = _at(document, path)
        if isinstance(value, list):
            return path, {} if value and isinstance(value[0], dict) else "x"
    return None


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class _Example:
    """One example file of a reader, and how a mutation of it becomes a case."""

    reader: Reader
    path: Path
    slug: str
    suffix: str
    counter: Iterator[int]

    def case(
        self,
        kind: str,
        label: str,
        mutated: Callable[[], Any],
        secrets: tuple[str, ...] = (),
        must_fail: str | None = None,
        heavy: bool = False,
        file: str | None = None,
        records: int | None = None,
    ) -> Case:
        """The case of one mutation; ``mutated`` makes the document when the case runs,
        ``records`` is how many items it holds (when the report counts them)."""
        reader = self.reader
        if reader.counted and kind != "repeated key":
            must_fail = None  # the report reads, and so refuses, only what it counts by
        if kind == "CPR number" and not reader.screens:
            must_fail = None
        write = WRITERS[self.suffix]
        file = file or f"input{self.suffix}"

        def files() -> Files:
            document = mutated()
            text = str(document) if isinstance(document, Raw) else write(document)
            return ((file, text.encode("utf-8")),)

        output_format = reader.formats[next(self.counter) % len(reader.formats)]
        if kind == "control characters":
            output_format = reader.formats[-1]  # the text format, where they would show
        out = "out." + {"text": "txt", "markdown": "md"}.get(output_format, output_format)
        values = {"{m}": _m(self.slug), "{input}": f"{{dir}}/{file}", "{format}": output_format}
        values["{output}"] = f"{{dir}}/{out}"
        argv = tuple(values.get(a, a) for a in reader.argv)
        counted = None
        if reader.counted and output_format == "json" and records is not None:
            counted = (reader.counted, records, known_ids(MUNICIPALITIES / self.slug))
        return Case(
            reader=reader.name,
            kind=kind,
            name=f"{reader.name} {self.path.parent.name}/{self.path.name} {label}",
            argv=argv,
            files=files,
            output=out if reader.output else None,
            output_format=output_format,
            input=file,
            must_fail=must_fail,
            secrets=secrets,
            heavy=heavy,
            timeout=TIMEOUT * 2 if heavy else TIMEOUT,
            counted=counted,
        )


def reader_cases(reader: Reader) -> Iterator[Case]:
    """Every field of every item of the reader's examples mutated: the first item by
    every kind of mutation (each value of each kind at least once), every other item
    by one kind per field, in turn; then the whole document, a giant list, and a file
    named by its date and time."""
    for path in reader.examples:
        slug = _slug_of(reader, path)
        suffix = reader.suffix or path.suffix
        example = _Example(reader, path, slug, suffix, itertools.count())
        json_like = suffix != ".toml"
        document = _reading(path)
        if suffix == ".jsonl":
            document = next(v for v in document.values() if isinstance(v, list))
        if reader.name.startswith("test"):
            document = {"municipality": _m(slug), **document}
        ids = known_ids(MUNICIPALITIES / slug)
        items = items_of(document)

        def mutations(at: PathTo) -> dict[str, list[Any]]:
            found = _mutations(_at(document, at), _at(document, at[:-1]), json_like, ids)  # noqa: B023
            keys = [step for step in at if isinstance(step, str)]
            if keys and keys[-1] in reader.free_text:
                found.pop("unknown id", None)
            return found

        records = len(document) if isinstance(document, list) else None
        for kind, label, whole in _document_cases(document, items, json_like):
            must_fail = "an unknown key is refused" if kind == "unknown key" else None
            count = len(whole) if isinstance(whole, list) else None
            made = example.case(
                kind, label, partial(_same, whole), must_fail=must_fail, records=count
            )
            yield replace(made, empty=label == "no items")
        if not items:
            continue
        first = items[0]
        paths = fields_of(_at(document, first), first)
        by_kind: dict[str, list[tuple[PathTo, list[Any]]]] = defaultdict(list)
        for at in paths:
            for kind, changes in mutations(at).items():
                by_kind[kind].append((at, changes))
        for kind, found in by_kind.items():
            for index in range(max(len(found), *(len(changes) for _, changes in found))):
                at, changes = found[index % len(found)]
                label, change, secrets, must_fail = changes[index % len(changes)]
                mutated = partial(_apply, document, at, change)
                label = f"{_label(at)}: {label}"
                yield example.case(kind, label, mutated, secrets, must_fail, records=records)
        turn = itertools.count()
        for item in items[1:]:
            for at in fields_of(_at(document, item), item):
                kinds = mutations(at)
                index = next(turn)
                kind = sorted(kinds)[index % len(kinds)]
                label, change, secrets, must_fail = kinds[kind][index % len(kinds[kind])]
                mutated = partial(_apply, document, at, change)
                label = f"{_label(at)}: {label}"
                yield example.case(kind, label, mutated, secrets, must_fail, records=records)
        giant = _giant(document, first)
        if giant:
            at, bad = giant
            mutated = partial(replaced, document, at, Repeated(bad, GIANT))
            label = f"{_label(at)}: {GIANT:,} bad elements"
            yield example.case("giant list", label, mutated, heavy=True)
        label, change, _, _ = mutations(paths[0])["wrong type"][0]
        yield example.case(
            "date-time in the file name",
            f"{_label(paths[0])}: {label}, in a file named by its date and time",
            partial(_apply, document, paths[0], change),
            file=f"round-2024-09-01_10_00{suffix}",
        )


# Configuration mutations -------------------------------------------------------------


CONFIG_SLUGS = ("odense", "faaborg-midtfyn", "kolding")


def _typo(key: str) -> str:
    return key[:-2] + key[-1] if len(key) > 2 else key + "x"


GIANT_CONFIGURATION = 250_000
"""Criteria in a giant configuration: some 100 MB, under the file limit (issue 21
measured 52 s and 2.4 GB for as many)."""

_CONFIG_KINDS = ("delete a key", "typo a key", "change a type")


def _config_case(
    slug: str,
    file: str,
    kind: str,
    label: str,
    mutated: Callable[[], Any],
    must_fail: str | None = None,
) -> Case:
    heavy = kind == "giant configuration"

    def files() -> Files:
        document = mutated()
        text = str(document) if isinstance(document, Raw) else to_toml(document)
        return ((f"{slug}/{file}", text.encode("utf-8")),)

    return Case(
        reader="check-config",
        kind=kind,
        name=f"check-config {slug}/{file} {label}",
        argv=("check-config", f"{{dir}}/{slug}"),
        files=files,
        tree=slug,
        input=f"{slug}/{file}",
        must_fail=must_fail,
        heavy=heavy,
        timeout=TIMEOUT * 2 if heavy else TIMEOUT,
    )


def _key_mutation(document: Any, at: PathTo, kind: str, turn: int) -> tuple[str, Any, str | None]:
    """The key at ``at`` left out, misspelt or given a value of the wrong type: a label,
    what makes the document, and why exit 0 would be wrong."""
    if kind == "delete a key":
        return "left out", partial(deleted, document, at), None
    if kind == "typo a key":
        typo = _typo(str(at[-1]))
        return f"spelt {typo!r}", partial(_renamed, document, at, typo), "a misspelt key is refused"
    wrong = _wrong_types(_at(document, at))
    value = wrong[turn % len(wrong)]
    return repr(value), partial(replaced, document, at, value), "a wrong type is refused"


def _copied_after(document: Any, item: PathTo) -> Any:
    """A copy of ``document`` with the item at ``item`` given again right after it: the
    same id, the same dates."""
    copied = copy.deepcopy(document)
    items = _at(copied, item[:-1])
    items.insert(int(item[-1]) + 1, copy.deepcopy(items[item[-1]]))
    return copied


def _giant_criteria(document: Any) -> Raw:
    """``criteria.toml`` with GIANT_CONFIGURATION copies of its first criterion (each its
    own id) after its own."""
    first = document["criteria"][0]
    template = _toml_value(first)
    own = f"id = {_toml_string(first['id'])}"
    copies = (
        template.replace(own, f"id = {_toml_string(first['id'] + f'-{n}')}", 1)
        for n in range(GIANT_CONFIGURATION)
    )
    criteria = ", ".join([*map(_toml_value, document["criteria"]), *copies])
    rest = to_toml({k: v for k, v in document.items() if k != "criteria"})
    return Raw(f"{rest}criteria = [{criteria}]\n")


def config_cases() -> Iterator[Case]:
    """Each configuration file of each municipality with a key deleted, misspelt or
    retyped (every key of the first item of each list, one key of every other item, in
    turn), an id given twice, references left dangling, and a giant list of criteria."""
    turn = itertools.count()
    for slug in CONFIG_SLUGS:
        directory = MUNICIPALITIES / slug
        ids = known_ids(directory)
        for path in sorted(directory.glob("*.toml")):
            document = _reading(path)
            items = items_of(document)
            for index, item in enumerate(items):
                value = _at(document, item)
                keys = [(*item, key) for key in value]
                if index == 0 or item[:-1] != items[index - 1][:-1]:  # the first of its list
                    chosen = [(at, kind) for at in keys for kind in _CONFIG_KINDS]
                else:
                    n = next(turn)
                    chosen = [(keys[n % len(keys)], _CONFIG_KINDS[n % len(_CONFIG_KINDS)])]
                for at, kind in chosen:
                    label, mutated, must_fail = _key_mutation(document, at, kind, next(turn))
                    label = f"{_label(at)}: {label}"
                    yield _config_case(slug, path.name, kind, label, mutated, must_fail)
                if "id" in value and isinstance(item[-1], int):
                    mutated = partial(_copied_after, document, item)
                    label = f"{_label(item)}: given twice, id {value['id']!r}"
                    why = "an id given twice is refused"
                    yield _config_case(slug, path.name, "duplicate an id", label, mutated, why)
                references = [
                    at
                    for at in fields_of(value, item)
                    if at[-1] not in {"id", "da", "en"} and isinstance(_at(document, at), str)
                    if _at(document, at) in ids
                ]
                for at in references if index == 0 else references[:1]:
                    mutated = partial(replaced, document, at, "probe-dangling")
                    label = f"{_label(at)}: {_at(document, at)!r} pointing at nothing"
                    why = "a reference to nothing is refused"
                    yield _config_case(slug, path.name, "dangling reference", label, mutated, why)
            if path.name == "criteria.toml":
                label = f"criteria: {GIANT_CONFIGURATION:,} items"
                mutated = partial(_giant_criteria, document)
                yield _config_case(slug, path.name, "giant configuration", label, mutated)


# The command line itself ----------------------------------------------------------


def command_line_cases() -> Iterator[Case]:
    """Values given to options and the command name: CPR numbers, control characters."""
    apps = str(_ex("faaborg-midtfyn", "applications.json"))
    fm = _m("faaborg-midtfyn")
    places: list[tuple[str, Callable[[str], list[str]]]] = [
        ("--on", lambda v: ["assess", "-m", fm, apps, "--on", v]),
        ("--year", lambda v: ["report", "-m", _m("odense"), "--year", v]),
        (
            "--ages",
            lambda v: [
                "organisation",
                "entry-point",
                "-m",
                _m("odense"),
                "--ages",
                v,
                "--on",
                "2025-01-01",
            ],
        ),
        ("--lang", lambda v: ["assess", "-m", fm, apps, "--lang", v]),
        ("-m", lambda v: ["assess", "-m", v, apps]),
        ("the command name", lambda v: [v]),
    ]
    for option, argv in places:
        for spelling in SPELLINGS:
            yield Case(
                "command line",
                "CPR number",
                f"command line {option} CPR {spelling!r}",
                tuple(argv(spelling)),
                secrets=(spelling,),
            )
        for control in CONTROLS:
            yield Case(
                "command line",
                "control characters",
                f"command line {option} {control!r}",
                tuple(argv(f"x{control}y")),
            )


# Hostile plugins ------------------------------------------------------------------

_HOOK = """
@hookimpl
def civilsamfund_municipality_dirs():
    {body}
"""
_TYPES = """
@hookimpl
def civilsamfund_criterion_types():
    {body}
"""
_CHECK = """
from collections.abc import Mapping
from typing import ClassVar
from attrs import frozen
from civilsamfund import Status, Text, Verdict
from civilsamfund.grants import GrantCheck
from civilsamfund.grants.facts import OPEN_TO_ALL


@frozen(kw_only=True)
class Hostile(GrantCheck):
    FACTS = (OPEN_TO_ALL,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {{"done": Text(da="{message}", en="{message}")}}

    def evaluate(self, facts):
        {body}


@hookimpl
def civilsamfund_criterion_types():
    return {{"probe.hostile": Hostile}}
"""
_SHIPS = """
from pathlib import Path


@hookimpl
def civilsamfund_municipality_dirs():
    return [Path(__file__).parent / "municipality"]
"""


@dataclass(frozen=True)
class Hostile:
    """A plugin package that misbehaves: the code of its module, the name of its entry
    point, and (for one that ships a municipality) how its copy of Odense is changed."""

    name: str
    code: str
    entry_point: str | None = None
    ships: tuple[tuple[str, str, str], ...] = ()
    """Changes to its copy of Odense: (file, old text, new text)."""
    secrets: tuple[str, ...] = ()
    commands: tuple[str, ...] = ("plugins", "municipalities", "check-config", "assess")
    must_fail: frozenset[str] = frozenset({"check-config", "assess"})
    slow: bool = False

    @property
    def module(self) -> str:
        return "civilsamfund_probe_" + self.name.replace("-", "_")

    @property
    def target(self) -> tuple[str, str]:
        """What ``check-config`` and ``assess -m`` are given: a municipality whose rules
        use the plugin's check, or Odense (by its slug, so that the hooks are called)."""
        if "class Hostile(GrantCheck)" in self.code:
            return "{shared}/town", "{shared}/town"
        return _m("odense"), "odense"


_SLEEP = f"import time; time.sleep({PLUGIN_SLEEP})"
_CPR = "Hans 010190-1234"
_O18_7 = (
    'params = { minimum = "0.5", inclusive = false }',
    'params = { minimum = "0", inclusive = true }',
)

_LOADING = frozenset({"assess"})
"""Where a plugin whose hook names municipality folders must be seen to fail: loading
Odense by its slug (``check-config`` is given a folder, and does not call that hook)."""

HOSTILE_PLUGINS = (
    Hostile("exit-in-hook", _HOOK.format(body="raise SystemExit(0)"), must_fail=_LOADING),
    Hostile("exit-1-in-types", _TYPES.format(body="raise SystemExit(1)")),
    Hostile("interrupt-in-hook", _HOOK.format(body="raise KeyboardInterrupt"), must_fail=_LOADING),
    Hostile(
        "base-exception-in-hook",
        "class Stop(BaseException):\n    pass\n" + _HOOK.format(body="raise Stop('stop')"),
        must_fail=_LOADING,
    ),
    Hostile(
        "cpr-in-hook-error",
        _HOOK.format(body=f"raise RuntimeError({_CPR!r})"),
        secrets=("010190-1234",),
        must_fail=_LOADING,
    ),
    Hostile(
        "cpr-on-import",
        f"raise RuntimeError({_CPR!r})",
        secrets=("010190-1234",),
        must_fail=frozenset({"check-config"}),
    ),
    Hostile(
        "colon-cpr-on-import",
        "raise RuntimeError('Hans 010190:1234')",
        secrets=("010190:1234",),
        must_fail=frozenset({"check-config"}),
    ),
    Hostile("nonsense-dirs", _HOOK.format(body="return 42"), must_fail=_LOADING),
    Hostile("nonsense-types", _TYPES.format(body="return {'probe.hostile': 'not a class'}")),
    Hostile("sleep-in-hook", _HOOK.format(body=_SLEEP), slow=True, must_fail=_LOADING),
    Hostile("exit-in-check", _CHECK.format(message="Færdig.", body="raise SystemExit(0)")),
    Hostile("interrupt-in-check", _CHECK.format(message="Færdig.", body="raise KeyboardInterrupt")),
    Hostile(
        "base-exception-in-check",
        "class Stop(BaseException):\n    pass\n"
        + _CHECK.format(message="Færdig.", body="raise Stop('stop')"),
    ),
    Hostile(
        "cpr-in-check-error",
        _CHECK.format(message="Færdig.", body=f"raise ValueError({_CPR!r})"),
        secrets=("010190-1234",),
    ),
    Hostile("nonsense-verdict", _CHECK.format(message="Færdig.", body="return 'yes'")),
    Hostile("sleep-in-check", _CHECK.format(message="Færdig.", body=_SLEEP), slow=True),
    Hostile(
        "cpr-in-message",
        _CHECK.format(
            message="Borger 010190-1234.", body="return Verdict(status=Status.PASS, message='done')"
        ),
        secrets=("010190-1234",),
        must_fail=frozenset(),
    ),
    Hostile(
        "cpr-in-fact",
        _CHECK.format(
            message="Færdig.",
            body="return Verdict(status=Status.PASS, message='done', "
            "facts={'borger': '010190-1234'})",
        ),
        secrets=("010190-1234",),
        must_fail=frozenset(),
    ),
    Hostile(
        "takes-odense",
        _SHIPS,
        entry_point="odense",
        ships=(("criteria.toml", *_O18_7),),
        commands=("plugins", "municipalities", "assess odense"),
    ),
    Hostile(
        "upper-case-odense",
        _SHIPS,
        ships=(
            ("criteria.toml", *_O18_7),
            ("municipality.toml", 'slug = "odense"', 'slug = "ODENSE"'),
        ),
        commands=("municipalities", "assess ODENSE"),
    ),
    Hostile(
        "spaced-odense",
        _SHIPS,
        ships=(
            ("criteria.toml", *_O18_7),
            ("municipality.toml", 'slug = "odense"', 'slug = "odense "'),
        ),
        commands=("municipalities", "assess odense "),
    ),
    Hostile(
        "second-odense", _SHIPS, ships=(("criteria.toml", *_O18_7),), commands=("assess odense",)
    ),
)
"""Twenty-two plugins that misbehave, each installed alone beside the bundled ones."""


def install_hostile(plugin: Hostile, root: Path) -> Path:
    """``plugin`` as an installed distribution under ``root`` (a folder for ``sys.path``)."""
    target = root / plugin.name
    package = target / plugin.module
    package.mkdir(parents=True, exist_ok=True)
    code = "from civilsamfund import hookimpl\n" + plugin.code
    (package / "__init__.py").write_text(code, encoding="utf-8")
    if plugin.ships:
        shipped = package / "municipality"
        shutil.copytree(MUNICIPALITIES / "odense", shipped, dirs_exist_ok=True)
        for file, old, new in plugin.ships:
            text = (shipped / file).read_text(encoding="utf-8")
            assert old in text, (plugin.name, old)
            (shipped / file).write_text(text.replace(old, new), encoding="utf-8")
    info = target / f"{plugin.module}-0.0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {plugin.module}\nVersion: 0.0.1\n", encoding="utf-8"
    )
    entry = plugin.entry_point or f"probe-{plugin.name}"
    (info / "entry_points.txt").write_text(
        f"[civilsamfund]\n{entry} = {plugin.module}\n", encoding="utf-8"
    )
    return target


def plugin_cases() -> Iterator[Case]:
    """Each hostile plugin under each command it can spoil."""
    apps = str(_ex("odense", "applications.toml"))
    for plugin in HOSTILE_PLUGINS:
        directory, slug = plugin.target
        commands = {
            "plugins": ("plugins",),
            "municipalities": ("municipalities",),
            "check-config": ("check-config", directory),
            "assess": ("assess", "-m", slug, apps, "--format", "json", "-o", "{dir}/out.json"),
        }
        for command in plugin.commands:
            if command.startswith("assess "):
                argv: tuple[str, ...] = (
                    "assess",
                    "-m",
                    command[len("assess ") :],
                    apps,
                    "--format",
                    "json",
                    "-o",
                    "{dir}/out.json",
                )
                must_fail = "rules from a second source are refused"
            else:
                argv = commands[command]
                must_fail = "the plugin failed" if command in plugin.must_fail else None
            yield Case(
                reader="plugins",
                kind=plugin.name,
                name=f"plugin {plugin.name}: {' '.join(argv)}",
                argv=argv,
                output="out.json" if "-o" in argv else None,
                output_format="json" if "-o" in argv else "text",
                must_fail=must_fail,
                secrets=plugin.secrets,
                plugin=plugin.name,
                heavy=plugin.slow,
                timeout=PLUGIN_TIMEOUT if plugin.slow else TIMEOUT,
            )


# Kills ----------------------------------------------------------------------------


@cache
def big_batch(count: int = KILL_ITEMS) -> bytes:
    """``count`` applications to Faaborg-Midtfyn, made from its examples."""
    examples = _reading(_ex("faaborg-midtfyn", "applications.json"))["applications"]
    items = []
    for index in range(count):
        item = copy.deepcopy(examples[index % len(examples)])
        item["id"] = f"probe-{index}"
        items.append(item)
    return json.dumps({"applications": items}, ensure_ascii=False).encode()


PREVIOUS = b'{"previous": "what the file held before"}\n'


def _kill_files(count: int, out: str) -> Files:
    return (("batch.json", big_batch(count)), (out, PREVIOUS))


def kill_cases(
    count: int = KILL_ITEMS, delays: Sequence[float] = (0.3, 0.6, 0.9, 1.2, 1.6)
) -> Iterator[Case]:
    """A batch killed at several moments by SIGKILL, SIGTERM and SIGINT, writing JSON or
    JSON Lines over a file that held something before."""
    for signum, delay, output_format in itertools.product(
        (signal.SIGKILL, signal.SIGTERM, signal.SIGINT), delays, ("json", "jsonl")
    ):
        out = f"out.{output_format}"
        yield Case(
            reader="kill",
            kind=signal.Signals(signum).name,
            name=f"kill {signal.Signals(signum).name} after {delay} s writing {output_format}",
            argv=(
                "assess",
                "-m",
                _m("faaborg-midtfyn"),
                "{dir}/batch.json",
                "--format",
                output_format,
                "-o",
                f"{{dir}}/{out}",
            ),
            files=partial(_kill_files, count, out),
            output=out,
            output_format=output_format,
            heavy=True,
            kill=(signum, delay),
            previous=PREVIOUS,
        )


# The corpus -----------------------------------------------------------------------


def prepare_shared(shared: Path) -> None:
    """What runs share: the decision files a report reads, a municipality with a hostile
    check's criterion, and each hostile plugin as an installed distribution."""
    from civilsamfund import load_municipality_dir
    from civilsamfund.awards import write_nomination_decisions
    from civilsamfund.grants import write_decisions

    shared.mkdir(parents=True, exist_ok=True)
    odense = load_municipality_dir(MUNICIPALITIES / "odense")
    out = io.BytesIO()
    write_decisions(odense, [_ex("odense", "applications.toml")], out, format="json")
    (shared / "decisions.json").write_bytes(out.getvalue())
    out = io.BytesIO()
    nominations = json.loads(_ex("odense", "nominations", "nominations.json").read_bytes())
    nominations["nominations"] = [n for n in nominations["nominations"] if n["year"] == 2025]
    (shared / "nominations-2025.json").write_text(json.dumps(nominations), encoding="utf-8")
    write_nomination_decisions(odense, [shared / "nominations-2025.json"], out, format="json")
    (shared / "nomination-decisions.json").write_bytes(out.getvalue())
    from helpers import with_supplementary

    town = with_supplementary(shared / "town-parent", "probe.hostile")
    if (shared / "town").exists():
        shutil.rmtree(shared / "town")
    town.rename(shared / "town")
    for plugin in HOSTILE_PLUGINS:
        install_hostile(plugin, shared / "plugins")


def corpus(shared: Path) -> list[Case]:
    """Every case, in a fixed order; ``shared`` must hold what :func:`prepare_shared` writes."""
    cases: list[Case] = []
    for reader in readers(shared):
        cases += reader_cases(reader)
    cases += config_cases()
    cases += command_line_cases()
    cases += plugin_cases()
    cases += kill_cases()
    names = Counter(case.name for case in cases)
    return [
        replace(c, name=f"{c.name} #{i}") if names[c.name] > 1 else c for i, c in enumerate(cases)
    ]


def sample(cases: Sequence[Case], seed: int = SEED) -> list[Case]:
    """One light case of each reader and kind, chosen by ``seed``."""
    groups: dict[tuple[str, str], list[Case]] = defaultdict(list)
    for case in cases:
        if not case.heavy:
            groups[case.reader, case.kind].append(case)
    chooser = random.Random(seed)
    return [chooser.choice(groups[key]) for key in sorted(groups)]


# Running --------------------------------------------------------------------------


@dataclass
class Run:
    """What a run did: its exit code and every byte it wrote."""

    case: Case
    code: int | None
    stdout: bytes = b""
    stderr: bytes = b""
    output: bytes | None = None
    parts: tuple[str, ...] = ()
    """Temporary files left beside the output."""
    seconds: float = 0.0
    timed_out: bool = False
    grown: int = 0
    """Bytes of memory the run took at its peak beyond what it started with."""
    verdicts: dict[str, str] = field(default_factory=dict)


def materialise(case: Case, folder: Path) -> None:
    """Write the case's files (and the municipality it copies) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    if case.tree:
        shutil.copytree(MUNICIPALITIES / case.tree, folder / case.tree, dirs_exist_ok=True)
    for name, content in case.files():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


def argv_of(case: Case, folder: Path, shared: Path) -> list[str]:
    return [a.replace("{dir}", str(folder)).replace("{shared}", str(shared)) for a in case.argv]


@contextlib.contextmanager
def _plugin_on_path(case: Case, shared: Path) -> Iterator[None]:
    """The case's hostile plugin installed (on ``sys.path``) for the run, and gone after."""
    from civilsamfund.plugins._manager import installed

    if case.plugin is None:
        yield
        return
    root = str(shared / "plugins" / case.plugin)
    sys.path.insert(0, root)
    installed.cache_clear()
    try:
        yield
    finally:
        sys.path.remove(root)
        for module in [m for m in sys.modules if m.startswith("civilsamfund_probe_")]:
            del sys.modules[module]
        installed.cache_clear()


@contextlib.contextmanager
def _clean_environment() -> Iterator[None]:
    saved = {
        k: os.environ.pop(k)
        for k in ("CIVILSAMFUND_PATH", "CIVILSAMFUND_PLUGINS")
        if k in os.environ
    }
    try:
        yield
    finally:
        os.environ.update(saved)


def _call_main(argv: list[str]) -> int:
    """``civilsamfund`` as its console script runs it: an escaping exception is a
    traceback on standard error and exit 1, SystemExit its code."""
    from civilsamfund.cli import main

    try:
        return main(argv)
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write(f"{code}\n")
        return 1
    except BaseException:
        with contextlib.suppress(BaseException):  # printing may fail too, out of memory
            traceback.print_exc()
        return 1


def _collect(run: Run, folder: Path) -> Run:
    case = run.case
    if case.output:
        target = folder / case.output
        run.output = target.read_bytes() if target.is_file() else None
        run.parts = tuple(sorted(p.name for p in folder.glob(f".{case.output}*")))
    return run


def run_in_process(case: Case, folder: Path, shared: Path) -> Run:
    """Run ``case`` through ``civilsamfund.cli.main`` in this process."""
    materialise(case, folder)
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(
        err, encoding="utf-8", errors="backslashreplace", write_through=True
    )
    sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    start = time.monotonic()
    try:
        with _clean_environment(), _plugin_on_path(case, shared):
            code = _call_main(argv_of(case, folder, shared))
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(ValueError):
                stream.flush()
    finally:
        for stream in (sys.stdout, sys.stderr, sys.stdin):
            with contextlib.suppress(ValueError):
                stream.detach()
        sys.stdout, sys.stderr, sys.stdin = saved
    run = Run(case, code, out.getvalue(), err.getvalue(), seconds=time.monotonic() - start)
    return _collect(run, folder)


def _pages(field: int) -> int:
    """Bytes of this process's address space (field 0) or resident set (field 1), on
    Linux; else 0."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[field])
    except OSError:
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


_ESCAPED = "probe: the run ended in an exception that could not be printed"
ESCAPED = f"\n{_ESCAPED}\n".encode()
"""Written, with no memory to spare, when even printing the traceback failed."""


def _child(case: Case, folder: Path, shared: Path, streams: Path) -> int:
    """In the forked child: fresh standard streams, limits, then the command line."""
    import resource

    os.setpgid(0, 0)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        os.dup2(os.open(streams / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    sys.stdin = io.TextIOWrapper(open(0, "rb", closefd=False), encoding="utf-8")  # noqa: SIM115
    sys.stdout = io.TextIOWrapper(open(1, "wb", closefd=False), encoding="utf-8")  # noqa: SIM115
    sys.stderr = io.TextIOWrapper(
        open(2, "wb", closefd=False),  # noqa: SIM115
        encoding="utf-8",
        errors="backslashreplace",
        write_through=True,
    )
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    limit = _pages(0) + MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    with _clean_environment(), _plugin_on_path(case, shared):
        code = _call_main(argv_of(case, folder, shared))
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    return code


def warm_up(cases: Sequence[Case], work: Path, shared: Path) -> None:
    """Run a light case of each reader here, so that every child starts with the modules
    imported and the installed plugins loaded, as a long-lived process would."""
    first: dict[str, Case] = {}
    for case in cases:
        if not (case.heavy or case.plugin or case.kill):
            first.setdefault(case.reader, case)
    for index, case in enumerate(first.values()):
        run_in_process(case, work / str(index), shared)


@dataclass
class _Job:
    index: int
    case: Case
    pid: int
    folder: Path
    streams: Path
    start: float
    resident: int
    """Bytes resident in the parent when it forked: where the child's count starts."""
    signalled: bool = False
    timed_out: bool = False


def run_isolated(
    cases: Sequence[Case],
    work: Path,
    shared: Path,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Run]:
    """Run each case in a forked child with at most :data:`MEMORY` more address space and
    its timeout, ``jobs`` at a time; a child's processes are all ended with it."""
    jobs = jobs or os.cpu_count() or 1
    warm_up(cases, work / "warm-up", shared)
    results: list[Run | None] = [None] * len(cases)
    pending = list(enumerate(cases))
    running: dict[int, _Job] = {}
    done = 0
    while pending or running:
        while pending and len(running) < jobs:
            index, case = pending.pop(0)
            folder = work / f"{index}" / "run"
            streams = work / f"{index}"
            materialise(case, folder)
            resident = _pages(1)
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                code = 70
                try:
                    code = _child(case, folder, shared, streams)
                except BaseException:
                    os.write(2, ESCAPED)
                finally:
                    os._exit(code)
            running[pid] = _Job(index, case, pid, folder, streams, time.monotonic(), resident)
        for pid, job in list(running.items()):
            waited, status, usage = os.wait4(pid, os.WNOHANG)
            now = time.monotonic()
            if waited:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGKILL)  # anything it left behind
                del running[pid]
                run = Run(
                    job.case,
                    os.waitstatus_to_exitcode(status),
                    (job.streams / "stdout").read_bytes(),
                    (job.streams / "stderr").read_bytes(),
                    seconds=now - job.start,
                    timed_out=job.timed_out,
                    grown=usage.ru_maxrss * 1024 - job.resident,
                )
                results[job.index] = _collect(run, job.folder)
                shutil.rmtree(job.streams, ignore_errors=True)
                done += 1
                if progress:
                    progress(done, len(cases))
            elif job.case.kill and not job.signalled and now - job.start >= job.case.kill[1]:
                os.kill(pid, job.case.kill[0])
                job.signalled = True
            elif now - job.start > job.case.timeout and not job.timed_out:
                job.timed_out = True
                os.killpg(pid, signal.SIGKILL)
        time.sleep(0.002)
    return [r for r in results if r is not None]


# Judging --------------------------------------------------------------------------


def _texts(run: Run) -> dict[str, str]:
    texts = {
        "stdout": run.stdout.decode("utf-8", "replace"),
        "stderr": run.stderr.decode("utf-8", "replace"),
    }
    if run.output is not None and run.output != run.case.previous:
        texts["output"] = run.output.decode("utf-8", "replace")
    return texts


def _folded(text: str) -> str:
    """``text`` in compatibility form without combining marks: how a reader sees digits."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _digits(text: str) -> str:
    return "".join(
        str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None
    )


def _echoed(text: str, secrets: Iterable[str]) -> str | None:
    """The first of ``secrets`` (CPR numbers a run was given) that ``text`` repeats:
    as given, or in any spelling the library's own pattern knows."""
    folded = _folded(text)
    written = {_digits(match.group()) for match in CPR_LIKE.finditer(folded)}
    for secret in secrets:
        if secret in text or _folded(secret) in folded or _digits(secret) in written:
            return secret
    return None


def _whole(run: Run) -> bool:
    """Whether the output (file or standard output) is a whole result of its format."""
    data = run.output if run.case.output else run.stdout
    if data is not None and run.case.empty and run.case.output_format not in {"json", "jsonl"}:
        return True
    if not data or not data.strip():
        return False
    try:
        if run.case.output_format == "json":
            json.loads(data)
        elif run.case.output_format == "jsonl":
            *lines, end = data.decode().splitlines()
            return json.loads(end).get("end", {}).get("count") == len(lines)
    except (ValueError, AttributeError):
        return False
    return True


def _numbers_under(value: Any, word: str) -> int:
    """The sum of the numbers under keys containing ``word``."""
    if isinstance(value, dict):
        return sum(
            _sum_numbers(v) if word in k else _numbers_under(v, word) for k, v in value.items()
        )
    if isinstance(value, list):
        return sum(_numbers_under(v, word) for v in value)
    return 0


def _sum_numbers(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        return sum(_sum_numbers(v) for v in value.values())
    if isinstance(value, list):
        return sum(_sum_numbers(v) for v in value)
    return 0


def _report_loses(run: Run) -> str | None:
    """What a report left uncounted or made up, given what it was fed."""
    assert run.case.counted is not None
    section, records, ids = run.case.counted
    try:
        report = json.loads(run.output or b"")
    except ValueError:
        return None
    if section == "grants":
        grants = report.get("grants", {})
        counted = grants.get("decisions", 0) + _numbers_under(grants, "left_out")
        shown = {line.get("id") for key in ("pools", "departments") for line in grants.get(key, [])}
    else:
        awards = report.get("awards", [])
        counted = sum(o.get("nominations", 0) for a in awards for o in a.get("nominations", []))
        counted += _numbers_under({k: v for k, v in report.items() if k != "grants"}, "left_out")
        shown = {a.get("award") for a in awards if a.get("nominations")}
    invented = sorted(str(i) for i in shown - ids - {None})  # None: "not settled"
    if invented:
        return f"a line for {invented[0]!r}, which the configuration does not define"
    if counted != records:
        return f"{records} records read, {counted} counted or left out"
    return None


MEMORY_WORDS = ("MemoryError", "Cannot allocate memory", "out of memory")


def verdicts(run: Run) -> dict[str, str]:
    """What went wrong in ``run``, by category, each with a short reason."""
    case, found = run.case, {}
    stderr = run.stderr.decode("utf-8", "replace")
    texts = _texts(run)
    if any(word in stderr for word in MEMORY_WORDS) or run.grown > MEMORY * 0.9:
        found["memory"] = f"ran out of its 1 GiB (grew by {run.grown / 2**20:,.0f} MiB)"
    elif run.timed_out:
        found["hang"] = f"still running after {case.timeout:g} s"
    elif any(sign in stderr for sign in ("Traceback (most recent", "Fatal Python", _ESCAPED)):
        last = [line for line in stderr.splitlines() if line and not line.startswith(" ")]
        found["traceback"] = last[-1][:160] if last else "a traceback"
    elif run.code is not None and run.code < 0 and not case.kill:
        found["traceback"] = f"killed by {signal.Signals(-run.code).name}"
    for where, text in texts.items():
        echoed = _echoed(text, case.secrets)
        if echoed:
            found.setdefault("cpr", f"{echoed!r} on {where}")
    for where, text in texts.items():
        if where == "stderr" or case.output_format in {"text", "markdown"}:
            raw = _RAW_CONTROL.search(text)
            if raw:
                found.setdefault("control", f"{raw.group()!r} raw on {where}")
    if case.input and not found.keys() & {"hang", "memory", "traceback"}:
        lines = [line for line in stderr.splitlines() if line.strip()]
        lines = [line for line in lines if not line.lstrip().startswith("…")]
        if case.reader == "check-config" and run.code in {1, 2}:
            loose = [line for line in lines if f"{case.tree}/" not in line]
            if loose:
                found["unnamed"] = loose[0][:160]
        elif run.code == 2 and Path(case.input).name not in stderr:
            found["unnamed"] = lines[0][:160] if lines else "nothing on stderr"
    if run.code and run.code > 0 and not (case.kill or run.stdout.strip() or stderr.strip()):
        found["silent"] = f"exit {run.code} and not a word said"
    if run.code == 0 and not case.kill:
        if case.must_fail:
            found["silent"] = f"exit 0, though {case.must_fail}"
        elif not _whole(run):
            found["silent"] = "exit 0 with nothing written"
        elif case.counted:
            lost = _report_loses(run)
            if lost:
                found["silent"] = f"exit 0, but {lost}"
    if case.kill:
        if run.output not in (case.previous, None) and not _whole(run):
            found["half"] = f"{case.output} half-written ({len(run.output or b''):,} bytes)"
        elif run.output is None:
            found["half"] = f"{case.output} deleted"
        elif run.parts and case.kill[0] != signal.SIGKILL:
            found["half"] = f"{run.parts[0]} left behind"
    run.verdicts = found
    return found


# The table ------------------------------------------------------------------------


def table(
    runs: Sequence[Run], by: Callable[[Case], str] = lambda case: case.reader, title: str = "reader"
) -> str:
    """The runs counted by reader (or ``by``), a column per category, as Markdown."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for run in runs:
        row = rows[by(run.case)]
        row["runs"] += 1
        row.update(run.verdicts.keys())
    header = ["runs", *CATEGORIES]
    lines = [
        f"| {title} | " + " | ".join(["runs", *CATEGORIES.values()]) + " |",
        "|---|" + "---:|" * len(header),
    ]
    total: Counter[str] = Counter()
    for name in rows:
        total.update(rows[name])
        lines.append(f"| {name} | " + " | ".join(f"{rows[name][c]:,}" for c in header) + " |")
    lines.append("| **all** | " + " | ".join(f"**{total[c]:,}**" for c in header) + " |")
    return "\n".join(lines) + "\n"


def examples(runs: Sequence[Run], per_category: int = 3) -> str:
    """A few runs of each category that went wrong, with the reason."""
    lines = []
    for category, title in CATEGORIES.items():
        failed = [run for run in runs if category in run.verdicts]
        if failed:
            lines.append(f"{title} ({len(failed):,}):")
            lines += [
                f"  - {run.case.name}: {run.verdicts[category]}" for run in failed[:per_category]
            ]
    return "\n".join(lines) + ("\n" if lines else "")
