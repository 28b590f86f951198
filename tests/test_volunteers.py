"""Volunteer tasks judged by Faaborg-Midtfyn's rules of play, at the rules' boundaries."""

from __future__ import annotations

import io
import json
import re
import shutil
import types
from collections.abc import Mapping
from datetime import date
from typing import ClassVar

import pytest
from attrs import frozen
from helpers import MUNICIPALITIES

import civilsamfund as cs
from civilsamfund import volunteers as v
from civilsamfund.cli import main

EXAMPLES = MUNICIPALITIES / "faaborg-midtfyn" / "examples" / "volunteers" / "tasks.json"

READY = {
    "id": "t",
    "title": "Lektiecafé",
    "starts": "2025-09-01",
    "organiser": {"kind": "association", "name": "Forening"},
    "engagement": {"affiliated": True},
    "arena": "A",
    "social_area": True,
    "target_group": {"min_age": 18},
    "children": {"contact": False},
    "needs_visitation": False,
    "needs_registration": False,
    "statutory_responsibility": False,
    "core_task": False,
    "reports_on_citizens": False,
    "agreement": {"parts": ["responsibilities", "economy"]},
    "preparation": {
        "criminal_record_dialogue_held": True,
        "informed_of_duty_to_notify": True,
        "roles_agreed": True,
        "adds_to_staff_work": True,
        "child_certificates_obtained": False,
    },
}


@pytest.fixture(scope="module")
def faaborg():
    return cs.load_municipality_dir(MUNICIPALITIES / "faaborg-midtfyn", cs.Plugins())


def _decide(municipality, **changes):
    data = {**READY, **changes}
    (task,) = v.tasks_from_data([data])
    return v.assess(municipality, task)


def _status(decision, criterion):
    (finding,) = [f for f in decision.findings if f.criterion == criterion]
    return finding.status.value


def test_a_task_with_everything_in_place_may_go_ahead(faaborg):
    """A task meeting every rule may go ahead, with the duty every volunteer has and what
    the municipality may not ask."""
    decision = _decide(faaborg)
    assert decision.outcome is cs.Outcome.ELIGIBLE
    assert {o.id for o in decision.obligations} == {"duty_to_notify", "reporting_on_citizens"}


@pytest.mark.parametrize(
    "fact", ["needs_visitation", "needs_registration", "statutory_responsibility"]
)
def test_statutory_work_is_not_for_volunteers(faaborg, fact):
    decision = _decide(faaborg, **{fact: True})
    assert _status(decision, "FMV-ROLE-A") == "fail"
    assert decision.outcome is cs.Outcome.INELIGIBLE


@pytest.mark.parametrize(
    ("organiser", "affiliated", "status"),
    [
        ("municipality", False, "fail"),
        ("municipality", True, "pass"),
        ("association", False, "pass"),
    ],
)
def test_on_the_social_area_the_municipality_works_through_associations(
    faaborg, organiser, affiliated, status
):
    decision = _decide(
        faaborg, organiser={"kind": organiser}, engagement={"affiliated": affiliated}
    )
    assert _status(decision, "FMV-ORG-A") == status


def test_a_missing_agreement_is_flagged_not_rejected(faaborg):
    decision = _decide(faaborg, agreement={"written": False})
    assert _status(decision, "FMV-ORG-B") == "flag"
    assert decision.outcome is cs.Outcome.NEEDS_ASSESSMENT


def test_a_fact_not_given_is_named_as_missing(faaborg):
    data = {key: value for key, value in READY.items() if key != "reports_on_citizens"}
    (task,) = v.tasks_from_data([data])
    decision = v.assess(faaborg, task)
    (finding,) = [f for f in decision.findings if f.criterion == "FMV-LAW-A"]
    assert (finding.status.value, finding.missing) == ("flag", ("reports_on_citizens",))


def test_a_core_task_stays_in_the_municipalitys_arena(faaborg):
    assert _status(_decide(faaborg, arena="C", core_task=True), "FMV-ARENA-C") == "fail"
    assert _status(_decide(faaborg, arena="C"), "FMV-ARENA-C") == "pass"
    assert _status(_decide(faaborg, arena="B"), "FMV-ARENA-C") == "not_applicable"


