"""Plugins cannot end the program or hang it: whatever a plugin's hook or check raises,
and however long it runs, ends in a PluginError naming the plugin, within the budget,
with no thread, timer or signal handler left behind. Every test is bounded in time: a
hostile plugin sleeps at most a few seconds, against a budget of a fraction of one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from typing import ClassVar

import pytest
from attrs import frozen
from distributions import install
from helpers import MUNICIPALITIES, items_of, odense_application, plugin_of, with_supplementary

import civilsamfund as cs
from civilsamfund.cli import main
from civilsamfund.config._loader import check_types
from civilsamfund.grants import GrantCheck
from civilsamfund.grants.facts import OPEN_TO_ALL

BUDGET = "CIVILSAMFUND_PLUGIN_BUDGET"


class _Custom(BaseException):
    """A BaseException of a plugin's own, neither an Exception nor a signal."""


def _raise(error):
    def hook(*_):
        raise error

    return hook


def _none():
    return {}


def _sleep(seconds):
    return lambda *_: time.sleep(seconds)


def _checking(action):
    """A plugin check type that does ``action`` whenever it evaluates."""

    @frozen(kw_only=True)
    class Hostile(GrantCheck):
        FACTS = (OPEN_TO_ALL,)
        MESSAGES: ClassVar[Mapping[str, cs.Text]] = {"done": cs.Text(da="Færdig.", en="Done.")}

        def evaluate(self, facts):
            action()
            return cs.Verdict(status=cs.Status.PASS, message="done")

    return Hostile


def _with_check(tmp_path, action, name="hostile"):
    """Odense with a supplementary criterion of a check that does ``action``, and the
    plugins that provide it."""
    plugins = cs.Plugins()
    checks = {f"{name}.x": _checking(action)}
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: checks), name)
    directory = with_supplementary(tmp_path, f"{name}.x")
    return cs.load_municipality_dir(directory, plugins), directory


@pytest.fixture
def untouched():
    """Checks that a test leaves no timer, alarm handler or thread behind."""
    threads = threading.active_count()
    yield
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert threading.active_count() == threads


# What a plugin raises ---------------------------------------------------------------

ENDINGS = [SystemExit(0), SystemExit(3), KeyboardInterrupt(), _Custom("mine"), GeneratorExit()]


@pytest.mark.parametrize("error", ENDINGS, ids=repr)
def test_a_hook_ending_the_program_is_a_plugin_error(error, untouched):
    """``SystemExit``, ``KeyboardInterrupt`` or any ``BaseException`` from a hook is a
    PluginError naming the plugin, the hook and what it raised."""
    plugins = cs.Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=_raise(error)), "leaving")
    with pytest.raises(cs.PluginError) as raised:
        check_types(plugins)
    assert str(raised.value) == (
        f"plugin 'leaving': civilsamfund_criterion_types failed: {error!r}"
    )


@pytest.mark.parametrize("error", ENDINGS, ids=repr)
def test_a_check_ending_the_program_is_a_plugin_error(tmp_path, error, untouched):
    """The same from a plugin's check while an application is assessed."""
    odense, _ = _with_check(tmp_path, _raise(error))
    with pytest.raises(cs.PluginError) as raised:
        cs.grants.assess(odense, odense_application())
    assert str(raised.value) == (
        f"plugin 'hostile': evaluating rule 'O18-10-SU-1' failed: {error!r}"
    )


def test_a_fact_read_ending_the_program_is_a_plugin_error(tmp_path):
    """A plugin's own way of reading a fact is its code too."""

    def leave(application):
        raise SystemExit(0)

    fact = cs.Fact(name="leaving", label=cs.Text(da="x", en="x"), read=leave)

    @frozen(kw_only=True)
    class Reading(GrantCheck):
        FACTS = (fact,)
        MESSAGES: ClassVar[Mapping[str, cs.Text]] = {"done": cs.Text(da="x.", en="x.")}

        def evaluate(self, facts):
            return cs.Verdict(status=cs.Status.PASS, message="done")

    plugins = cs.Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"r.x": Reading}), "r")
    odense = cs.load_municipality_dir(with_supplementary(tmp_path, "r.x"), plugins)
    with pytest.raises(cs.PluginError, match="plugin 'r': reading the fact 'leaving' of rule"):
        cs.grants.assess(odense, odense_application())


def test_assess_with_a_check_raising_systemexit_fails_and_writes_nothing(
    tmp_path, capsys, civilsamfund_register_plugin
):
    """``assess … -o o.json`` exits 2 naming the plugin and the item, and writes no file,
    where it exited 0 writing nothing."""
    civilsamfund_register_plugin(
        plugin_of(
            civilsamfund_criterion_types=lambda: {"exit.x": _checking(_raise(SystemExit(0)))}
        ),
        "exit",
    )
    directory = with_supplementary(tmp_path, "exit.x")
    applications = tmp_path / "applications.json"
    applications.write_text(cs.to_json([odense_application()]), encoding="utf-8")
    target = tmp_path / "o.json"
    argv = ["assess", "-m", str(directory), str(applications), "-o", str(target)]
    assert main([*argv, "--on", "2025-09-01"]) == 2
    assert capsys.readouterr().err == (
        f"civilsamfund: error: {applications}: [0] (id 'test-1'): plugin 'exit': evaluating "
        "rule 'O18-10-SU-1' failed: SystemExit(0)\n"
    )
    assert not target.exists()


