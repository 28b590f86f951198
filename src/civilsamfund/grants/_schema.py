"""JSON Schemas for the application input and the decision document, made from the models.

The schemas are derived from the attrs models' fields and types, so they cannot drift
from what the library reads and writes. The decision document is the model seen
through the document's projection: texts in one language, no rule texts, and the
``language`` key.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from civilsamfund.core._money import Kroner, Share
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core.rules._facts import FactText
from civilsamfund.core.rules._findings import FactValue, Finding
from civilsamfund.grants._application import Applicant, Association, GrantApplication, PrivatePerson
from civilsamfund.grants._config import FactDeclaration, FactType
from civilsamfund.grants._decision import Decision

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NULL = {"type": "null"}
_KRONER: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d+(\.\d{1,2})?$"},
        {"type": "number", "minimum": 0},
    ]
}
_SHARE: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": r"^(0(\.\d+)?|1(\.0+)?)$"},
        {"type": "number", "minimum": 0, "maximum": 1},
    ]
}
_DECIMAL = r"^-?\d+(\.\d+)?$"


_NOT_IN_DOCUMENT = {(Finding, "rule"), (Citation, "title")}
"""Fields the decision document leaves out: the rule's wording, and the title a citation
carries, which the document gives once, under ``names``."""


class _Builder:
    """Turns types into schemas, collecting attrs classes under ``$defs``."""

    def __init__(self, document: bool) -> None:
        self.document = document
        self.defs: dict[str, Any] = {}

    def schema(self, kind: Any) -> dict[str, Any]:
        simple = self._simple(kind)
        if simple is not None:
            return simple
        origin, args = get_origin(kind), get_args(kind)
        if kind == Applicant:
            return {"oneOf": [self._applicant(Association), self._applicant(PrivatePerson)]}
        if kind == FactText:
            return {"type": ["string", "integer", "boolean", "null"]}
        if kind == FactValue:
            return {
                "anyOf": [
                    {"type": ["string", "integer", "boolean", "null"]},
                    {"type": "array", "items": {"type": "string"}},
                ]
            }
        if origin in (Union, type(int | str)) and type(None) in args:
            (inner,) = [arg for arg in args if arg is not type(None)]
            return {"anyOf": [self.schema(inner), _NULL]}
        if origin is tuple:
            return {"type": "array", "items": self.schema(args[0])}
        if origin in (Mapping, dict):
            return {"type": "object", "additionalProperties": self.schema(args[1])}
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {"enum": [member.value for member in kind]}
        if isinstance(kind, type) and attrs.has(kind):
            return self._ref(kind)
        raise TypeError(f"no JSON Schema for {kind!r}")

    def _simple(self, kind: Any) -> dict[str, Any] | None:
        if kind is Text:
            if self.document:
                return {"type": "string"}
            return {
                "type": "object",
                "properties": {"da": {"type": "string"}, "en": {"type": "string"}},
                "required": ["da", "en"],
                "additionalProperties": False,
            }
        if kind is Kroner:
            return {"description": "kroner: not negative, at most two decimals", **_KRONER}
        if kind is Share:
            return {"description": "a share from 0 to 1", **_SHARE}
        simple: dict[Any, dict[str, Any]] = {
            str: {"type": "string"},
            bool: {"type": "boolean"},
            int: {"type": "integer"},
            date: {"type": "string", "format": "date"},
            Decimal: {"anyOf": [{"type": "string", "pattern": _DECIMAL}, {"type": "number"}]},
        }
        return simple.get(kind)

    def _fields(self, cls: type) -> dict[str, Any]:
        hints = get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for attribute in attrs.fields(cls):
            name = attribute.name
            if name.startswith("_") or (self.document and (cls, name) in _NOT_IN_DOCUMENT):
                continue
            properties[name] = self.schema(hints[name])
            if self.document or attribute.default is attrs.NOTHING:
                required.append(name)
        if self.document and cls is Decision:
            properties["language"] = {"enum": ["da", "en"]}
            required.append("language")
        return {
            "type": "object",
            "description": (cls.__doc__ or "").strip().splitlines()[0],
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def _ref(self, cls: type) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # placeholder against recursion
            self.defs[cls.__name__] = self._fields(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def _applicant(self, cls: type) -> dict[str, Any]:
        schema = self._fields(cls)
        tag = "person" if cls is PrivatePerson else "association"
        schema["properties"] = {"type": {"const": tag}, **schema["properties"]}
        schema["required"] = ["type", *schema["required"]]
        return schema


_FACT_TYPES: Mapping[FactType, dict[str, Any]] = {
    FactType.YES_NO: {"type": "boolean"},
    FactType.WHOLE_NUMBER: {"type": "integer"},
    FactType.NUMBER: {"anyOf": [{"type": "string", "pattern": _DECIMAL}, {"type": "number"}]},
    FactType.KRONER: _KRONER,
    FactType.SHARE: _SHARE,
    FactType.DATE: {"type": "string", "format": "date"},
    FactType.TEXT: {"type": "string"},
}


def _declared(declaration: FactDeclaration) -> dict[str, Any]:
    schema = (
        {"enum": list(declaration.choices)}
        if declaration.type is FactType.CHOICE
        else dict(_FACT_TYPES[declaration.type])
    )
    return {"description": declaration.label.en, "anyOf": [schema, _NULL]}


def application_schema(facts: Sequence[FactDeclaration] | None = None) -> dict[str, Any]:
    """The schema of an application document: a list, or ``{"applications": [...]}``.

    ``facts``: the facts a municipality declares, which ``facts`` then holds exactly;
    without them, ``facts`` may hold any name.
    """
    builder = _Builder(document=False)
    applications = {"type": "array", "items": builder.schema(GrantApplication)}
    if facts is not None:
        builder.defs["GrantApplication"]["properties"]["facts"] = {
            "type": "object",
            "properties": {declaration.id: _declared(declaration) for declaration in facts},
            "additionalProperties": False,
        }
    return {
        "$schema": DIALECT,
        "title": "civilsamfund grant applications",
        "oneOf": [
            applications,
            {
                "type": "object",
                "properties": {"applications": applications},
                "required": ["applications"],
                "additionalProperties": False,
            },
        ],
        "$defs": builder.defs,
    }


_PASSED = {
    "description": "Only with --compact: the criteria whose findings passed, by id; "
    "findings then holds only those that did not pass.",
    "type": "array",
    "items": {"type": "string"},
}


def _decision_builder() -> _Builder:
    builder = _Builder(document=True)
    builder.schema(Decision)
    builder.defs["Decision"]["properties"]["passed"] = _PASSED
    return builder


def decision_schema() -> dict[str, Any]:
    """The schema of ``civilsamfund assess --format json``: a list of decision documents."""
    builder = _decision_builder()
    return {
        "$schema": DIALECT,
        "title": "civilsamfund decisions",
        "type": "array",
        "items": builder.schema(Decision),
        "$defs": builder.defs,
    }


def decision_line_schema() -> dict[str, Any]:
    """The schema of one line of ``civilsamfund assess --format jsonl``: a decision
    document, or the end record that closes a whole stream."""
    from civilsamfund.pipeline._output import END_RECORD_SCHEMA

    builder = _decision_builder()
    return {
        "$schema": DIALECT,
        "title": "civilsamfund decisions, one JSON Lines line",
        "oneOf": [builder.schema(Decision), {"$ref": "#/$defs/EndRecord"}],
        "$defs": {**builder.defs, "EndRecord": END_RECORD_SCHEMA},
    }
