"""A decision as programs read it: the JSON decision document, a public contract.

One object per decision, texts in one language; described in docs/json-format.md and
by ``civilsamfund schema decision``. Change it only by adding keys.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from civilsamfund.core import Language, Text, decimal_text, json_encoder
from civilsamfund.core.rules import Finding, Status, audit_document, finding_document
from civilsamfund.grants._decision import Decision, DepartmentRef


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
    """The parts of a decision that many decisions share: department, auditor, appeal,
    and the names of what it mentions (the audit record, shared by fewer, follows)."""
    auditor = decision.auditor
    return {
        "names": {key: name.in_(language) for key, name in decision.names.items()},
        "department": _department(decision.department, language),
        "auditor": None
        if auditor is None
        else {
            "id": auditor.id,
            "name": auditor.name.in_(language),
            "read_from": auditor.read_from,
            "explanation": auditor.explanation.in_(language),
        },
        "appeal": _text(decision.appeal, language),
    }


def _own(decision: Decision, language: Language) -> dict[str, Any]:
    """The parts of a decision that are its own."""
    round_ = decision.round
    return {
        "application": decision.application,
        "municipality": decision.municipality,
        "pool": decision.pool,
        "outcome": decision.outcome,
        "amount": decimal_text(decision.amount),
        "received": decision.received.isoformat(),
        "applicant": decision.applicant,
        "language": language,
        "round": None
        if round_ is None
        else {
            "kind": round_.kind,
            "year": round_.year,
            "deadline": round_.deadline.isoformat() if round_.deadline else None,
            "reserve": round_.reserve,
            "missed_deadline": round_.missed_deadline.isoformat()
            if round_.missed_deadline
            else None,
            "open_all_year": list(round_.open_all_year),
        },
        "department_candidates": list(decision.department_candidates),
        "legal_bases": list(decision.legal_bases),
    }


def decision_document(decision: Decision, language: Language = "da") -> dict[str, Any]:
    """The decision as a JSON-ready object, its texts in ``language``."""
    return {
        **_own(decision, language),
        **_shared(decision, language),
        "audit": audit_document(decision.audit),
        "findings": [finding_document(finding, language) for finding in decision.findings],
    }


class _Kept:
    """Encodings kept by the identity of what they encode, for as long as they are used.

    Kept in two generations: when the young one is full it becomes the old one, and
    an encoding found only there moves back. What is not used for a generation goes,
    so a stream of one-off findings cannot push out those that recur.
    """

    LIMIT = 4096
    __slots__ = ("old", "young")

    def __init__(self) -> None:
        self.young: dict[Any, tuple[object, bytes]] = {}
        self.old: dict[Any, tuple[object, bytes]] = {}

    def encoded(self, key: Any, value: object, encode: Callable[[], bytes]) -> bytes:
        """The encoding of ``value`` (known by ``key``), made with ``encode`` if not kept."""
        kept = self.young.get(key)
        if kept is not None:
            return kept[1]
        kept = self.old.pop(key, None)
        if kept is None:
            # Copied to its own size: orjson's bytes keep the buffer they were written in
            # (4 KiB for a 500-byte finding). The value is kept too, so its id stays its own.
            kept = (value, memoryview(encode()).tobytes())
        if len(self.young) >= self.LIMIT:
            self.old, self.young = self.young, {}
        self.young[key] = kept
        return kept[1]


class JsonWriter:
    """Encodes decision documents in one language, reusing what decisions share.

    An assessment reuses one finding object for equal facts, and one department,
    auditor, appeal and audit record for many decisions; the writer encodes each of
    them once while they keep coming.
    """

    __slots__ = ("_audits", "_compact", "_dumps", "_findings", "_language", "_shared")

    def __init__(self, language: Language = "da", compact: bool = False) -> None:
        self._language: Language = language
        self._compact = compact
        """Give findings that passed by criterion id only, under ``passed``: a large
        batch's output shrinks to the findings a caseworker reads."""
        self._dumps = json_encoder()
        self._findings = _Kept()
        self._shared = _Kept()
        self._audits = _Kept()

    def _finding(self, finding: Finding) -> bytes:
        return self._findings.encoded(
            id(finding), finding, lambda: self._dumps(finding_document(finding, self._language))
        )

    def _shared_parts(self, decision: Decision) -> bytes:
        parts = (decision.department, decision.auditor, decision.appeal, decision.names)
        shared = self._shared.encoded(
            tuple(map(id, parts)),
            parts,
            lambda: self._dumps(_shared(decision, self._language))[1:-1],
        )
        audit = decision.audit
        encoded = self._audits.encoded(id(audit), audit, lambda: self._dumps(audit_document(audit)))
        return b"".join((shared, b',"audit":', encoded))

    def encode_bytes(self, decision: Decision) -> bytes:
        """One decision document as compact JSON in UTF-8, as a batch writes it."""
        dumps = self._dumps
        shown = decision.findings
        passed = b""
        if self._compact:
            shown = tuple(f for f in decision.findings if f.status is not Status.PASS)
            ids = [f.criterion for f in decision.findings if f.status is Status.PASS]
            passed = b',"passed":' + dumps(ids)
        known, finding = self._findings.young.get, self._finding  # most were encoded before
        return b"".join(
            (
                dumps(_own(decision, self._language))[:-1],
                b",",
                self._shared_parts(decision),
                passed,
                b',"findings":[',
                b",".join(
                    [hit[1] if (hit := known(id(f))) is not None else finding(f) for f in shown]
                ),
                b"]}",
            )
        )

    def encode(self, decision: Decision) -> str:
        """One decision document as compact JSON."""
        return self.encode_bytes(decision).decode()


def decision_json(decision: Decision, language: Language = "da") -> str:
    """One decision document as compact JSON, in ``language``."""
    return JsonWriter(language).encode(decision)


def decisions_to_json(decisions: Iterable[Decision], language: Language = "da") -> str:
    """A JSON list of decision documents, one decision per line, laid out as
    ``civilsamfund assess --format json`` writes them."""
    from civilsamfund.pipeline import JSON_ARRAY, Sink

    buffer = io.BytesIO()
    sink = Sink(buffer, JSON_ARRAY, "<json>")
    encode = JsonWriter(language).encode_bytes
    for decision in decisions:
        sink.add(encode(decision))
    sink.close()
    return buffer.getvalue().decode()
