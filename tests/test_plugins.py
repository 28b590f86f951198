"""Plugins: discovery, the hooks' contracts through pluggy, and failures that name the plugin."""

from __future__ import annotations

import re
import shutil
import types
from collections.abc import Mapping
from typing import ClassVar

import attrs
import pytest
from attrs import frozen
from helpers import (
    MUNICIPALITIES,
    odense_application,
    plugin_of,
    status_of,
    with_supplementary,
)

import civilsamfund_odense
from civilsamfund import (
    Check,
    ConfigError,
    Outcome,
    PluginError,
    Plugins,
    Status,
    Text,
    Verdict,
    hookimpl,
    load_municipality_dir,
)
from civilsamfund.config._loader import check_types
from civilsamfund.grants import GrantCheck, TargetGroup, assess
from civilsamfund.grants.facts import OPEN_TO_ALL
from civilsamfund.plugins._manager import ALLOWLIST_VARIABLE


def _names(plugins):
    return [info.name for info in plugins.info() if not info.builtin]


@frozen(kw_only=True)
class Exploding(GrantCheck):
    """A check that raises, as a buggy plugin's might."""

    FACTS = (OPEN_TO_ALL,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {"done": Text(da="Færdig.", en="Done.")}

    def evaluate(self, facts):
        raise RuntimeError("boom")


def _answering(verdict):
    """A check class that always returns ``verdict``."""

    @frozen(kw_only=True)
    class Answering(GrantCheck):
        FACTS = (OPEN_TO_ALL,)
        MESSAGES: ClassVar[Mapping[str, Text]] = {"done": Text(da="Færdig.", en="Done.")}

        def evaluate(self, facts):
            return verdict

    return Answering


def test_hook_criterion_types_adds_a_check_type():
    """civilsamfund_criterion_types: a plugin's check types join the built-in plugin's."""
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"demo.x": Exploding}), "demo")
    types_ = check_types(plugins)
    assert types_["demo.x"].cls is Exploding
    assert types_["demo.x"].origin == "demo"
    assert types_["volunteer_share"].origin == "civilsamfund"


def test_hook_municipality_dirs_names_directories(tmp_path):
    """civilsamfund_municipality_dirs: a plugin's directories become loadable by slug."""
    from civilsamfund import available_municipalities, load_municipality

    target = tmp_path / "shipped"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_municipality_dirs=lambda: [target]), "fm", "1.2")
    sources = {s.slug: s for s in available_municipalities(plugins)}
    assert sources["faaborg-midtfyn"].found_by == "plugin fm 1.2"
    loaded = load_municipality("faaborg-midtfyn", plugins)
    assert loaded.audit(loaded_day()).rules_source == "plugin fm 1.2: shipped"


def loaded_day():
    from datetime import date

    return date(2025, 1, 1)


def test_hook_config_sections_adds_a_section(tmp_path):
    """civilsamfund_config_sections: tested with a whole toy domain in test_domain_plugin.py."""
    from civilsamfund.config._loader import sections

    plugins = Plugins()
    files = {section.file for section, _ in sections(plugins)}
    assert {"municipality.toml", "criteria.toml", "pools.toml", "organisation.toml"} <= files


def test_a_misspelt_hook_is_rejected_naming_theplugin_of():
    """check_pending: an implementation matching no hook is an error, not silence."""
    plugins = Plugins()

    def civilsamfund_criteria_types():
        return {}

    with pytest.raises(PluginError, match=r"plugin 'typo'.*civilsamfund_criteria_types"):
        plugins.register(plugin_of(civilsamfund_criteria_types=civilsamfund_criteria_types), "typo")
    assert _names(plugins) == []


def test_tryfirst_runs_before_a_plain_implementation():
    """Hooks go through pluggy: a tryfirst implementation runs first, trylast last."""
    calls = []

    def record(name):
        def hook():
            calls.append(name)
            return {}

        return hook

    plugins = Plugins()
    plain = types.SimpleNamespace(civilsamfund_criterion_types=hookimpl(record("plain")))
    first = types.SimpleNamespace(
        civilsamfund_criterion_types=hookimpl(tryfirst=True)(record("first"))
    )
    last = types.SimpleNamespace(
        civilsamfund_criterion_types=hookimpl(trylast=True)(record("last"))
    )
    plugins.register(last, "last")
    plugins.register(plain, "plain")
    plugins.register(first, "first")
    check_types(plugins)
    assert calls == ["first", "plain", "last"]