@pytest.mark.parametrize(
    ("arena", "name"),
    [("A", "the shared arena for co-creation (arena A)"), ("B", "civil society's arena (arena B)")],
)
def test_a_core_task_placed_outside_the_municipalitys_arena_is_handed_over(faaborg, arena, name):
    """The ban on handing over core tasks has no arena condition: a core task placed in
    arena A or B fails, and the reason says it cannot be handed over."""
    decision = _decide(faaborg, arena=arena, core_task=True)
    (finding,) = [f for f in decision.findings if f.criterion == "FMV-ARENA-C"]
    assert finding.status is cs.Status.FAIL
    assert decision.outcome is cs.Outcome.INELIGIBLE
    assert finding.reason.en == (
        f"The task is a core task but is placed in {name}; core tasks stay with the "
        "municipality and cannot be handed over to civil society."
    )


def test_the_arenas_cite_the_policy_that_defines_them(faaborg):
    """The arenas and the arena C rule cite the policy "Sammen om fællesskaber", the
    section that defines them, not the development strategy's section before it."""
    policy = "Politik for samarbejde ml. civilsamfund og kommune: Sammen om fællesskaber"
    arenas = faaborg.section(v.VolunteersFile).arenas
    assert [(a.id, a.citation.section) for a in arenas] == [(a, policy) for a in "ABC"]
    (finding,) = [f for f in _decide(faaborg).findings if f.criterion == "FMV-ARENA-C"]
    assert finding.citation.section == policy


def test_an_arena_not_configured_is_a_clear_error(faaborg):
    with pytest.raises(v.TaskError, match=r"arena.*expected"):
        _decide(faaborg, arena="D")


def test_the_examples_give_every_outcome_in_both_languages(faaborg):
    for language in ("da", "en"):
        out = io.BytesIO()
        assert v.write_task_decisions(faaborg, [EXAMPLES], out, language=language) == 3
        documents = json.loads(out.getvalue())
        assert {d["outcome"] for d in documents} == {
            "eligible",
            "needs_assessment",
            "ineligible",
        }
        kinds = {o["kind"] for d in documents for o in d["obligations"]}
        assert {"certificate", "duty", "may_not_ask", "dialogue"} <= kinds


def test_a_date_in_year_9999_and_a_cpr_number_are_clear_errors(faaborg, tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{**READY, "title": "Kontakt 010190 1234"}]), encoding="utf-8")
    with pytest.raises(v.TaskError) as caught:
        v.write_task_decisions(faaborg, [path], io.BytesIO())
    assert "1234" not in str(caught.value)
    (task,) = v.tasks_from_data([{**READY, "starts": "9999-12-31"}])
    assert v.assess(faaborg, task).audit.rules_date == date(9999, 12, 31)


@pytest.mark.parametrize("slug", ["faaborg-midtfyn", "odense"])
@pytest.mark.parametrize(("fmt", "language"), [("text", "da"), ("json", "en")])
def test_the_command_checks_each_municipalitys_examples(capsys, slug, fmt, language):
    examples = MUNICIPALITIES / slug / "examples" / "volunteers" / "tasks.json"
    arguments = ["-m", slug, str(examples), "--format", fmt, "--lang", language]
    code = main(["volunteers", "check", *arguments])
    out = capsys.readouterr().out
    assert code == 0
    ids = [task["id"] for task in json.loads(examples.read_text(encoding="utf-8"))["tasks"]]
    assert all(task in out for task in ids)


def test_odenses_advice_flags_and_never_refuses():
    """Odense's task rules are recommendations: its examples are eligible or flagged, and
    every rule is flagged in one of them."""
    odense = cs.load_municipality_dir(MUNICIPALITIES / "odense", cs.Plugins())
    examples = MUNICIPALITIES / "odense" / "examples" / "volunteers" / "tasks.json"
    out = io.BytesIO()
    v.write_task_decisions(odense, [examples], out, language="en")
    documents = json.loads(out.getvalue())
    assert {d["outcome"] for d in documents} == {"eligible", "needs_assessment"}
    flagged = {f["criterion"] for d in documents for f in d["findings"] if f["status"] == "flag"}
    assert flagged == {"ODV-AFFIL", "ODV-ADDS", "ODV-TOOLS", "ODV-ENTRY"}
    national = {f["criterion"] for d in documents for f in d["findings"]} - flagged
    assert national == {"DK-CHILD-CERTIFICATE", "DK-DUTY-TO-NOTIFY"}


