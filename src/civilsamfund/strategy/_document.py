"""A strategy's status as programs and people read it: a JSON document or plain text,
texts in one language. The JSON document is a public contract: change it only by
adding keys."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from civilsamfund.core import Language, Text, listed, prose_date
from civilsamfund.core.rules import finding_lines, judged_document
from civilsamfund.strategy._lifecycle import MILESTONE_NAMES
from civilsamfund.strategy._model import Milestone, Strategy
from civilsamfund.strategy._status import StrategyState, StrategyStatus


def _text(text: Text | None, language: Language) -> str | None:
    return None if text is None else text.in_(language)


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _content(strategy: Strategy, names: dict[str, str], language: Language) -> dict[str, Any]:
    return {
        "arenas": [{"id": a, "name": names.get(a, a)} for a in strategy.arenas],
        "principles": [
            {
                "id": p.id,
                "name": p.name.in_(language),
                "objectives": [o.id for o in strategy.objectives if o.principle == p.id],
            }
            for p in strategy.principles
        ],
        "objectives": [
            {
                "id": o.id,
                "name": o.name.in_(language),
                "focus_area": _text(o.focus_area, language),
                "principle": o.principle,
            }
            for o in strategy.objectives
        ],
        "action_plans": [
            {
                "id": plan.id,
                "objective": plan.objective,
                "start": plan.start.isoformat(),
                "end": plan.end.isoformat(),
                "goals": [goal.in_(language) for goal in plan.goals],
                "success_criteria": [c.in_(language) for c in plan.success_criteria],
                "judged_by": [stakeholder.value for stakeholder in plan.judged_by],
            }
            for plan in strategy.action_plans
        ],
        "declarations": [
            {"id": d.id, "text": d.text.in_(language), "signatories": list(d.signatories)}
            for d in strategy.declarations
        ],
    }


def status_document(status: StrategyStatus, language: Language = "da") -> dict[str, Any]:
    """The status as a JSON-ready object, texts in ``language``."""
    strategy = status.strategy
    names = {key: name.in_(language) for key, name in status.names.items()}
    return {
        "strategy": strategy.id,
        "title": strategy.title.in_(language),
        "municipality": status.municipality,
        "on": status.on.isoformat(),
        "state": status.state.value,
        "due": [milestone.value for milestone in status.due],
        "overdue": [milestone.value for milestone in status.overdue],
        "adopted_by": _text(strategy.adopted_by, language),
        "adopted_on": _day(strategy.adopted_on),
        "in_force_by": _day(strategy.in_force_by),
        "ends_on": _day(strategy.ends_on),
        "superseded_by": strategy.superseded_by,
        "revises": strategy.revises,
        "period": {"start": _day(strategy.period_start), "end": _day(strategy.period_end)},
        "vision": _text(strategy.vision, language),
        "values": [value.in_(language) for value in strategy.values],
        "heard": list(strategy.heard),
        "informed": list(strategy.informed),
        "done": [{"milestone": d.milestone.value, "on": d.on.isoformat()} for d in strategy.done],
        **_content(strategy, names, language),
        "objectives_without_principle": list(status.objectives_without_principle),
        "principles_without_objective": list(status.principles_without_objective),
        "citation": {
            "document": strategy.citation.document,
            "section": strategy.citation.section,
        },
        "reading": _text(strategy.reading, language),
        "language": language,
        **judged_document(status, language),
    }


_STATES = {
    "da": {
        "not_adopted": "ikke vedtaget",
        "not_known": "ikke kendt som gældende",
        "ended": "ikke længere gældende",
        "in_force": "gældende, intet forfaldent",
        "due": "gældende; {due} forfalder nu",
        "overdue": "forsinket med {overdue}",
        "also_due": "; {due} forfalder nu",
        "also_overdue": "; forsinket med {overdue}",
    },
    "en": {
        "not_adopted": "not adopted",
        "not_known": "not known to be in force",
        "ended": "no longer in force",
        "in_force": "in force, nothing due",
        "due": "in force; {due} now due",
        "overdue": "behind on {overdue}",
        "also_due": "; {due} now due",
        "also_overdue": "; behind on {overdue}",
    },
}
_WORDS = {
    "da": {
        "adopted": "Vedtaget af {by} den {on}",
        "adopted_on": "Gældende fra {on}",
        "in_force_by": "Kendt som gældende fra {on}; vedtagelsesdagen kendes ikke",
        "ends_on": "Gældende til og med {on}",
        "superseded_by": "; afløst af {title}",
        "revises": "Reviderer",
        "period": "Periode",
        "from": "fra {start}",
        "until": "til {end}",
        "between": "{start} til {end}",
        "on": "pr. {on}",
        "schedule": "Tidsplan",
        "no_schedule": "ingen",
        "ended_schedule": "bedømmes ikke efter sidste gældende dag",
        "serves": "tjener",
        "no_principle": "Målsætninger uden princip",
        "no_objective": "Principper uden målsætning",
        "no_principles": "Strategien nævner ingen principper.",
        "principles": "Principper og de målsætninger, der tjener dem",
        "heard": "Høres før revision",
        "informed": "Orienteres",
        "vision": "Vision",
        "objectives": "Målsætninger",
    },
    "en": {
        "adopted": "Adopted by {by} on {on}",
        "adopted_on": "In force from {on}",
        "in_force_by": "Known to be in force from {on}; the day it was adopted is not known",
        "ends_on": "In force until {on}",
        "superseded_by": "; superseded by {title}",
        "revises": "Revises",
        "period": "Period",
        "from": "from {start}",
        "until": "until {end}",
        "between": "{start} to {end}",
        "on": "on {on}",
        "schedule": "Schedule",
        "no_schedule": "none",
        "ended_schedule": "not judged after its last day in force",
        "serves": "serves",
        "no_principle": "Objectives serving no principle",
        "no_objective": "Principles no objective serves",
        "no_principles": "The strategy names no principles.",
        "principles": "Principles and the objectives that serve them",
        "heard": "Heard before a revision",
        "informed": "Informed",
        "vision": "Vision",
        "objectives": "Objectives",
    },
}


def state_text(
    state: StrategyState,
    due: Sequence[Milestone],
    overdue: Sequence[Milestone],
    language: Language = "da",
) -> str:
    """A strategy's state in words, naming the milestones due and overdue."""

    def named(milestones: Sequence[Milestone]) -> str:
        return listed((MILESTONE_NAMES[m.value].in_(language) for m in milestones), language)

    states = _STATES[language]
    text = states[state.value].format(due=named(due), overdue=named(overdue))
    if overdue and state is not StrategyState.OVERDUE:  # a draft late before adoption
        text += states["also_overdue"].format(overdue=named(overdue))
    if due and state is not StrategyState.DUE:
        text += states["also_due"].format(due=named(due))
    return text