def test_a_hook_wrapper_is_refused_naming_theplugin_of():
    """Every result must come from one plugin, so hook wrappers are refused clearly."""

    def wrapper():
        return (yield)

    plugins = Plugins()
    with pytest.raises(PluginError, match=r"plugin 'wrapping'.*hook wrapper"):
        plugins.register(
            types.SimpleNamespace(civilsamfund_criterion_types=hookimpl(wrapper=True)(wrapper)),
            "wrapping",
        )
    assert _names(plugins) == []


def test_an_exception_in_a_hook_names_theplugin_of():
    """A hook that raises is reported with the plugin's name."""

    def broken():
        raise ValueError("bad config")

    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=broken), "broken")
    with pytest.raises(PluginError, match="plugin 'broken': civilsamfund_criterion_types failed"):
        check_types(plugins)


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        ("nonsense", "must return a mapping"),
        ({"demo.y": dict}, "subclasses civilsamfund.Check"),
        ({"demo.y": 42}, "subclasses civilsamfund.Check"),
    ],
)
def test_a_hook_returning_nonsense_names_theplugin_of(returned, message):
    """A hook result that is not what the hook promises is an error naming the plugin."""
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: returned), "silly")
    with pytest.raises(PluginError, match=f"plugin 'silly'.*{message}"):
        check_types(plugins)


def test_a_taken_check_type_name_is_an_error():
    """A plugin cannot replace a built-in check type."""
    plugins = Plugins()
    plugins.register(
        plugin_of(civilsamfund_criterion_types=lambda: {"social_aim": Exploding}), "greedy"
    )
    with pytest.raises(PluginError, match="'social_aim' is already given by 'civilsamfund'"):
        check_types(plugins)


def test_an_exception_in_a_plugin_check_names_theplugin_of(tmp_path):
    """A plugin's check that raises during assessment is reported with the plugin's name."""
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"demo.x": Exploding}), "demo")
    odense = load_municipality_dir(with_supplementary(tmp_path, "demo.x"), plugins)
    with pytest.raises(PluginError, match="plugin 'demo': evaluating rule 'O18-10-SU-1' failed"):
        assess(odense, odense_application())


@pytest.mark.parametrize(
    ("verdict", "message"),
    [
        (Verdict(status="fail", message="done"), "must be a civilsamfund.Status"),
        (Verdict(status=Status.FAIL, message="gone"), "names the message 'gone'"),
        (Verdict(status=Status.PASS, message="done", facts={"x": 1.5}), "fact 'x' is 1.5"),
        (Verdict(status=Status.PASS, message="done", facts={"x": [1]}), "fact 'x' is [1]"),
        ("fail", "must return a Verdict"),
    ],
)
def test_an_unsound_verdict_is_a_plugin_error(tmp_path, verdict, message):
    """A plugin check's verdict the engine cannot take fails, naming the plugin, never
    passing silently: the string "fail" must not make a mandatory failure eligible."""
    plugins = Plugins()
    plugins.register(
        plugin_of(civilsamfund_criterion_types=lambda: {"demo.v": _answering(verdict)}), "demo"
    )
    odense = load_municipality_dir(with_supplementary(tmp_path, "demo.v"), plugins)
    with pytest.raises(PluginError, match=f"plugin 'demo'.*{re.escape(message)}"):
        assess(odense, odense_application())


def test_a_template_naming_an_absent_fact_fails_when_loading(tmp_path):
    """A message that names a fact the check cannot record fails at load, naming the plugin."""

    @frozen(kw_only=True)
    class Careless(GrantCheck):
        FACTS = (OPEN_TO_ALL,)
        MESSAGES: ClassVar[Mapping[str, Text]] = {
            "done": Text(da="Beløb {amount}.", en="Amount {amount}.")
        }

        def evaluate(self, facts):
            return Verdict(status=Status.PASS, message="done")

    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"demo.c": Careless}), "demo")
    with pytest.raises(PluginError, match=r"plugin 'demo'.*cannot record: \['amount'\]"):
        load_municipality_dir(with_supplementary(tmp_path, "demo.c"), plugins)


