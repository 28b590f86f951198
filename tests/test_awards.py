"""Awards: the catalogue of every year, nominations judged by their award's rules,
configuration that cannot hold, and the jury's choice."""

from __future__ import annotations

import json
import shutil
from datetime import date

import attrs
import jsonschema
import pytest
from helpers import MUNICIPALITIES, edit
from hypothesis import given
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import awards as aw
from civilsamfund import testing as cst
from civilsamfund.cli import main

ODENSE_NOMINATIONS = MUNICIPALITIES / "odense" / "examples" / "nominations" / "nominations.json"
FAABORG_NOMINATIONS = (
    MUNICIPALITIES / "faaborg-midtfyn" / "examples" / "nominations" / "nominations.json"
)

# year: (award id, count, theme (en), target group) for each award, and the month
ODENSE_YEARS = {
    2009: ([("ildsjaeleprisen", 1, None, None)], ()),
    2021: ([("ildsjaeleprisen", 1, None, None)], ()),
    2022: ([("ildsjaeleprisen", 4, None, None), ("den-baeredygtige", 1, None, None)], (9,)),
    2023: ([("ildsjaeleprisen", 4, None, None), ("temaprisen", 1, None, None)], (9,)),
    **{
        year: (
            [
                ("ildsjaeleprisen", 4, None, None),
                ("mental-trivsel", 1, "mental well-being", group),
            ],
            (9,),
        )
        for year, group in {
            2024: "children-young",
            2025: "vulnerable-over-25",
            2026: "disabilities",
            2027: "lonely-older",
            2028: "children-young",
        }.items()
    },
}


def _shape(municipality, year):
    found = aw.awards_in(municipality, year)
    awards = [
        (a.award, a.version.count, a.version.theme.en if a.version.theme else None, a.target_group)
        for a in found
    ]
    months = {a.edition.months for a in found}
    return awards, months


@pytest.mark.parametrize("year", list(ODENSE_YEARS))
def test_odense_catalogue_of_each_year(odense, year):
    """Theme, target group, month and count are right for each year of the history."""
    awards, months = _shape(odense, year)
    expected_awards, month = ODENSE_YEARS[year]
    assert awards == expected_awards
    assert months == {month}
    assert sum(count for _, count, _, _ in awards) == (1 if year < 2022 else 5)


def test_odense_before_2009_gives_nothing(odense):
    assert aw.awards_in(odense, 2008) == ()


@pytest.mark.parametrize("year", [2018, 2025, 2040])
def test_faaborg_catalogue(faaborg, year):
    """Three spring awards, one each, across all associations; the New Year reception."""
    found = aw.catalogue(faaborg, year)
    assert [(a.award, a.version.count, a.target_group) for a in found.awards] == [
        ("aarets-ildsjael", 1, None),
        ("aarets-forening", 1, None),
        ("aarets-ungepris", 1, None),
    ]
    assert [a.version.winners for a in found.awards] == [
        (aw.NomineeKind.VOLUNTEER,),
        (aw.NomineeKind.ASSOCIATION,),
        (aw.NomineeKind.YOUNG_PERSON,),
    ]
    (programme,) = found.programmes
    assert programme.edition.months == (3, 4, 5)
    assert programme.edition.count == 3
    assert [event.id for event in programme.events] == ["nytaarskur"]
    assert aw.awards_in(faaborg, 2017) == ()


@given(year=st.integers(2024, 9998))
def test_the_rotation_goes_round_in_the_listed_order(odense, year):
    """Mental Trivsel's group is the listed order's, counted from 2024, every year."""
    (mental,) = [a for a in aw.awards_in(odense, year) if a.award == "mental-trivsel"]
    rotation = mental.version.rotation
    assert mental.target_group == rotation.groups[(year - 2024) % 4]


@given(year=cst.years)
def test_each_years_awards_add_up_to_the_programmes_count(odense, faaborg, year):
    """Whatever the year, the awards of a programme add up to its edition's count."""
    for municipality in (odense, faaborg):
        found = aw.catalogue(municipality, year)
        for programme in found.programmes:
            given = [a for a in found.awards if a.programme == programme.programme]
            assert sum(a.version.count for a in given) == programme.edition.count


@pytest.mark.parametrize("year", [0, 1799, 9999, 10_000])
def test_a_year_out_of_range_is_a_clear_error(odense, year):
    with pytest.raises(aw.AwardError, match="expected a year from 1800 to 9998"):
        aw.awards_in(odense, year)


