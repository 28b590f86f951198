"""Organisation answers as programs and people read them: a forum decision and a point
of entry, each as a JSON document or plain text, texts in one language.

The JSON documents are public contracts: change them only by adding keys. A forum
decision names members by their number in the proposal, never by name or reference.
"""

from __future__ import annotations

from typing import Any

from civilsamfund.core import NO_LIMIT, Language, Text, ages_text, cited, compact_json, prose_date
from civilsamfund.core.rules import finding_lines, judged_document
from civilsamfund.organisation._assessment import ForumDecision
from civilsamfund.organisation._entry import EntryAnswer


def decision_document(decision: ForumDecision, language: Language = "da") -> dict[str, Any]:
    """The forum decision as a JSON-ready object, its texts in ``language``."""
    return {
        "proposal": decision.proposal,
        "forum": decision.forum,
        "on": decision.on.isoformat(),
        "municipality": decision.municipality,
        "outcome": decision.outcome,
        "language": language,
        **judged_document(decision, language),
    }


def decision_json(decision: ForumDecision, language: Language = "da") -> str:
    """One forum decision document as compact JSON."""
    return compact_json(decision_document(decision, language))


_OUTCOMES = {
    "da": {
        "eligible": "sammensat som reglerne siger",
        "needs_assessment": "skal vurderes",
        "ineligible": "ikke sammensat som reglerne siger",
    },
    "en": {
        "eligible": "composed as the rules say",
        "needs_assessment": "needs assessment",
        "ineligible": "not composed as the rules say",
    },
}
_WORDS = {
    "da": {
        "proposal": "Forslag",
        "to": "til",
        "from": "fra",
        "findings": "Vurdering",
        "ages": "Målgruppens alder",
        "unsettled": "Reglerne afgør ikke, hvem af disse der er indgangen; vælg ud fra foreningen:",
        "none": "Ingen indgang dækker disse aldre.",
        "unconfigured": "{name} har ingen indgang konfigureret: kilderne nævner ingen.",
        "reading": "Læsning",
        "source": "Kilde",
    },
    "en": {
        "proposal": "Proposal",
        "to": "for",
        "from": "from",
        "findings": "Findings",
        "ages": "Target group's ages",
        "unsettled": "The rules do not settle which of these is the entry; choose by the "
        "association:",
        "none": "No point of entry covers these ages.",
        "unconfigured": "{name} configures no point of entry: its sources name none.",
        "reading": "Reading",
        "source": "Source",
    },
}


def decision_text(decision: ForumDecision, language: Language = "da") -> str:
    """The forum decision as plain text for a secretariat: outcome and findings."""
    words = _WORDS[language]
    forum = decision.names.get(decision.forum, Text(da=decision.forum, en=decision.forum))
    outcome = _OUTCOMES[language][decision.outcome.value]
    lines = [
        f"{words['proposal']} {decision.proposal} {words['to']} {forum.in_(language)} "
        f"{words['from']} {prose_date(decision.on, language)}: {outcome}",
        f"{words['findings']}:",
        *finding_lines(decision.findings, language),
    ]
    return "\n".join(lines) + "\n"


def entry_document(answer: EntryAnswer, language: Language = "da") -> dict[str, Any]:
    """Whom to contact, as a JSON-ready object, texts in ``language``."""
    citation = answer.citation
    return {
        "municipality": answer.municipality,
        "on": answer.on.isoformat(),
        "ages": [
            {"from": low, "to": None if high == NO_LIMIT else high} for low, high in answer.spans
        ],
        "configured": answer.configured,
        "settled": answer.settled,
        "contacts": [
            {
                "department": contact.department,
                "name": contact.name.in_(language),
                "point_of_entry": None
                if contact.point_of_entry is None
                else contact.point_of_entry.in_(language),
            }
            for contact in answer.contacts
        ],
        "citation": None
        if citation is None
        else {"document": citation.document, "section": citation.section},
        "reading": None if answer.reading is None else answer.reading.in_(language),
        "language": language,
    }


def entry_text(answer: EntryAnswer, name: str, language: Language = "da") -> str:
    """Whom to contact, as plain text; ``name`` is the municipality's name."""
    words = _WORDS[language]
    lines = [f"{words['ages']}: {ages_text(answer.spans, language)}"]
    if not answer.configured:
        lines.append(words["unconfigured"].format(name=name))
        return "\n".join(lines) + "\n"
    if not answer.contacts:
        lines.append(words["none"])
    elif not answer.settled:
        lines.append(words["unsettled"])
    for contact in answer.contacts:
        entry = contact.point_of_entry
        lines.append(
            f"  {contact.name.in_(language)}"
            + ("" if entry is None else f": {entry.in_(language)}")
        )
    if answer.reading is not None:
        lines.append(f"{words['reading']}: {answer.reading.in_(language)}")
    if answer.citation is not None:
        lines.append(f"{words['source']}: {cited(answer.citation, language)}")
    return "\n".join(lines) + "\n"
