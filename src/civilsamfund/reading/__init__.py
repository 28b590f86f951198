"""Reading input safely: TOML, JSON and files within limits, screened for CPR numbers,
structured into typed models. It sits below configuration and the pipeline, which
both read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names

if TYPE_CHECKING:
    from civilsamfund.reading._converter import from_json, structure, structurer, to_json
    from civilsamfund.reading._documents import (
        Document,
        document_from_data,
        is_stream,
        read_document,
        source_name,
        stream_items,
        structured,
    )
    from civilsamfund.reading._files import decoded, read_bytes
    from civilsamfund.reading._json import parse_json
    from civilsamfund.reading._limits import (
        CONFIG_LIMITS,
        DEFAULT_LIMITS,
        Limits,
        raising,
        require_values,
    )
    from civilsamfund.reading._screen import screen_for, screened_result
    from civilsamfund.reading._toml import parse_toml

__getattr__ = lazy_names(
    __name__,
    {
        "civilsamfund.reading._converter": (
            "from_json",
            "structure",
            "structurer",
            "to_json",
        ),
        "civilsamfund.reading._documents": (
            "Document",
            "document_from_data",
            "is_stream",
            "read_document",
            "source_name",
            "stream_items",
            "structured",
        ),
        "civilsamfund.reading._files": (
            "decoded",
            "read_bytes",
        ),
        "civilsamfund.reading._json": ("parse_json",),
        "civilsamfund.reading._limits": (
            "CONFIG_LIMITS",
            "DEFAULT_LIMITS",
            "Limits",
            "raising",
            "require_values",
        ),
        "civilsamfund.reading._screen": (
            "screen_for",
            "screened_result",
        ),
        "civilsamfund.reading._toml": ("parse_toml",),
    },
)
"""Each public name loads from its module on first use, so importing the layer stays light."""

__all__ = [
    "CONFIG_LIMITS",
    "DEFAULT_LIMITS",
    "Document",
    "Limits",
    "decoded",
    "document_from_data",
    "from_json",
    "is_stream",
    "parse_json",
    "parse_toml",
    "raising",
    "read_bytes",
    "read_document",
    "require_values",
    "screen_for",
    "screened_result",
    "source_name",
    "stream_items",
    "structure",
    "structured",
    "structurer",
    "to_json",
]
