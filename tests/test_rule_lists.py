"""A list of rules must hold every rule it names on every day it goes on: a gap between
a listed rule's versions, or its end while the list (or the strategy holding it) goes
on, is a configuration error, in every domain; a rule that begins later is not."""

from __future__ import annotations

import shutil

import pytest
from helpers import MUNICIPALITIES, edit, load_problems

import civilsamfund as cs

FMV_LAW_A = (
    'id = "FMV-LAW-A"\ntype = "volunteer.no_reporting"\nkind = "mandatory"\n'
    "valid_from = 2017-12-04\n"
)


def _copy(tmp_path, slug):
    target = tmp_path / slug
    shutil.copytree(MUNICIPALITIES / slug, target)
    return target


def _split(criteria, block, until, again):
    """The rule in ``block`` ended on ``until`` and begun again on ``again``."""
    text = criteria.read_text(encoding="utf-8")
    start = text.index(block)
    end = text.index("[[criteria]]", start)
    body = text[start:end]
    first = body.replace("\nvalid_from", f"\nvalid_until = {until}\nvalid_from", 1)
    second = "[[criteria]]\n" + body.replace("valid_from = 2017-12-04", f"valid_from = {again}")
    criteria.write_text(text[:start] + first + second + text[end:], encoding="utf-8")


def test_a_gap_in_a_listed_volunteer_rule_is_refused(tmp_path):
    """FMV-LAW-A ending in 2022 and beginning again in 2024 would leave 2023's tasks
    unjudged by it: the list naming it is refused, at the rule's place in it."""
    target = _copy(tmp_path, "faaborg-midtfyn")
    _split(target / "criteria.toml", FMV_LAW_A, "2022-12-31", "2024-01-01")
    assert load_problems(target) == [
        f"{target / 'volunteers.toml'}: criteria[5]: criterion 'FMV-LAW-A' is not in force on "
        "2023-01-01, while the list naming it goes on: every day of it must be covered"
    ]


def test_a_listed_rule_that_ends_while_its_list_goes_on_is_refused(tmp_path):
    target = _copy(tmp_path, "faaborg-midtfyn")
    edit(target / "criteria.toml", FMV_LAW_A, FMV_LAW_A + "valid_until = 2030-06-30\n")
    assert load_problems(target) == [
        f"{target / 'volunteers.toml'}: criteria[5]: criterion 'FMV-LAW-A' is not in force on "
        "2030-07-01, while the list naming it goes on: every day of it must be covered"
    ]


def _conformance(target):
    return [str(problem) for problem in cs.check_conformance(target, cs.Plugins())]


@pytest.mark.parametrize("ends_on", ["2024-03-20", "2024-03-19"])
def test_a_strategy_its_rules_outlast_is_covered(tmp_path, ends_on):
    """Odense's 2009 strategy and its reporting rules both end on 20 March 2024; a
    strategy that ended on that day or earlier is covered by them."""
    target = _copy(tmp_path, "odense")
    edit(target / "strategy.toml", "ends_on = 2024-03-20\n", f"ends_on = {ends_on}\n")
    assert _conformance(target) == []


def test_a_strategy_that_outlasts_its_rules_is_refused(tmp_path):
    """Without its last day the strategy goes on after its rules end: each is named."""
    target = _copy(tmp_path, "odense")
    edit(target / "strategy.toml", "ends_on = 2024-03-20\n", "")
    found = [p for p in _conformance(target) if ".criteria[" in p]
    assert [p.split(": ", 1)[1] for p in found] == [
        f"strategies[0].criteria[{i}]: criterion {rule!r} is not in force on 2024-03-21, "
        "while this version is: every day of it must be covered"
        for i, rule in enumerate(("ODS-REPORT", "ODS-REVISION"))
    ]


def test_a_rule_that_begins_after_its_list_is_not_a_gap(tmp_path):
    """An award version from 2024 may list rules that begin in March 2024: awards are
    judged on their award days, and the bundled Odense configuration does so."""
    assert _conformance(_copy(tmp_path, "odense")) == []
