"""JSON Schemas for strategy statuses, design meeting records and their summaries."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civilsamfund.core import NULL, AuditRecord, SchemaBuilder, Text, output_schema
from civilsamfund.core.rules import Finding
from civilsamfund.plugins import decisions_schema
from civilsamfund.strategy._design_batch import MEETINGS
from civilsamfund.strategy._meetings import MeetingSummary
from civilsamfund.strategy._model import Milestone, Stakeholder
from civilsamfund.strategy._status import StrategyState

_TEXT: dict[str, Any] = {"type": "string"}
_MAYBE_TEXT: dict[str, Any] = {"anyOf": [_TEXT, NULL]}
_DAY: dict[str, Any] = {"type": "string", "format": "date"}
_MAYBE_DAY: dict[str, Any] = {"anyOf": [_DAY, NULL]}
_IDS: dict[str, Any] = {"type": "array", "items": _TEXT}


def _object(description: str, **properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly ``properties``, every one required."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _list(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def status_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund strategy status --format json``."""
    builder = SchemaBuilder(document=True)
    milestones = _list(builder.schema(Milestone))
    status = _object(
        "A strategy on a day: its state, content, schedule and cited findings.",
        strategy=_TEXT,
        title=_TEXT,
        municipality=_TEXT,
        on=_DAY,
        state=builder.schema(StrategyState),
        due=milestones,
        overdue=milestones,
        adopted_by=_MAYBE_TEXT,
        adopted_on=_MAYBE_DAY,
        in_force_by=_MAYBE_DAY,
        ends_on=_MAYBE_DAY,
        superseded_by=_MAYBE_TEXT,
        revises=_MAYBE_TEXT,
        period=_object("The strategy's period.", start=_MAYBE_DAY, end=_MAYBE_DAY),
        vision=_MAYBE_TEXT,
        values=_list(_TEXT),
        heard=_IDS,
        informed=_IDS,
        done=_list(_object("A milestone done.", milestone=builder.schema(Milestone), on=_DAY)),
        arenas=_list(_object("An arena the strategy frames.", id=_TEXT, name=_TEXT)),
        principles=_list(
            _object(
                "A principle and the objectives serving it.", id=_TEXT, name=_TEXT, objectives=_IDS
            )
        ),
        objectives=_list(
            _object(
                "An objective and the principle it serves.",
                id=_TEXT,
                name=_TEXT,
                focus_area=_MAYBE_TEXT,
                principle=_MAYBE_TEXT,
            )
        ),
        action_plans=_list(
            _object(
                "An action plan for an objective.",
                id=_TEXT,
                objective=_TEXT,
                start=_DAY,
                end=_DAY,
                goals=_list(_TEXT),
                success_criteria=_list(_TEXT),
                judged_by=_list(builder.schema(Stakeholder)),
            )
        ),
        declarations=_list(
            _object("A declaration of intent.", id=_TEXT, text=_TEXT, signatories=_IDS)
        ),
        objectives_without_principle=_IDS,
        principles_without_objective=_IDS,
        citation=_object("Where the strategy comes from.", document=_TEXT, section=_TEXT),
        reading=_MAYBE_TEXT,
        language={"enum": ["da", "en"]},
        findings=builder.schema(tuple[Finding, ...]),
        names=builder.schema(Mapping[str, Text]),
        audit=builder.schema(AuditRecord),
    )
    return output_schema("civilsamfund strategy statuses", status, builder.defs)


def meetings_schema() -> dict[str, Any]:
    """The schema of a meeting records document: a list, or ``{"meetings": [...]}``."""
    return MEETINGS.schema("civilsamfund design meetings")


def summary_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund strategy design --format json``."""
    return decisions_schema(MeetingSummary, "civilsamfund design meeting summaries")
