"""One municipality, one source: no installed distribution can replace another's rules,
whatever the order they are installed in, and every decision names the distribution its
rules came from. The distributions are written to a folder on ``sys.path`` per test."""

from __future__ import annotations

import re
import sys

import pytest
from distributions import install
from helpers import (
    MUNICIPALITIES,
    copy_municipality,
    edit,
    odense_application,
    plugin_of,
    status_of,
)

import civilsamfund as cs
import civilsamfund_odense
from civilsamfund.cli import main
from civilsamfund.plugins import _manager

ROGUE = "evil-odense"
ODENSE = f"civilsamfund-odense {civilsamfund_odense.__version__}"
"""The installed Odense plugin as messages name it: distribution and version."""


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder for throwaway distributions; the plugins are loaded afresh with it, and
    once more after the test without it."""
    folder = tmp_path / "site"
    folder.mkdir()
    modules = set(sys.modules)
    _manager.installed.cache_clear()
    yield folder
    _manager.installed.cache_clear()
    for name in set(sys.modules) - modules:
        if name.startswith("rogue_"):
            del sys.modules[name]


def _rogue(site, entry_point="odense", module="rogue_odense", distribution=ROGUE):
    """A distribution shipping Odense's configuration with O18-7's minimum at 0, which
    would make an application mostly done by employees eligible."""
    package = install(site, distribution, "0.0.1", entry_point, module, ships="odense")
    edit(package / "municipality" / "criteria.toml", 'minimum = "0.5"', 'minimum = "0"')
    return package


def _on_path(monkeypatch, site, first):
    """``site`` before or after the installed packages: the order distributions are found."""
    path = [str(site), *sys.path] if first else [*sys.path, str(site)]
    monkeypatch.setattr(sys, "path", path)


@pytest.mark.parametrize("first", [True, False])
def test_two_distributions_declaring_one_entry_point_load_neither(site, monkeypatch, first):
    """A package declaring the entry point ``odense`` does not replace Odense's rules,
    installed before or after: loading the slug fails naming both distributions and
    their versions, and the real plugin is not shown as broken."""
    _rogue(site)
    _on_path(monkeypatch, site, first)
    plugins = cs.Plugins.from_entry_points()
    with pytest.raises(cs.ConfigError) as raised:
        cs.load_municipality("odense", plugins)
    assert str(raised.value) == (
        f"plugin 'odense': given by 2 installed distributions, {ODENSE} and "
        "evil-odense 0.0.1, each declaring the entry point 'odense'; uninstall all but one, "
        "or name the one to use in CIVILSAMFUND_PINS (odense=<distribution>)"
    )
    assert [info.name for info in plugins.info() if info.error] == []
    assert cs.load_municipality("kolding", plugins).slug == "kolding"


def test_the_command_line_refuses_the_slug_and_lists_the_conflict(site, monkeypatch, capsys):
    """``assess -m odense`` exits 2 naming both distributions; ``plugins`` lists the
    conflict instead of calling the real plugin broken."""
    _rogue(site)
    monkeypatch.syspath_prepend(str(site))
    application = site / "application.json"
    application.write_text(cs.to_json([odense_application()]), encoding="utf-8")
    assert main(["assess", "-m", "odense", str(application), "--on", "2025-09-01"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{ODENSE} and evil-odense 0.0.1" in captured.err
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "BROKEN" not in out
    assert "CONFLICT: plugin 'odense': given by 2 installed distributions" in out


@pytest.mark.parametrize(("pinned", "status"), [("civilsamfund-odense", "fail"), (ROGUE, "pass")])
def test_a_pin_names_the_distribution_that_provides_a_slug(site, monkeypatch, pinned, status):
    """``CIVILSAMFUND_PINS`` settles which distribution gives ``odense`` (its rules judge
    an activity done mostly by employees); the decision's audit record names it, its
    version and the fingerprint of its files."""
    _rogue(site)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("CIVILSAMFUND_PINS", f"Odense = {pinned.upper().replace('-', '_')}")
    plugins = cs.Plugins.from_entry_points()
    odense = cs.load_municipality("odense", plugins)
    employees = odense_application(activity={"volunteer_share": cs.share("0.3")})
    decision = cs.grants.assess(odense, employees)
    assert status_of(decision, "O18-7") == status
    distribution = decision.audit.distribution
    assert distribution is not None
    assert (distribution.name, distribution.version) == (
        pinned,
        civilsamfund_odense.__version__ if pinned == "civilsamfund-odense" else "0.0.1",
    )
    assert distribution.fingerprint.startswith("sha256:")


def test_a_pin_passes_over_another_distributions_copy_under_another_name(site, monkeypatch):
    """A package shipping ``odense`` under its own entry-point name is a conflict naming
    both distributions, whatever the order; pinned, its copy is passed over."""
    _rogue(site, entry_point="odense-extra")
    monkeypatch.syspath_prepend(str(site))
    plugins = cs.Plugins.from_entry_points()
    (conflict,) = cs.municipality_conflicts(plugins)
    assert conflict.source == "municipality 'odense'"
    assert conflict.message.startswith(f"given by two sources, plugin odense from {ODENSE} (")
    assert " and plugin odense-extra from evil-odense 0.0.1 (" in conflict.message
    monkeypatch.setenv("CIVILSAMFUND_PINS", "odense=civilsamfund-odense")
    plugins = cs.Plugins.from_entry_points()
    assert cs.municipality_conflicts(plugins) == []
    assert cs.load_municipality("odense", plugins).source.found_by == (
        f"plugin odense from {ODENSE}"
    )


def test_a_pin_in_code_is_the_same_as_in_the_environment(site, monkeypatch):
    """``Plugins.from_entry_points(pins=...)`` pins as the variable does."""
    _rogue(site)
    monkeypatch.syspath_prepend(str(site))
    plugins = cs.Plugins.from_entry_points(pins={"odense": ROGUE})
    assert cs.load_municipality("odense", plugins).source.found_by == (
        "plugin odense from evil-odense 0.0.1"
    )


@pytest.mark.parametrize(
    ("pins", "message"),
    [
        (
            "odense=civilsamfund-odence",
            "plugin 'odense': CIVILSAMFUND_PINS pins it to the distribution "
            "'civilsamfund-odence', which is not installed with a civilsamfund plugin",
        ),
        ("odense", "CIVILSAMFUND_PINS: expected slug=distribution pairs separated by commas"),
    ],
)
def test_a_pin_that_cannot_be_kept_is_an_error(site, monkeypatch, pins, message):
    """A misspelt distribution or a pair without ``=`` is refused, not ignored."""
    monkeypatch.setenv("CIVILSAMFUND_PINS", pins)
    with pytest.raises(cs.CivilsamfundError, match=message):
        cs.Plugins.from_entry_points()


@pytest.mark.parametrize("slug", ["ODENSE", "odense ", "Odense"])
def test_slugs_differing_in_case_or_space_are_one_municipality(tmp_path, slug):
    """A copy claiming ``ODENSE`` or ``odense `` is another source of ``odense``, not a
    municipality of its own; a slug is looked up the same way."""
    copy = copy_municipality(tmp_path, name="copy")
    edit(copy / "municipality.toml", 'slug = "odense"', f'slug = "{slug}"')
    plugins = cs.Plugins()
    plugins.register(plugin_of(civilsamfund_municipality_dirs=lambda: [copy]), "shouting")
    assert [s.slug for s in cs.available_municipalities(plugins, [MUNICIPALITIES])] == [
        "faaborg-midtfyn",
        "kolding",
    ]
    (conflict,) = cs.municipality_conflicts(plugins, [MUNICIPALITIES])
    assert conflict.source == "municipality 'odense'"
    with pytest.raises(cs.ConfigError, match="given by two sources, --config"):
        cs.load_municipality(" ODENSE", plugins, [MUNICIPALITIES])
    assert cs.load_municipality(" Kolding ", plugins, [MUNICIPALITIES]).slug == "kolding"


def test_entry_points_differing_in_case_are_one_name(site, monkeypatch):
    """A distribution declaring ``ODENSE`` conflicts with the one declaring ``odense``."""
    _rogue(site, entry_point="ODENSE")
    monkeypatch.syspath_prepend(str(site))
    plugins = cs.Plugins.from_entry_points()
    with pytest.raises(cs.ConfigError, match=re.escape(f"{ODENSE} and evil-odense 0.0.1")):
        cs.load_municipality("odense", plugins)


def test_the_audit_record_names_the_installed_distribution(site, monkeypatch, tmp_path):
    """A decision by rules an installed plugin shipped records its distribution, version
    and a fingerprint of its files, which changes when a shipped file is changed; a
    directory given by path records none."""
    package = _rogue(site, entry_point="rogue", module="rogue_fingerprint")
    edit(package / "municipality" / "municipality.toml", 'slug = "odense"', 'slug = "rogue"')
    monkeypatch.syspath_prepend(str(site))
    first = cs.load_municipality("rogue", cs.Plugins.from_entry_points())
    audit = cs.grants.assess(first, odense_application()).audit
    assert audit.distribution is not None
    assert (audit.distribution.name, audit.distribution.version) == (ROGUE, "0.0.1")
    assert audit.rules_source == "plugin rogue from evil-odense 0.0.1: municipality"
    document = cs.grants.decision_document(cs.grants.assess(first, odense_application()))
    assert document["audit"]["distribution"] == {
        "name": ROGUE,
        "version": "0.0.1",
        "fingerprint": audit.distribution.fingerprint,
    }
    edit(package / "municipality" / "criteria.toml", 'minimum = "0"', 'minimum = "0.1"')
    again = cs.load_municipality("rogue", cs.Plugins.from_entry_points())
    assert again.source.distribution is not None
    assert again.source.distribution.fingerprint != audit.distribution.fingerprint
    by_path = cs.load_municipality(MUNICIPALITIES / "odense", cs.Plugins())
    assert cs.grants.assess(by_path, odense_application()).audit.distribution is None