def test_check_config_reports_a_hook_raising_systemexit(
    tmp_path, capsys, civilsamfund_register_plugin
):
    """``check-config`` exits 1 with the plugin's problem, where it exited 0."""
    civilsamfund_register_plugin(
        plugin_of(civilsamfund_config_sections=_raise(SystemExit(0))), "exit"
    )
    assert main(["check-config", str(MUNICIPALITIES / "kolding")]) == 1
    assert "plugin 'exit': civilsamfund_config_sections failed: SystemExit(0)" in (
        capsys.readouterr().err
    )


def test_a_plugin_command_raising_systemexit_is_a_plugin_error(monkeypatch, capsys):
    """A plugin's command that calls ``sys.exit`` is reported, not taken for success."""
    from civilsamfund.plugins import _manager

    plugins = cs.Plugins()
    command = cs.Command(name="leave", help="x", configure=lambda p: None, run=_raise(SystemExit))
    plugins.register(plugin_of(civilsamfund_cli_commands=lambda: [command]), "leaver")
    monkeypatch.setattr(_manager, "installed", lambda: plugins)
    assert main(["leave"]) == 2
    assert "plugin 'leaver': command 'leave' failed: SystemExit()" in capsys.readouterr().err


def _ctrl_c():
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)  # the interrupt comes first


@pytest.mark.parametrize(
    ("action", "code", "said"),
    [
        (_ctrl_c, 130, "civilsamfund: interrupted\n"),
        (
            _raise(KeyboardInterrupt),
            2,
            "plugin 'keys': evaluating rule 'O18-10-SU-1' failed: KeyboardInterrupt()\n",
        ),
    ],
)
def test_the_users_interrupt_is_not_taken_for_a_plugins(
    tmp_path, capsys, request, civilsamfund_register_plugin, action, code, said
):
    """Ctrl-C while a plugin's check runs still interrupts (exit 130); a plugin raising
    KeyboardInterrupt itself is a plugin error (exit 2)."""
    # Ctrl-C reaches Python as it does at a terminal, even where the runner ignores it
    # (mutation testing runs the suite in processes that ignore SIGINT)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    request.addfinalizer(lambda: signal.signal(signal.SIGINT, previous))
    checks = {"keys.x": _checking(action)}
    civilsamfund_register_plugin(plugin_of(civilsamfund_criterion_types=lambda: checks), "keys")
    applications = tmp_path / "applications.json"
    applications.write_text(cs.to_json([odense_application()]), encoding="utf-8")
    directory = with_supplementary(tmp_path, "keys.x")
    argv = ["assess", "-m", str(directory), str(applications), "--on", "2025-09-01"]
    started = time.monotonic()
    assert main(argv) == code
    assert time.monotonic() - started < 4
    assert capsys.readouterr().err.endswith(said)


# How long a plugin runs -------------------------------------------------------------


def test_a_slow_hook_is_stopped_at_its_budget(monkeypatch, untouched):
    """A hook that would sleep 5 s is stopped after its budget of 0.2 s."""
    monkeypatch.setenv(BUDGET, "hook=0.2")
    plugins = cs.Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=_sleep(5)), "slow")
    started = time.monotonic()
    with pytest.raises(cs.PluginError) as raised:
        check_types(plugins)
    assert time.monotonic() - started < 2
    assert str(raised.value) == (
        "plugin 'slow': civilsamfund_criterion_types failed: it took longer than its budget "
        "of 0.2 s and was stopped; if it needs longer, raise the budget with "
        "CIVILSAMFUND_PLUGIN_BUDGET=hook=<seconds>"
    )


def test_a_slow_check_is_stopped_at_its_budget(tmp_path, monkeypatch, untouched):
    """A check that would sleep 5 s per evaluation is stopped after 0.2 s."""
    monkeypatch.setenv(BUDGET, "check=0.2")
    odense, _ = _with_check(tmp_path, _sleep(5))
    started = time.monotonic()
    with pytest.raises(cs.PluginError, match=r"evaluating rule 'O18-10-SU-1' failed: it took"):
        cs.grants.assess(odense, odense_application())
    assert time.monotonic() - started < 2


def test_a_check_that_swallows_the_stop_fails_when_it_returns(tmp_path, monkeypatch, untouched):
    """A check that catches everything and carries on is not stopped, but its call
    fails all the same once it returns."""

    def stubborn():
        try:
            time.sleep(5)
        except BaseException:
            time.sleep(0.2)

    monkeypatch.setenv(BUDGET, "check=0.2")
    odense, _ = _with_check(tmp_path, stubborn)
    started = time.monotonic()
    with pytest.raises(cs.PluginError, match=r"took longer than its budget of 0\.2 s"):
        cs.grants.assess(odense, odense_application())
    assert time.monotonic() - started < 2