@pytest.mark.parametrize(
    ("slug", "year", "lang", "wanted"),
    [
        ("odense", "2009", "da", ["Ildsjæleprisen", "1 pris"]),
        ("odense", "2022", "en", ["The Sustainable", "September", "5 awards"]),
        ("odense", "2023", "da", ["Temaprisen", "afløser Den Bæredygtige", "september"]),
        ("odense", "2027", "en", ["Lonely and older people", "mental well-being", "guidance"]),
        ("faaborg-midtfyn", "2026", "da", ["Årets Ungepris", "en ung", "s nytårskur", "marts"]),
        ("faaborg-midtfyn", "2026", "en", ["Young Person's Award", "New Year reception"]),
    ],
)
def test_awards_list_as_text(capsys, slug, year, lang, wanted):
    assert main(["awards", "list", "-m", slug, "--year", year, "--lang", lang]) == 0
    out = capsys.readouterr().out
    for text in wanted:
        assert text in out


@pytest.mark.parametrize("lang", ["da", "en"])
def test_awards_list_as_json(capsys, lang):
    assert (
        main(
            ["awards", "list", "-m", "odense", "--year", "2026", "--format", "json", "--lang", lang]
        )
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["year"] == 2026
    assert document["language"] == lang
    (programme,) = document["programmes"]
    assert programme["count"] == 5
    assert programme["months"] == [9]
    mental = document["awards"][1]
    assert mental["target_group"]["id"] == "disabilities"
    assert mental["replaces"]["id"] == "temaprisen"
    assert mental["rotation"]["first_year"] == 2024
    assert mental["citation"]["section"] == "Punkt 5: Ny pris til Ildsjælepriserne"
    assert mental["name"] == (
        "Mental Trivsel" if lang == "da" else "Mental Well-being (Mental Trivsel)"
    )


@pytest.mark.parametrize("year", ["9999", "20x4", "-1", "１９９９"])
def test_awards_list_refuses_a_bad_year(capsys, year):
    with pytest.raises(SystemExit) as exit_:
        main(["awards", "list", "-m", "odense", "--year", year])
    assert exit_.value.code == 2
    assert "expected a year from 1800 to 9998" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("path", "outcomes"),
    [
        (ODENSE_NOMINATIONS, ["eligible", "eligible", "ineligible", "needs_assessment"]),
        (FAABORG_NOMINATIONS, ["eligible", "ineligible", "needs_assessment"]),
    ],
)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_bundled_nominations_get_each_outcome_with_cited_reasons(capsys, path, outcomes, lang):
    slug = path.parents[2].name
    arguments = ["awards", "check", "-m", slug, str(path), "--format", "json", "--lang", lang]
    assert main(arguments) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["outcome"] for d in documents] == outcomes
    for document in documents:
        assert document["language"] == lang
        for finding in document["findings"]:
            assert finding["reason"]
            assert finding["citation"]["document"].endswith(".txt")
            assert finding["citation"]["section"]
        assert document["audit"]["rules_date"].startswith(str(document["year"]))


def test_a_decision_never_repeats_the_reasons_or_a_persons_reference(capsys):
    assert (
        main(
            [
                "awards",
                "check",
                "-m",
                "faaborg-midtfyn",
                str(FAABORG_NOMINATIONS),
                "--format",
                "json",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "frivillig-4711" not in out
    assert "tyve år" not in out


def test_checking_twice_gives_the_same_decisions(odense):
    nominations = aw.read_nominations(ODENSE_NOMINATIONS)
    first = [aw.decision_json(aw.assess(odense, n)) for n in nominations]
    assert first == [aw.decision_json(aw.assess(odense, n)) for n in nominations]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"year": 9999}, "expected a whole number from 1800 to 9998"),
        ({"nominee": {"kind": "association", "cvr": "12345678"}}, "CVR"),
        ({"nominee": {"kind": "young_person", "reference": "0102031234"}}, "CPR"),
        ({"nominee": {"kind": "volunteer", "name": "Anna"}}, "never named"),
        ({"in_municipality": "yes"}, "in_municipality"),
    ],
)
def test_bad_nominations_are_clear_errors(change, message):
    data = json.loads(ODENSE_NOMINATIONS.read_text(encoding="utf-8"))["nominations"][0]
    with pytest.raises(aw.AwardError, match=message) as error:
        aw.nominations_from_data([{**data, **change}], "nominations.json")
    assert "nominations.json" in str(error.value)
    assert "0102031234" not in str(error.value)


