"""A design meeting's summary as programs and people read it: a JSON document (the
summary's projection, matching the ``design-summary`` schema) or plain text for the
committee, texts in one language. A member is never shown, only counted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from civilsamfund.core import Language, cited, compact_json, projected, prose_date
from civilsamfund.strategy._evaluation import EvaluationSummary
from civilsamfund.strategy._meetings import MeetingSummary
from civilsamfund.strategy._ranking import Ranking

_WORDS = {
    "da": {
        "committee": "udvalgsmøde",
        "citizen": "borgermøde",
        "of": "i",
        "on": "den",
        "towards": "Strategi, der arbejdes hen imod",
        "participants": "Deltagere",
        "paper": "Pointepapirets punkter er prioriteret af {members}",
        "unprioritised": "Ingen har prioriteret pointepapirets punkter endnu",
        "borda": "Borda: et punkt på plads k blandt n punkter giver n - k + 1 point, et udeladt 0",
        "approval": "Tilslutning: hver gang et medlem prioriterer et punkt, giver det 1 point",
        "point": "punkt {number}: {score} point, først hos {first}, nævnt af {listed}",
        "tied": "delt plads",
        "evaluation": "Evaluering: {count} vurderinger på en skala fra {lowest} til {highest}",
        "mean": "gennemsnit {mean}, median {median}",
        "none": "ingen vurderinger",
        "source": "Kilde",
    },
    "en": {
        "committee": "committee meeting",
        "citizen": "citizen meeting",
        "of": "of",
        "on": "on",
        "towards": "Strategy worked towards",
        "participants": "Participants",
        "paper": "The points paper's points are prioritised by {members}",
        "unprioritised": "No one has prioritised the points paper's points yet",
        "borda": "Borda: a point in place k of n points scores n - k + 1, one left out 0",
        "approval": "Approval: each time a member prioritises a point, it scores 1",
        "point": "point {number}: {score} points, first for {first}, listed by {listed}",
        "tied": "tied",
        "evaluation": "Evaluation: {count} ratings on a scale from {lowest} to {highest}",
        "mean": "mean {mean}, median {median}",
        "none": "no ratings",
        "source": "Source",
    },
}

_MEMBERS = {
    "da": ("{count} medlem", "{count} medlemmer"),
    "en": ("{count} member", "{count} members"),
}


def meeting_document(summary: MeetingSummary, language: Language = "da") -> dict[str, Any]:
    """The meeting's summary as a JSON-ready object, its texts in ``language``."""
    document: dict[str, Any] = projected(summary, language)
    document["language"] = language
    return document


def meeting_json(summary: MeetingSummary, language: Language = "da") -> str:
    """One meeting's summary as compact JSON."""
    return compact_json(meeting_document(summary, language))


def number(value: Decimal | None, language: Language) -> str:
    """A decimal as a reader writes it: a comma in Danish; a dash for none."""
    if value is None:
        return "-"
    return str(value).replace(".", ",") if language == "da" else str(value)


def _ranking_lines(ranking: Ranking, language: Language) -> list[str]:
    words = _WORDS[language]
    if not ranking.members:
        head = words["unprioritised"]
        return [head, *(f"  {p.number:>3}. {p.text.in_(language)}" for p in ranking.points)]
    members = _MEMBERS[language][ranking.members != 1].format(count=ranking.members)
    lines = [
        words["paper"].format(members=members),
        f"  ({words[ranking.method.value]})",
    ]
    for point in ranking.points:
        place = f"{point.rank}{'=' if point.tied else '.'}"
        said = words["point"].format(
            number=point.number, score=point.score, first=point.first_by, listed=point.listed_by
        )
        tied = f" ({words['tied']})" if point.tied else ""
        lines.append(f"  {place:>4} {said}{tied}: {point.text.in_(language)}")
    return lines


def _evaluation_lines(evaluation: EvaluationSummary, language: Language) -> list[str]:
    words = _WORDS[language]
    head = words["evaluation"].format(
        count=evaluation.count, lowest=evaluation.lowest, highest=evaluation.highest
    )
    if evaluation.count:
        average = words["mean"].format(
            mean=number(evaluation.mean, language), median=number(evaluation.median, language)
        )
    else:
        average = words["none"]
    widest = max(rated.count for rated in evaluation.distribution) or 1
    bars = [
        f"  {rated.rating:>3}: {rated.count:>5} {'#' * round(30 * rated.count / widest)}".rstrip()
        for rated in reversed(evaluation.distribution)
    ]
    return [f"{head}; {average}", *bars]


def meeting_text(summary: MeetingSummary, language: Language = "da") -> str:
    """The meeting's summary as plain text: the ranking with its method, ties marked
    ``=``, and the evaluation with a bar per rating."""
    words = _WORDS[language]
    committee = (
        ""
        if summary.committee is None
        else f" {words['of']} {summary.names[summary.committee].in_(language)}"
    )
    strategy = summary.names[summary.strategy].in_(language)
    kind = words[summary.kind.value]
    lines = [
        f"{kind[0].upper()}{kind[1:]}{committee} {words['on']} {prose_date(summary.on, language)}",
        f"{words['towards']}: {strategy}",
    ]
    if summary.participants is not None:
        lines.append(f"{words['participants']}: {summary.participants}")
    if summary.ranking is not None:
        lines.extend(_ranking_lines(summary.ranking, language))
    if summary.evaluation is not None:
        lines.extend(_evaluation_lines(summary.evaluation, language))
    if summary.note is not None:
        lines.append(summary.note.in_(language))  # a note says what it is ("Illustration: …")
    if summary.citation is not None:
        lines.append(f"{words['source']}: {cited(summary.citation, language)}")
    return "\n".join(lines) + "\n"
