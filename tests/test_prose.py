"""Sentences a caseworker can send: the prose helpers, every message of every bundled
rule, and the text every command writes, in Danish and English."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import attrs
import pytest
from helpers import MUNICIPALITIES

import civilsamfund as cs
from civilsamfund.cli import main
from civilsamfund.core._prose import age_span, ages_text, cited, listed, prose_date
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core.rules._messages import Template
from civilsamfund.plugins import _discovery
from civilsamfund.testing import message_faults, prose_faults

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


def test_a_law_is_cited_by_its_paragraph():
    """A section that is a paragraph of a law reads as laws are cited: title, then §."""
    law = Citation(document="barnets-lov", section="§ 135", title="Barnets lov")
    assert cited(law, "da") == cited(law, "en") == "Barnets lov § 135"


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
        ("All politicians are from The Social Committee.", "a capital article mid-sentence"),
    ],
)
def test_the_checker_flags_each_fault(text, fault):
    """Each fault the issue names is flagged, saying which."""
    assert any(found.startswith(fault) for found in prose_faults(text)), prose_faults(text)


def test_the_checker_flags_a_documents_file_name_it_is_given():
    """A citation's name for a document (a law's ``barnets-lov``) is flagged where it
    shows, as a ``.txt`` name always is; the title is not."""
    assert prose_faults("(barnets-lov § 135)", ["barnets-lov"]) == [
        "a document's file name: (barnets-lov § 135)"
    ]
    assert prose_faults("(Barnets lov § 135)", ["barnets-lov"]) == []


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
def test_every_message_of_every_rule_reads_well_in_both_languages(loaded, slug):
    """Each message of each rule the municipality has, from placeholder facts (lists of
    one to three) and from the checks' own examples, has none of the faults."""
    assert message_faults(loaded[slug]) == []


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


_EXAMPLE_COMMANDS = {
    "": ["assess"],
    "volunteers": ["volunteers", "check"],
    "roles": ["volunteers", "review", "role"],
    "checklists": ["volunteers", "review", "checklist"],
    "agreements": ["volunteers", "review", "agreement"],
    "nominations": ["awards", "check"],
    "forums": ["organisation", "check-forum"],
    "design": ["strategy", "design"],
}


def test_every_kind_of_example_has_a_command_here():
    """A new kind of bundled example must be added to the commands this test runs."""
    folders = {folder for domain, _ in cs.Plugins().domains() for folder in domain.examples}
    assert set(_EXAMPLE_COMMANDS) == folders


@pytest.fixture
def run(monkeypatch, capsys, loaded):
    """Run a command as a user does, each municipality loaded once for speed."""
    directories = {
        str(MUNICIPALITIES / slug): municipality for slug, municipality in loaded.items()
    }
    monkeypatch.setattr(_discovery, "load_municipality", lambda key, *a, **k: directories[str(key)])

    def command(*args: str) -> str:
        code = main(list(args))
        captured = capsys.readouterr()
        assert code == 0, captured.err
        return captured.out

    return command


def _examples(directory: Path, folder: str) -> list[Path]:
    where = directory / "examples" / folder
    return sorted([*where.glob("*.toml"), *where.glob("*.json")])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_commands_text_reads_well(run, tmp_path, slug, language):
    """The text (and Markdown) of every command, on every bundled example, in both
    languages, has none of the faults."""
    where = str(MUNICIPALITIES / slug)
    lang = ("--lang", language)
    outputs: dict[str, str] = {}
    for folder, command in _EXAMPLE_COMMANDS.items():
        for path in _examples(MUNICIPALITIES / slug, folder):
            outputs[f"{' '.join(command)} {path.name}"] = run(
                *command, "-m", where, str(path), *lang
            )
    for ages in ("65-", "0-17", "18-64", "10-16", "25-", "40-80"):
        outputs[f"entry-point {ages}"] = run(
            "organisation", "entry-point", "-m", where, "--ages", ages, "--on", "2025-01-01", *lang
        )
    for day in ("2019-06-01", "2024-01-01", "2025-10-31", "2026-06-01"):
        outputs[f"status {day}"] = run("strategy", "status", "-m", where, "--on", day, *lang)
    decisions = []
    for path in _examples(MUNICIPALITIES / slug, ""):
        decided = tmp_path / f"{path.stem}.json"
        decided.write_text(run("assess", "-m", where, str(path), "--format", "json", *lang))
        decisions.append(str(decided))
    awards = []
    for path in _examples(MUNICIPALITIES / slug, "nominations"):
        decided = tmp_path / f"awards-{path.stem}.json"
        decided.write_text(run("awards", "check", "-m", where, str(path), "--format", "json"))
        awards += ["--awards", str(decided)]
    for year in ("2024", "2025", "2026"):
        outputs[f"awards list {year}"] = run("awards", "list", "-m", where, "--year", year, *lang)
        outputs[f"report {year}"] = run(
            "report", "-m", where, "--year", year, *decisions, *awards, *lang
        )
    files = [
        d.file for d in cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins()).documents
    ]
    faults = [
        f"{name}: {fault}" for name, text in outputs.items() for fault in prose_faults(text, files)
    ]
    assert faults == []


