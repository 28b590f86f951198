"""Plugins: discovery, validation, the hooks' contracts, and failures that name the plugin."""

from __future__ import annotations

import shutil
import types
from collections.abc import Mapping
from typing import ClassVar

import pytest
from attrs import frozen
from builders import odense_application, status_of
from conftest import MUNICIPALITIES

import civilsamfund_odense
from civilsamfund import (
    Outcome,
    PluginError,
    Plugins,
    Status,
    TargetGroup,
    Text,
    Verdict,
    hookimpl,
    load_municipality_dir,
)
from civilsamfund.plugins._manager import ALLOWLIST_VARIABLE


def _plugin(**hooks):
    return types.SimpleNamespace(**{name: hookimpl(fn) for name, fn in hooks.items()})


@frozen(kw_only=True)
class Exploding:
    """A check that raises, as a buggy plugin's might."""

    MESSAGES: ClassVar[Mapping[str, Text]] = {}

    def evaluate(self, application, context):
        raise RuntimeError("boom")


def test_hook_criterion_types_adds_a_check_type():
    """civilsamfund_criterion_types: a plugin's check types join the core's."""
    plugins = Plugins()
    plugins.register(_plugin(civilsamfund_criterion_types=lambda: {"demo.x": Exploding}), "demo")
    types_ = plugins.check_types()
    assert types_["demo.x"].cls is Exploding
    assert types_["demo.x"].origin == "demo"
    assert types_["volunteer_share"].origin == "civilsamfund"


def test_hook_municipality_dirs_names_directories(tmp_path):
    """civilsamfund_municipality_dirs: a plugin's directories become loadable by slug."""
    from civilsamfund import available_municipalities, load_municipality

    target = tmp_path / "shipped"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    plugins = Plugins()
    plugins.register(_plugin(civilsamfund_municipality_dirs=lambda: [target]), "fm")
    sources = {s.slug: s for s in available_municipalities(plugins)}
    assert sources["faaborg-midtfyn"].found_by in {"plugin fm", "./municipalities"}
    assert load_municipality(target, plugins).slug == "faaborg-midtfyn"


def test_a_misspelt_hook_is_rejected_naming_the_plugin():
    """check_pending: an implementation matching no hook is an error, not silence."""
    plugins = Plugins()

    def civilsamfund_criteria_types():
        return {}

    with pytest.raises(PluginError, match=r"plugin 'typo'.*civilsamfund_criteria_types"):
        plugins.register(_plugin(civilsamfund_criteria_types=civilsamfund_criteria_types), "typo")
    assert plugins.info() == []


def test_an_exception_in_a_hook_names_the_plugin():
    """A hook that raises is reported with the plugin's name."""

    def broken():
        raise ValueError("bad config")

    plugins = Plugins()
    plugins.register(_plugin(civilsamfund_criterion_types=broken), "broken")
    with pytest.raises(PluginError, match="plugin 'broken': civilsamfund_criterion_types raised"):
        plugins.check_types()


def test_a_taken_check_type_name_is_an_error():
    """A plugin cannot replace a core check type."""
    plugins = Plugins()
    plugins.register(
        _plugin(civilsamfund_criterion_types=lambda: {"social_aim": Exploding}), "greedy"
    )
    with pytest.raises(PluginError, match="'social_aim' is already given by 'civilsamfund'"):
        plugins.check_types()


DOCUMENT = "odense-strategi-frivilligt-socialt-arbejde-2009.txt"


