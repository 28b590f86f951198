"""A sixth domain from a plugin outside src/ (tests/plugins/outings): installed, it gets
`civilsamfund outings check` with every format, limits and the end record, `schema`,
policy cases, conformance, `testing.violating` and `st.from_type`, and its
configuration every check the core makes of a domain's, with no file under src/
naming it."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

import attrs
import civilsamfund_outings
import jsonschema
import pytest
from civilsamfund_outings import Outing, OutingAssessor
from helpers import MUNICIPALITIES, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import testing as cst
from civilsamfund.cli import main

PLUGIN = Path(civilsamfund_outings.__file__).parents[2]
DATA = PLUGIN / "municipality"


@pytest.fixture(scope="module")
def outings():
    """The outings plugin, installed for this module's tests as an entry point would
    install it, and its models' strategies registered with Hypothesis."""
    from civilsamfund.plugins._manager import installed

    plugins = installed()
    plugins.register(civilsamfund_outings, "outings", "0.1.0")
    try:
        cst.register_strategies()
        yield plugins
    finally:
        plugins.unregister("outings")


@pytest.fixture
def club(tmp_path):
    """Faaborg-Midtfyn's configuration with the toy domain's: its file, its two rules,
    an example and a case file."""
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    shutil.copy(DATA / "outings.toml", target)
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write((DATA / "criteria.toml").read_text(encoding="utf-8"))
    shutil.copytree(DATA / "examples" / "outings", target / "examples" / "outings")
    shutil.copy(DATA / "cases" / "outings.toml", target / "cases")
    return target


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_no_file_under_src_names_the_toy_domain():
    """The core knows the domain only through its record: not one name of it is in src/."""
    named = [
        path
        for path in (REPO / "src").rglob("*")
        if path.is_file()
        and re.search(
            r"\boutings?\b|civilsamfund_outings", path.read_text("utf-8", "replace"), re.I
        )
    ]
    assert named == []


def test_the_check_command_writes_text_and_json(outings, club, capsys):
    """`outings check` judges the example: each outing's outcome, its findings' reasons."""
    example = club / "examples" / "outings" / "spring.toml"
    assert main(["outings", "check", "-m", str(club), str(example), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "skoven: eligible\n"
        "  OUT-1: 18 members is at most 30.\n"
        "  OUT-2: 2 leaders are enough for 18 members.\n"
        "\n"
        "stranden: needs_assessment\n"
        "  OUT-1: 25 members is at most 30.\n"
        "  OUT-2: 1 leaders are too few for 25 members.\n"
    )
    assert main(["outings", "check", "-m", str(club), str(example), "--format", "json"]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [(d["outing"], d["outcome"], d["language"]) for d in documents] == [
        ("skoven", "eligible", "da"),
        ("stranden", "needs_assessment", "da"),
    ]
    assert documents[1]["findings"][1]["reason"] == "1 ledere er for få til 25 deltagere."
    assert main(["schema", "outings-decision"]) == 0
    jsonschema.validate(documents, json.loads(capsys.readouterr().out))


def test_jsonl_ends_with_the_end_record_and_output_is_whole(outings, club, tmp_path, capsys):
    """JSON Lines closes with the count and digest of the lines before it; `-o` writes
    the file only once every decision is made."""
    example = club / "examples" / "outings" / "spring.toml"
    output = tmp_path / "decisions.jsonl"
    argv = ["outings", "check", "-m", str(club), str(example), "--format", "jsonl", "-o"]
    assert main([*argv, str(output)]) == 0
    *lines, end = output.read_bytes().splitlines(keepends=True)
    assert len(lines) == 2
    record = json.loads(end)["end"]
    assert record["count"] == 2
    assert record["sha256"] == hashlib.sha256(b"".join(lines)).hexdigest()
    assert main(["schema", "outings-decision-line"]) == 0
    line_schema = json.loads(capsys.readouterr().out)
    for line in (*lines, end):
        jsonschema.validate(json.loads(line), line_schema)

    _edit(example, "members = 25", 'members = "many"')
    output.write_text("kept\n", encoding="utf-8")
    assert main([*argv, str(output)]) == 2
    assert "outings[1].members: expected a whole number" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "kept\n"


def test_the_limits_apply_to_the_toy_domain_too(outings, club, capsys):
    """`--max-items` bounds a file of outings as it bounds every domain's."""
    example = club / "examples" / "outings" / "spring.toml"
    argv = ["outings", "check", "-m", str(club), str(example), "--max-items", "1"]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"civilsamfund: error: {example}: outings: expected at most 1 items, got 2 (raise "
        "the limit with --max-items or Limits.max_items, or use JSON Lines)\n"
    )


def test_the_input_schema_describes_the_example(outings, club, capsys):
    """`schema outings` is made from the subject's model; the example meets it."""
    from civilsamfund.reading._toml import parse_toml

    assert main(["schema", "outings"]) == 0
    schema = json.loads(capsys.readouterr().out)
    example = (club / "examples" / "outings" / "spring.toml").read_text(encoding="utf-8")
    data = json.loads(json.dumps(parse_toml(example, "spring.toml"), default=str))
    jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"outings": [{"id": "x"}]}, schema)


