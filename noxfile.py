"""Sessions: tests, lint, mypy, bench, probe, docs. Run `nox` for tests, lint and mypy."""

from __future__ import annotations

import nox

nox.options.error_on_external_run = True
nox.options.default_venv_backend = "venv"
nox.options.sessions = ["tests", "lint", "mypy"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = nox.project.python_versions(PYPROJECT)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite, with the bundled municipalities' plugins installed, and coverage."""
    session.install("-e", ".[test,chart,fast]", "pytest-cov")
    session.install("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")
    session.run(
        "pytest", "--cov=civilsamfund", "--cov-report=term-missing:skip-covered", *session.posargs
    )


DAYS = ("2026-12-31", "2027-01-01", "2028-02-29")
"""The days .ci/run runs the suite on besides today: a year's last and first, a leap day."""


@nox.session(name="tests-days")
def tests_days(session: nox.Session) -> None:
    """The test suite with the clock moved to each of DAYS (needs libfaketime's faketime)."""
    session.install("-e", ".[test,chart,fast]")
    session.install("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")
    for day in DAYS:
        session.run(
            "faketime",
            "-f",
            f"@{day} 12:00:00",
            "python",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            *session.posargs,
            env={"CIVILSAMFUND_TEST_DAY": day},
            external=True,
        )


@nox.session(python=PYTHONS, name="tests-all")
def tests_all(session: nox.Session) -> None:
    """The test suite on every supported Python that is installed."""
    tests(session)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def mypy(session: nox.Session) -> None:
    """mypy --strict on the library, the plugins and a typing test of the public API."""
    session.install(
        "mypy",
        "-e",
        ".[test,chart,fast]",
        "./plugins/odense",
        "./plugins/faaborg-midtfyn",
        "./plugins/kolding",
    )
    session.run("mypy", "--strict")


@nox.session
def bench(session: nox.Session) -> None:
    """Throughput, pipeline time and memory, import time: figures, not pass or fail."""
    session.install("-e", ".[fast]")  # orjson: the fast encoder, of the library and the floor
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session
def probe(session: nox.Session) -> None:
    """The probe in full (tests/probe.py): every hostile input, configuration and plugin,
    each in a child process with 1 GiB and a timeout; prints the table of what got through."""
    session.install("-e", ".[test]")
    session.install("./plugins/odense", "./plugins/faaborg-midtfyn", "./plugins/kolding")
    session.run(
        "pytest",
        "tests/test_probe.py::test_the_full_probe",
        "-s",
        "-q",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env={"CIVILSAMFUND_PROBE": "full"},
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation with warnings as errors."""
    session.install("-e", ".[docs,test]")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
