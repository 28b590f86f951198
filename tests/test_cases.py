"""Policy cases as data: run by `civilsamfund test` and collected by plain pytest."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from helpers import MUNICIPALITIES, copy_municipality

from civilsamfund import InputError
from civilsamfund.cases._cases import read_case_file
from civilsamfund.cli import main

pytest_plugins = ["pytester"]


def test_the_reference_cases_all_pass(capsys):
    """Every shipped case passes, and the last line counts them."""
    code = main(["test", str(MUNICIPALITIES / "odense"), str(MUNICIPALITIES / "faaborg-midtfyn")])
    out = capsys.readouterr().out
    assert code == 0
    assert re.fullmatch(r"(\d+) passed, 0 failed", out.strip().splitlines()[-1])
    assert int(out.split()[0]) >= 40


def test_a_changed_expectation_fails_naming_case_and_field(tmp_path, capsys):
    """Changing one expected value makes exactly that case fail, naming it and the field."""
    directory = copy_municipality(tmp_path)
    cases = directory / "cases" / "administration.toml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(
        text.replace('expect = { auditor = "elected" }', 'expect = { auditor = "professional" }'),
        encoding="utf-8",
    )
    code = main(["test", str(directory)])
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 1
    assert lines[0] == (
        f"{cases}::one øre under 100,000 kr needs an elected auditor: auditor: "
        "expected 'professional', got 'elected'"
    )
    assert re.fullmatch(r"\d+ passed, 1 failed", lines[-1])


def test_a_single_case_file_can_be_run(capsys):
    """A case file given on its own finds its municipality two levels up."""
    code = main(["test", str(MUNICIPALITIES / "faaborg-midtfyn" / "cases" / "pools.toml")])
    assert code == 0
    assert capsys.readouterr().out.strip().endswith(" 0 failed")


def test_a_bad_case_file_is_an_input_error(tmp_path, capsys):
    """A case file with an unknown key is reported with file and field, exit code 2."""
    directory = copy_municipality(tmp_path, "faaborg-midtfyn")
    (directory / "cases" / "bad.toml").write_text(
        '[[cases]]\nname = "x"\napplication = {}\nexpect = { outcom = "eligible" }\n',
        encoding="utf-8",
    )
    assert main(["test", str(directory)]) == 2
    assert "bad.toml: cases[0].expect.outcom: unknown key" in capsys.readouterr().err


def test_plain_pytest_collects_case_files(tmp_path, pytester):
    """In a municipality's own repository, plain pytest runs the case files."""
    directory = copy_municipality(pytester.path)
    cases = directory / "cases" / "criteria.toml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(
        text.replace(
            'volunteer_share = "0.5" } }\nexpect = { outcome = "ineligible"',
            'volunteer_share = "0.5" } }\nexpect = { outcome = "eligible"',
        ),
        encoding="utf-8",
    )
    result = pytester.runpytest("-p", "no:cacheprovider", str(directory))
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == 1
    assert outcomes["passed"] >= 30
    result.stdout.fnmatch_lines(
        ["*exactly half the work*outcome: expected 'eligible', got 'ineligible'*"]
    )