def test_json_keeps_iso_dates_file_names_and_recorded_facts(capsys):
    """Only prose changes: a JSON finding still records the file, an ISO day, and ages as
    written."""
    code = main(
        [
            "assess",
            "-m",
            str(MUNICIPALITIES / "odense"),
            str(MUNICIPALITIES / "odense" / "examples" / "applications.toml"),
            "--format",
            "json",
        ]
    )
    decisions = json.loads(capsys.readouterr().out)
    assert code == 0
    first, _, third, *_ = ({f["criterion"]: f for f in d["findings"]} for d in decisions)
    assert first["O18-5"]["facts"]["founded"] == "2015-03-01"
    assert third["O18-ADM-DEPT"]["facts"]["ages"] == "25-55, 18-59"
    assert first["O18-1"]["citation"] == {
        "document": "odense-strategi-frivilligt-socialt-arbejde-2009.txt",
        "section": "Overordnede tildelingskriterier",
    }
    assert decisions[0]["round"]["deadline"] == "2025-10-31"


def _reason(municipality, rule_id, message, language, **facts):
    (rule,) = municipality.rulebook.versions(rule_id)[-1:]
    return rule.templates[message].render(language, facts)


def test_the_sentences_the_issue_quotes_read_as_a_caseworker_writes(loaded):
    """The issue's examples: a refusal gives its reasons as statements, a target group
    outside the list is named after a colon, a member is named by number under a plain
    rule, a missing fact is named without a dangling colon, lists have og/and."""
    faaborg, odense = loaded["faaborg-midtfyn"], loaded["odense"]
    reasons = ("needs_visitation", "statutory_responsibility")
    assert _reason(faaborg, "FMV-ROLE-A", "not_for_volunteers", "en", reasons=reasons) == (
        "Volunteers cannot do the task, as it needs a needs assessment and takes over a "
        "responsibility laid down in law."
    )
    assert _reason(odense, "O18-TG", "outside", "en", outside=("other",)).startswith(
        "Activities for these target groups are not supported: Target groups outside the "
        "seven the municipality supports."
    )
    politicians = _reason(
        odense,
        "OSF-POLITICIAN-COMMITTEE",
        "not_allowed",
        "en",
        seat="politiker",
        attribute="committee",
        allowed=("socialudvalget",),
        offending=("3",),
    )
    assert politicians == (
        "The rule requires politicians to be from the Social Committee; that does not hold "
        "for member no. 3."
    )
    elected = _reason(
        faaborg,
        "FMF-ELECTED",
        "allowed",
        "en",
        seat="valgt",
        attribute="elected_at",
        allowed=("nytaarskur",),
    )
    assert elected == (
        "All elected members are elected at the Social Committee's New Year reception."
    )
    assert _reason(odense, "O18-2", "missing", "en", missing=("other_funding",)) == (
        "The application gives no information on other sources of funding."
    )
    assert (
        _reason(faaborg, "FMV-ORG-B", "complete", "da", parts=("responsibilities", "economy"))
        == "Samarbejdsaftalen dækker ansvarsfordeling for opgaverne og økonomi."
    )
    assert _reason(
        odense, "ODV-ENTRY", "routed", "da", ages="65-", department="aeldre_og_handicap"
    ) == (
        "For en målgruppe på 65 år og derover er indgangen til kommunen "
        "Ældre- og Handicapforvaltningen."
    )


def test_a_task_says_before_the_volunteer_starts_once_and_cites_by_title(run):
    """The child-protection certificate says when once, and findings cite the strategy
    by its title, never its file name."""
    where = str(MUNICIPALITIES / "faaborg-midtfyn")
    tasks = MUNICIPALITIES / "faaborg-midtfyn" / "examples" / "volunteers" / "tasks.json"
    text = run("volunteers", "check", "-m", where, str(tasks), "--lang", "da")
    (certificate,) = {line for line in text.splitlines() if line.startswith("  * Børneattest")}
    assert certificate.endswith("før den frivillige begynder.")
    assert "(før start)" not in text
    assert ".txt" not in text
    assert (
        'Frivillig social strategi 2018-21: Sammen om det frivillige sociale arbejde, afsnit "'
        in (text)
    )


def test_a_letter_gives_its_deadline_and_rules_date_in_words(run):
    """Danish dates read as Danish in a letter: the round's deadline and the rules' day."""
    where = str(MUNICIPALITIES / "odense")
    text = run(
        "assess", "-m", where, str(MUNICIPALITIES / "odense" / "examples" / "applications.toml")
    )
    assert "den årlige runde 2025 med frist 31. oktober 2025." in text
    assert "Grundlag: regler gældende 15. september 2025;" in text
    assert "Hjemmel: Serviceloven § 18 og Barnets lov." in text
