"""`civilsamfund new-municipality`: what it writes conforms and passes its own tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from civilsamfund import InputError, check_conformance, new_municipality, run_cases
from civilsamfund.cli import main


@pytest.fixture
def scaffold(tmp_path):
    """A generated municipality, demo, in an empty directory."""
    assert main(["new-municipality", "demo", "--name", "Demo Kommune", "--dir", str(tmp_path)]) == 0
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
    assert main(["strategy", "status", "-m", directory, "--lang", "en"]) == 0
    assert ": in force, nothing due" in capsys.readouterr().out.splitlines()[0]


def test_generated_plugin_tests_pass(scaffold):
    """The generated plugin package's own tests pass as written."""
    plugin = scaffold / "plugins" / "demo"
    environment = {**os.environ, "PYTHONPATH": str(plugin / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(plugin / "tests")],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
        cwd=scaffold,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_generated_plugin_declares_its_entry_point(scaffold):
    """The plugin's pyproject registers it under the civilsamfund entry point."""
    pyproject = (scaffold / "plugins" / "demo" / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.civilsamfund]\ndemo = "civilsamfund_demo"' in pyproject


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
