"""The documentation's worked examples run as written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import types
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from helpers import MUNICIPALITIES, REPO, odense_application

import civilsamfund as cs
from civilsamfund import grants


def _code_after(document: Path, heading: str, language: str) -> list[str]:
    """The code blocks in ``language`` in the section under ``heading``."""
    text = document.read_text(encoding="utf-8")
    section = text[text.index(heading) :]
    section = section[: section.find("\n## ", 1)]
    return re.findall(rf"```{language}\n(.*?)```", section, re.DOTALL)


@pytest.fixture(scope="module")
def carers_plugin():
    (code,) = _code_after(REPO / "docs" / "plugins.md", "## A complete check", "python")
    module = types.ModuleType("carers")
    sys.modules["carers"] = module  # as an installed plugin's module would be
    exec(compile(code, "docs/plugins.md", "exec"), module.__dict__)
    yield module
    del sys.modules["carers"]


def test_the_complete_check_in_the_plugin_guide_works(tmp_path, carers_plugin):
    """The guide's check, configured as the guide shows, loads, judges and explains."""
    (toml,) = _code_after(REPO / "docs" / "plugins.md", "## A complete check", "toml")
    criteria, declaration = toml.split("# municipality.toml")
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    with (target / "criteria.toml").open("a", encoding="utf-8") as file:
        file.write(
            criteria.replace(
                "strategi.txt", "odense-strategi-frivilligt-socialt-arbejde-2009.txt"
            ).replace('section = "Pårørende"', 'section = "Målgrupper"')
        )
    with (target / "municipality.toml").open("a", encoding="utf-8") as file:
        file.write(declaration)
    pools = target / "pools.toml"
    pools.write_text(
        pools.read_text(encoding="utf-8").replace(
            '"O18-ADM-STANDING"]', '"O18-ADM-STANDING", "C-1"]'
        ),
        encoding="utf-8",
    )
    plugins = cs.Plugins()
    plugins.register(carers_plugin, "carers")
    odense = cs.load_municipality_dir(target, plugins)

    def finding(facts):
        decision = grants.assess(odense, odense_application(facts=facts))
        return next(f for f in decision.findings if f.criterion == "C-1"), decision

    passed, _ = finding({"evening_share": "0.75"})
    assert passed.status is cs.Status.PASS
    assert passed.reason.en == (
        "75% of the activities are in the evening (required: at least 60%)."
    )
    failed, decision = finding({"evening_share": "0.5"})
    assert failed.status is cs.Status.FAIL
    assert decision.outcome is cs.Outcome.INELIGIBLE
    unknown, _ = finding({})
    assert unknown.missing == ("evening_share",)
    assert "the share of activities held in the evening" in unknown.reason.en
    with pytest.raises(cs.ApplicationError, match=r"facts\.evening_share: expected a share"):
        finding({"evening_share": "3"})


def test_the_guides_check_refuses_a_bad_parameter(carers_plugin):
    """Parameters are validated by the check's own validators, built in code or read."""
    with pytest.raises(ValueError, match="expected a share between 0 and 1"):
        carers_plugin.EveningActivities(minimum=cs.Share(Decimal("1.5")))


