"""The conformance check any municipality package must pass."""

from __future__ import annotations

import shutil
import types
from collections.abc import Mapping
from typing import ClassVar

import pytest
from attrs import frozen
from helpers import MUNICIPALITIES

from civilsamfund import Plugins, Status, Text, Verdict, hookimpl
from civilsamfund._conformance import check_conformance
from civilsamfund.grants import GrantCheck
from civilsamfund.grants.facts import OPEN_TO_ALL


@pytest.mark.parametrize("slug", ["odense", "faaborg-midtfyn"])
def test_reference_municipalities_conform(slug, civilsamfund_conformance):
    """Both reference municipalities pass, examples and all."""
    assert civilsamfund_conformance(MUNICIPALITIES / slug) == []


def test_an_example_that_cannot_be_assessed_is_reported(tmp_path):
    """Every example must assess without error."""
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    examples = target / "examples" / "applications.json"
    examples.write_text(
        examples.read_text(encoding="utf-8").replace(
            '"pool": "paragraf79"', '"pool": "paragraf80"', 1
        ),
        encoding="utf-8",
    )
    problems = check_conformance(target, Plugins())
    assert [str(problem) for problem in problems] == [
        f"{examples}: applications[2].pool: expected one of 'paragraf18', 'paragraf79', "
        "got 'paragraf80'"
    ]


def test_a_volunteer_task_example_that_cannot_be_checked_is_reported(tmp_path):
    """Task examples in examples/volunteers are checked too, their problems named."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    examples = target / "examples" / "volunteers" / "tasks.json"
    examples.write_text(
        examples.read_text(encoding="utf-8").replace('"welcome_letter"]', '"handbook"]', 1),
        encoding="utf-8",
    )
    problems = [str(problem) for problem in check_conformance(target, Plugins())]
    assert problems == [
        f"{examples}: tasks[1].preparation.tools[0]: expected one of 'welcome_letter', "
        "'volunteer_contract', 'expectations', 'conflict_handling', got 'handbook'"
    ]


@frozen(kw_only=True)
class Lopsided(GrantCheck):
    """A check whose Danish and English messages use different facts."""

    FACTS = (OPEN_TO_ALL,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "done": Text(da="Åben: {open_to_all}.", en="Done."),
    }

    def evaluate(self, facts):
        return Verdict(status=Status.PASS, message="done", facts={"open_to_all": True})


def test_messages_must_say_the_same_in_both_languages(tmp_path):
    """A check type whose languages use different facts does not conform."""
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    criteria = target / "criteria.toml"
    criteria.write_text(
        criteria.read_text(encoding="utf-8").replace(
            'type = "open_to_all"', 'type = "demo.lopsided"'
        ),
        encoding="utf-8",
    )
    plugins = Plugins()
    plugins.register(
        types.SimpleNamespace(
            civilsamfund_criterion_types=hookimpl(lambda: {"demo.lopsided": Lopsided})
        ),
        "demo",
    )
    assert [str(problem) for problem in check_conformance(target, plugins)] == [
        "plugin 'demo': check type 'demo.lopsided', message 'done': the Danish and English "
        "texts use different facts"
    ]


def test_plain_pytest_checks_conformance(pytester):
    """pytest collects a conformance item for each municipality directory."""
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", pytester.path / "faaborg-midtfyn")
    # By its id, not -k: under nox the temporary folder lies in the checkout, whose
    # pyproject.toml makes it pytest's root, and -k matches every folder name from there,
    # this test's own ("..._conformance0") among them.
    item = "faaborg-midtfyn/municipality.toml::conformance"
    result = pytester.runpytest("-p", "no:cacheprovider", item)
    result.assert_outcomes(passed=1)


pytest_plugins = ["pytester"]
