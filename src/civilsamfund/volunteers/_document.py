"""A task decision as programs and people read it: a JSON document, or plain text.

The JSON document is a public contract, like the grant decision's: one object per
task, texts in one language, obligations as typed values. Change it only by adding keys.
"""

from __future__ import annotations

from typing import Any

from civilsamfund.core import Language, compact_json
from civilsamfund.core.rules import finding_lines, judged_document
from civilsamfund.volunteers._assessment import TaskDecision
from civilsamfund.volunteers._obligations import Obligation


def _obligation(obligation: Obligation, language: Language) -> dict[str, Any]:
    return {
        "kind": obligation.kind,
        "id": obligation.id,
        "text": obligation.text.in_(language),
        "before_start": obligation.before_start,
        "legal_basis": obligation.legal_basis,
        "criterion": obligation.criterion,
        "citation": {
            "document": obligation.citation.document,
            "section": obligation.citation.section,
        },
    }


def task_document(decision: TaskDecision, language: Language = "da") -> dict[str, Any]:
    """The decision as a JSON-ready object, its texts in ``language``."""
    return {
        "task": decision.task,
        "municipality": decision.municipality,
        "outcome": decision.outcome,
        "language": language,
        "obligations": [_obligation(o, language) for o in decision.obligations],
        **judged_document(decision, language),
    }


def task_json(decision: TaskDecision, language: Language = "da") -> str:
    """One decision document as compact JSON."""
    return compact_json(task_document(decision, language))


_OUTCOMES = {
    "da": {
        "eligible": "kan gennemføres som beskrevet",
        "needs_assessment": "skal vurderes",
        "ineligible": "kan ikke gennemføres som beskrevet",
    },
    "en": {
        "eligible": "may go ahead as described",
        "needs_assessment": "needs assessment",
        "ineligible": "cannot go ahead as described",
    },
}
_HEADINGS = {
    "da": ("Opgave", "Forpligtelser", "Vurdering"),
    "en": ("Task", "Obligations", "Findings"),
}


def task_text(decision: TaskDecision, language: Language = "da") -> str:
    """The decision as plain text for a coordinator: outcome, obligations, findings.

    An obligation's text says when it must be met ("before the volunteer starts"), so
    the text adds nothing to it; ``before_start`` is for programs."""
    task, obligations_heading, findings_heading = _HEADINGS[language]
    lines = [f"{task} {decision.task}: {_OUTCOMES[language][decision.outcome.value]}"]
    if decision.obligations:
        lines.append(f"{obligations_heading}:")
        lines += [f"  * {obligation.text.in_(language)}" for obligation in decision.obligations]
    lines.append(f"{findings_heading}:")
    lines += finding_lines(decision.findings, language)
    return "\n".join(lines) + "\n"