def test_the_proposals_odense_did_not_choose_configure_as_the_awards_guide_shows(tmp_path):
    """The guide's example catalogue loads, lists and judges as it says."""
    from civilsamfund import awards as aw

    awards_toml, criteria_toml = _code_after(
        REPO / "docs" / "awards.md", "### Example: the two proposals", "toml"
    )
    directory = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", directory)
    shutil.rmtree(directory / "examples" / "nominations")  # they name Odense's awards
    (directory / "awards.toml").write_text(awards_toml, encoding="utf-8")
    with (directory / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write("\n" + criteria_toml)
    assert cs.check_conformance(directory, cs.Plugins()) == []
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    given = aw.awards_in(municipality, 2025)
    assert [(a.award, a.target_group) for a in given] == [
        ("den-klimabevidste", None),
        ("mental-trivsel-for-alle", None),
    ]
    (nomination,) = aw.nominations_from_data(
        [
            {
                "id": "n",
                "award": "den-klimabevidste",
                "year": 2025,
                "nominee": {"kind": "association", "name": "Madspildsforeningen"},
                "nominator": {"kind": "municipality", "name": "Kommunen"},
                "theme_focus": False,
            }
        ]
    )
    decision = aw.assess(municipality, nomination)
    assert decision.outcome is cs.Outcome.NEEDS_ASSESSMENT  # a discretionary rule flags


def test_the_strategy_odenses_committee_asks_for_loads_as_the_guide_shows(tmp_path):
    """The guide's example strategy loads, and its evaluation falls due four years on."""
    from datetime import date

    from civilsamfund import strategy as sg

    strategy_toml, criteria_toml = _code_after(
        REPO / "docs" / "strategy.md", "## Example: the strategy", "toml"
    )
    directory = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", directory)
    for name, added in (("strategy.toml", strategy_toml), ("criteria.toml", criteria_toml)):
        with (directory / name).open("a", encoding="utf-8") as file:
            file.write("\n" + added)
    assert cs.check_conformance(directory, cs.Plugins()) == []
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    example = "civilsamfundsstrategi_eksempel"
    (before,) = sg.strategy_status(municipality, date(2028, 12, 31), example)
    (due,) = sg.strategy_status(municipality, date(2029, 1, 1), example)
    assert before.state is sg.StrategyState.IN_FORCE
    assert due.due == (sg.Milestone.EVALUATION,)
    assert due.objectives_without_principle == due.principles_without_objective == ()
    (plan,) = due.strategy.action_plans
    assert plan.judged_by[0] is sg.Stakeholder.ASSOCIATIONS
    assert due.strategy.declarations[0].signatories == ("Frivilligcenter Odense",)


def _leaf_commands(parser, prefix=()):
    """Every command path the parser takes (``volunteers review``), to its last word."""
    import argparse

    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not found:
        yield " ".join(prefix)
        return
    for name, sub in found[0].choices.items():
        yield from _leaf_commands(sub, (*prefix, name))


def test_every_command_is_in_the_cli_reference_and_the_readme():
    """Each built-in command has a usage line and a row in docs/cli.md, and a row in the
    README's table of commands."""
    from civilsamfund.cli import _parser
    from civilsamfund.cli._core import CORE_COMMANDS

    commands = list(_leaf_commands(_parser(cs.Plugins().cli_commands(CORE_COMMANDS))))
    reference = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "volunteers review" in commands
    assert [c for c in commands if not re.search(rf"^civilsamfund {c}\b", reference, re.M)] == []
    assert [c for c in commands if f"\n| `{c}` |" not in reference] == []
    assert [c for c in commands if not re.search(rf"^\| `civilsamfund {c}\b", readme, re.M)] == []


def test_every_domains_check_is_documented_for_plugins():
    """The check a plugin subclasses for each domain is in the plugin guide and the
    reference, as GrantCheck is."""
    import importlib

    guide = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
    reference = (REPO / "docs" / "reference-models.md").read_text(encoding="utf-8")
    checks = [
        f"civilsamfund.{domain}.{name}"
        for domain in ("awards", "grants", "organisation", "strategy", "volunteers")
        for name in importlib.import_module(f"civilsamfund.{domain}").__all__
        if name.endswith("Check")
    ]
    assert len(checks) == 5
    assert [c for c in checks if f"`{c}`" not in guide] == []
    assert [c for c in checks if f".. autoclass:: {c}\n" not in reference] == []


READMES = [REPO / "README.md", *sorted((REPO / "plugins").glob("*/README.md"))]
"""The READMEs a package index shows: the core's and each plugin's."""


def test_the_readmes_python_example_runs_outside_the_checkout(tmp_path):
    """The README's Python example runs as written from a folder that is not the checkout,
    reading the examples the installed Odense plugin ships."""
    (code,) = _code_after(REPO / "README.md", "## Use from Python", "python")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("[")  # six outcomes with their failed criteria, then the JSON
    assert lines[:3] == [
        "eligible []",
        "ineligible ['O18-4']",
        "ineligible ['O18-7', 'O18-8', 'O18-9', 'O18-TG']",
    ]
    assert start == 6
    (decision,) = json.loads("".join(lines[start:]))
    assert decision["application"] == "odense-2025-006"
    assert decision["outcome"] == "needs_assessment"


def test_the_readmes_link_nothing_relative():
    """The READMEs link only to absolute addresses, so the links work on a package index
    as in the repository; a doc page is named by its path instead."""
    scaffold = files("civilsamfund") / "_scaffold" / "README.md.tmpl"
    texts = {str(path): path.read_text(encoding="utf-8") for path in READMES}
    texts["scaffold"] = scaffold.read_text(encoding="utf-8")
    relative = {
        name: re.findall(r"\]\((?!https://)[^)]*\)|^\[[^\]]+\]: (?!https://).*", text, re.M)
        for name, text in texts.items()
    }
    assert {name: links for name, links in relative.items() if links} == {}
    assert "`docs/batches.md`" in texts[str(REPO / "README.md")]


@pytest.mark.parametrize("slug", ["odense", "faaborg-midtfyn", "kolding"])
def test_a_plugins_readme_names_its_package(slug):
    """A plugin's README installs the package by its name, not a path in the repository."""
    readme = (REPO / "plugins" / slug / "README.md").read_text(encoding="utf-8")
    assert f"\npip install civilsamfund-{slug}\n" in readme
    assert f'load_municipality("{slug}").directory' in readme
    assert "./plugins" not in readme
