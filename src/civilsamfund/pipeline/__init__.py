"""The batch pipeline every ``check``-style command shares: reading inputs, judging them
(in worker processes when asked) and writing text, JSON or JSON lines atomically.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names

if TYPE_CHECKING:
    from civilsamfund.pipeline._batch import Inputs, Output, Steps, write
    from civilsamfund.pipeline._output import (
        END_RECORD_SCHEMA,
        JSON_ARRAY,
        Sink,
        atomic_output,
        binary,
        layout_for,
    )

__getattr__ = lazy_names(
    __name__,
    {
        "civilsamfund.pipeline._batch": (
            "Inputs",
            "Output",
            "Steps",
            "write",
        ),
        "civilsamfund.pipeline._output": (
            "END_RECORD_SCHEMA",
            "JSON_ARRAY",
            "Sink",
            "atomic_output",
            "binary",
            "layout_for",
        ),
    },
)
"""Each public name loads from its module on first use, so importing the layer stays light."""

__all__ = [
    "END_RECORD_SCHEMA",
    "JSON_ARRAY",
    "Inputs",
    "Output",
    "Sink",
    "Steps",
    "atomic_output",
    "binary",
    "layout_for",
    "write",
]
