"""JSON Schemas made from attrs models, for every domain's input and output documents.

A schema derived from the models' fields and types cannot drift from what the library
reads and writes. In document mode the model is seen through the documents'
projection: texts in one language, a citation without its title, and
the ``language`` key on each top-level document.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from civilsamfund.core._money import Kroner, Share
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core._values import FactText, FactValue

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NULL = {"type": "null"}
KRONER: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d+(\.\d{1,2})?$"},
        {"type": "number", "minimum": 0},
    ]
}
SHARE: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": r"^(0(\.\d+)?|1(\.0+)?)$"},
        {"type": "number", "minimum": 0, "maximum": 1},
    ]
}
DECIMAL = r"^-?\d+(\.\d+)?$"

NOT_IN_DOCUMENT = {(Citation, "title")}
"""Fields documents leave out: the title a citation carries, which a document gives
once, under ``names``."""

Special = Callable[["SchemaBuilder"], dict[str, Any]]
"""How a domain writes the schema of a type of its own (a tagged union, say)."""


class SchemaBuilder:
    """Turns types into schemas, collecting attrs classes under ``$defs``.

    ``document``: the output projection. ``documents``: the classes that are whole
    documents and so carry ``language``. ``special``: schemas for a domain's own types.
    """

    def __init__(
        self,
        *,
        document: bool,
        documents: Collection[type] = (),
        special: Mapping[Any, Special] | None = None,
    ) -> None:
        self.document = document
        self.documents = documents
        self.special: Mapping[Any, Special] = special or {}
        self.defs: dict[str, Any] = {}

    def schema(self, kind: Any) -> dict[str, Any]:
        """The schema of ``kind``; attrs classes as references into ``defs``."""
        simple = self._simple(kind)
        if simple is not None:
            return simple
        origin, args = get_origin(kind), get_args(kind)
        if kind in self.special:
            return self.special[kind](self)
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
            return {"anyOf": [self.schema(inner), NULL]}
        if origin in (tuple, Sequence):
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
            return {"description": "kroner: not negative, at most two decimals", **KRONER}
        if kind is Share:
            return {"description": "a share from 0 to 1", **SHARE}
        simple: dict[Any, dict[str, Any]] = {
            str: {"type": "string"},
            bool: {"type": "boolean"},
            int: {"type": "integer"},
            date: {"type": "string", "format": "date"},
            Decimal: {"anyOf": [{"type": "string", "pattern": DECIMAL}, {"type": "number"}]},
        }
        return simple.get(kind)

    def fields(self, cls: type) -> dict[str, Any]:
        """The object schema of an attrs class, written out (not as a reference)."""
        hints = get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for attribute in attrs.fields(cls):
            name = attribute.name
            if name.startswith("_") or (self.document and (cls, name) in NOT_IN_DOCUMENT):
                continue
            properties[name] = self.schema(hints[name])
            if self.document or attribute.default is attrs.NOTHING:
                required.append(name)
        if self.document and cls in self.documents:
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
            self.defs[cls.__name__] = self.fields(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}


def output_schema(title: str, items: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """An output document: a JSON array of ``items``, as ``--format json`` writes it."""
    return {"$schema": DIALECT, "title": title, "type": "array", "items": items, "$defs": defs}


def input_schema(
    title: str, key: str, items: dict[str, Any], defs: dict[str, Any]
) -> dict[str, Any]:
    """An input document: a list of ``items``, or an object holding the list under ``key``."""
    listed = {"type": "array", "items": items}
    return {
        "$schema": DIALECT,
        "title": title,
        "oneOf": [
            listed,
            {
                "type": "object",
                "properties": {key: listed},
                "required": [key],
                "additionalProperties": False,
            },
        ],
        "$defs": defs,
    }
