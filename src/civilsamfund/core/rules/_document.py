"""What the JSON documents and texts of every domain give alike: a finding, the audit
record, and a finding as a line of text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from civilsamfund.core import AuditRecord, Language, Text, cited
from civilsamfund.core.rules._findings import Finding, Status


def finding_document(finding: Finding, language: Language) -> dict[str, Any]:
    """The finding as a JSON-ready object: the rule's own wording with the reason, as a
    letter gives them; the cited document's title is left to ``names``."""
    return {
        "criterion": finding.criterion,
        "kind": finding.kind,  # str enums: JSON writes their value
        "status": finding.status,
        "rule": finding.rule.in_(language),
        "reason": finding.reason.in_(language),
        "facts": finding.facts,
        "missing": finding.missing,
        "citation": {"document": finding.citation.document, "section": finding.citation.section},
    }


def audit_document(audit: AuditRecord) -> dict[str, Any]:
    """The audit record as a JSON-ready object: which library, rules and configuration."""
    return {
        "library_version": audit.library_version,
        "municipality": audit.municipality,
        "rules_date": audit.rules_date.isoformat(),
        "config_fingerprint": audit.config_fingerprint,
        "rules_source": audit.rules_source,
        "distribution": None
        if audit.distribution is None
        else {
            "name": audit.distribution.name,
            "version": audit.distribution.version,
            "fingerprint": audit.distribution.fingerprint,
        },
    }


_MARKS = {
    Status.PASS: "ok",
    Status.FAIL: "!!",
    Status.FLAG: "??",
    Status.INFO: "i ",
    Status.NOT_APPLICABLE: "- ",
}


def finding_lines(findings: Iterable[Finding], language: Language) -> list[str]:
    """One line of plain text per finding: a mark for its status, the criterion, the
    reason and the source by its title."""
    return [
        f"  [{_MARKS[finding.status]}] {finding.criterion}: {finding.reason.in_(language)} "
        f"({cited(finding.citation, language)})"
        for finding in findings
    ]


class Judged(Protocol):
    """A decision of any domain: its findings, the names of what it mentions, its audit."""

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def names(self) -> Mapping[str, Text]: ...

    @property
    def audit(self) -> AuditRecord: ...


def judged_document(decision: Judged, language: Language) -> dict[str, Any]:
    """What every domain's decision document ends with: the findings, the names of the
    ids they mention, and the audit record."""
    return {
        "findings": [finding_document(f, language) for f in decision.findings],
        "names": {key: name.in_(language) for key, name in decision.names.items()},
        "audit": audit_document(decision.audit),
    }