def test_policy_cases_run_and_fail_naming_what_differs(outings, club, capsys):
    """`civilsamfund test` runs the domain's case file; a wrong expectation fails by name."""
    cases = club / "cases" / "outings.toml"
    assert main(["test", str(cases)]) == 0
    assert capsys.readouterr().out.endswith("4 passed, 0 failed\n")
    _edit(cases, '"OUT-1" = "fail"', '"OUT-1" = "pass"')
    assert main(["test", str(cases)]) == 1
    assert "criteria.OUT-1: expected 'pass', got 'fail'" in capsys.readouterr().out


def test_a_case_expects_only_what_every_decision_gives(outings, club, capsys):
    """The toy domain adds nothing to expect: a grant's department is refused by name."""
    cases = club / "cases" / "outings.toml"
    _edit(cases, '{ outcome = "ineligible"', '{ department = "x", outcome = "ineligible"')
    assert main(["test", str(cases)]) == 2
    assert (
        "cases[1].expect.department: expected only what the decision on a case's outing "
        "gives; it has no department"
    ) in capsys.readouterr().err


def test_conformance_judges_the_examples(outings, club):
    """`check-config` judges the domain's examples, naming the file and the path."""
    assert cs.check_conformance(club) == []
    example = club / "examples" / "outings" / "spring.toml"
    _edit(example, 'kind = "udflugt"\non = 2025-05-10', 'kind = "udflugt"\non = 2019-05-10')
    assert [str(p) for p in cs.check_conformance(club)] == [
        f"{example}: outings[1].on: expected a day on which the rules of 'udflugt' are in "
        "force, got 2019-05-10"
    ]


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_violating_and_from_type(data, outings_loaded):
    """`testing.violating` builds outings that fail one rule (or are flagged by it) and no
    other; `st.from_type(Outing)` draws outings once the domain's strategies are
    registered."""
    municipality, assessor = outings_loaded
    criterion = data.draw(st.sampled_from(["OUT-1", "OUT-2"]))
    outing = data.draw(cst.violating(municipality, criterion))
    statuses = {f.criterion: f.status for f in assessor.assess(outing).findings}
    broken = cs.Status.FAIL if criterion == "OUT-1" else cs.Status.FLAG
    assert statuses[criterion] is broken
    assert [c for c, s in statuses.items() if s is cs.Status.FAIL and c != criterion] == []
    assert isinstance(data.draw(st.from_type(Outing)), Outing)


