"""Decisions for people and for programs: a letter-like text, and the JSON document format.

The JSON document (one object per decision, texts in one language) is a public
contract, described in docs/json-format.md; change it only by adding keys.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ._decision import Decision, DepartmentRef, Finding, Outcome, Round, RoundKind, Status
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
    "legal_bases": Text(da="Hjemmel", en="Legal basis"),
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
        f"  - {finding.criterion} [{status}] {finding.rule.in_(language)} "
        f"{finding.reason.in_(language)}\n"
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
    if decision.legal_bases:
        lines.append(f"{_label('legal_bases', language)}: {', '.join(decision.legal_bases)}.")
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


def _department(department: DepartmentRef | None, language: Language) -> dict[str, Any] | None:
    if department is None:
        return None
    return {
        "id": department.id,
        "name": department.name.in_(language),
        "point_of_entry": _text(department.point_of_entry, language),
        "hearing": list(department.hearing),
    }


def _shared(decision: Decision, language: Language) -> dict[str, Any]:
    """The parts of a decision that many decisions share: department, auditor, appeal, audit."""
    auditor, audit = decision.auditor, decision.audit
    return {
        "department": _department(decision.department, language),
        "auditor": None
        if auditor is None
        else {"id": auditor.id, "name": auditor.name.in_(language)},
        "appeal": _text(decision.appeal, language),
        "audit": {
            "library_version": audit.library_version,
            "municipality": audit.municipality,
            "rules_date": audit.rules_date.isoformat(),
            "config_fingerprint": audit.config_fingerprint,
        },
    }


def _own(decision: Decision, language: Language) -> dict[str, Any]:
    """The parts of a decision that are its own."""
    round_ = decision.round
    return {
        "application": decision.application,
        "municipality": decision.municipality,
        "pool": decision.pool,
        "outcome": decision.outcome,
        "language": language,
        "round": None
        if round_ is None
        else {
            "kind": round_.kind,
            "year": round_.year,
            "deadline": round_.deadline.isoformat() if round_.deadline else None,
            "reserve": round_.reserve,
        },
        "department_candidates": list(decision.department_candidates),
        "legal_bases": list(decision.legal_bases),
    }


def _finding_document(finding: Finding, language: Language) -> dict[str, Any]:
    return {
        "criterion": finding.criterion,
        "kind": finding.kind,  # str enums: JSON writes their value
        "status": finding.status,
        "reason": finding.reason.in_(language),
        "facts": finding.facts,
        "missing": finding.missing,
        "citation": {"document": finding.citation.document, "section": finding.citation.section},
    }


def decision_document(decision: Decision, language: Language = "da") -> dict[str, Any]:
    """The decision as a JSON-ready object, its texts in ``language``."""
    return {
        **_own(decision, language),
        **_shared(decision, language),
        "findings": [_finding_document(finding, language) for finding in decision.findings],
    }


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _finding_json(finding: Finding, language: Language) -> str:
    encoded = finding._encoded
    if encoded is None:
        encoded = {}
        object.__setattr__(finding, "_encoded", encoded)
    text = encoded.get(language)
    if text is None:
        text = encoded[language] = _encode(_finding_document(finding, language))
    return text


_SHARED_LIMIT = 4096
_shared_json: dict[tuple[int, int, int, int, str], tuple[object, str]] = {}


def _shared_json_of(decision: Decision, language: Language) -> str:
    """The shared parts encoded once per combination of shared objects and language."""
    parts = (decision.department, decision.auditor, decision.appeal, decision.audit)
    key = (id(parts[0]), id(parts[1]), id(parts[2]), id(parts[3]), language)
    found = _shared_json.get(key)
    if found is None:
        if len(_shared_json) >= _SHARED_LIMIT:
            _shared_json.clear()
        # the parts are kept with their encoding so that their ids stay theirs
        found = _shared_json[key] = (parts, _encode(_shared(decision, language))[1:-1])
    return found[1]


def decision_json(decision: Decision, language: Language = "da") -> str:
    """One decision document as compact JSON, in ``language``."""
    own = _encode(_own(decision, language))[:-1]
    findings = ",".join(
        [
            known[language]
            if (known := finding._encoded) is not None and language in known
            else _finding_json(finding, language)
            for finding in decision.findings
        ]
    )
    return f'{own},{_shared_json_of(decision, language)},"findings":[{findings}]}}'


def write_decisions_json(
    decisions: Iterable[Decision], out: TextIO, language: Language = "da"
) -> int:
    """Write a JSON list of decision documents, one per line, as they come.

    Streams: a decision is written as soon as it is made and need not be kept.
    Returns how many were written.
    """
    count = 0
    for decision in decisions:
        out.write(("[\n" if count == 0 else ",\n") + decision_json(decision, language))
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def decisions_to_json(decisions: Iterable[Decision], language: Language = "da") -> str:
    """A JSON list of decision documents, one decision per line."""
    buffer = io.StringIO()
    write_decisions_json(decisions, buffer, language)
    return buffer.getvalue()
