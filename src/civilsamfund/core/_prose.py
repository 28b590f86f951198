"""How lists, dates, ages and sources read inside a sentence, in Danish and in English.

Every generated sentence (a rule's message, a letter, a report) takes its lists, dates,
age spans and citations from here, so that each reads one way wherever it appears:
``a, b og c``, ``31. oktober 2025``, ``65 år og derover``, and a source by its title.
JSON documents keep ISO dates and ids; these are for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Literal

from civilsamfund.core._age_routes import NO_LIMIT, AgeSpan
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Language

Conjunction = Literal["and", "or"]

_CONJUNCTIONS = {
    ("da", "and"): "og",
    ("da", "or"): "eller",
    ("en", "and"): "and",
    ("en", "or"): "or",
}

MONTHS: dict[Language, tuple[str, ...]] = {
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
"""The months' names, January first."""


def listed(items: Iterable[str], language: Language, conjunction: Conjunction = "and") -> str:
    """``a``, ``a og b``, ``a, b og c`` (``eller``/``or`` for a choice); an empty list
    is an empty text, which a sentence must never need."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {_CONJUNCTIONS[language, conjunction]} {words[-1]}"


def prose_date(day: date | str, language: Language) -> str:
    """A day as a sentence gives it: ``31. oktober 2025``, ``31 October 2025``; an ISO
    text (as findings record dates) is read first."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    month = MONTHS[language][day.month - 1]
    return f"{day.day}. {month} {day.year}" if language == "da" else f"{day.day} {month} {day.year}"


def age_span(low: int, high: int | None, language: Language) -> str:
    """An age span in words: ``10-17 år``, ``65 år og derover``, ``10 år``; in English
    ``10-17``, ``65 and over``, ``10`` (after "aged", or in brackets)."""
    if high is None or high >= NO_LIMIT:
        return f"{low} år og derover" if language == "da" else f"{low} and over"
    ages = str(low) if low == high else f"{low}-{high}"
    return f"{ages} år" if language == "da" else ages


def ages_text(spans: Sequence[AgeSpan], language: Language) -> str:
    """Age spans in words, joined: ``25-55 år og 60 år og derover``."""
    return listed((age_span(low, high, language) for low, high in spans), language)


_SECTION = {"da": "afsnit", "en": "section"}


def cited(citation: Citation, language: Language) -> str:
    """A source as a reader looks it up: the document's title and the section,
    ``Strategi for ... , afsnit "Samarbejdet"``, or a law's paragraph as laws are cited,
    ``Barnets lov § 135``. The file name stands in only for a citation made without
    configuration, which has no title."""
    title = citation.title or citation.document
    if citation.section.startswith("§"):
        return f"{title} {citation.section}"
    return f'{title}, {_SECTION[language]} "{citation.section}"'


__all__ = ["MONTHS", "age_span", "ages_text", "cited", "listed", "prose_date"]
