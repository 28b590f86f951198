"""Decisions for people and for programs: a letter-like text, and the JSON document format.

The JSON document (one object per decision, texts in one language) is a public
contract, described in docs/json-format.md; change it only by adding keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ._decision import Decision, Finding, Outcome, Round, RoundKind, Status
from ._text import Language, Text

_OUTCOMES = {
    Outcome.ELIGIBLE: Text(da="opfylder kriterierne", en="meets the criteria"),
    Outcome.NEEDS_ASSESSMENT: Text(
        da="skal vurderes af en sagsbehandler", en="needs a caseworker's assessment"
    ),
    Outcome.INELIGIBLE: Text(da="kan ikke støttes", en="cannot be supported"),
}
_STATUSES = {
    Status.PASS: Text(da="opfyldt", en="met"),
    Status.FAIL: Text(da="ikke opfyldt", en="not met"),
    Status.FLAG: Text(da="til vurdering", en="to assess"),
    Status.INFO: Text(da="oplysning", en="note"),
    Status.NOT_APPLICABLE: Text(da="ikke relevant", en="not relevant"),
}
_LABELS = {
    "title": Text(da="Afgørelse for ansøgning", en="Decision on application"),
    "pool": Text(da="pulje", en="pool"),
    "outcome": Text(da="Resultat: ansøgningen", en="Outcome: the application"),
    "round": Text(da="Ansøgningsrunde", en="Round"),
    "yearly": Text(
        da="den årlige runde {year} med frist {deadline}",
        en="the yearly round {year}, deadline {deadline}",
    ),
    "all_year": Text(da="løbende, hele året", en="open all year"),
    "reserve": Text(da="reserveret del", en="reserved share"),
    "no_round": Text(
        da="konfigurationen fastsætter ingen ansøgningsfrist",
        en="the configuration sets no application window",
    ),
    "department": Text(da="Forvaltning", en="Department"),
    "entry": Text(da="Indgang", en="Point of entry"),
    "hearing": Text(da="Høring før fordeling", en="Hearing before allocation"),
    "unsettled": Text(da="ikke afgjort; mulige", en="not settled; candidates"),
    "auditor": Text(da="Regnskabet skal påtegnes af", en="The accounts must be signed by"),
    "reasons": Text(da="Begrundelse", en="Reasons"),
    "source": Text(da="kilde", en="source"),
    "section": Text(da="afsnit", en="section"),
    "appeal": Text(da="Klageadgang", en="Appeal"),
    "no_appeal": Text(
        da="konfigurationen giver ingen klagevejledning; en afgørelse skal oplyse om klageadgang "
        "(forvaltningsloven § 25)",
        en="the configuration gives no appeal statement; a decision must state how to appeal "
        "(Forvaltningsloven §25)",
    ),
    "basis": Text(da="Grundlag", en="Basis"),
    "rules_of": Text(da="regler gældende", en="rules in force on"),
    "none": Text(da="ingen", en="none"),
}


def _label(key: str, language: Language) -> str:
    return _LABELS[key].in_(language)


def _round_text(round_: Round | None, language: Language) -> str:
    if round_ is None:
        return _label("no_round", language)
    if round_.kind is RoundKind.ALL_YEAR:
        text = _label("all_year", language)
    else:
        deadline = round_.deadline.isoformat() if round_.deadline else "?"
        text = _label("yearly", language).format(year=round_.year, deadline=deadline)
    if round_.reserve:
        text += f" ({_label('reserve', language)}: {round_.reserve})"
    return text


def _finding_text(finding: Finding, language: Language) -> str:
    status = _STATUSES[finding.status].in_(language)
    citation = finding.citation
    return (
        f"  - {finding.criterion} [{status}] {finding.reason.in_(language)}\n"
        f"    ({_label('source', language)}: {citation.document}, "
        f'{_label("section", language)} "{citation.section}")'
    )


def render_text(decision: Decision, language: Language = "da") -> str:
    """The decision as it would read in a decision letter's justification."""
    lines = [
        f"{_label('title', language)} {decision.application} "
        f"({decision.municipality}, {_label('pool', language)} {decision.pool})",
        f"{_label('outcome', language)} {_OUTCOMES[decision.outcome].in_(language)}.",
        f"{_label('round', language)}: {_round_text(decision.round, language)}.",
    ]
    department = decision.department
    if department is not None:
        lines.append(f"{_label('department', language)}: {department.name.in_(language)}.")
        if department.point_of_entry is not None:
            lines.append(f"{_label('entry', language)}: {department.point_of_entry.in_(language)}")
        if department.hearing:
            lines.append(f"{_label('hearing', language)}: {', '.join(department.hearing)}.")
    elif decision.department_candidates:
        candidates = ", ".join(decision.department_candidates)
        lines.append(
            f"{_label('department', language)}: {_label('unsettled', language)}: {candidates}."
        )
    if decision.auditor is not None:
        lines.append(f"{_label('auditor', language)} {decision.auditor.name.in_(language)}.")
    lines.append(f"{_label('reasons', language)}:")
    lines.extend(_finding_text(finding, language) for finding in decision.findings)
    appeal = decision.appeal.in_(language) if decision.appeal else _label("no_appeal", language)
    audit = decision.audit
    lines += [
        f"{_label('appeal', language)}: {appeal}",
        f"{_label('basis', language)}: {_label('rules_of', language)} "
        f"{audit.rules_date.isoformat()}; civilsamfund {audit.library_version}; "
        f"{audit.config_fingerprint}",
    ]
    return "\n".join(lines)


def _text(value: Text | None, language: Language) -> str | None:
    return None if value is None else value.in_(language)


def decision_document(decision: Decision, language: Language = "da") -> dict[str, Any]:
    """The decision as a JSON-ready object, its texts in ``language``."""
    department = decision.department
    round_ = decision.round
    auditor = decision.auditor
    audit = decision.audit
    return {
        "application": decision.application,
        "municipality": decision.municipality,
        "pool": decision.pool,
        "outcome": decision.outcome.value,
        "language": language,
        "round": None
        if round_ is None
        else {
            "kind": round_.kind.value,
            "year": round_.year,
            "deadline": round_.deadline.isoformat() if round_.deadline else None,
            "reserve": round_.reserve,
        },
        "department": None
        if department is None
        else {
            "id": department.id,
            "name": department.name.in_(language),
            "point_of_entry": _text(department.point_of_entry, language),
            "hearing": list(department.hearing),
        },
        "department_candidates": list(decision.department_candidates),
        "auditor": None
        if auditor is None
        else {"id": auditor.id, "name": auditor.name.in_(language)},
        "appeal": _text(decision.appeal, language),
        "findings": [
            {
                "criterion": finding.criterion,
                "kind": finding.kind.value,
                "status": finding.status.value,
                "reason": finding.reason.in_(language),
                "facts": finding.facts,
                "missing": finding.missing,
                "citation": {
                    "document": finding.citation.document,
                    "section": finding.citation.section,
                },
            }
            for finding in decision.findings
        ],
        "audit": {
            "library_version": audit.library_version,
            "municipality": audit.municipality,
            "rules_date": audit.rules_date.isoformat(),
            "config_fingerprint": audit.config_fingerprint,
        },
    }


def decisions_to_json(decisions: Iterable[Decision], language: Language = "da") -> str:
    """A JSON list of decision documents, one decision per line."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    body = ",\n".join(encode(decision_document(decision, language)) for decision in decisions)
    return f"[\n{body}\n]\n" if body else "[]\n"
