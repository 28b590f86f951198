"""Sentences a caseworker can send: the prose helpers, every message of every bundled
rule, and the text every command writes, in Danish and English."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from helpers import MUNICIPALITIES

import civilsamfund as cs
from civilsamfund.core._prose import age_span, ages_text, cited, listed, prose_date
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core.rules._messages import Template
from civilsamfund.testing import prose_faults

SLUGS = ("odense", "faaborg-midtfyn", "kolding")
LANGUAGES = ("da", "en")


@pytest.mark.parametrize(
    ("items", "da", "en"),
    [
        ((), "", ""),
        (("a",), "a", "a"),
        (("a", "b"), "a og b", "a and b"),
        (("a", "b", "c"), "a, b og c", "a, b and c"),
    ],
)
def test_lists_join_their_last_item_with_og_or_and(items, da, en):
    """A list of two or more joins its last item with og/and, no comma before it."""
    assert listed(items, "da") == da
    assert listed(items, "en") == en


def test_a_choice_joins_with_eller_or_or():
    """A choice between items joins its last with eller/or."""
    assert listed(["a", "b", "c"], "da", "or") == "a, b eller c"
    assert listed(["a", "b"], "en", "or") == "a or b"


@pytest.mark.parametrize(
    ("day", "da", "en"),
    [
        (date(2025, 1, 1), "1. januar 2025", "1 January 2025"),
        (date(2024, 2, 29), "29. februar 2024", "29 February 2024"),
        (date(2025, 12, 31), "31. december 2025", "31 December 2025"),
        ("2025-10-31", "31. oktober 2025", "31 October 2025"),
    ],
)
def test_dates_read_as_a_sentence_gives_them(day, da, en):
    """A day in prose has the month's name; an ISO text, as findings record it, too."""
    assert prose_date(day, "da") == da
    assert prose_date(day, "en") == en


@pytest.mark.parametrize(
    ("low", "high", "da", "en"),
    [
        (10, 17, "10-17 år", "10-17"),
        (65, None, "65 år og derover", "65 and over"),
        (0, 17, "0-17 år", "0-17"),
        (7, 7, "7 år", "7"),
    ],
)
def test_an_age_span_reads_in_words(low, high, da, en):
    """Closed spans keep their ends, an open span says "and over", one age stands alone."""
    assert age_span(low, high, "da") == da
    assert age_span(low, high, "en") == en


def test_several_age_spans_are_listed():
    """Spans, as findings record them, are joined like any list."""
    assert ages_text([(25, 55), (60, 10_000)], "da") == "25-55 år og 60 år og derover"
    assert ages_text([(25, 55), (60, 10_000)], "en") == "25-55 and 60 and over"


def test_a_citation_names_the_document_by_its_title():
    """A source is its title and section; the file name only stands in for no title."""
    titled = Citation(document="strategi.txt", section="Målgrupper", title="Strategien")
    assert cited(titled, "da") == 'Strategien, afsnit "Målgrupper"'
    assert cited(titled, "en") == 'Strategien, section "Målgrupper"'
    assert cited(attrs.evolve(titled, title=None), "en") == 'strategi.txt, section "Målgrupper"'


def test_message_formats_word_dates_ages_members_and_choices():
    """The template formats give prose dates, age spans, numbered members and choices."""
    template = Template(
        Text(
            da="{on:date}; {ages:ages}; {who:members}; {kinds:names_or}.",
            en="{on:date}; {ages:ages}; {who:members}; {kinds:names_or}.",
        ),
        names={"a": Text(da="en forening", en="an association"), "b": Text(da="en ung", en="a")},
    )
    facts = {"on": "2024-02-29", "ages": "10-17, 65-", "who": ("1", "2"), "kinds": ("a", "b")}
    assert template.render("da", facts) == (
        "29. februar 2024; 10-17 år og 65 år og derover; medlem nr. 1 og 2; "
        "en forening eller en ung."
    )
    assert template.render("en", {**facts, "who": ("3",)}).startswith(
        "29 February 2024; 10-17 and 65 and over; member no. 3; an association or a."
    )
    assert template.render("en", facts).split("; ")[2] == "members 1 and 2"


def test_missing_facts_are_named_after_om_without_om_om():
    """A Danish label asking "om ..." reads "hvorvidt ..." after "oplysninger om"."""
    template = Template(
        Text(da="Der mangler oplysninger om {missing:facts}.", en="Not: {missing:facts}."),
        labels={
            "open": Text(da="om arrangementet er åbent", en="whether the event is open"),
            "age": Text(da="målgruppens alder", en="the ages"),
        },
    )
    assert template.render("da", {"missing": ("open", "age")}) == (
        "Der mangler oplysninger om hvorvidt arrangementet er åbent og målgruppens alder."
    )


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("Foreningen er stiftet 2015-03-01.", "an ISO date in prose"),
        ("(odense-strategi.txt, Samarbejdet)", "a file name"),
        ("The application does not give: other sources of funding.", "a colon after a word"),
        ("Ansøgningen mangler oplysninger om: budget.", "a colon after a word"),
        ("Alle har område: .", "a colon with nothing after it"),
        ("This year's group is X; the work is for .", "a space before punctuation"),
        ("Målgrupperne () er blandt dem.", "empty brackets"),
        ("Priser og  arrangementer.", "a double space"),
        ("Pointepapir pointepapir-2024-09: prioriteret.", "a doubled word"),
        ("Dækker a og .", "an empty list"),
        ("Vision: aaa, bbb, ccc.", "a list without og/and"),
        ("For en målgruppe på 65- år.", "an open age range"),
        ("Børneattest, før den frivillige begynder. (før start)", "'before start' said twice"),
        ("Tidsplan:", "a colon with nothing after it"),
    ],
)
def test_the_checker_flags_each_fault(text, fault):
    """Each fault the issue names is flagged, saying which."""
    assert any(found.startswith(fault) for found in prose_faults(text)), prose_faults(text)


def test_the_checker_passes_what_a_caseworker_writes():
    """Headings over indented items, tables, addresses and ordinary sentences pass."""
    text = "\n".join(
        [
            "Begrundelse:",
            "  - O18-2 [opfyldt] Ansøgningen nævner andre finansieringskilder: Velux Fonden.",
            "  Pris            Antal  Tema",
            "    5:    27 ######",
            "X: Skolevej 6, 5854 Gislev, telefon 72 53 60 00; frivilligkonsulenten svarer.",
            "Note: selve papiret er et bilag, som kilderne ikke rummer; det siger referatet.",
            "Vurdering: regler gældende 31. oktober 2025, sagsnummer odense-2025-001.",
        ]
    )
    assert prose_faults(text) == []


@pytest.fixture(scope="module")
def loaded():
    """The bundled municipalities, loaded once from this repository."""
    return {slug: cs.load_municipality_dir(MUNICIPALITIES / slug) for slug in SLUGS}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_citation_carries_its_documents_title(loaded, slug):
    """Loading fills the title of every citation in every section, so any text can cite
    a document as a reader knows it."""
    municipality = loaded[slug]
    titles = {document.file: document.title for document in municipality.documents}

    def citations(value):
        if isinstance(value, Citation):
            yield value
        elif isinstance(value, tuple):
            for item in value:
                yield from citations(item)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                yield from citations(getattr(value, field.name))

    found = [c for section in municipality.sections.values() for c in citations(section)]
    found += [rule.citation for rule in municipality.rulebook]
    assert len(found) > 10
    assert all(citation.title == titles[citation.document] for citation in found)