@pytest.fixture(scope="module")
def outings_loaded(outings, tmp_path_factory):
    """The club's municipality and an assessor, loaded once for the property test."""
    target = tmp_path_factory.mktemp("club") / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    shutil.copy(DATA / "outings.toml", target)
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write((DATA / "criteria.toml").read_text(encoding="utf-8"))
    municipality = cs.load_municipality_dir(target, outings)
    return municipality, OutingAssessor(municipality)


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        (
            "outings.toml",
            'criteria = ["OUT-1", "OUT-2"]',
            "criteria = []",
            "outings.toml: outings[0].criteria: expected the id of at least one configured "
            "criterion, got none",
        ),
        (
            "outings.toml",
            '"OUT-2"]',
            '"OUT-9"]',
            "outings.toml: outings[0].criteria[1]: expected the id of a configured criterion",
        ),
        (
            "outings.toml",
            'department = "sundhed_aeldre_social"',
            'department = "nowhere"',
            "outings.toml: outings[0].department: expected the id of a configured department",
        ),
        (
            "criteria.toml",
            "params = { limit = 30 }",
            "valid_until = 2022-12-31\nparams = { limit = 30 }",
            "outings.toml: outings[0].criteria[0]: criterion 'OUT-1' is not in force on "
            "2023-01-01, while the list naming it goes on",
        ),
        (
            "criteria.toml",
            "params = { per = 10 }",
            'params = { per = "ten" }',
            "params.per: expected a whole number",
        ),
        (
            "outings.toml",
            'document = "faaborg-midtfyn-frivillig-social-strategi-2018.txt"',
            'document = "unknown.txt"',
            "outings.toml: outings[0].citation.document: expected a",
        ),
        (
            "outings.toml",
            'en = "Outing"',
            'en = " "',
            "outings.toml: outings[0].name.en: expected a text",
        ),
        (
            "outings.toml",
            'department = "',
            'departement = "',
            "outings.toml: outings[0].departement: unknown key",
        ),
    ],
)
def test_the_toy_configuration_gets_every_check_of_a_domain(outings, club, file, old, new, problem):
    """An empty rule list, an unknown rule or department, a gap in a listed rule, a bad
    parameter: each is refused with the file and the path, as in every domain."""
    _edit(club / file, old, new)
    with pytest.raises(cs.ConfigError) as caught:
        cs.load_municipality_dir(club)
    assert any(problem in str(p) for p in caught.value.problems), caught.value.problems


def _boom(*args):
    raise RuntimeError("the plugin's own bug")


@pytest.fixture
def broken(outings, civilsamfund_register_plugin):
    """A second plugin whose domain's example judge and case decision both raise."""
    import types

    import attrs

    (cases,) = civilsamfund_outings.DOMAIN.cases
    domain = attrs.evolve(
        civilsamfund_outings.DOMAIN,
        key="broken",
        sections=(),
        checks={},
        batch=None,
        examples={"broken": lambda municipality: _boom},
        cases=(attrs.evolve(cases, key="broken_outing", decide=_boom),),
        testing=None,
    )
    plugin = types.SimpleNamespace(civilsamfund_domains=cs.hookimpl(lambda: [domain]))
    civilsamfund_register_plugin(plugin, "broken")


def test_a_plugin_domains_failing_code_is_named_never_a_traceback(broken, club, capsys):
    """An example judge or a case decision of a plugin's domain that raises is reported
    as that plugin's error: conformance names it and judges the other examples all the
    same, and the case fails saying so."""
    (club / "examples" / "broken").mkdir()
    shutil.copy(club / "examples" / "outings" / "spring.toml", club / "examples" / "broken")
    example = club / "examples" / "outings" / "spring.toml"
    _edit(example, "members = 25", 'members = "many"')
    problem, bad_example = cs.check_conformance(club)  # the later plugin first, as pluggy calls
    assert (bad_example.source, bad_example.path) == (str(example), "outings[1].members")
    assert problem.source == "plugin 'broken'"
    assert problem.message == (
        'judging the example spring.toml failed: RuntimeError("the plugin\'s own bug")'
    )
    cases = club / "cases" / "broken.toml"
    cases.write_text(
        '[[cases]]\nname = "c"\nbroken_outing = { id = "x", kind = "udflugt", on = 2025-04-12 }\n'
        'expect = { outcome = "eligible" }\n',
        encoding="utf-8",
    )
    assert main(["test", str(cases)]) == 1
    (result,) = cs.run_cases([cases])
    ((field, expected, got),) = [(m.field, m.expected, m.got) for m in result.mismatches]
    assert (field, expected) == ("error", None)
    assert (
        got
        == "plugin 'broken': deciding the case 'c' failed: RuntimeError(\"the plugin's own bug\")"
    )
    assert capsys.readouterr().out.endswith("0 passed, 1 failed\n")