def test_a_duplicate_json_key_is_an_error(tmp_path, capsys):
    path = tmp_path / "n.json"
    path.write_text('[{"id": "a", "id": "b"}]', encoding="utf-8")
    assert main(["awards", "check", "-m", "odense", str(path)]) == 2
    assert "duplicate" in capsys.readouterr().err


def test_no_decision_is_half_written(tmp_path, capsys):
    """A bad nomination after good ones leaves --output as it was."""
    data = json.loads(ODENSE_NOMINATIONS.read_text(encoding="utf-8"))["nominations"]
    path = tmp_path / "n.json"
    path.write_text(json.dumps([*data, {**data[0], "award": "nope"}]), encoding="utf-8")
    output = tmp_path / "out.json"
    output.write_text("before", encoding="utf-8")
    assert main(["awards", "check", "-m", "odense", str(path), "-o", str(output)]) == 2
    assert output.read_text(encoding="utf-8") == "before"
    assert "[4]" in capsys.readouterr().err


# Configuration that cannot hold fails check-config, naming the file and the field.


@pytest.fixture
def odense_copy(tmp_path):
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    return target


def _problems(directory, old, new):
    path = directory / "awards.toml"
    edit(path, old, new)
    return [str(problem) for problem in cs.check_conformance(directory, cs.Plugins())]


def test_overlapping_award_versions_fail(odense_copy):
    problems = _problems(
        odense_copy, "first_year = 2022\ncount = 4", "first_year = 2021\ncount = 4"
    )
    assert any(
        "awards.toml" in p and "awards[0].versions[1]" in p and "overlap" in p for p in problems
    ), problems


ROTATION = (
    'groups = ["children-young", "vulnerable-over-25", "disabilities", "lonely-older"]\n'
    "first_year = 2024"
)


def test_a_rotation_with_no_start_fails(odense_copy):
    old = ROTATION
    problems = _problems(odense_copy, old, old.split("\n")[0])
    assert any(
        "awards.toml" in p and "awards[3].versions[0].rotation.first_year" in p for p in problems
    ), problems


def test_a_rotation_starting_after_its_version_fails(odense_copy):
    old = ROTATION
    problems = _problems(odense_copy, old, old.replace("2024", "2025"))
    assert any("rotation.first_year" in p and "start by" in p for p in problems), problems


def test_counts_that_do_not_add_up_fail(odense_copy):
    problems = _problems(
        odense_copy, "first_year = 2022\ncount = 5", "first_year = 2022\ncount = 6"
    )
    assert any("programmes[0].editions[1].count" in p and "2022" in p for p in problems), problems


def test_a_rule_not_in_force_on_an_award_day_fails(odense_copy):
    criteria = odense_copy / "criteria.toml"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(
        text.replace("valid_from = 2024-03-21", "valid_from = 2024-10-01", 1), encoding="utf-8"
    )
    problems = [str(p) for p in cs.check_conformance(odense_copy, cs.Plugins())]
    assert any("awards[3].versions[0].criteria[4]" in p and "2024-09-01" in p for p in problems), (
        problems
    )


def test_an_award_outside_its_programmes_editions_fails(odense_copy):
    problems = _problems(
        odense_copy,
        "first_year = 2009\nlast_year = 2021\nname",
        "first_year = 2008\nlast_year = 2021\nname",
    )
    assert any("awards[0].versions[0].first_year" in p and "2008" in p for p in problems), problems


def test_an_award_rule_judging_something_else_fails(odense_copy):
    problems = _problems(odense_copy, 'criteria = ["OD9-KIND"', 'criteria = ["O18-1"')
    assert any("judges nominations" in p for p in problems), problems


def test_a_typo_in_a_key_fails(odense_copy):
    problems = _problems(odense_copy, "winners = [", "winner = [")
    assert any("awards.toml" in p and "winner" in p for p in problems), problems


# The jury's choice


def _decisions(odense):
    return [aw.assess(odense, n) for n in aw.read_nominations(ODENSE_NOMINATIONS)]


