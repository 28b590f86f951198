"""A new domain from outside the core: a subject, a check and a configuration section,
all defined in this test module and added through a plugin, with no change to the core."""

from __future__ import annotations

import shutil
import types
from collections.abc import Mapping
from datetime import date
from typing import ClassVar

import pytest
from attrs import field, frozen
from helpers import MUNICIPALITIES
from hypothesis import given, settings
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import testing as cst

DOCUMENT = "faaborg-midtfyn-frivillig-social-strategi-2018.txt"


@frozen(kw_only=True)
class Outing:
    """The subject: an outing, as someone plans it."""

    name: str
    members: int | None = None
    department: str | None = field(default=None, metadata=cs.refers("department"))


MEMBERS: cs.Fact[Outing, int | None] = cs.attribute_fact(
    "members", cs.Text(da="antal medlemmer", en="the number of members")
)


@frozen(kw_only=True)
class MaxMembers(cs.Check[Outing]):
    """An outing has at most ``limit`` members."""

    limit: int = field()

    SUBJECT = Outing
    FACTS = (MEMBERS,)
    MESSAGES: ClassVar[Mapping[str, cs.Text]] = {
        "within": cs.Text(
            da="{members} medlemmer er højst {limit}.", en="{members} is at most {limit}."
        ),
        "above": cs.Text(
            da="{members} medlemmer er over {limit}.", en="{members} is over {limit}."
        ),
    }

    def evaluate(self, facts):
        members = facts[MEMBERS]
        if members is None:
            return cs.missing(MEMBERS, limit=self.limit)
        within = members <= self.limit
        return cs.Verdict(
            status=cs.Status.PASS if within else cs.Status.FAIL,
            message="within" if within else "above",
            facts={"members": members, "limit": self.limit},
        )

    def examples(self, passing, known):
        return {MEMBERS: [self.limit, 0] if passing else [self.limit + 1]}


@frozen(kw_only=True)
class OutingRules:
    """An outing's configured rules: which criteria judge its plan, and where."""

    id: str
    name: cs.Text
    citation: cs.Citation
    criteria: tuple[str, ...] = field(metadata=cs.refers("criterion"))
    department: str = field(metadata=cs.refers("department"))


@frozen(kw_only=True)
class OutingsFile:
    """``outings.toml``."""

    outings: tuple[OutingRules, ...] = field(default=(), metadata=cs.entries("outing"))


plugin = types.SimpleNamespace(
    civilsamfund_criterion_types=cs.hookimpl(lambda: {"toy.max_members": MaxMembers}),
    civilsamfund_config_sections=cs.hookimpl(
        lambda: [cs.Section(file="outings.toml", model=OutingsFile)]
    ),
)

OUTINGS = f"""
[[outings]]
id = "folgegruppe"
name = {{ da = "Følgegruppen", en = "The monitoring group" }}
citation = {{ document = "{DOCUMENT}", section = "Organisation og Økonomi" }}
criteria = ["TOY-1"]
department = "sundhed_aeldre_social"
"""

RULE = f"""
[[criteria]]
id = "TOY-1"
type = "toy.max_members"
kind = "mandatory"
citation = {{ document = "{DOCUMENT}", section = "Organisation og Økonomi" }}
rule = {{ da = "Højst ti medlemmer.", en = "At most ten members." }}
params = {{ limit = 10 }}
"""


@pytest.fixture
def plugins():
    plugins = cs.Plugins()
    plugins.register(plugin, "toy")
    return plugins


@pytest.fixture
def directory(tmp_path):
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    (target / "outings.toml").write_text(OUTINGS, encoding="utf-8")
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write(RULE)
    return target


def _rule(municipality):
    return municipality.rulebook.rule("TOY-1", date(2025, 1, 1))


