"""`civilsamfund new-municipality`: what it writes conforms and passes its own tests."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import date
from unittest import mock

import pytest
from builds import contents, read, sdist, wheel, wheel_from_sdist
from hypothesis import given, settings
from hypothesis import strategies as st

from civilsamfund import InputError, check_conformance, new_municipality, run_cases
from civilsamfund.cli import main

DAY = "2025-06-15"
"""The day the shared scaffold is dated."""


@pytest.fixture
def scaffold(tmp_path):
    """A generated municipality, demo, in an empty directory."""
    argv = ["new-municipality", "demo", "--name", "Demo Kommune", "--dir", str(tmp_path)]
    assert main([*argv, "--on", DAY]) == 0
    return tmp_path


def test_generated_configuration_conforms(scaffold):
    """The generated directory passes the conformance check, examples included."""
    assert check_conformance(scaffold / "municipalities" / "demo") == []


def test_generated_cases_pass(scaffold):
    """The generated policy cases all pass."""
    results = run_cases([scaffold / "municipalities" / "demo"])
    assert len(results) == 12  # applications, tasks, nominations, the strategy on three days
    assert all(result.passed for result in results)


def test_generated_volunteer_task_may_go_ahead(scaffold, capsys):
    """The example volunteer task meets both example rules."""
    directory = scaffold / "municipalities" / "demo"
    tasks = directory / "examples" / "volunteers" / "tasks.json"
    assert main(["volunteers", "check", "-m", f"{directory}/", str(tasks), "--lang", "en"]) == 0
    assert "may go ahead" in capsys.readouterr().out


def test_generated_nomination_may_go_before_the_jury(scaffold, capsys):
    """The example nomination meets both of the example award's rules."""
    directory = scaffold / "municipalities" / "demo"
    nominations = directory / "examples" / "nominations" / "nominations.json"
    assert main(["awards", "check", "-m", f"{directory}/", str(nominations), "--lang", "en"]) == 0
    assert "may go before the jury" in capsys.readouterr().out


def test_generated_strategy_has_a_status(scaffold, capsys):
    """The example strategy is in force the day it is written, its revision not yet due."""
    directory = f"{scaffold / 'municipalities' / 'demo'}/"
    assert main(["strategy", "status", "-m", directory, "--on", DAY, "--lang", "en"]) == 0
    assert ": in force, nothing due" in capsys.readouterr().out.splitlines()[0]


def _run_plugin_tests(root, slugs):
    """Runs the generated plugins' own tests in one fresh interpreter."""
    plugins = [root / "plugins" / slug for slug in slugs]
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(str(plugin / "src") for plugin in plugins),
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + [str(plugin / "tests") for plugin in plugins],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        cwd=root,
    )


def test_generated_plugin_tests_pass(scaffold):
    """The generated plugin package's own tests pass as written."""
    result = _run_plugin_tests(scaffold, ["demo"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


# The days a dated scaffold has gone wrong on, or could: the ends of the year, the leap
# day and the day after it, the award month's first day and the day before it.
HARD_DAYS = [
    date(2024, 1, 1),
    date(2024, 2, 29),
    date(2024, 3, 1),
    date(2024, 11, 30),
    date(2024, 12, 1),
    date(2024, 12, 31),
    date(2025, 1, 1),
    date(2025, 2, 28),
    date(2025, 11, 30),
    date(2025, 12, 1),
    date(2025, 12, 2),
    date(2025, 12, 31),
]


def _assert_sound(root, slug):
    directory = root / "municipalities" / slug
    assert check_conformance(directory) == []
    results = run_cases([directory])
    assert len(results) == 12
    assert [line for result in results for line in result.lines()] == []


def test_scaffold_is_sound_on_the_hard_days(tmp_path):
    """Scaffolded on any of the hard days of a leap and a common year, the configuration
    conforms and its cases and the plugin's own tests pass."""
    slugs = [f"demo-{day:%Y%m%d}" for day in HARD_DAYS]
    for slug, day in zip(slugs, HARD_DAYS, strict=True):
        new_municipality(slug, "Demo", tmp_path, on=day)
        _assert_sound(tmp_path, slug)
    result = _run_plugin_tests(tmp_path, slugs)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{2 * len(slugs)} passed" in result.stdout


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_plugin_tests_here(root, slug):
    """Runs the generated plugin's own tests in this process, its package importable
    under its name as pytest would have it (a fresh interpreter per day would be slow)."""
    name = "civilsamfund_" + slug.replace("-", "_")
    plugin = root / "plugins" / slug
    package = _load(name, plugin / "src" / name / "__init__.py")
    with mock.patch.dict(sys.modules, {name: package}):
        tests = _load(f"test_{name}", plugin / "tests" / f"test_{name}.py")
        functions = [test for key, test in vars(tests).items() if key.startswith("test_")]
        assert len(functions) == 2
        for test in functions:
            test()


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2400, 12, 31)))
def test_scaffold_is_sound_on_any_day(tmp_path_factory, day):
    """Scaffolded on any day, the configuration conforms, and its cases and the plugin's
    own tests pass."""
    root = tmp_path_factory.mktemp("scaffold")
    new_municipality("demo", "Demo", root, on=day)
    _assert_sound(root, "demo")
    _run_plugin_tests_here(root, "demo")


