"""The public surface: everything in __all__ resolves, and importing stays light."""

from __future__ import annotations

import subprocess
import sys

import civilsamfund


def test_every_public_name_resolves():
    """Each name in __all__ can be imported from the package."""
    assert [name for name in civilsamfund.__all__ if not hasattr(civilsamfund, name)] == []


def _as_ruff_sorts(names: list[str]) -> list[str]:
    """``names`` in the order ruff keeps an ``__all__`` in: constants, classes, the rest."""
    return sorted(names, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))


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
        assert module.__all__ == _as_ruff_sorts(module.__all__)


def test_the_top_level_keeps_only_what_every_domain_shares():
    """Grant models live in civilsamfund.grants, not at the top level."""
    assert not {"GrantApplication", "Pool", "Decision", "render_text"} & set(civilsamfund.__all__)


DOMAINS = ("awards", "grants", "organisation", "report", "strategy", "volunteers")


def test_dir_lists_only_the_public_names():
    """dir() shows the public API, not the module's own imports (Any, TYPE_CHECKING)."""
    assert dir(civilsamfund) == sorted(civilsamfund.__all__)
    assert not {"Any", "TYPE_CHECKING", "annotations", "import_module"} & set(dir(civilsamfund))


def test_every_domain_is_public_and_resolves():
    """Each domain subpackage is in __all__, loads on first use and resolves its names."""
    import importlib

    assert set(DOMAINS) <= set(civilsamfund.__all__)
    for name in DOMAINS:
        module = importlib.import_module(f"civilsamfund.{name}")
        assert getattr(civilsamfund, name) is module
        assert [n for n in module.__all__ if not hasattr(module, n)] == []
        assert module.__all__ == _as_ruff_sorts(module.__all__)


def test_a_float_amount_is_the_librarys_own_error():
    """Money given as a float in code is refused with an exported CivilsamfundError
    that is still a ValueError, naming the field."""
    from datetime import date

    import pytest
    from helpers import ELIGIBLE

    from civilsamfund import grants

    with pytest.raises(civilsamfund.FieldValueError, match=r"never a float.*45000\.0") as caught:
        grants.GrantApplication(
            id="x",
            pool=ELIGIBLE.pool,
            amount=45000.0,
            received=date(2024, 9, 1),
            applicant=ELIGIBLE.applicant,
            activity=ELIGIBLE.activity,
        )
    assert isinstance(caught.value, civilsamfund.CivilsamfundError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == "amount"
    for read, value in ((civilsamfund.kroner, 45000.0), (civilsamfund.share, "1.5")):
        with pytest.raises(civilsamfund.InvalidValueError):
            read(value)
