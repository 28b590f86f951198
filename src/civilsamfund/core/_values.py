"""The values facts take, here in the core so that schemas (core) and rules
(core.rules) share them without the core importing the rules above it."""

from __future__ import annotations

FactText = str | int | bool | None
"""A declared fact's value as a subject gives it: numbers and dates as written, so that
they come back from JSON exactly as they went in."""

FactValue = str | int | bool | None | tuple[str, ...]
"""A fact as a finding records it: JSON-safe, with decimals and dates as strings."""