def test_the_jury_records_an_eligible_winner_with_reasons(odense):
    decision = aw.record_jury_decision(
        odense,
        "mental-trivsel",
        2025,
        committee="Udvalget for Frivillighed og Civilsamfund",
        decided_on=date(2025, 8, 20),
        winners=[aw.Winner(nomination="MT-2025-01", reasons="Åbenhed om psykisk mistrivsel.")],
        decisions=_decisions(odense),
    )
    assert decision.winners[0].nomination == "MT-2025-01"
    assert decision.audit.rules_date == date(2025, 9, 1)
    assert decision.audit.municipality == "odense"


@pytest.mark.parametrize(
    ("winner", "message"),
    [
        ("MT-2025-02", "found it ineligible"),
        ("IP-2025-01", "expected a nomination for mental-trivsel 2025"),
        ("nobody", "expected a checked nomination"),
    ],
)
def test_the_jury_cannot_choose_what_the_rules_do_not_allow(odense, winner, message):
    with pytest.raises(aw.AwardError, match=message):
        aw.record_jury_decision(
            odense,
            "mental-trivsel",
            2025,
            committee="Udvalget",
            decided_on=date(2025, 8, 20),
            winners=[aw.Winner(nomination=winner, reasons="")],
            decisions=_decisions(odense),
        )


def test_a_winner_chosen_twice_is_an_error(odense):
    winner = aw.Winner(nomination="MT-2025-01", reasons="")
    with pytest.raises(aw.AwardError, match="each winner once"):
        aw.record_jury_decision(
            odense,
            "mental-trivsel",
            2025,
            committee="Udvalget",
            decided_on=date(2025, 8, 20),
            winners=[winner, winner],
            decisions=_decisions(odense),
        )


# Schemas and strategies


def _validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", [ODENSE_NOMINATIONS, FAABORG_NOMINATIONS])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_nominations_and_decisions_match_their_schemas(capsys, path, lang):
    _validator(aw.nomination_schema()).validate(json.loads(path.read_text(encoding="utf-8")))
    slug = path.parents[2].name
    assert main(["awards", "check", "-m", slug, str(path), "--format", "json", "--lang", lang]) == 0
    _validator(aw.nomination_decision_schema()).validate(json.loads(capsys.readouterr().out))


def test_schema_nomination_is_printed(capsys):
    assert main(["schema", "nomination"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "civilsamfund nominations"


@given(st.from_type(aw.Nomination))
def test_generated_nominations_name_no_person(nomination):
    assert nomination.nominee.kind is aw.NomineeKind.ASSOCIATION or nomination.nominee.name is None
    assert "reference" not in repr(nomination.nominee)
    assert "reasons=" not in repr(nomination)


@given(st.from_type(aw.AwardVersion))
def test_generated_versions_hold_their_own_years(version):
    assert version.holds(version.first_year)
    if version.rotation is not None:
        assert version.group(version.first_year) in version.rotation.groups


@given(cst.nominations)
def test_any_nomination_for_odense_gets_a_decision_or_a_clear_error(odense, nomination):
    """Whatever the facts, a nomination for a known award ends in a whole decision."""
    nomination = attrs.evolve(nomination, award="mental-trivsel", year=2025, target_groups=None)
    decision = aw.assess(odense, nomination)
    assert decision.outcome in set(cs.Outcome)
    assert len(decision.findings) == 6


def test_violating_says_plainly_that_it_builds_no_nominations(odense):
    with pytest.raises(
        ValueError,
        match="judges Candidacy: violating builds the subjects of grants, volunteers only",
    ):
        cst.violating(odense, "ODA-VSA")


def test_a_rule_dated_to_the_last_day_there_is_still_loads(odense_copy):
    """Open-ended versions are checked up to the last year a catalogue holds, not beyond."""
    criteria = odense_copy / "criteria.toml"
    text = criteria.read_text(encoding="utf-8")
    old = 'id = "ODA-MT-GROUP"\ntype = "award.target_group"\nkind = "mandatory"\n'
    assert old in text
    criteria.write_text(text.replace(old, old + "valid_until = 9999-12-31\n"), encoding="utf-8")
    assert cs.check_conformance(odense_copy, cs.Plugins()) == []


def test_the_years_list_is_headed_in_words_not_by_slug(capsys):
    """The list opens with what it is and the year, not the municipality's slug."""
    assert main(["awards", "list", "-m", "odense", "--year", "2024", "--lang", "en"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "Awards and events in 2024"
    assert main(["awards", "list", "-m", "odense", "--year", "2024"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Priser og arrangementer i 2024"
