"""Bad configuration gives the library's own error, naming the file and the field."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from helpers import MUNICIPALITIES, copy_municipality, edit, load_problems

from civilsamfund import Plugins, load_municipality_dir
from civilsamfund.grants import PoolsFile


@pytest.fixture
def config_dir(tmp_path):
    """A writable copy of Faaborg-Midtfyn's configuration."""
    return copy_municipality(tmp_path, "faaborg-midtfyn")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "pools.toml",
            "budget = 1900000",
            'budget = "lots"',
            'pools.toml: pools[0].budget: expected an amount in kroner (such as "80000" or ',
        ),
        (
            "pools.toml",
            "budget = 1900000",
            "budget = 1900000.555",
            "pools.toml: pools[0].budget: expected an amount in kroner with at most two decimals",
        ),
        (
            "pools.toml",
            "budget = 200000",
            "budget = -1",
            "pools.toml: pools[1].budget: expected an amount in kroner of 0 or more",
        ),
        (
            "pools.toml",
            'share = "0.10"',
            'share = "1.5"',
            "pools.toml: pools[0].reserves[0].share: expected a share between 0 and 1",
        ),
        (
            "pools.toml",
            "budget = 200000",
            "budgett = 200000",
            "pools.toml: pools[1].budgett: unknown key",
        ),
        (
            "criteria.toml",
            'kind = "mandatory"',
            'kind = "must"',
            "criteria.toml: criteria[0].kind: expected one of 'mandatory', 'discretionary', "
            "'permission', got 'must'",
        ),
        (
            "criteria.toml",
            "min_age = 65",
            'min_age = "65"',
            "criteria.toml: criteria[2].params.min_age: expected a whole number, got '65'",
        ),
        (
            "criteria.toml",
            "min_age = 65",
            "min_age = 65, max_age = 70",
            "criteria.toml: criteria[2].params.max_age: unknown key",
        ),
        (
            "criteria.toml",
            'type = "open_to_all"',
            'type = "open_for_all"',
            "criteria.toml: criteria[3].type: expected a known check type",
        ),
        (
            "criteria.toml",
            "valid_from = 2018-01-01",
            'valid_from = "soon"',
            "criteria.toml: criteria[0].valid_from: expected a date as YYYY-MM-DD, got 'soon'",
        ),
        (
            "pools.toml",
            '"FM79-1"',
            '"FM79-9"',
            "pools.toml: pools[1].criteria[0]: expected the id of a configured criterion, "
            "got 'FM79-9'",
        ),
        (
            "pools.toml",
            'department = "sundhed_aeldre_social"',
            'department = "nowhere"',
            "pools.toml: pools[0].department: expected the id of a configured department",
        ),
        (
            "organisation.toml",
            'committee = "socialudvalget"',
            'committee = "finans"',
            "organisation.toml: departments[0].committee: expected the id of a configured "
            "committee",
        ),
        (
            "criteria.toml",
            'allowed = ["socially_disadvantaged"]',
            'allowed = ["pets"]',
            "criteria.toml: criteria[0].params.allowed[0]: expected the id of a configured target "
            "group",
        ),
        (
            "criteria.toml",
            'guests = ["socialudvalget", "netvaerk_for_faellesskab"]',
            'guests = ["socialudvalget", "byraadet"]',
            "criteria.toml: criteria[18].params.guests[1]: expected the id of a configured "
            "committee, council, partner or department, got 'byraadet'",
        ),
        (
            "criteria.toml",
            'covering = ["boern_unge", "voksne"',
            'covering = ["boern", "voksne"',
            "criteria.toml: criteria[17].params.covering[0]: expected the id of a configured "
            "area, got 'boern'",
        ),
        (
            "criteria.toml",
            'covering = ["boern_unge", "voksne", "aeldre", "patientforeninger", "integration"]',
            'covering = ["socialudvalget", "voksne"], attribute = "committee"',
            "criteria.toml: criteria[17].params.covering[1]: expected the id of a configured "
            "committee, got 'voksne'",
        ),
        (
            "criteria.toml",
            "faaborg-midtfyn-frivillig-social-strategi-2018.txt",
            "other.txt",
            "criteria.toml: criteria[0].citation.document: expected a document listed",
        ),
        (
            "municipality.toml",
            'slug = "faaborg-midtfyn"',
            "slug = [",
            "municipality.toml: not valid TOML",
        ),
        (
            "pools.toml",
            'criteria = ["FM79-1", "FM79-2", "FM79-3"]',
            'criteria = ["FM79-1", "FM79-2", "FM79-1"]',
            "pools.toml: pools[1].criteria[2]: expected a unique id, 'FM79-1' is also at "
            "pools[1].criteria[0]",
        ),
        (
            "criteria.toml",
            'rule = { da = "§ 79-midler går til drift',
            'rule = { da = "", x = "',
            "criteria.toml: criteria[3].rule.x: unknown key",
        ),
    ],
)
def test_a_bad_value_names_file_and_field(config_dir, file, old, new, expected):
    """Each kind of mistake is reported with the file, the field path and what was expected."""
    edit(config_dir / file, old, new)
    problems = load_problems(config_dir)
    assert any(expected in problem for problem in problems), problems
    assert all(str(config_dir) in problem for problem in problems)


