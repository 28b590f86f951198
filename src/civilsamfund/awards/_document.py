"""Award answers as programs and people read them: a year's catalogue and a nomination
decision, each as a JSON document or plain text, texts in one language.

The JSON documents are public contracts, like the grant decision's: change them only by
adding keys. A nomination decision never repeats the nominator's reasons or anyone's
name: it names the nomination by its id.
"""

from __future__ import annotations

from typing import Any

from civilsamfund.awards._assessment import NominationDecision
from civilsamfund.awards._catalogue import AwardsFile, Edition, Event
from civilsamfund.awards._year import AwardYear, ProgrammeYear, YearCatalogue
from civilsamfund.awards.checks._eligibility import KIND_NAMES
from civilsamfund.core import MONTHS, Citation, Language, Text, cited, compact_json, listed
from civilsamfund.core.rules import finding_lines, judged_document


def _citation(citation: Citation) -> dict[str, str]:
    return {"document": citation.document, "section": citation.section}


def _text(text: Text | None, language: Language) -> str | None:
    return None if text is None else text.in_(language)


def _months(months: tuple[int, ...], language: Language) -> str:
    return listed((MONTHS[language][month - 1] for month in months), language)


def _event(event: Event, language: Language) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name.in_(language),
        "held_by": event.held_by.in_(language),
        "for_whom": event.for_whom.in_(language),
        "months": list(event.months),
        "citation": _citation(event.citation),
        "reading": _text(event.reading, language),
    }


def _programme(
    programme: ProgrammeYear, names: dict[str, Text], language: Language
) -> dict[str, Any]:
    edition: Edition = programme.edition
    return {
        "id": programme.programme,
        "name": names[programme.programme].in_(language),
        "count": edition.count,
        "months": list(edition.months),
        "host": _text(edition.host, language),
        "celebration": _text(edition.celebration, language),
        "events": [_event(event, language) for event in programme.events],
        "citation": _citation(edition.citation),
        "reading": _text(edition.reading, language),
    }


def _award(award: AwardYear, names: dict[str, Text], language: Language) -> dict[str, Any]:
    version = award.version
    replaces = version.replaces
    rotation = version.rotation
    group = award.target_group
    return {
        "id": award.award,
        "programme": award.programme,
        "name": version.name.in_(language),
        "count": version.count,
        "winners": [kind.value for kind in version.winners],
        "who": version.who.in_(language),
        "theme": _text(version.theme, language),
        "target_group": None
        if group is None
        else {"id": group, "name": _named(names, group, language)},
        "rotation": None
        if rotation is None
        else {
            "groups": list(rotation.groups),
            "first_year": rotation.first_year,
            "reading": rotation.reading.in_(language),
        },
        "examples": [example.in_(language) for example in version.examples],
        "replaces": None
        if replaces is None
        else {"id": replaces, "name": _named(names, replaces, language)},
        "criteria": list(version.criteria),
        "first_year": version.first_year,
        "last_year": version.last_year,
        "citation": _citation(version.citation),
        "reading": _text(version.reading, language),
    }


def _named(names: dict[str, Text], key: str, language: Language) -> str:
    return names[key].in_(language) if key in names else key


def catalogue_document(
    catalogue: YearCatalogue, section: AwardsFile, language: Language = "da"
) -> dict[str, Any]:
    """The year's catalogue as a JSON-ready object, texts in ``language``."""
    programme_names = {programme.id: programme.name for programme in section.programmes}
    names = {group.id: group.name for group in section.groups}
    for award in section.awards:  # an award replaced is called by its last name
        names[award.id] = max(award.versions, key=lambda v: v.first_year).name
    return {
        "municipality": catalogue.municipality,
        "year": catalogue.year,
        "language": language,
        "programmes": [_programme(p, programme_names, language) for p in catalogue.programmes],
        "awards": [_award(award, names, language) for award in catalogue.awards],
    }


_LIST_WORDS = {
    "da": {
        "heading": "Priser og arrangementer i {year}",
        "none": "Ingen priser eller arrangementer i {year}.",
        "when": "uddeles i {months}",
        "host": "vært",
        "celebration": "fejring",
        "replaces": "afløser",
        "examples": "eksempler (vejledning)",
        "event": "Arrangement",
        "source": "kilde",
    },
    "en": {
        "heading": "Awards and events in {year}",
        "none": "No awards or events in {year}.",
        "when": "given in {months}",
        "host": "host",
        "celebration": "celebration",
        "replaces": "replaces",
        "examples": "examples (guidance)",
        "event": "Event",
        "source": "source",
    },
}


