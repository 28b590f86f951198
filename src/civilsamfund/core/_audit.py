"""What it takes to reproduce a decision later, whatever its domain."""

from __future__ import annotations

from datetime import date

from attrs import frozen


@frozen(kw_only=True)
class Distribution:
    """The installed package that shipped a municipality's rules.

    Its name, its version, and the fingerprint of the files it installed as they are
    now, so that a file changed after installing shows. Since 0.3.0.
    """

    name: str
    version: str
    fingerprint: str


@frozen(kw_only=True)
class AuditRecord:
    """What it takes to reproduce a decision later.

    The library version, the municipality, the date of the rules applied, the
    configuration's fingerprint, where the rules came from, and the installed package
    that shipped them, if one did.
    """

    library_version: str
    municipality: str
    rules_date: date
    config_fingerprint: str
    rules_source: str = ""
    """The configuration's directory and what found it (a plugin, a path)."""
    distribution: Distribution | None = None
    """The installed package that shipped the configuration; ``None`` when none did (a
    directory given by path, ``--config`` or ``CIVILSAMFUND_PATH``). Since 0.3.0."""