def test_register_plugin_fixture_removes_the_plugin_afterwards(pytester):
    """civilsamfund_register_plugin adds a plugin for one test only."""
    pytester.makepyfile(
        """
        import types
        from civilsamfund import hookimpl
        from civilsamfund.plugins._manager import installed

        def civilsamfund_criterion_types():
            return {}

        PLUGIN = types.SimpleNamespace(
            civilsamfund_criterion_types=hookimpl(civilsamfund_criterion_types))

        def test_registered(civilsamfund_register_plugin):
            civilsamfund_register_plugin(PLUGIN, "temporary")
            assert "temporary" in [p.name for p in installed().info()]

        def test_gone_afterwards():
            assert "temporary" not in [p.name for p in installed().info()]
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


@pytest.mark.parametrize("slug", ["odense", "faaborg-midtfyn"])
def test_load_fixture_loads_a_directory(civilsamfund_load, slug):
    """civilsamfund_load loads a municipality from its directory."""
    assert civilsamfund_load(MUNICIPALITIES / slug).slug == slug


def test_a_separate_test_repository_targets_an_installed_municipality(pytester):
    """Case files outside any municipality directory name their municipality by slug,
    and plain pytest and `civilsamfund test` both run them."""
    cases = pytester.path / "cases"
    cases.mkdir()
    (cases / "eligibility.toml").write_text(
        'municipality = "odense"\n\n'
        '[base]\npool = "paragraf18"\nreceived = 2025-09-01\namount = "1000"\n'
        'applicant = { type = "person" }\nactivity = {}\n\n'
        '[[cases]]\nname = "a private person is refused"\n'
        'application = { id = "x" }\nexpect = { criteria = { "O18-4" = "fail" } }\n',
        encoding="utf-8",
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert main(["test", str(cases)]) == 0


def test_a_case_that_checks_nothing_is_an_error(tmp_path, capsys):
    """`expect = {}` would pass while checking nothing: it is refused with its path."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    case_file = target / "cases" / "criteria.toml"
    text = case_file.read_text(encoding="utf-8")
    start = text.index("expect = ", text.index("[[cases]]"))
    end = text.index("\n", start)
    case_file.write_text(text[:start] + "expect = {}" + text[end:], encoding="utf-8")
    assert main(["test", str(case_file)]) == 2
    assert "cases[0].expect: expected at least one thing to check" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_case_file_that_is_a_fifo_is_refused_not_waited_on(tmp_path):
    """Case files are read like every input: regular files only, so a FIFO never blocks."""
    path = tmp_path / "cases.toml"
    os.mkfifo(path)
    with pytest.raises(InputError, match="expected a regular file"):
        read_case_file(path)


def test_every_rule_of_play_has_a_passing_and_a_failing_case():
    """Each of Faaborg-Midtfyn's task rules is pinned on both sides by a policy case."""
    import civilsamfund as cs
    from civilsamfund.volunteers import VolunteerTask

    faaborg = cs.load_municipality_dir(MUNICIPALITIES / "faaborg-midtfyn", cs.Plugins())
    rules = {rule.id for rule in faaborg.rulebook if rule.subject is VolunteerTask}
    case_file = read_case_file(MUNICIPALITIES / "faaborg-midtfyn" / "cases" / "volunteers.toml")
    sides: dict[str, set[str]] = {rule: set() for rule in rules}
    for case in case_file.cases:
        for criterion, status in case.expect.criteria.items():
            sides[criterion].add("pass" if status.value == "pass" else "other")
    assert len(rules) >= 10
    assert {rule: side for rule, side in sides.items() if side != {"pass", "other"}} == {}


def test_a_changed_obligation_fails_naming_it(tmp_path, capsys):
    directory = copy_municipality(tmp_path, "faaborg-midtfyn")
    cases = directory / "cases" / "volunteers.toml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(
        text.replace(
            'expect = { outcome = "eligible", obligations = ["duty_to_notify", '
            '"reporting_on_citizens"] }',
            'expect = { outcome = "eligible", obligations = [] }',
        ),
        encoding="utf-8",
    )
    assert main(["test", str(cases)]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith(
        "obligations: expected [], got ['duty_to_notify', 'reporting_on_citizens']"
    )


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        (
            'task = { id = "x" }\nexpect = { department = "social" }',
            "cases[0].expect.department: expected only what the decision on a case's task "
            "gives; it has no department",
        ),
        (
            'application = { id = "x" }\nexpect = { obligations = [] }',
            "cases[0].expect.obligations: expected only what the decision on a case's "
            "application gives",
        ),
        (
            'nomination = { id = "x" }\nexpect = { obligations = [] }',
            "cases[0].expect.obligations: expected only what the decision on a case's "
            "nomination gives",
        ),
        (
            'task = { id = "x" }\nexpect = { target_group = "" }',
            "cases[0].expect.target_group: expected only what the decision on a case's task",
        ),
        (
            'application = { id = "x" }\ntask = { id = "x" }\nexpect = { outcome = "eligible" }',
            "cases[0].application: expected the case's subject: one of `application`",
        ),
        (
            'expect = { outcome = "eligible" }',
            "cases[0].application: expected the case's subject: one of `application` (a grant "
            "application), `nomination` (a nomination for an award), `proposal` (a proposed "
            "forum membership), `strategy` (a strategy by id) or `task` (a volunteer task)",
        ),
        (
            'task = { id = "x" }\nexpect = { more = 5, outcome = "eligible" }',
            "cases[0].expect.more: unknown key",
        ),
        ('task = { id = "x" }\nexpect = "oops"', "cases[0].expect: expected a table, got 'oops'"),
    ],
)
def test_a_case_must_give_one_subject_and_expect_what_its_decision_has(tmp_path, case, problem):
    path = tmp_path / "cases.toml"
    path.write_text(f'[[cases]]\nname = "c"\n{case}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_case_file(path)
    assert problem in str(caught.value)


def test_a_case_file_is_bounded_like_any_input(tmp_path):
    """A list longer than the limit on entries is refused by the screen, naming the file
    and the path, before anything is structured (a million bad agreement parts once took
    a gigabyte)."""
    path = tmp_path / "cases.toml"
    parts = ", ".join(["1"] * 10_001)
    path.write_text(
        f'[base.agreement]\nparts = [{parts}]\n\n[[cases]]\nname = "x"\nkind = "task"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_case_file(path)
    message = str(caught.value)
    assert f"{path}: base.agreement.parts: expected at most 10,000 entries" in message
    assert "expected a text" not in message  # refused before structuring


def test_a_case_may_still_hold_a_cpr_number_for_its_subject_to_refuse():
    """The bound is not the CPR screen: a case shows that a reader refuses one."""
    case_file = read_case_file(MUNICIPALITIES / "odense" / "cases" / "forum.toml")
    assert any("010190-1234" in repr(case.subject) for case in case_file.cases)
