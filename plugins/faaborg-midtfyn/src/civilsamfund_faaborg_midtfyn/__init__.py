"""Faaborg-Midtfyn Kommune for civilsamfund: where its configuration lives.

Its rules need no code of their own; the plugin exists so that the configuration is
installed with a package and found by slug, never from a working directory.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from civilsamfund import hookimpl

__version__ = "0.3.0"
"""The plugin's version, in one place: hatch reads it for the package's metadata."""

_SHIPPED = Path(__file__).parent / "municipality"
_REPOSITORY = Path(__file__).resolve().parents[4] / "municipalities" / "faaborg-midtfyn"


@hookimpl
def civilsamfund_municipality_dirs() -> Sequence[Path]:
    """The configuration: shipped in the wheel, or the repository's in a checkout."""
    return [_SHIPPED if _SHIPPED.is_dir() else _REPOSITORY]
