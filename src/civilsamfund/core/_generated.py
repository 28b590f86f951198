"""Python source the library writes at run time from what it is configured with, as
attrs writes ``__init__``: compiled once, and registered with :mod:`linecache` so that
a traceback shows the line that failed."""

from __future__ import annotations

import linecache
from itertools import count
from types import CodeType

_CODES: dict[str, tuple[str, CodeType]] = {}
"""Compiled source by its text, with the name tracebacks show it by: work done alike
shares the code and its lines."""

CODES = 1_000
"""Compiled sources kept; past that they are let go, their lines with them."""

_NUMBERS = count(1)


def generated_code(source: str, what: str) -> CodeType:
    """The code of ``source``, compiled once and shown by tracebacks as ``what``."""
    found = _CODES.get(source)
    if found is None:
        if len(_CODES) >= CODES:
            for filename, _ in _CODES.values():
                linecache.cache.pop(filename, None)
            _CODES.clear()
        filename = f"<civilsamfund {what} {next(_NUMBERS)}>"
        found = _CODES[source] = (filename, compile(source, filename, "exec"))
    filename, code = found
    if filename not in linecache.cache:  # registered anew after linecache.clearcache()
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return code