def test_the_section_and_the_rule_load(directory, plugins):
    """The plugin's section is read and handed out; its rule is in the rulebook."""
    municipality = cs.load_municipality_dir(directory, plugins)
    (outing,) = municipality.section(OutingsFile).outings
    assert outing.criteria == ("TOY-1",)
    assert _rule(municipality).subject is Outing


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (DOCUMENT, "unknown.txt", "outings.toml: outings[0].citation.document: expected a"),
        ('"TOY-1"]', '"TOY-9"]', "outings.toml: outings[0].criteria[0]: expected the id of a"),
        ('"sundhed_aeldre_social"', '"nowhere"', "outings.toml: outings[0].department: expected"),
        (
            'en = "The monitoring group"',
            'en = " "',
            "outings.toml: outings[0].name.en: expected a text",
        ),
        ('department = "', 'departement = "', "outings.toml: outings[0].departement: unknown key"),
    ],
)
def test_the_section_is_validated_like_every_other(directory, plugins, old, new, problem):
    """Citations, texts, references and keys of the new section are checked by the core."""
    outings = directory / "outings.toml"
    outings.write_text(outings.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(cs.ConfigError) as caught:
        cs.load_municipality_dir(directory, plugins)
    assert any(problem in str(p) for p in caught.value.problems), caught.value.problems


def test_params_are_validated_with_their_path(directory, plugins):
    """A check's parameters are converted by their annotations, with the path to them."""
    criteria = directory / "criteria.toml"
    criteria.write_text(
        criteria.read_text(encoding="utf-8").replace("limit = 10", 'limit = "ten"'),
        encoding="utf-8",
    )
    with pytest.raises(cs.ConfigError, match=r"criteria\[\d+\]\.params\.limit: expected a whole"):
        cs.load_municipality_dir(directory, plugins)


def test_findings_label_facts_and_name_missing_ones(directory, plugins):
    """The evaluator judges the new subject; a missing fact is named by its label."""
    rule = _rule(cs.load_municipality_dir(directory, plugins))
    evaluator = cs.Evaluator()
    assert evaluator.judge(rule, Outing(name="F", members=12)).status is cs.Status.FAIL
    assert evaluator.judge(rule, Outing(name="F", members=10)).status is cs.Status.PASS
    unknown = evaluator.judge(rule, Outing(name="F"))
    assert unknown.status is cs.Status.FLAG
    assert unknown.missing == ("members",)
    assert "antal medlemmer" in unknown.reason.da
    assert "the number of members" in unknown.reason.en
    assert cs.outcome([unknown]) is cs.Outcome.NEEDS_ASSESSMENT


def test_subject_references_are_checked(directory, plugins):
    """The new subject's own references are checked against the same catalogues."""
    from civilsamfund.config._validator import ReferencePlan

    municipality = cs.load_municipality_dir(directory, plugins)
    plan = ReferencePlan(Outing)
    planned = Outing(name="F", department="sundhed_aeldre_social")
    assert plan.problems(planned, municipality.known) == []
    ((path, message),) = plan.problems(Outing(name="F", department="x"), municipality.known)
    assert path == "department"
    assert "got 'x'" in message


@settings(max_examples=20)
@given(data=st.data())
def test_violating_builds_subjects_that_break_the_rule(directory_once, data):
    """testing.satisfying makes subjects that meet, or break exactly, the new rule."""
    rule, subjects = directory_once
    meeting = data.draw(cst.satisfying([rule], subjects))
    breaking = data.draw(cst.satisfying([rule], subjects, breaking="TOY-1"))
    evaluator = cs.Evaluator()
    assert evaluator.judge(rule, meeting).status is cs.Status.PASS
    assert evaluator.judge(rule, breaking).status is cs.Status.FAIL


@pytest.fixture(scope="module")
def directory_once(tmp_path_factory):
    target = tmp_path_factory.mktemp("toy") / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    (target / "outings.toml").write_text(OUTINGS, encoding="utf-8")
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write(RULE)
    plugins = cs.Plugins()
    plugins.register(plugin, "toy")
    rule = _rule(cs.load_municipality_dir(target, plugins))
    return rule, st.builds(Outing, name=st.text(max_size=5), members=st.none() | st.integers(0, 50))


def test_a_subject_that_cannot_be_built_is_refused_when_the_strategy_is_made():
    """A rule that can never fail is refused at once, not when a test draws."""

    @frozen(kw_only=True)
    class Never(MaxMembers):
        def examples(self, passing, known):
            return {} if passing else None

    rule = cs.Rule(
        id="TOY-2",
        kind=cs.RuleKind.MANDATORY,
        citation=cs.Citation(document=DOCUMENT, section="x"),
        rule=cs.Text(da="x", en="x"),
        check=Never(limit=1),
        templates={},
    )
    with pytest.raises(ValueError, match="criterion 'TOY-2' can never fail"):
        cst.satisfying([rule], st.builds(Outing, name=st.just("F")), breaking="TOY-2")


def test_nothing_in_the_core_names_the_toy_domain():
    """The new domain changed nothing under src/: the core never heard of it."""
    from pathlib import Path

    source = Path(cs.__file__).parent
    assert not [p for p in source.rglob("*.py") if "Outing" in p.read_text(encoding="utf-8")]