def period_text(start: date | None, end: date | None, language: Language = "da") -> str:
    """A period with either end open, in words: ``1. januar 2018 til 31. december 2021``."""
    words = _WORDS[language]
    if start is None:
        return "" if end is None else words["until"].format(end=prose_date(end, language))
    if end is None:
        return words["from"].format(start=prose_date(start, language))
    return words["between"].format(start=prose_date(start, language), end=prose_date(end, language))


def status_text(status: StrategyStatus, language: Language = "da") -> str:
    """The status as plain text for a secretariat: state, schedule and mapping."""
    document = status_document(status, language)
    words = _WORDS[language]
    names = document["names"]

    def named(keys: list[str]) -> str:
        return listed((names.get(key, key) for key in keys), language)

    strategy = status.strategy
    state = state_text(status.state, status.due, status.overdue, language)
    on = words["on"].format(on=prose_date(status.on, language))
    lines = [f"{document['title']} {on}: {state}"]

    def day(value: date | None) -> str | None:
        return None if value is None else prose_date(value, language)

    adopted, known = day(strategy.adopted_on), day(strategy.in_force_by)
    if adopted and document["adopted_by"]:
        lines.append(words["adopted"].format(by=document["adopted_by"], on=adopted))
    elif adopted:
        lines.append(words["adopted_on"].format(on=adopted))
    elif known:
        lines.append(words["in_force_by"].format(on=known))
    if strategy.ends_on is not None:
        ends = words["ends_on"].format(on=day(strategy.ends_on))
        if document["superseded_by"]:
            ends += words["superseded_by"].format(title=named([document["superseded_by"]]))
        lines.append(ends)
    if document["revises"]:
        lines.append(f"{words['revises']}: {named([document['revises']])}")
    if strategy.period_start or strategy.period_end:
        period = period_text(strategy.period_start, strategy.period_end, language)
        lines.append(f"{words['period']}: {period}")
    if document["vision"]:
        lines.append(f"{words['vision']}: {document['vision']}")
    if status.findings:
        lines += [f"{words['schedule']}:", *finding_lines(status.findings, language)]
    else:
        empty = "ended_schedule" if status.state is StrategyState.ENDED else "no_schedule"
        lines.append(f"{words['schedule']}: {words[empty]}")
    if not document["principles"]:
        lines.append(words["no_principles"])
        if document["objectives"]:
            lines.append(f"{words['objectives']}:")
            lines += [f"  {names.get(o['id'], o['id'])}" for o in document["objectives"]]
    if document["principles"]:
        lines.append(f"{words['principles']}:")
    for principle in document["principles"]:
        served = named(principle["objectives"]) or "-"
        lines.append(f"  {principle['name']} <- {served}")
    if document["objectives_without_principle"]:
        lines.append(f"{words['no_principle']}: {named(document['objectives_without_principle'])}")
    if document["principles_without_objective"]:
        lines.append(f"{words['no_objective']}: {named(document['principles_without_objective'])}")
    if document["heard"]:
        lines.append(f"{words['heard']}: {named(document['heard'])}")
    if document["informed"]:
        lines.append(f"{words['informed']}: {named(document['informed'])}")
    return "\n".join(lines) + "\n"
