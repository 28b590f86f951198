"""A model seen as a JSON document: the projection the schema builder describes in
document mode (texts in one language, a citation without its title), so a document
made this way always matches its derived schema."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, cast

import attrs

from civilsamfund.core._schema import NOT_IN_DOCUMENT
from civilsamfund.core._text import Language, Text


def projected(value: object, language: Language) -> Any:
    """``value`` as JSON-ready data: attrs models as objects of their public fields,
    texts in ``language``, dates as ``YYYY-MM-DD``, decimals as strings, enums as
    their values."""
    if isinstance(value, Text):
        return value.in_(language)
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Sequence) and not isinstance(value, bytes):  # a text is above
        return [projected(item, language) for item in value]
    if isinstance(value, Mapping):
        return {str(key): projected(item, language) for key, item in value.items()}
    if attrs.has(type(value)):
        cls = type(value)
        return {
            field.name: projected(getattr(value, field.name), language)
            for field in attrs.fields(cast(Any, cls))
            if not field.name.startswith("_") and (cls, field.name) not in NOT_IN_DOCUMENT
        }
    raise TypeError(f"no JSON projection for {type(value).__name__}")
