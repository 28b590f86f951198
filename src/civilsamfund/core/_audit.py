"""What it takes to reproduce a decision later, whatever its domain."""

from __future__ import annotations

from datetime import date

from attrs import frozen


@frozen(kw_only=True)
class AuditRecord:
    """The library version, the municipality, the rules' date and the configuration's
    fingerprint a decision was made with."""

    library_version: str
    municipality: str
    rules_date: date
    config_fingerprint: str
