"""Compact JSON as UTF-8 bytes, the same bytes whichever encoder makes them.

Writing decisions is most of a large batch's time, and the standard library's encoder
is its slowest part. With the ``fast`` extra installed, orjson encodes instead: for
the values documents hold (text, whole numbers, true/false, null, lists, objects with
text keys, str enums) it writes exactly what the standard encoder writes with
``ensure_ascii=False`` and no spaces. A value orjson refuses (a whole number beyond
64 bits) goes to the standard encoder, so the choice never changes the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

Encoder = Callable[[Any], bytes]

_standard_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def standard_json(value: Any) -> bytes:
    """``value`` as compact JSON by the standard library."""
    return _standard_text(value).encode()


@cache
def json_encoder() -> Encoder:
    """The fastest compact encoder installed: orjson if present, else the standard one."""
    try:
        import orjson
    except ImportError:
        return standard_json
    dumps, refused = orjson.dumps, orjson.JSONEncodeError

    def encode(value: Any) -> bytes:
        try:
            return dumps(value)
        except refused:  # a whole number beyond 64 bits: the standard encoder takes it
            return standard_json(value)

    return encode


def compact_json(value: Any) -> str:
    """``value`` as compact JSON text, by the fastest encoder installed."""
    return json_encoder()(value).decode()
