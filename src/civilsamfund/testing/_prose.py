"""Whether generated text reads as a caseworker would write it, and every rule's every
message rendered to find out.

:func:`prose_faults` flags what a reader should never see: ISO dates and file names in
prose, dangling colons, a space before a full stop, empty brackets or lists, double
spaces, doubled words, a list without og/and, an open age range like ``65-``, and "before
start" said twice. :func:`rendered_messages` renders each message of each rule a
municipality has (whatever rules it has, so a rule added later is covered), in both
languages: with facts of the shape each placeholder's format asks for, lists of one,
two and three items, and with the facts of the check's own examples.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

import attrs
from attrs import frozen

from civilsamfund.config import Municipality
from civilsamfund.core import LANGUAGES, Language
from civilsamfund.core.rules import Check, Facts, Rule, Template

_CONJUNCTION = r"\b(?:og|eller|samt|and|or|nor)\b"
_SUBORDINATE = (
    r"(?:som|der|hvor|når|at|om|hvis|fordi|da|men|så|mens|hvilket|hvem|hvad|og|eller|"
    r"which|who|whom|where|when|that|if|as|so|but|while|because|whether|and|or)\b"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an ISO date in prose", re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")),
    ("a file name", re.compile(r"\b[\w-]+\.txt\b")),
    (
        "a colon after a word that wants its object",
        re.compile(
            r"\b(?:ikke|om|give|gives|giver|has|have|har|of|on|in|i|by|af|med|the|den|det"
            r"|whether|hvorvidt)\s*:"
        ),
    ),
    ("a colon with nothing after it", re.compile(r":\s*[.;,)]")),
    ("a space before punctuation", re.compile(r"\S\s+[.,;](?=\s|$)")),
    ("empty brackets", re.compile(r"\(\s*\)")),
    ("an empty list", re.compile(r"\b(?:og|eller|and|or)\s*[.;,)]|[(,:]\s*[,)]")),
    ("a doubled word", re.compile(r"\b([^\W\d_]{2,})\s+\1\b", re.IGNORECASE)),
    ("a capital article mid-sentence", re.compile(r"(?<=[a-z,;] )The\b")),
    ("an open age range", re.compile(r"(?<![\w-])\d+-(?![\w-])")),
    (
        "'before start' said twice",
        re.compile(
            r"\b(?:før|before)\b[^\n]*\b(?:start|starts|begynder)\b[^\n]*\b(?:før|before)\b[^\n]*"
            r"\b(?:start|starts|begynder)\b",
            re.IGNORECASE,
        ),
    ),
)
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_LIST_AFTER_COLON = re.compile(r":\s([^:;.()\n]+)")


def _unjoined(line: str) -> bool:
    """A list of three or more after a colon with no og/and before its last item (parts
    that open a clause, "som ..." or "at ...", are no list, nor is an address, all of
    whose parts hold digits)."""
    for match in _LIST_AFTER_COLON.finditer(line):
        items = [item.strip() for item in match.group(1).split(", ")]
        if len(items) < 3 or re.search(_CONJUNCTION, items[-1]):
            continue
        if any(re.match(_SUBORDINATE, item) for item in items[1:]):
            continue  # clauses, not a list
        if all(re.search(r"\d", item) for item in items):
            continue
        return True
    return False


def _tabular(line: str) -> bool:
    """A row of a table or a chart, aligned with runs of spaces."""
    return len(_DOUBLE_SPACE.findall(line)) > 1 or bool(re.search(r"\d:? {2,}\d|#$", line))


def prose_faults(text: str, documents: Iterable[str] = ()) -> list[str]:
    """Each fault of ``text`` that a reader should never see, as ``what: the line``;
    ``documents`` are the names citations use for documents (``barnets-lov``), which a
    reader should see only as titles.

    Works on a sentence or a whole output: a line ending in a colon is a heading when
    the next line is indented under it, and a list's heading otherwise dangles.
    """
    faults: list[str] = []
    lines = text.splitlines()
    names = [re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])") for name in documents]
    for index, line in enumerate(lines):
        found = [name for name, pattern in _PATTERNS if pattern.search(line)]
        if any(name.search(line) for name in names):
            found.append("a document's file name")
        if line.rstrip().endswith(":"):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            indent = len(line) - len(line.lstrip())
            if not following.strip() or len(following) - len(following.lstrip()) <= indent:
                found.append("a colon with nothing after it")
        if _DOUBLE_SPACE.search(line.strip()) and not _tabular(line):
            found.append("a double space")
        if _unjoined(line):
            found.append("a list without og/and")
        faults += [f"{name}: {line.strip()}" for name in found]
    return faults


@frozen(kw_only=True)
class Rendered:
    """One message of one rule in one language, the facts it was rendered from, and how
    many items its lists held (0 for facts from examples)."""

    rule: str
    message: str
    language: Language
    text: str
    facts: Mapping[str, Any] = attrs.field(repr=False)
    items: int = 0


_LISTS = frozenset({"list", "members", "names", "names_or", "facts"})
_LIST_ITEMS = ("Fond A", "Fond B", "Fond C")
_SAMPLES: Mapping[str, Sequence[Any]] = {
    "kr": ("1500.5", "0", "2000000"),
    "pct": ("0.5", "1", "0.05"),
    "cmp": (True, False),
    "date": ("2025-10-31", "2024-02-29", "2025-01-01", "2025-12-31"),
    "ages": ("10-17", "65-", "0-17, 60-", "7-7"),
}


def _parameter(check: Check[Any], name: str) -> Any:
    """The check's parameter ``name`` as a finding records it, or ``None``."""
    if name not in {a.name for a in attrs.fields(cast(Any, type(check)))}:
        return None
    value = getattr(check, name)
    if value == ():
        return None  # a list the rule leaves empty: its messages are shown with others
    return value.value if isinstance(value, enum.Enum) else value


