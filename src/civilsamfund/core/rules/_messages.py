"""Turning a criterion's facts into a sentence in Danish or English.

Templates are ``str.format`` strings over the facts, with formats of our own:
``kr`` (kroner), ``pct`` (a share as a percentage), ``list`` (items joined with
og/and), ``names`` (ids shown by their configured names, joined with og/and),
``names_or`` (the same, joined with eller/or: a choice), ``facts`` (fact names shown
by their labels, which the checks declare), ``date`` (an ISO day as a sentence gives
it: 31. oktober 2025), ``ages`` (age spans in words: 65 år og derover), ``members``
(members by their number: medlem nr. 1 og 2) and ``cmp`` (``true`` as "at least",
``false`` as "more than"). Lists, dates and ages come from
:mod:`civilsamfund.core._prose`, as in every other generated sentence. Each template
is compiled once, when configuration loads.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from civilsamfund.core import Language, Text, ages_text, listed, parse_spans, prose_date

Names = Mapping[str, Text]
_Converter = Callable[[Any, Language, Names], str]


def _number(value: Decimal, language: Language) -> str:
    return _localised(f"{value:,.2f}".removesuffix(".00"), language)


def _localised(text: str, language: Language) -> str:
    """A number written the English way (``1,500.5``) as ``language`` writes it."""
    if language == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def kroner_text(value: Any, language: Language) -> str:
    """An amount as a reader writes it: ``1.500,50 kroner`` or ``DKK 1,500.50``."""
    amount = _number(Decimal(value), language)
    return f"{amount} kroner" if language == "da" else f"DKK {amount}"


def _kroner(value: Any, language: Language, names: Names) -> str:
    return kroner_text(value, language)


def _percent(value: Any, language: Language, names: Names) -> str:
    text = _localised(f"{(Decimal(value) * 100).normalize():,f}", language)  # 12,5 %, not 12,50 %
    return f"{text} %" if language == "da" else f"{text}%"


def _each(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)


def _items(value: Any, language: Language, names: Names) -> str:
    return listed(map(str, _each(value)), language)


def _named(value: Any, language: Language, names: Names) -> list[str]:
    return [names[item].in_(language) if item in names else str(item) for item in _each(value)]


def _names(value: Any, language: Language, names: Names) -> str:
    return listed(_named(value, language, names), language)


def _either(value: Any, language: Language, names: Names) -> str:
    return listed(_named(value, language, names), language, "or")


_COMPARISONS = {
    ("da", True): "mindst",
    ("da", False): "mere end",
    ("en", True): "at least",
    ("en", False): "more than",
}


def _facts(value: Any, language: Language, names: Names) -> str:
    """Labels after "oplysninger om"/"information on": a Danish label asking "om ..."
    reads "hvorvidt ..." there, as "om om" would not."""
    labels = _named(value, language, names)
    if language == "da":
        labels = [f"hvorvidt {label[3:]}" if label.startswith("om ") else label for label in labels]
    return listed(labels, language)


def _date(value: Any, language: Language, names: Names) -> str:
    return prose_date(str(value), language)


def _ages(value: Any, language: Language, names: Names) -> str:
    return ages_text(parse_spans(str(value)), language)


_MEMBERS = {
    ("da", False): "medlem nr. {}",
    ("da", True): "medlem nr. {}",
    ("en", False): "member no. {}",
    ("en", True): "members {}",
}


def _members(value: Any, language: Language, names: Names) -> str:
    numbers = [str(number) for number in _each(value)]
    return _MEMBERS[language, len(numbers) > 1].format(listed(numbers, language))


def _comparison(value: Any, language: Language, names: Names) -> str:
    return _COMPARISONS[language, bool(value)]


def _plain(value: Any, language: Language, names: Names) -> str:
    return str(value)


_CONVERTERS: Mapping[str, _Converter] = {
    "kr": _kroner,
    "pct": _percent,
    "list": _items,
    "names": _names,
    "names_or": _either,
    "cmp": _comparison,
    "facts": _facts,
    "date": _date,
    "ages": _ages,
    "members": _members,
    "": _plain,
}


class Template:
    """A message in both languages, compiled for fast rendering from facts.

    ``names`` gives the configured names of ids (departments, target groups) for the
    ``names`` format, and ``labels`` the labels of fact names for the ``facts`` format.
    """

    __slots__ = ("_compiled", "_labels", "_names")

    def __init__(self, text: Text, names: Names | None = None, labels: Names | None = None) -> None:
        self._names: Names = names or {}
        self._labels: Names = labels or {}
        self._compiled = {language: _compile(text.in_(language)) for language in ("da", "en")}

    def render(self, language: Language, facts: Mapping[str, Any]) -> str:
        """The message in ``language`` with ``facts`` filled in (``?`` for a missing one)."""
        pattern, fields = self._compiled[language]
        if not fields:
            return pattern
        return pattern.format(
            *[
                "?"
                if (value := facts.get(name)) is None
                else convert(value, language, self._labels if convert is _facts else self._names)
                for name, convert in fields
            ]
        )

    __call__ = render  # a deferred text holds the template itself, not a bound method

    def fields(self, language: Language) -> set[str]:
        """The fact names the template refers to in ``language``."""
        return {name for name, _ in self._compiled[language][1]}

    def formats(self, language: Language) -> dict[str, str]:
        """The format each fact is written in, by fact name (``""`` for as it is), so
        that a test can fill a template with values of the right shape."""
        codes = {convert: code for code, convert in _CONVERTERS.items()}
        return {name: codes[convert] for name, convert in self._compiled[language][1]}


def _compile(template: str) -> tuple[str, tuple[tuple[str, _Converter], ...]]:
    parts: list[str] = []
    fields: list[tuple[str, _Converter]] = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            if (spec or "") not in _CONVERTERS:
                raise ValueError(f"unknown format {spec!r} in template {template!r}")
            parts.append(f"{{{len(fields)}}}")
            fields.append((name, _CONVERTERS[spec or ""]))
    pattern = "".join(parts)
    return (pattern, tuple(fields)) if fields else (pattern.format(), ())


def deferred(template: Template, facts: Mapping[str, Any]) -> Text:
    """The message as a text rendered per language on first use."""
    return Text.deferred(template, facts)