def test_what_members_are_covered_by_names_an_entry_only_where_the_attribute_is_one(
    config_dir,
):
    """An organisation is free text: a broad mix of organisations names no entry."""
    edit(
        config_dir / "criteria.toml",
        'covering = ["boern_unge", "voksne", "aeldre", "patientforeninger", "integration"]',
        'covering = ["Ældre Sagen", "DGI"], attribute = "organisation"',
    )
    municipality = load_municipality_dir(config_dir, Plugins())
    assert municipality.slug == "faaborg-midtfyn"


def test_every_problem_is_reported_at_once(config_dir):
    """Problems in several files and fields come in one error, one line each."""
    edit(config_dir / "pools.toml", "budget = 1900000", 'budget = "x"')
    edit(config_dir / "pools.toml", "budget = 200000", "budget = true")
    edit(config_dir / "criteria.toml", "min_age = 65", 'min_age = "65"')
    problems = load_problems(config_dir)
    assert len(problems) == 3
    assert {p.split(": ")[1] for p in problems} == {
        "pools[0].budget",
        "pools[1].budget",
        "criteria[2].params.min_age",
    }


def test_duplicate_ids_are_rejected(config_dir):
    """Two departments with one id, both in force on the same days, cannot both be meant."""
    organisation = config_dir / "organisation.toml"
    text = organisation.read_text(encoding="utf-8")
    start = text.index("[[departments]]")
    department = text[start : text.index("[entry_points]")]
    organisation.write_text(text + "\n" + department, encoding="utf-8")
    assert list(load_problems(config_dir)) == [
        f"{organisation}: departments[1]: its dates overlap those of departments[0]: "
        "versions of one setting must not share a day"
    ]


def test_overlapping_versions_are_rejected(config_dir):
    """Two versions of one criterion may not both be in force on a day."""
    text = (config_dir / "criteria.toml").read_text(encoding="utf-8")
    start = text.index("[[criteria]]")
    first = text[start : text.index("[[criteria]]", start + 1)]
    (config_dir / "criteria.toml").write_text(text + "\n" + first, encoding="utf-8")
    problems = load_problems(config_dir)
    copy = f"criteria[{text.count('[[criteria]]')}]"
    assert any("overlap" in problem and copy in problem for problem in problems)


def test_a_float_never_becomes_money(config_dir):
    """A TOML float is read as an exact Decimal, never through a binary float."""
    edit(config_dir / "pools.toml", "budget = 1900000", "budget = 1900000.10")
    municipality = load_municipality_dir(config_dir, Plugins())
    assert str(municipality.section(PoolsFile).pools[0].budget) == "1900000.10"


@pytest.mark.parametrize("directory", ["odense", "faaborg-midtfyn"])
def test_shipped_configurations_pass_check_config(directory):
    """The reference municipalities' configuration is clean."""
    result = subprocess.run(
        [sys.executable, "-m", "civilsamfund", "check-config", str(MUNICIPALITIES / directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": ok")


def test_check_config_reports_without_traceback(config_dir):
    """check-config lists problems and exits 1, with no traceback."""
    edit(config_dir / "pools.toml", "budget = 1900000", 'budget = "lots"')
    edit(config_dir / "pools.toml", "budget = 200000", "budget = 200000\nextra = 1")
    result = subprocess.run(
        [sys.executable, "-m", "civilsamfund", "check-config", str(config_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{config_dir / 'pools.toml'}: pools[0].budget: expected" in result.stderr
    assert f"{config_dir / 'pools.toml'}: pools[1].extra: unknown key" in result.stderr


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "awards.toml",
            'id = "mental-trivsel"',
            'id = "ildsjaelepriserne"',
            "awards.toml: awards[3].id: expected an id no programme uses, got "
            "'ildsjaelepriserne', which names 'Champion awards (Ildsjælepriserne)' there",
        ),
        (
            "strategy.toml",
            'id = "strategi_frivilligt_socialt_arbejde_2009"',
            'id = "socialudvalget"',
            "strategy.toml: strategies[0].id: expected an id no committee uses, got "
            "'socialudvalget', which names 'the Social Committee' there",
        ),
    ],
)
def test_an_id_is_refused_where_two_kinds_go_by_other_names(tmp_path, file, old, new, expected):
    """Reports and decisions show ids through one table of names, so an award (named by
    its versions) may not share its programme's id, nor a strategy (titled) a
    committee's."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    edit(target / file, old, new)
    assert [p for p in load_problems(target) if p.endswith(expected)] != []