def _kin(rule: Rule[Any], municipality: Municipality, seen: set[str]) -> tuple[str, ...]:
    """Ids of the kind of ``seen`` (what the check's examples record in the field): the
    check's own named values, or configured ids of one kind; else any named id."""
    own = tuple(type(rule.check).NAMES)
    for ids in (own, *(tuple(ids) for ids in municipality.known.values())):
        if seen and seen <= set(ids):
            return ids
    return tuple(sorted(municipality.names)) or own


def _lists(rule: Rule[Any], municipality: Municipality, code: str, seen: set[str]) -> list[Any]:
    """Lists of one, two and three items of the kind ``code`` shows: the check's fact
    names, ids of the kind its examples record, numbers or texts."""
    check = rule.check
    if code == "facts":
        items: tuple[str, ...] = tuple(fact.name for fact in type(check).FACTS) or ("?",)
    elif code in ("names", "names_or"):
        items = _kin(rule, municipality, seen)
    else:
        items = ("3", "1", "4") if code == "members" else _LIST_ITEMS
    return [items[:n] for n in (1, 2, 3) if n <= len(items)]


def _placeholders(
    rule: Rule[Any], municipality: Municipality
) -> Iterator[tuple[str, dict[str, Any], int]]:
    """Each message with facts of the shape its placeholders' formats ask for: the
    check's parameters as they are, lists of one, two and three items."""
    seen: dict[str, set[str]] = {}
    for _, facts, _ in _examples(rule, municipality):
        for name, value in facts.items():
            if isinstance(value, (str, tuple)):
                seen.setdefault(name, set()).update((value,) if isinstance(value, str) else value)
    for message, template in rule.templates.items():
        formats = {**template.formats("da"), **template.formats("en")}
        choices: list[list[Any]] = []
        for name, code in formats.items():
            parameter = _parameter(rule.check, name)
            if parameter is not None:
                choices.append([parameter])
            elif code in _LISTS:
                choices.append(_lists(rule, municipality, code, seen.get(name, set())))
            else:
                choices.append(list(_SAMPLES.get(code, (7,))))
        listed = [
            len(values)
            for (name, code), values in zip(formats.items(), choices, strict=True)
            if code in _LISTS and len(values) > 1
        ]
        for n in range(max((len(values) for values in choices), default=1)):
            facts = {
                name: values[min(n, len(values) - 1)]
                for name, values in zip(formats, choices, strict=True)
            }
            yield message, facts, (min(n + 1, max(listed)) if listed else 0)


def _examples(
    rule: Rule[Any], municipality: Municipality
) -> Iterator[tuple[str, dict[str, Any], int]]:
    """Each verdict the check's own examples give, with the facts it records."""
    check: Check[Any] = rule.check
    known = {kind: tuple(ids) for kind, ids in municipality.known.items()}
    for passing in (True, False):
        try:
            examples = check.examples(passing, known)
        except NotImplementedError:
            return
        if examples is None:
            continue
        given = [[(fact, value) for value in values] for fact, values in examples.items()]
        for chosen in itertools.islice(itertools.product(*given), 6):
            values: dict[Any, Any] = dict.fromkeys(type(check).FACTS)
            values.update(dict(chosen))
            verdict = check.evaluate(Facts(values))
            yield verdict.message, dict(verdict.facts), 0


def rendered_messages(municipality: Municipality) -> Iterator[Rendered]:
    """Every message of every rule of ``municipality`` rendered in both languages, from
    placeholder facts and from the check's own examples."""
    for rule in municipality.rulebook:
        for message, facts, items in itertools.chain(
            _placeholders(rule, municipality), _examples(rule, municipality)
        ):
            template: Template = rule.templates[message]
            for language in LANGUAGES:
                yield Rendered(
                    rule=rule.id,
                    message=message,
                    language=language,
                    text=template.render(language, facts),
                    facts=facts,
                    items=items,
                )


def message_faults(municipality: Municipality) -> list[str]:
    """Every fault of every rendered message of ``municipality``'s rules (see
    :func:`prose_faults`), and each list of several items joined without og/and."""
    faults: list[str] = []
    single: dict[tuple[str, str, str], int] = {}
    for rendered in rendered_messages(municipality):
        where = f"{rendered.rule} {rendered.message} ({rendered.language})"
        faults += [f"{where}: {fault}" for fault in prose_faults(rendered.text)]
        key = (rendered.rule, rendered.message, rendered.language)
        joins = len(re.findall(_CONJUNCTION, rendered.text))
        if rendered.items == 1:
            single.setdefault(key, joins)
        elif rendered.items > 1 and joins <= single.get(key, joins - 1):
            faults.append(f"{where}: a list without og/and: {rendered.text}")
    return faults


__all__ = ["Rendered", "message_faults", "prose_faults", "rendered_messages"]