_COUNTS = {"da": ("{count} pris", "{count} priser"), "en": ("{count} award", "{count} awards")}
_COLUMNS = {
    "da": ("Pris", "Antal", "Tema", "Målgruppe", "Kan gå til"),
    "en": ("Award", "Count", "Theme", "Target group", "Can go to"),
}


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def catalogue_text(catalogue: YearCatalogue, section: AwardsFile, language: Language = "da") -> str:
    """The year's catalogue as plain text: each programme, a table of its awards, its
    events, and where each comes from."""
    document = catalogue_document(catalogue, section, language)
    words = _LIST_WORDS[language]
    lines = [words["heading"].format(year=catalogue.year)]
    if not document["programmes"]:
        lines.append(words["none"].format(year=catalogue.year))
    for programme, given in zip(document["programmes"], catalogue.programmes, strict=True):
        count = programme["count"]
        head = [_COUNTS[language][count != 1].format(count=count)]
        if programme["months"]:
            head.append(words["when"].format(months=_months(tuple(programme["months"]), language)))
        if programme["host"]:
            head.append(f"{words['host']}: {programme['host']}")
        lines.append(f"{programme['name']}: {'; '.join(head)}")
        if programme["celebration"]:
            lines.append(f"  {words['celebration']}: {programme['celebration']}")
        awards = [a for a in document["awards"] if a["programme"] == programme["id"]]
        rows = [_COLUMNS[language]] + [
            (
                award["name"],
                str(award["count"]),
                award["theme"] or "-",
                award["target_group"]["name"] if award["target_group"] else "-",
                listed(
                    (KIND_NAMES[kind].in_(language) for kind in award["winners"]), language, "or"
                ),
            )
            for award in awards
        ]
        lines += _table(rows)
        for award in awards:
            if award["replaces"]:
                replaced = award["replaces"]["name"]
                lines.append(f"  {award['name']}: {words['replaces']} {replaced}")
            if award["examples"]:
                lines.append(
                    f"  {award['name']}, {words['examples']}: {'; '.join(award['examples'])}"
                )
        for event in programme["events"]:
            lines.append(
                f"  {words['event']}: {event['name']} ({event['held_by']}); {event['for_whom']}"
            )
        lines.append(f"  ({words['source']}: {cited(given.edition.citation, language)})")
    return "\n".join(lines) + "\n"


def decision_document(decision: NominationDecision, language: Language = "da") -> dict[str, Any]:
    """The decision as a JSON-ready object, its texts in ``language``."""
    return {
        "nomination": decision.nomination,
        "award": decision.award,
        "year": decision.year,
        "target_group": decision.target_group,
        "municipality": decision.municipality,
        "outcome": decision.outcome,
        "language": language,
        **judged_document(decision, language),
    }


def decision_json(decision: NominationDecision, language: Language = "da") -> str:
    """One decision document as compact JSON."""
    return compact_json(decision_document(decision, language))


_OUTCOMES = {
    "da": {
        "eligible": "kan indgå i juryens valg",
        "needs_assessment": "skal vurderes",
        "ineligible": "opfylder ikke prisens betingelser",
    },
    "en": {
        "eligible": "may go before the jury",
        "needs_assessment": "needs assessment",
        "ineligible": "does not meet the award's conditions",
    },
}
_HEADINGS = {"da": ("Indstilling", "til", "Vurdering"), "en": ("Nomination", "for", "Findings")}


def decision_text(decision: NominationDecision, language: Language = "da") -> str:
    """The decision as plain text for a jury's secretary: outcome and findings."""
    nomination, for_, findings_heading = _HEADINGS[language]
    award = _named(dict(decision.names), decision.award, language)
    outcome = _OUTCOMES[language][decision.outcome.value]
    lines = [f"{nomination} {decision.nomination} {for_} {award} {decision.year}: {outcome}"]
    lines.append(f"{findings_heading}:")
    lines += finding_lines(decision.findings, language)
    return "\n".join(lines) + "\n"