def _with_supplementary(tmp_path, criterion_type, department="social_og_arbejdsmarked"):
    """Odense's configuration with one supplementary criterion for one department (O18-10)."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write(f'''
[[criteria]]
id = "O18-10-SU-1"
type = "{criterion_type}"
kind = "discretionary"
citation = {{ document = "{DOCUMENT}", section = "Overordnede tildelingskriterier" }}
rule = {{ da = "Udvalgets tillægskriterium.", en = "The committee's supplementary criterion." }}
''')
    organisation = (target / "organisation.toml").read_text(encoding="utf-8")
    marker = f'id = "{department}"\n'
    organisation = organisation.replace(marker, marker + 'criteria = ["O18-10-SU-1"]\n')
    (target / "organisation.toml").write_text(organisation, encoding="utf-8")
    return target


def test_an_exception_in_a_plugin_check_names_the_plugin(tmp_path):
    """A plugin's check that raises during assessment is reported with the plugin's name."""
    plugins = Plugins()
    plugins.register(_plugin(civilsamfund_criterion_types=lambda: {"demo.x": Exploding}), "demo")
    odense = load_municipality_dir(_with_supplementary(tmp_path, "demo.x"), plugins)
    with pytest.raises(PluginError, match="plugin 'demo': criterion 'O18-10-SU-1' failed"):
        odense.assess(odense_application())


def test_supplementary_criterion_applies_to_its_department_only(tmp_path):
    """O18-10: a committee's extra criterion is assessed for its own department's cases."""
    plugins = Plugins()
    plugins.register(civilsamfund_odense, "odense")
    odense = load_municipality_dir(
        _with_supplementary(tmp_path, "odense.child_certificate"), plugins
    )
    with_children = {"contact_with_children_under_15": True}
    young = odense.assess(
        odense_application(
            activity={
                **with_children,
                "target_groups": (TargetGroup(category="children_youth", min_age=8, max_age=14),),
            }
        )
    )
    assert status_of(young, "O18-10-SU-1") == "flag"
    assert young.outcome is Outcome.NEEDS_ASSESSMENT
    old = odense.assess(
        odense_application(
            activity={
                **with_children,
                "target_groups": (TargetGroup(category="older_vulnerable", min_age=70),),
            }
        )
    )
    assert "O18-10-SU-1" not in {finding.criterion for finding in old.findings}


def test_plugin_versions_enter_the_fingerprint(tmp_path):
    """A configuration using a plugin's check is fingerprinted with the plugin's version."""
    directory = _with_supplementary(tmp_path, "odense.child_certificate")
    fingerprints = set()
    for version in ("0.1.0", "0.2.0"):
        plugins = Plugins()
        plugins.register(civilsamfund_odense, "odense", version)
        fingerprints.add(load_municipality_dir(directory, plugins).fingerprint)
    assert len(fingerprints) == 2


def test_a_missing_plugin_type_says_so(tmp_path):
    """Configuration naming a check type no installed plugin gives is a clear error."""
    from civilsamfund import ConfigError

    with pytest.raises(ConfigError, match="is the plugin that provides it installed"):
        load_municipality_dir(_with_supplementary(tmp_path, "odense.child_certificate"), Plugins())


@pytest.mark.parametrize(
    ("allowlist", "expected"), [(None, ["odense"]), ("", []), ("odense", ["odense"]), ("other", [])]
)
def test_the_allowlist_variable_selects_plugins(monkeypatch, allowlist, expected):
    """CIVILSAMFUND_PLUGINS lists the entry points to load; empty loads none."""
    if allowlist is None:
        monkeypatch.delenv(ALLOWLIST_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(ALLOWLIST_VARIABLE, allowlist)
    assert [info.name for info in Plugins.from_entry_points().info()] == expected


def test_every_hook_is_documented_and_tested():
    """Each hook specification has a docstring, a reference entry and a test of its own."""
    from pathlib import Path

    from civilsamfund.plugins import hookspecs as _hookspecs

    hooks = [name for name in dir(_hookspecs) if name.startswith("civilsamfund_")]
    reference = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    source = Path(__file__).read_text(encoding="utf-8")
    assert hooks
    for hook in hooks:
        assert getattr(_hookspecs, hook).__doc__
        assert f"`{hook}" in reference, f"{hook} is not in docs/plugins.md"
        assert f"def test_hook_{hook.removeprefix('civilsamfund_')}" in source


def test_odense_plugin_check_statuses():
    """The worked example flags contact with children, passes none, asks when unknown."""
    from civilsamfund_odense import ChildCertificate

    check = ChildCertificate()
    for contact, status in ((True, Status.FLAG), (False, Status.PASS), (None, Status.FLAG)):
        verdict = check.evaluate(
            odense_application(activity={"contact_with_children_under_15": contact}), None
        )
        assert isinstance(verdict, Verdict)
        assert verdict.status is status
