"""Turning a criterion's facts into a sentence in Danish or English.

Templates are ``str.format`` strings over the facts, with four formats of our own:
``kr`` (kroner), ``pct`` (a share as a percentage), ``list`` and ``age``.
Rendered sentences are cached: many applications share the same facts.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from ._decision import Fact
from ._text import Language, Text


def _number(value: Decimal, language: Language) -> str:
    text = f"{value:,.2f}".removesuffix(".00")
    if language == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _kroner(value: str, language: Language) -> str:
    amount = _number(Decimal(value), language)
    return f"{amount} kroner" if language == "da" else f"DKK {amount}"


def _percent(value: str, language: Language) -> str:
    number = (Decimal(value) * 100).normalize()
    text = _number(number, language)
    return f"{text} %" if language == "da" else f"{text}%"


class _Formatter(string.Formatter):
    def __init__(self, language: Language) -> None:
        self.language = language

    def format_field(self, value: object, format_spec: str) -> str:
        if value is None:
            return "?"
        if format_spec == "kr":
            return _kroner(str(value), self.language)
        if format_spec == "pct":
            return _percent(str(value), self.language)
        if format_spec == "list":
            items = value if isinstance(value, tuple) else (value,)
            return ", ".join(str(item) for item in items)
        return str(super().format_field(value, format_spec))


_FORMATTERS = {language: _Formatter(language) for language in ("da", "en")}


@lru_cache(maxsize=1 << 16)
def _render(template: str, language: Language, facts: tuple[tuple[str, Fact], ...]) -> str:
    return _FORMATTERS[language].vformat(template, (), dict(facts))


def render(template: Text, facts: Mapping[str, Fact]) -> Text:
    """Fill ``template`` with ``facts`` in both languages."""
    key = tuple(facts.items())
    return Text(da=_render(template.da, "da", key), en=_render(template.en, "en", key))


def template_fields(template: str) -> set[str]:
    """The fact names a template refers to, for checking templates against facts."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