def test_supplementary_criterion_applies_to_its_department_only(tmp_path):
    """O18-10: a committee's extra criterion is assessed for its own department's cases."""
    plugins = Plugins()
    plugins.register(civilsamfund_odense, "odense")
    odense = load_municipality_dir(
        with_supplementary(tmp_path, "odense.child_certificate"), plugins
    )
    with_children = {"contact_with_children_under_15": True}
    young = assess(
        odense,
        odense_application(
            activity={
                "target_groups": (TargetGroup(category="children_youth", min_age=8, max_age=14),),
            },
            facts=with_children,
        ),
    )
    assert status_of(young, "O18-10-SU-1") == "flag"
    assert young.outcome is Outcome.NEEDS_ASSESSMENT
    old = assess(
        odense,
        odense_application(
            activity={"target_groups": (TargetGroup(category="older_vulnerable", min_age=70),)},
            facts=with_children,
        ),
    )
    assert "O18-10-SU-1" not in {finding.criterion for finding in old.findings}


def test_plugin_versions_enter_the_fingerprint(tmp_path):
    """A configuration using a plugin's check is fingerprinted with the plugin's version."""
    directory = with_supplementary(tmp_path, "odense.child_certificate")
    fingerprints = set()
    for version in ("0.1.0", "0.2.0"):
        plugins = Plugins()
        plugins.register(civilsamfund_odense, "odense", version)
        fingerprints.add(load_municipality_dir(directory, plugins).fingerprint)
    assert len(fingerprints) == 2


def test_a_missing_plugin_type_says_so(tmp_path):
    """Configuration naming a check type no installed plugin gives is a clear error."""
    with pytest.raises(ConfigError, match="is the plugin that provides it installed"):
        load_municipality_dir(with_supplementary(tmp_path, "odense.child_certificate"), Plugins())