def test_scaffold_examples_are_dated_on_the_day_given(tmp_path, capsys):
    """--on dates the examples; the rules start on 1 January of its year."""
    argv = ["new-municipality", "demo", "--name", "Demo", "--dir", str(tmp_path)]
    assert main([*argv, "--on", "2028-02-29"]) == 0
    directory = tmp_path / "municipalities" / "demo"
    applications = (directory / "examples" / "applications.toml").read_text(encoding="utf-8")
    assert "received = 2028-02-29" in applications
    criteria = (directory / "criteria.toml").read_text(encoding="utf-8")
    assert "valid_from = 2028-01-01" in criteria
    assert "valid_from = 2028-02-29" not in criteria
    strategy_cases = (directory / "cases" / "strategy.toml").read_text(encoding="utf-8")
    assert "on = 2027-12-31" in strategy_cases
    assert "on = 2032-01-01" in strategy_cases


@pytest.mark.parametrize("day", ["0001-01-01", "9996-01-01", "9999-12-31"])
def test_a_day_the_schedule_cannot_fit_is_refused(tmp_path, capsys, day):
    """A scaffold dated where its schedule would leave the calendar is a clear error."""
    argv = ["new-municipality", "demo", "--name", "Demo", "--dir", str(tmp_path), "--on", day]
    assert main(argv) == 2
    assert "--on: expected a day in the years 2 to 9995" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_default_day_is_today(tmp_path):
    """Without a day the examples are dated today (the one use of the clock)."""
    before = date.today()
    new_municipality("demo", "Demo", tmp_path)
    days = {before.isoformat(), date.today().isoformat()}  # the run may cross midnight
    applications = tmp_path / "municipalities" / "demo" / "examples" / "applications.toml"
    text = applications.read_text(encoding="utf-8")
    assert any(f"received = {day}" in text for day in days)


def test_a_slug_already_installed_is_warned_of(tmp_path, capsys):
    """Scaffolding a slug an installed plugin already gives warns that loading by slug
    will not find the new one."""
    assert main(["new-municipality", "odense", "--name", "Odense", "--dir", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "warning: a municipality 'odense' is already installed (plugin odense" in err
    assert "load the new one by its directory's path" in err


def test_generated_plugin_declares_its_entry_point(scaffold):
    """The plugin's pyproject registers it under the civilsamfund entry point."""
    pyproject = (scaffold / "plugins" / "demo" / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.civilsamfund]\ndemo = "civilsamfund_demo"' in pyproject


def test_generated_plugin_builds_its_wheel_from_its_sdist(scaffold, tmp_path_factory):
    """The generated plugin's sdist carries the configuration and the licence, and builds
    the wheel the plugin's folder builds, configuration and licence inside."""
    plugin = scaffold / "plugins" / "demo"
    out = tmp_path_factory.mktemp("dist")
    archive = sdist(plugin, out / "sdist")
    from_sdist = wheel_from_sdist(archive, out / "from-sdist")
    assert from_sdist.read_bytes() == wheel(plugin, out / "from-checkout").read_bytes()
    licence = (scaffold / "plugins" / "demo" / "LICENSE").read_text(encoding="utf-8")
    assert "Copyright (c) 2026 the civilsamfund developers" in licence
    assert read(archive, "LICENSE") == licence
    assert read(from_sdist, "civilsamfund_demo-0.1.0.dist-info/licenses/LICENSE") == licence
    assert "\nLicense-File: LICENSE\n" in read(archive, "PKG-INFO")
    cases = scaffold / "municipalities" / "demo" / "cases" / "basic.toml"
    shipped = read(archive, "src/civilsamfund_demo/municipality/cases/basic.toml")
    assert shipped == cases.read_text(encoding="utf-8")
    names = contents(from_sdist)
    assert "civilsamfund_demo/municipality/municipality.toml" in names
    assert "civilsamfund_demo/municipality/examples/applications.toml" in names


def test_nothing_is_overwritten(scaffold, capsys):
    """Generating twice into one place writes nothing and says why."""
    assert main(["new-municipality", "demo", "--name", "Demo", "--dir", str(scaffold)]) == 2
    assert "already exists; nothing was written" in capsys.readouterr().err


@pytest.mark.parametrize("slug", ["Demo", "1demo", "demo_kommune", "demo--x", ""])
def test_a_bad_slug_is_refused(tmp_path, slug):
    """Slugs are lowercase letters, digits and single hyphens."""
    with pytest.raises(InputError, match="slug: expected lowercase letters"):
        new_municipality(slug, "Demo", tmp_path)
    assert list(tmp_path.iterdir()) == []
