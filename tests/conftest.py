"""Shared fixtures: the reference municipalities loaded from this repository."""

from __future__ import annotations

import pytest
from helpers import MUNICIPALITIES
from hypothesis import settings

from civilsamfund import Municipality, Plugins, load_municipality_dir

# Timing belongs in benchmarks/: a slow shared CI machine must not fail a property.
settings.register_profile("civilsamfund", parent=settings.default, deadline=None)
settings.load_profile("civilsamfund")


@pytest.fixture(scope="session")
def odense() -> Municipality:
    """Odense, from the repository's configuration, with no plugins."""
    return load_municipality_dir(MUNICIPALITIES / "odense", Plugins())


@pytest.fixture(scope="session")
def faaborg() -> Municipality:
    """Faaborg-Midtfyn, from configuration alone."""
    return load_municipality_dir(MUNICIPALITIES / "faaborg-midtfyn", Plugins())
