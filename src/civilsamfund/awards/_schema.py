"""JSON Schemas for nominations, nomination decisions and a year's award catalogue."""

from __future__ import annotations

from typing import Any

from civilsamfund.awards._assessment import NominationDecision
from civilsamfund.awards._reading import NOMINATIONS
from civilsamfund.plugins import decisions_schema


def nomination_schema() -> dict[str, Any]:
    """The schema of a nominations document: a list, or ``{"nominations": [...]}``."""
    return NOMINATIONS.schema("civilsamfund nominations")


def nomination_decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund awards check --format json``: a list of decisions."""
    return decisions_schema(NominationDecision, "civilsamfund nomination decisions")
