"""Organisation: points of entry by age, forum memberships judged by their composition
rules, and configuration that cannot hold."""

from __future__ import annotations

import json
import shutil
from datetime import date

import attrs
import jsonschema
import pytest
from helpers import MUNICIPALITIES, edit, tomllib
from hypothesis import given
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import organisation as org
from civilsamfund import testing as cst
from civilsamfund.cli import main

SLUGS = ("odense", "faaborg-midtfyn", "kolding")
DAY = date(2025, 1, 1)


def _forums(slug):
    return sorted((MUNICIPALITIES / slug / "examples" / "forums").glob("*.toml"))


def _municipality(slug):
    return f"{MUNICIPALITIES / slug}/"


# Points of entry


@pytest.mark.parametrize(
    ("ages", "departments", "settled"),
    [
        (["65-"], ["aeldre_og_handicap"], True),
        (["60"], ["aeldre_og_handicap"], True),
        (["59"], ["social_og_arbejdsmarked"], True),
        (["-17"], ["social_og_arbejdsmarked"], True),
        (["50-70"], ["social_og_arbejdsmarked", "aeldre_og_handicap"], False),
        (["10-16", "65-"], ["social_og_arbejdsmarked", "aeldre_og_handicap"], False),
    ],
)
def test_odense_entry_point_by_age(capsys, ages, departments, settled):
    """Under 60 is strict (a reading): 60 goes to the older group's entry; a group on
    both sides gets both, for a person to choose."""
    args = ["organisation", "entry-point", "-m", _municipality("odense"), "--format", "json"]
    args += ["--on", "2025-01-01"]
    for span in ages:
        args += ["--ages", span]
    assert main(args) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [c["department"] for c in answer["contacts"]] == departments
    assert answer["settled"] is settled
    assert answer["citation"]["section"] == "Samarbejdet"


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("format", ["text", "json"])
def test_entry_point_works_for_every_municipality(capsys, slug, lang, format):
    args = ["organisation", "entry-point", "-m", _municipality(slug), "--ages", "65-"]
    assert main([*args, "--on", "2025-01-01", "--lang", lang, "--format", format]) == 0
    out = capsys.readouterr().out
    if format == "json":
        answer = json.loads(out)
        assert answer["configured"] is (slug != "kolding")
        assert answer["language"] == lang
    else:
        words = {
            "da": "Målgruppens alder: 65 år og derover",
            "en": "Target group's ages: 65 and over",
        }
        assert out.startswith(words[lang])


def test_kolding_says_it_names_no_entry_rather_than_guess(capsys):
    args = [
        "organisation",
        "entry-point",
        "-m",
        _municipality("kolding"),
        "--ages",
        "65-",
        "--on",
        "2025-01-01",
    ]
    assert main([*args, "--lang", "en"]) == 0
    assert "configures no point of entry" in capsys.readouterr().out


@pytest.mark.parametrize("ages", ["", "-", "abc", "70-50", "131-", "６5-", "65--", "1e2"])
def test_bad_ages_are_clear_errors(capsys, ages):
    args = ["organisation", "entry-point", "-m", "odense", "--ages", ages]
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert "--ages" in capsys.readouterr().err


@given(span=cst.age_spans())
def test_every_age_has_an_entry_in_odense(odense, span):
    """Odense's routes cover every age: one entry, or both where a span crosses 60."""
    answer = org.entry_point(odense, [span], date(2025, 1, 1))
    assert answer.configured
    assert answer.contacts
    assert answer.settled is (span[1] < 60 or span[0] >= 60)


# Forums


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_bundled_proposals_get_decisions_that_match_the_schema(capsys, slug, lang):
    validator = jsonschema.Draft202012Validator(org.forum_decision_schema())
    for path in _forums(slug):
        args = ["organisation", "check-forum", "-m", _municipality(slug), str(path)]
        assert main([*args, "--format", "json", "--lang", lang]) == 0
        decisions = json.loads(capsys.readouterr().out)
        validator.validate(decisions)
        assert all(d["language"] == lang for d in decisions)
        assert main([*args, "--lang", lang]) == 0
        assert capsys.readouterr().out


def test_the_bundled_proposals_give_each_outcome():
    outcomes = {
        org.assess(cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins()), p).outcome
        for slug in SLUGS
        for path in _forums(slug)
        for p in org.read_proposals(path)
    }
    assert outcomes == set(cs.Outcome)


def test_a_decision_never_names_or_refers_to_a_member(capsys, tmp_path):
    path = tmp_path / "p.json"
    proposal = {
        "id": "p",
        "forum": "samarbejdsforum",
        "on": "2025-01-01",
        "members": [{"seat": "politiker", "reference": "sag-4711", "committee": "socialudvalget"}],
    }
    path.write_text(json.dumps([proposal]), encoding="utf-8")
    for format in ("text", "json"):
        args = ["organisation", "check-forum", "-m", "odense", str(path), "--format", format]
        assert main(args) == 0
        assert "sag-4711" not in capsys.readouterr().out
    (read,) = org.read_proposals(path)
    assert "sag-4711" not in repr(read)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"forum": "byraadet"}, "forum: expected one of 'samarbejdsforum'"),
        ({"on": "2025-1-1"}, "on:"),
        ({"members": [{"seat": "politiker", "reference": "010190 1234"}]}, "CPR"),
        ({"members": [{"seat": "politiker", "name": "Anna"}]}, "members[0].name"),
        ({"members": [{"seat": "kasserer"}]}, "members[0].seat: expected a seat of"),
        ({"members": [{"seat": "politiker", "committee": "x"}]}, "members[0].committee"),
        ({"meetings": [{"guests": ["x"]}]}, "meetings[0].guests[0]"),
        ({"on": "2009-05-31"}, "none is"),
    ],
)
def test_bad_proposals_are_clear_errors(odense, change, message):
    data = {"id": "p", "forum": "samarbejdsforum", "on": "2025-01-01", "members": []}
    with pytest.raises(org.ForumError) as error:
        _judge(odense, {**data, **change})
    assert message in str(error.value)
    assert "1234" not in str(error.value)