_ACTION = cs.Command(
    name="plan", help="plan an outing", configure=lambda parser: None, run=lambda *args: 0
)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"key": "Outings!"}, "'key' must match regex"),
        ({"subject": dict}, "subject must be an attrs class"),
        ({"cases": ("outing",)}, "'cases' must be <class 'civilsamfund.plugins._domain.Cases'>"),
        ({"actions": (_ACTION, _ACTION)}, "domain 'outings': the action 'plan' is given twice"),
        (
            {"actions": (attrs.evolve(_ACTION, name="check"),)},
            "domain 'outings': the action 'check' is given twice",
        ),
        (
            {"commands": (attrs.evolve(_ACTION, name="outings"),), "help": "outings"},
            "domain 'outings' gives a command named 'outings' itself: its actions, help and "
            "checking would not be used",
        ),
        (
            {
                "commands": (attrs.evolve(_ACTION, name="outings"),),
                "checking": cs.Checking(builds=(dict, dict)),
            },
            "domain 'outings' gives a command named 'outings' itself",
        ),
        (
            {"actions": (_ACTION,), "batch": None},
            "domain 'outings' has actions and no batch: give its help",
        ),
        ({"checking": "check"}, "'checking' must be <class"),
    ],
)
def test_a_domain_record_that_makes_no_sense_is_refused_when_made(change, problem):
    """A plugin's record is checked as it is made, so a plugin that gives nonsense fails to
    load, named, instead of failing later in a command."""
    import attrs

    with pytest.raises((TypeError, ValueError), match=re.escape(problem)):
        attrs.evolve(civilsamfund_outings.DOMAIN, **change)


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ({"schemas": ("only",)}, "schemas must be a tuple of two, got ('only',)"),
        ({"schemas": ("one", "Two")}, "'schemas' must match regex"),
        ({"builds": (dict,)}, "builds must be a tuple of two"),
        ({"builds": (dict, "x")}, "'builds' must be callable"),
        ({"action": "check forum"}, "'action' must match regex"),
    ],
)
def test_how_a_check_is_named_is_checked_when_it_is_made(given, problem):
    with pytest.raises((TypeError, ValueError), match=re.escape(problem)):
        cs.Checking(**given)


def test_a_domains_command_has_its_own_actions_after_its_batchs_and_a_help(outings, capsys):
    """Without a help of its own, the command says what its batch checks; its batch's
    action comes first, then its own, each run by name."""
    plan = attrs.evolve(_ACTION, run=lambda args, out, err: out.write("planned\n") and 0)
    domain = attrs.evolve(civilsamfund_outings.DOMAIN, actions=(plan,))
    (command,) = domain.cli_commands
    assert command.help == "check outings against their rules"
    parser = argparse.ArgumentParser()
    command.configure(parser)
    assert re.findall(r"^    (\w+)", parser.format_help(), re.MULTILINE) == ["check", "plan"]
    assert command.run(parser.parse_args(["plan"]), sys.stdout, sys.stderr) == 0
    assert capsys.readouterr().out == "planned\n"


def test_a_record_a_plugin_makes_wrongly_is_its_plugins_error(outings):
    """A record whose parts are not what they must be (check types not a mapping, a
    section that is no Section) fails when the plugin's hook makes it, named."""
    import types

    import attrs

    def domains():
        return [attrs.evolve(civilsamfund_outings.DOMAIN, key="odd", checks=[1])]

    plugins = cs.Plugins()
    plugins.register(types.SimpleNamespace(civilsamfund_domains=cs.hookimpl(domains)), "odd")
    with pytest.raises(cs.PluginError, match=r"^plugin 'odd': civilsamfund_domains failed: "):
        plugins.domains()
    with pytest.raises(TypeError, match="'sections' must be"):
        attrs.evolve(civilsamfund_outings.DOMAIN, sections=civilsamfund_outings.DOMAIN.sections[0])


def test_a_policy_case_key_is_one_domains_and_no_case_field(outings):
    """A second domain giving cases under `task` would take the volunteers' cases over
    unseen: it is refused naming the plugin; a key the case itself uses is refused when
    the record is made."""
    import types

    import attrs

    (cases,) = civilsamfund_outings.DOMAIN.cases
    thief = attrs.evolve(
        civilsamfund_outings.DOMAIN, key="thief", cases=(attrs.evolve(cases, key="task"),)
    )
    plugins = cs.Plugins()
    plugins.register(types.SimpleNamespace(civilsamfund_domains=cs.hookimpl(lambda: [thief])), "t")
    with pytest.raises(
        cs.PluginError,
        match=r"plugin 't': policy case key 'task' is already given by 'civilsamfund'",
    ):
        plugins.domains()
    with pytest.raises(ValueError, match="a case key must be a name other than expect, name"):
        attrs.evolve(cases, key="expect")


