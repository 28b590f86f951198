"""A finding as the JSON documents of every domain give it, texts in one language."""

from __future__ import annotations

from typing import Any

from civilsamfund.core._text import Language
from civilsamfund.core.rules._findings import Finding


def finding_document(finding: Finding, language: Language) -> dict[str, Any]:
    """The finding as a JSON-ready object; the rule's wording is left to ``names``."""
    return {
        "criterion": finding.criterion,
        "kind": finding.kind,  # str enums: JSON writes their value
        "status": finding.status,
        "reason": finding.reason.in_(language),
        "facts": finding.facts,
        "missing": finding.missing,
        "citation": {"document": finding.citation.document, "section": finding.citation.section},
    }