def test_outside_the_main_thread_a_slow_check_fails_when_it_returns(tmp_path, monkeypatch):
    """Where no alarm can reach it (another thread), a check over its budget fails as
    soon as it returns, and the timer is left alone."""
    monkeypatch.setenv(BUDGET, "check=0.1")
    odense, _ = _with_check(tmp_path, _sleep(0.3))
    raised = []

    def assess():
        try:
            cs.grants.assess(odense, odense_application())
        except cs.PluginError as exc:
            raised.append(str(exc))

    worker = threading.Thread(target=assess)
    worker.start()
    worker.join(timeout=10)
    assert raised == [
        "plugin 'hostile': evaluating rule 'O18-10-SU-1' failed: it took longer than its "
        "budget of 0.1 s and was stopped; if it needs longer, raise the budget with "
        "CIVILSAMFUND_PLUGIN_BUDGET=check=<seconds>"
    ]
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_someone_elses_alarm_is_left_alone(tmp_path, monkeypatch):
    """A program's own alarm handler is neither replaced nor fired by a plugin's budget."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        monkeypatch.setenv(BUDGET, "check=0.1")
        odense, _ = _with_check(tmp_path, _sleep(0.2))
        with pytest.raises(cs.PluginError, match=r"took longer than its budget of 0\.1 s"):
            cs.grants.assess(odense, odense_application())
        assert fired == []
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_a_budget_of_zero_sets_no_limit(tmp_path, monkeypatch, untouched):
    """``0`` lets a plugin take as long as it takes."""
    monkeypatch.setenv(BUDGET, "0")
    odense, _ = _with_check(tmp_path, _sleep(0.2))
    assert cs.grants.assess(odense, odense_application()).outcome


@pytest.mark.parametrize("value", ["fast", "hook=-1", "check=nan", "hooks=1"])
def test_a_budget_that_cannot_be_read_is_an_error(tmp_path, monkeypatch, value):
    """A misspelt budget is the library's error naming the variable, not no limit."""
    monkeypatch.setenv(BUDGET, value)
    plugins = cs.Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=_none), "quick")
    with pytest.raises(cs.ConfigError, match=f"{BUDGET}: expected seconds per call"):
        check_types(plugins)


def test_the_defaults_are_documented():
    """The documented default budget is the one in force."""
    from civilsamfund.core._guard import budget

    assert (budget().hook, budget().check) == (5.0, 1.0)


def test_a_slow_check_in_forked_workers_is_stopped(
    tmp_path, capsys, monkeypatch, civilsamfund_register_plugin
):
    """With ``--jobs 2`` each worker keeps the budget: the batch fails naming the plugin
    within seconds, and writes nothing."""
    civilsamfund_register_plugin(
        plugin_of(civilsamfund_criterion_types=lambda: {"slow.x": _checking(_sleep(5))}), "slow"
    )
    directory = with_supplementary(tmp_path, "slow.x")
    applications = tmp_path / "applications.json"
    applications.write_text(json.dumps(items_of(4)), encoding="utf-8")
    target = tmp_path / "o.json"
    monkeypatch.setenv(BUDGET, "check=0.2")
    started = time.monotonic()
    argv = ["assess", "-m", str(directory), str(applications), "--jobs", "2"]
    assert main([*argv, "-o", str(target), "--on", "2025-09-01"]) == 2
    assert time.monotonic() - started < 4
    assert "plugin 'slow': evaluating rule 'O18-10-SU-1' failed: it took" in capsys.readouterr().err
    assert not target.exists()


# Installed plugins, in a process of their own --------------------------------------


SLOW_HOOK = """
import time
from civilsamfund import hookimpl


@hookimpl
def civilsamfund_municipality_dirs():
    time.sleep(5)
    return []
"""

EXIT_ON_IMPORT = "raise SystemExit(0)\n"


@pytest.mark.parametrize(
    ("code", "command", "expected", "status"),
    [
        (
            SLOW_HOOK,
            "municipalities",
            "plugin 'slowpoke': civilsamfund_municipality_dirs failed: it took longer than "
            "its budget of 0.5 s",
            2,
        ),
        (SLOW_HOOK, "plugins", "civilsamfund_municipality_dirs failed: it took longer", 2),
        (EXIT_ON_IMPORT, "plugins", "slowpoke 1.0: BROKEN: loading failed: SystemExit(0)", 0),
        (EXIT_ON_IMPORT, "check-config", "plugin 'slowpoke': loading failed: SystemExit(0)", 1),
    ],
)
def test_an_installed_plugin_cannot_hang_or_end_a_command(
    tmp_path, code, command, expected, status
):
    """A distribution whose hook sleeps or whose module exits on import, installed in a
    folder of the test's own, run as a user would: every command ends within seconds,
    naming the plugin."""
    site = tmp_path / "site"
    install(site, "slowpoke", "1.0", "slowpoke", "slowpoke_plugin", code=code)
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), *sys.path]),
        BUDGET: "hook=0.5",
    }
    argv = [command, str(MUNICIPALITIES / "kolding")] if command == "check-config" else [command]
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "civilsamfund", *argv],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 30
    assert result.returncode == status, result.stderr
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
