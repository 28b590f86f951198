"""The annual report as a JSON document: the report's projection (texts in one
language), matching the ``annual-report`` schema."""

from __future__ import annotations

import json
from typing import Any

from civilsamfund.core import Language, projected
from civilsamfund.report._model import AnnualReport


def report_document(report: AnnualReport, language: Language = "da") -> dict[str, Any]:
    """The report as a JSON-ready object, its texts in ``language``."""
    document: dict[str, Any] = projected(report, language)
    document["language"] = language
    return document


def report_json(report: AnnualReport, language: Language = "da") -> str:
    """The report as indented JSON."""
    return json.dumps(report_document(report, language), ensure_ascii=False, indent=2) + "\n"
