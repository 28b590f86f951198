"""Shared fixtures: the reference municipalities loaded from this repository."""

from __future__ import annotations

import os
from datetime import date

import pytest
from helpers import MUNICIPALITIES
from hypothesis import settings

from civilsamfund import Municipality, Plugins, load_municipality_dir

# Timing belongs in benchmarks/: a slow shared CI machine must not fail a property.
settings.register_profile("civilsamfund", parent=settings.default, deadline=None)
settings.load_profile("civilsamfund")

TEST_DAY = "CIVILSAMFUND_TEST_DAY"
"""Set by CI beside a moved clock (.ci/run): the day the suite must see as today."""


def pytest_report_header() -> str:
    """The day the suite runs on, so a failure on one day can be repeated on it."""
    return f"today: {date.today().isoformat()}"


def pytest_sessionstart(session: pytest.Session) -> None:
    """A run meant for a fixed day stops at once if the clock was not moved to it."""
    expected = os.environ.get(TEST_DAY)
    if expected and date.today().isoformat() != expected:
        raise pytest.UsageError(f"{TEST_DAY}={expected}, but today is {date.today()}")


@pytest.fixture(scope="session")
def odense() -> Municipality:
    """Odense, from the repository's configuration, with no plugins."""
    return load_municipality_dir(MUNICIPALITIES / "odense", Plugins())


@pytest.fixture(scope="session")
def faaborg() -> Municipality:
    """Faaborg-Midtfyn, from configuration alone."""
    return load_municipality_dir(MUNICIPALITIES / "faaborg-midtfyn", Plugins())
