"""The public surface: everything in __all__ resolves, and importing stays light."""

from __future__ import annotations

import subprocess
import sys

import civilsamfund


def test_every_public_name_resolves():
    """Each name in __all__ can be imported from the package."""
    assert [name for name in civilsamfund.__all__ if not hasattr(civilsamfund, name)] == []


def test_public_names_are_sorted():
    """__all__ is kept sorted, so additions are easy to review."""
    assert civilsamfund.__all__ == sorted(civilsamfund.__all__)


def test_import_does_not_load_the_heavy_parts():
    """`import civilsamfund` loads neither cattrs, pluggy, tomllib nor the CLI."""
    code = (
        "import sys, civilsamfund; "
        "print(sorted(m for m in ('cattrs', 'pluggy', 'tomllib', 'civilsamfund.cli', "
        "'stdnum') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
