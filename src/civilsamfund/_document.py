"""A decision as programs read it: the JSON decision document, a public contract.

One object per decision, texts in one language; described in docs/json-format.md and
by ``civilsamfund schema decision``. Change it only by adding keys.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

from ._decision import Decision, DepartmentRef, Finding
from ._text import Language, Text


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