def _judge(municipality, data):
    (proposal,) = org.proposals_from_data([data], "p.json")
    return org.assess(municipality, proposal)


def test_a_duplicate_json_key_is_an_error(tmp_path, capsys):
    path = tmp_path / "p.json"
    path.write_text('[{"id": "a", "id": "b"}]', encoding="utf-8")
    assert main(["organisation", "check-forum", "-m", "odense", str(path)]) == 2
    assert "duplicate" in capsys.readouterr().err


def test_no_decision_is_half_written(tmp_path, capsys):
    """A bad proposal after good ones leaves --output as it was."""
    (path,) = _forums("odense")
    proposals = [attrs.asdict(p) for p in org.read_proposals(path)]
    data = json.loads(json.dumps(proposals, default=str))
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps([*data, {**data[0], "id": "x", "forum": "nope"}]), encoding="utf-8")
    output = tmp_path / "out.json"
    output.write_text("before", encoding="utf-8")
    args = ["organisation", "check-forum", "-m", "odense", str(bad), "-o", str(output)]
    assert main(args) == 2
    assert output.read_text(encoding="utf-8") == "before"
    assert "[2]" in capsys.readouterr().err


def test_the_input_schema_takes_the_bundled_proposals():
    validator = jsonschema.Draft202012Validator(org.proposal_schema())
    for slug in SLUGS:
        for path in _forums(slug):
            validator.validate(json.loads(json.dumps(_toml(path), default=str)))


def _toml(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


@given(count=st.integers(0, 14))
def test_the_number_of_representatives_is_judged_at_its_boundary(odense, count):
    """Up to ten association representatives: ten passes, eleven fails, and every count
    in between is on its side of the boundary."""
    members = tuple(
        org.Member(seat="foreningsrepraesentant", area="under_60") for _ in range(count)
    )
    proposal = org.ForumProposal(id="p", forum="samarbejdsforum", on=DAY, members=members)
    (finding,) = [f for f in org.assess(odense, proposal).findings if f.criterion == "OSF-ASSOC"]
    assert (finding.status is cs.Status.PASS) is (count <= 10)


@given(cst.forum_proposals)
def test_any_proposal_for_a_known_forum_gets_a_whole_decision_or_a_clear_error(odense, proposal):
    proposal = attrs.evolve(proposal, forum="samarbejdsforum", on=DAY)
    before = repr(proposal)
    try:
        decision = org.assess(odense, proposal)
    except org.ForumError:  # a clear error is an answer too
        decision = None
    assert repr(proposal) == before
    if decision is not None:
        assert len(decision.findings) == 8
        assert json.loads(org.decision_json(decision, "en"))["outcome"] in set(cs.Outcome)


@given(st.from_type(org.ForumDecision), st.sampled_from(["da", "en"]))
def test_any_forum_decision_renders(decision, language):
    assert json.loads(org.decision_json(decision, language))["proposal"] == decision.proposal
    assert org.decision_text(decision, language).endswith("\n")


@given(st.from_type(org.EntryAnswer), st.sampled_from(["da", "en"]))
def test_any_entry_answer_renders(answer, language):
    assert json.loads(json.dumps(org.entry_document(answer, language)))
    assert org.entry_text(answer, "X", language).endswith("\n")


# Configuration that cannot hold


@pytest.fixture
def copy(tmp_path):
    def make(slug):
        target = tmp_path / slug
        shutil.copytree(MUNICIPALITIES / slug, target)
        return target

    return make


def _problems(directory, file, old, new):
    path = directory / file
    edit(path, old, new)
    return [str(problem) for problem in cs.check_conformance(directory, cs.Plugins())]


def test_a_rule_naming_a_seat_the_forum_lacks_fails(copy):
    problems = _problems(
        copy("odense"), "criteria.toml", 'seat = "politiker", min', 'seat = "borgmester", min'
    )
    assert any(
        "organisation.toml: forums[0].criteria[2]: criterion 'OSF-POLITICIAN' names the seat "
        "'borgmester'" in p
        for p in problems
    )


def test_a_forum_listing_a_grant_rule_fails(copy):
    problems = _problems(copy("odense"), "organisation.toml", '"OSF-HEAD"', '"O18-4"')
    assert any(
        "expected a criterion that judges forum proposals, got 'O18-4'" in p for p in problems
    )


def test_a_rule_with_both_allowed_and_excluded_fails(copy):
    problems = _problems(
        copy("odense"),
        "criteria.toml",
        'excluded = ["aeldreomraadet"]',
        'excluded = ["aeldreomraadet"], allowed = ["under_60"]',
    )
    assert any("expected either allowed or excluded, not both" in p for p in problems)


def test_an_entry_route_to_an_unknown_department_fails(copy):
    problems = _problems(
        copy("faaborg-midtfyn"),
        "organisation.toml",
        '[[entry_points.routes]]\ndepartment = "sundhed_aeldre_social"',
        '[[entry_points.routes]]\ndepartment = "nowhere"',
    )
    assert any("entry_points.routes[0].department" in p for p in problems)


def test_a_typo_in_a_forum_key_fails(copy):
    problems = _problems(copy("kolding"), "organisation.toml", "criteria = [", "criterias = [")
    assert any("forums[0].criterias: unknown key" in p for p in problems)