def test_violating_says_which_options_a_domains_subjects_take(outings_loaded, faaborg):
    """`pool` is for grant applications: given for a task rule it is refused, not lost;
    `plugins` reaches a domain of plugins not installed."""
    with pytest.raises(ValueError, match="one of volunteers's, whose subjects take no pool"):
        cst.violating(faaborg, "FMV-LAW-A", "paragraf18")
    municipality, _ = outings_loaded
    with_plugin = cs.Plugins()
    with_plugin.register(civilsamfund_outings, "outings")
    assert cst.violating(municipality, "OUT-1", plugins=with_plugin) is not None


def test_hypothesis_starts_whatever_the_plugins_say(tmp_path):
    """Hypothesis loads the library's entry point in every project: a misspelt allow
    list or pin must not stop `import hypothesis`; the library's strategies are still
    registered."""
    import os
    import subprocess
    import sys

    code = (
        "import hypothesis\n"
        "from hypothesis import strategies as st\n"
        "from civilsamfund.volunteers import VolunteerTask\n"
        "print(repr(st.from_type(VolunteerTask)).startswith('from_type'))\n"
    )
    for variable, value in (("CIVILSAMFUND_PLUGINS", "nope"), ("CIVILSAMFUND_PINS", "garbage")):
        env = {**os.environ, variable: value}
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
        )
        assert (done.returncode, done.stderr) == (0, ""), variable


def test_a_command_run_outside_the_command_line_loads_its_municipality(club, outings, capsys):
    """A domain command handed parsed arguments directly (as a program embedding the
    library may) finds the municipality from `--municipality` itself."""
    import argparse

    from civilsamfund.plugins import municipality_of

    args = argparse.Namespace(municipality=str(club), config=[])
    assert municipality_of(args).slug == "faaborg-midtfyn"


def test_the_rule_judges_the_subject_and_names_a_missing_fact_by_its_label(outings_loaded):
    """The evaluator judges the new subject at the rule's edge; a fact left out is named
    by its label in both languages, and flags rather than fails."""
    from datetime import date

    municipality, _ = outings_loaded
    rule = municipality.rulebook.rule("OUT-1", date(2025, 4, 12))
    assert rule.subject is Outing
    evaluator = cs.Evaluator()
    planned = Outing(id="o", kind="udflugt", on=date(2025, 4, 12))
    assert evaluator.judge(rule, attrs.evolve(planned, members=31)).status is cs.Status.FAIL
    assert evaluator.judge(rule, attrs.evolve(planned, members=30)).status is cs.Status.PASS
    unknown = evaluator.judge(rule, planned)
    assert (unknown.status, unknown.missing) == (cs.Status.FLAG, ("members",))
    assert "antal deltagere" in unknown.reason.da
    assert "the number of members going" in unknown.reason.en
    assert cs.outcome([unknown]) is cs.Outcome.NEEDS_ASSESSMENT


def test_the_subjects_references_are_checked_against_the_same_catalogues(outings_loaded):
    """An outing's kind refers to `outings.toml`'s entries, checked like any reference."""
    from datetime import date

    municipality, _ = outings_loaded
    plan = cs.ReferencePlan(Outing)
    planned = Outing(id="o", kind="udflugt", on=date(2025, 4, 12))
    assert plan.problems(planned, municipality.known) == []
    ((path, message),) = plan.problems(attrs.evolve(planned, kind="x"), municipality.known)
    assert (path, message.endswith("got 'x'")) == ("kind", True)


def test_a_rule_that_can_never_fail_is_refused_when_the_strategy_is_made():
    """A check that gives no failing example cannot be broken: satisfying says so at
    once, not when a test draws."""
    from datetime import date

    from attrs import frozen

    @frozen(kw_only=True)
    class Never(civilsamfund_outings.MaxMembers):
        def examples(self, passing, known):
            return {} if passing else None

    rule = cs.Rule(
        id="OUT-9",
        kind=cs.RuleKind.MANDATORY,
        citation=cs.Citation(document="x.txt", section="x"),
        rule=cs.Text(da="x", en="x"),
        check=Never(limit=1),
        templates={},
    )
    outings = st.builds(
        Outing, id=st.just("o"), kind=st.just("udflugt"), on=st.just(date(2025, 1, 1))
    )
    with pytest.raises(ValueError, match="criterion 'OUT-9' can never fail"):
        cst.satisfying([rule], outings, breaking="OUT-9")