def test_an_id_two_kinds_name_differently_is_a_config_error(tmp_path):
    """Messages show ids by one name, so a tool and an agreement part may not share an id
    under different names."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    path = target / "volunteers.toml"
    text = path.read_text(encoding="utf-8").replace('"mutual_expectations"', '"expectations"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(
        cs.ConfigError,
        match=re.escape("volunteers.toml: tools[2].id: expected an id no agreement part uses"),
    ):
        cs.load_municipality_dir(target, cs.Plugins())


def test_the_command_names_a_bad_file_and_field(capsys, tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{**READY, "starts": "20250901"}]), encoding="utf-8")
    assert main(["volunteers", "check", "-m", "faaborg-midtfyn", str(path)]) == 2
    err = capsys.readouterr().err
    assert "tasks.json" in err
    assert "[0].starts" in err


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('"economy"]', '"economyy"]', "criteria.toml: criteria[6].params.parts[1]: expected"),
        ('arenas = ["C"]', 'arenas = ["D"]', "params.arenas[0]: expected the id of a configured"),
    ],
)
def test_a_typo_in_a_task_rule_is_named_by_file_and_path(tmp_path, old, new, problem):
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    criteria = target / "criteria.toml"
    criteria.write_text(criteria.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(cs.ConfigError, match=re.escape(problem)):
        cs.load_municipality_dir(target, cs.Plugins())


@frozen(kw_only=True)
class _Nonsense(v.TaskCheck):
    """A plugin's check whose obligations are not obligations, or fail."""

    fail: bool = False

    FACTS = ()
    MESSAGES: ClassVar[Mapping[str, cs.Text]] = {"ok": cs.Text(da="ok", en="ok")}

    def evaluate(self, facts):
        return cs.Verdict(status=cs.Status.PASS, message="ok")

    def obligations(self, finding):
        if self.fail:
            raise RuntimeError("boom")
        return ["not an obligation"]


@pytest.mark.parametrize("fail", [False, True])
def test_a_plugin_giving_nonsense_obligations_is_named(tmp_path, fail):
    plugins = cs.Plugins()
    plugins.register(
        types.SimpleNamespace(
            civilsamfund_criterion_types=cs.hookimpl(lambda: {"nonsense.check": _Nonsense})
        ),
        "nonsense",
    )
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write(
            '\n[[criteria]]\nid = "X-1"\ntype = "nonsense.check"\nkind = "mandatory"\n'
            'citation = { document = "faaborg-midtfyn-frivillig-social-strategi-2018.txt", '
            'section = "Spilleregler" }\nrule = { da = "x", en = "x" }\n'
            f"params = {{ fail = {str(fail).lower()} }}\n"
        )
    volunteers = target / "volunteers.toml"
    text = volunteers.read_text(encoding="utf-8")
    volunteers.write_text(text.replace('"FMV-ARENA-C"]', '"FMV-ARENA-C", "X-1"]'), "utf-8")
    municipality = cs.load_municipality_dir(target, plugins)
    (task,) = v.tasks_from_data([READY])
    with pytest.raises(cs.PluginError, match=r"plugin 'nonsense': .*rule 'X-1'"):
        v.assess(municipality, task)


@pytest.mark.parametrize("arena", ["B", "C"])
def test_whether_a_task_is_a_core_task_is_asked_in_every_arena(faaborg, arena):
    """The ban on handing over core tasks holds in every arena, so a task that does not
    say whether it is one is a missing fact wherever it is placed."""
    data = {key: value for key, value in READY.items() if key != "core_task"}
    (task,) = v.tasks_from_data([{**data, "arena": arena}])
    decision = v.assess(faaborg, task)
    (finding,) = [f for f in decision.findings if f.criterion == "FMV-ARENA-C"]
    assert finding.missing == ("core_task",)
    assert finding.facts["arena"] == arena
    assert decision.outcome is cs.Outcome.NEEDS_ASSESSMENT
