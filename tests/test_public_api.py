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


def test_dir_lists_the_lazily_loaded_names():
    """dir() shows every public name, also those that load on first use."""
    from civilsamfund import grants

    assert set(civilsamfund.__all__) <= set(dir(civilsamfund))
    assert set(grants.__all__) <= set(dir(grants))


def test_each_domain_namespace_resolves_and_is_sorted():
    """civilsamfund.grants, civilsamfund.testing and the validators resolve every name."""
    from civilsamfund import grants, testing, validators

    for module in (grants, testing, validators):
        assert [name for name in module.__all__ if not hasattr(module, name)] == []
        assert module.__all__ == sorted(module.__all__)


def test_the_top_level_keeps_only_what_every_domain_shares():
    """Grant models live in civilsamfund.grants, not at the top level."""
    assert not {"GrantApplication", "Pool", "Decision", "render_text"} & set(civilsamfund.__all__)
