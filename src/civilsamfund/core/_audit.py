"""What it takes to reproduce a decision later, whatever its domain."""

from __future__ import annotations

from datetime import date

from attrs import frozen


@frozen(kw_only=True)
class AuditRecord:
    """What it takes to reproduce a decision later.

    The library version, the municipality, the date of the rules applied, the
    configuration's fingerprint, and where the rules came from.
    """

    library_version: str
    municipality: str
    rules_date: date
    config_fingerprint: str
    rules_source: str = ""
    """The configuration's directory and what found it (a plugin, a path)."""