@pytest.mark.parametrize(
    ("allowlist", "expected"),
    [
        (None, ["faaborg-midtfyn", "kolding", "odense"]),
        ("", []),
        ("odense", ["odense"]),
        (" odense , faaborg-midtfyn", ["faaborg-midtfyn", "odense"]),
    ],
)
def test_the_allowlist_variable_selects_plugins(monkeypatch, allowlist, expected):
    """CIVILSAMFUND_PLUGINS lists the entry points to load; empty loads none."""
    if allowlist is None:
        monkeypatch.delenv(ALLOWLIST_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(ALLOWLIST_VARIABLE, allowlist)
    assert _names(Plugins.from_entry_points()) == expected


def test_an_allowlisted_plugin_that_is_not_installed_is_an_error(monkeypatch):
    """A name in CIVILSAMFUND_PLUGINS that no installed plugin has is not silently skipped."""
    monkeypatch.setenv(ALLOWLIST_VARIABLE, "odense,odnese")
    with pytest.raises(PluginError, match="plugin 'odnese': is named in CIVILSAMFUND_PLUGINS"):
        Plugins.from_entry_points()


def test_every_hook_is_documented_and_tested():
    """Each hook specification has a docstring, a reference entry and a test of its own."""
    from pathlib import Path

    from civilsamfund.plugins import hookspecs

    hooks = [name for name in dir(hookspecs) if name.startswith("civilsamfund_")]
    reference = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    source = Path(__file__).read_text(encoding="utf-8")
    assert hooks
    for hook in hooks:
        assert getattr(hookspecs, hook).__doc__
        assert f"`{hook}" in reference, f"{hook} is not in docs/plugins.md"
        assert f"def test_hook_{hook.removeprefix('civilsamfund_')}" in source


def test_odense_plugin_check_statuses(odense):
    """The worked example flags contact with children, passes none, asks when unknown."""
    from civilsamfund import Facts
    from civilsamfund_odense import CONTACT_WITH_CHILDREN_UNDER_15, ChildCertificate

    check = ChildCertificate()
    for contact, status in ((True, Status.FLAG), (False, Status.PASS), (None, Status.FLAG)):
        verdict = check.evaluate(Facts({CONTACT_WITH_CHILDREN_UNDER_15: contact}))
        assert isinstance(verdict, Verdict)
        assert verdict.status is status


def test_hook_cli_commands_adds_a_subcommand(monkeypatch, capsys):
    """civilsamfund_cli_commands: a plugin's command runs like the built-in ones, and its
    failures name the plugin."""
    from civilsamfund import Command
    from civilsamfund.cli import main
    from civilsamfund.plugins import _manager

    def greet(args, out, err):
        out.write(f"hej {args.who}\n")
        return 0

    def boom(args, out, err):
        raise RuntimeError("kaput")

    plugins = Plugins()
    plugins.register(
        plugin_of(
            civilsamfund_cli_commands=lambda: [
                Command(
                    name="greet",
                    help="say hello",
                    configure=lambda parser: parser.add_argument("who"),
                    run=greet,
                ),
                Command(name="boom", help="fail", configure=lambda parser: None, run=boom),
            ]
        ),
        "hello",
    )
    monkeypatch.setattr(_manager, "installed", lambda: plugins)
    assert main(["greet", "Odense"]) == 0
    assert capsys.readouterr().out == "hej Odense\n"
    assert main(["boom"]) == 2
    assert "plugin 'hello': command 'boom' failed: RuntimeError('kaput')" in capsys.readouterr().err


def test_a_command_name_taken_twice_names_the_plugin():
    """A plugin cannot replace a built-in command."""
    from civilsamfund import Command

    plugins = Plugins()
    plugins.register(
        plugin_of(
            civilsamfund_cli_commands=lambda: [
                Command(name="assess", help="x", configure=lambda p: None, run=lambda *a: 0)
            ]
        ),
        "thief",
    )
    with pytest.raises(PluginError, match="plugin 'thief': command 'assess' is already given"):
        plugins.cli_commands()


def test_hook_json_schemas_adds_a_schema(monkeypatch, capsys):
    """civilsamfund_json_schemas: `schema NAME` prints a plugin's schema, built with the
    municipality named by -m; a name taken twice names the plugin."""
    import json

    from civilsamfund import JsonSchema
    from civilsamfund.cli import main
    from civilsamfund.plugins import _manager

    def build(municipality):
        return {"title": municipality.slug if municipality else "any"}

    plugins = Plugins()
    plugins.register(
        plugin_of(
            civilsamfund_json_schemas=lambda: [
                JsonSchema(name="forum-membership", help="a forum's members", build=build)
            ]
        ),
        "forums",
    )
    monkeypatch.setattr(_manager, "installed", lambda: plugins)
    assert main(["schema", "forum-membership"]) == 0
    assert json.loads(capsys.readouterr().out) == {"title": "any"}
    assert main(["schema", "forum-membership", "-m", str(MUNICIPALITIES / "odense")]) == 0
    assert json.loads(capsys.readouterr().out) == {"title": "odense"}

    thief = Plugins()
    thief.register(
        plugin_of(
            civilsamfund_json_schemas=lambda: [
                JsonSchema(name="decision", help="x", build=lambda m: {})
            ]
        ),
        "thief",
    )
    with pytest.raises(PluginError, match="plugin 'thief': JSON Schema 'decision' is already"):
        thief.json_schemas()


def test_hook_domains_adds_a_domain_after_the_librarys_own():
    """civilsamfund_domains: a plugin's domain comes after the library's, its check
    types and sections with the others; a key taken twice, or a value that is no
    Domain, is an error naming the plugin."""
    from civilsamfund import Domain, InputError, Section

    @frozen(kw_only=True)
    class Outing:
        name: str

    @frozen(kw_only=True)
    class OutingsFile:
        outings: tuple[str, ...] = ()

    @frozen(kw_only=True)
    class Members(Check[Outing]):
        SUBJECT: ClassVar[type] = Outing
        FACTS = ()
        MESSAGES: ClassVar[Mapping[str, Text]] = {}

    outings = Domain(
        key="outings",
        subject=Outing,
        error=InputError,
        sections=(Section(file="outings.toml", model=OutingsFile),),
        checks={"toy.members": Members},
    )
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_domains=lambda: [outings]), "toy")
    assert [domain.key for domain, _ in plugins.domains()] == [
        "organisation",
        "strategy",
        "grants",
        "volunteers",
        "awards",
        "outings",
    ]
    assert [plugin for domain, plugin in plugins.domains() if domain.key == "outings"] == ["toy"]
    assert check_types(plugins)["toy.members"].origin == "toy"
    files = {
        section.file: result.plugin
        for result in plugins.config_sections()
        for section in result.value
    }
    assert files["outings.toml"] == "toy"

    thief = Plugins()
    stolen = attrs.evolve(outings, key="grants")
    thief.register(plugin_of(civilsamfund_domains=lambda: [stolen]), "thief")
    with pytest.raises(PluginError, match=r"domain 'grants' is already given by 'civilsamfund'"):
        thief.domains()
    odd = Plugins()
    odd.register(plugin_of(civilsamfund_domains=lambda: ["outings"]), "odd")
    with pytest.raises(PluginError, match=r"expected a Domain, got 'outings'"):
        odd.domains()
