"""Turning a criterion's facts into a sentence in Danish or English.

Templates are ``str.format`` strings over the facts, with formats of our own:
``kr`` (kroner), ``pct`` (a share as a percentage), ``list`` (items joined),
``names`` (ids shown by their configured names), ``facts`` (fact names shown by
their labels) and ``cmp`` (``true`` as "at least", ``false`` as "more than"). Each
template is compiled once, when configuration loads.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from civilsamfund.core._text import Language, Text

Names = Mapping[str, Text]
_Converter = Callable[[Any, Language, Names], str]


def _number(value: Decimal, language: Language) -> str:
    text = f"{value:,.2f}".removesuffix(".00")
    if language == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _kroner(value: Any, language: Language, names: Names) -> str:
    amount = _number(Decimal(value), language)
    return f"{amount} kroner" if language == "da" else f"DKK {amount}"


def _percent(value: Any, language: Language, names: Names) -> str:
    text = _number((Decimal(value) * 100).normalize(), language)
    return f"{text} %" if language == "da" else f"{text}%"


def _items(value: Any, language: Language, names: Names) -> str:
    return ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)


def _names(value: Any, language: Language, names: Names) -> str:
    items = value if isinstance(value, tuple) else (value,)
    return ", ".join(names[item].in_(language) if item in names else str(item) for item in items)


_COMPARISONS = {
    ("da", True): "mindst",
    ("da", False): "mere end",
    ("en", True): "at least",
    ("en", False): "more than",
}


FACT_LABELS: Mapping[str, Text] = {
    "other_funding": Text(da="andre finansieringskilder", en="other sources of funding"),
    "equity": Text(da="egenkapital", en="equity"),
    "annual_running_costs": Text(da="årlige driftsudgifter", en="annual running costs"),
    "founded": Text(da="stiftelsesdato", en="founding date"),
    "budget": Text(da="budget", en="budget"),
    "purpose": Text(da="aktivitetens formål", en="the activity's purpose"),
    "volunteer_share": Text(
        da="frivilliges andel af arbejdet", en="the share of the work done by volunteers"
    ),
    "local_share": Text(
        da="andel af deltagerne, der bor i kommunen",
        en="the share of participants living in the municipality",
    ),
    "social_aim": Text(da="om aktiviteten har et socialt sigte", en="whether it has a social aim"),
    "open_to_all": Text(da="om arrangementet er åbent", en="whether the event is open"),
    "target_groups": Text(da="målgrupper", en="target groups"),
    "target_group_min_age": Text(
        da="målgruppens laveste alder", en="the target group's lowest age"
    ),
    "target_group_ages": Text(da="målgruppens alder", en="the target group's ages"),
    "focus_areas": Text(da="indsatsområder", en="focus areas"),
    "contact_with_children_under_15": Text(
        da="om der er kontakt med børn under 15 år",
        en="whether there is contact with children under 15",
    ),
}
"""How missing facts are named in reasons; a fact not listed is named as it is."""


def _facts(value: Any, language: Language, names: Names) -> str:
    items = value if isinstance(value, tuple) else (value,)
    return ", ".join(
        FACT_LABELS[item].in_(language) if item in FACT_LABELS else str(item) for item in items
    )


def _comparison(value: Any, language: Language, names: Names) -> str:
    return _COMPARISONS[language, bool(value)]


def _plain(value: Any, language: Language, names: Names) -> str:
    return str(value)


_CONVERTERS: Mapping[str, _Converter] = {
    "kr": _kroner,
    "pct": _percent,
    "list": _items,
    "names": _names,
    "cmp": _comparison,
    "facts": _facts,
    "": _plain,
}


class Template:
    """A message in both languages, compiled for fast rendering from facts.

    ``names`` gives the configured names of ids (departments, target groups) for the
    ``names`` format.
    """

    __slots__ = ("_compiled", "_names", "text")

    def __init__(self, text: Text, names: Names | None = None) -> None:
        self.text = text
        self._names: Names = names or {}
        self._compiled = {language: _compile(text.in_(language)) for language in ("da", "en")}

    def render(self, language: Language, facts: Mapping[str, Any]) -> str:
        """The message in ``language`` with ``facts`` filled in (``?`` for a missing one)."""
        pattern, fields = self._compiled[language]
        if not fields:
            return pattern
        names = self._names
        return pattern.format(
            *[
                "?" if (value := facts.get(name)) is None else convert(value, language, names)
                for name, convert in fields
            ]
        )

    def fields(self, language: Language) -> set[str]:
        """The fact names the template refers to in ``language``."""
        return {name for name, _ in self._compiled[language][1]}


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
    return Text.deferred(template.render, facts)
