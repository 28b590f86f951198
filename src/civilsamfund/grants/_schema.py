"""JSON Schemas for grant applications and decision documents, made from the models
by the core's :class:`SchemaBuilder`; applicants are a union tagged by ``type``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from civilsamfund.core import (
    DECIMAL,
    DIALECT,
    KRONER,
    NULL,
    SHARE,
    SchemaBuilder,
    input_schema,
    output_schema,
)
from civilsamfund.grants._application import Applicant, Association, GrantApplication, PrivatePerson
from civilsamfund.grants._config import FactDeclaration, FactType
from civilsamfund.grants._decision import Decision


def _applicant(builder: SchemaBuilder, cls: type) -> dict[str, Any]:
    schema = builder.fields(cls)
    tag = "person" if cls is PrivatePerson else "association"
    schema["properties"] = {"type": {"const": tag}, **schema["properties"]}
    schema["required"] = ["type", *schema["required"]]
    return schema


def _applicants(builder: SchemaBuilder) -> dict[str, Any]:
    return {"oneOf": [_applicant(builder, Association), _applicant(builder, PrivatePerson)]}


def _builder(document: bool) -> SchemaBuilder:
    return SchemaBuilder(document=document, documents=(Decision,), special={Applicant: _applicants})


_FACT_TYPES: Mapping[FactType, dict[str, Any]] = {
    FactType.YES_NO: {"type": "boolean"},
    FactType.WHOLE_NUMBER: {"type": "integer"},
    FactType.NUMBER: {"anyOf": [{"type": "string", "pattern": DECIMAL}, {"type": "number"}]},
    FactType.KRONER: KRONER,
    FactType.SHARE: SHARE,
    FactType.DATE: {"type": "string", "format": "date"},
    FactType.TEXT: {"type": "string"},
}


def _declared(declaration: FactDeclaration) -> dict[str, Any]:
    schema = (
        {"enum": list(declaration.choices)}
        if declaration.type is FactType.CHOICE
        else dict(_FACT_TYPES[declaration.type])
    )
    return {"description": declaration.label.en, "anyOf": [schema, NULL]}


def application_schema(facts: Sequence[FactDeclaration] | None = None) -> dict[str, Any]:
    """The schema of an application document: a list, or ``{"applications": [...]}``.

    ``facts``: the facts a municipality declares, which ``facts`` then holds exactly;
    without them, ``facts`` may hold any name.
    """
    builder = _builder(document=False)
    items = builder.schema(GrantApplication)
    if facts is not None:
        builder.defs["GrantApplication"]["properties"]["facts"] = {
            "type": "object",
            "properties": {declaration.id: _declared(declaration) for declaration in facts},
            "additionalProperties": False,
        }
    return input_schema("civilsamfund grant applications", "applications", items, builder.defs)


_PASSED = {
    "description": "Only with --compact: the criteria whose findings passed, by id; "
    "findings then holds only those that did not pass.",
    "type": "array",
    "items": {"type": "string"},
}


def _decision_builder() -> SchemaBuilder:
    builder = _builder(document=True)
    builder.schema(Decision)
    builder.defs["Decision"]["properties"]["passed"] = _PASSED
    return builder


def decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund assess --format json``: a list of decision documents."""
    builder = _decision_builder()
    return output_schema("civilsamfund decisions", builder.schema(Decision), builder.defs)


def decision_line_schema() -> dict[str, Any]:
    """The schema of one line of ``civilsamfund assess --format jsonl``: a decision
    document, or the end record that closes a whole stream."""
    from civilsamfund.pipeline import END_RECORD_SCHEMA

    builder = _decision_builder()
    return {
        "$schema": DIALECT,
        "title": "civilsamfund decisions, one JSON Lines line",
        "oneOf": [builder.schema(Decision), {"$ref": "#/$defs/EndRecord"}],
        "$defs": {**builder.defs, "EndRecord": END_RECORD_SCHEMA},
    }
