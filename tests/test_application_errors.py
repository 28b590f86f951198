"""Bad applications give the library's own error, naming the file and the field."""

from __future__ import annotations

import json

import pytest
from helpers import ELIGIBLE, odense_application

from civilsamfund import ApplicationError, to_json
from civilsamfund.grants import applications_from_json, assess, read_applications

VALID = json.loads(to_json(ELIGIBLE))


def _with(path, value):
    data = json.loads(json.dumps(VALID))
    *parents, last = path
    target = data
    for key in parents:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("amount",), True, '[0].amount: expected an amount in kroner (such as "80000"'),
        (("amount",), -5, "[0].amount: expected an amount in kroner of 0 or more"),
        (("amount",), "-5", "[0].amount: expected an amount in kroner (such as"),
        (("amount",), "1e5", "[0].amount: expected an amount in kroner (such as"),
        (("amount",), "-0", "[0].amount: expected an amount in kroner (such as"),
        (("amount",), " 80000", "[0].amount: expected an amount in kroner (such as"),
        (("amount",), "٨٠٠٠٠", "[0].amount: expected an amount in kroner (such as"),
        (("amount",), "1" * 40, "[0].amount: expected an amount in kroner (such as"),
        (("received",), "2025-13-01", "[0].received: expected a date as YYYY-MM-DD"),
        (("received",), "20250101", "[0].received: expected a date as YYYY-MM-DD"),
        (("received",), "2025-W38-1", "[0].received: expected a date as YYYY-MM-DD"),
        (("received",), "2025-01-01T00:00", "[0].received: expected a date as YYYY-MM-DD"),
        (("received",), "２０２５-01-01", "[0].received: expected a date as YYYY-MM-DD"),
        (("applicant", "cvr"), "12345678", "[0].applicant.cvr: expected a valid 8-digit CVR"),
        (("applicant", "type"), "company", "[0].applicant.type: expected 'association' or"),
        (("applicant", "kind"), "club", "[0].applicant.kind: expected one of"),
        (("activity", "volunteer_share"), "2", "[0].activity.volunteer_share: expected a share"),
        (("activity", "social_aim"), "yes", "[0].activity.social_aim: expected true or false"),
        (("activity", "target_groups"), "children", "[0].activity.target_groups: expected a list"),
        (
            ("activity", "target_groups", 0, "min_age"),
            200,
            "[0].activity.target_groups[0].min_age: expected an age from 0 to 130",
        ),
        (("activity", "colour"), "red", "[0].activity.colour: unknown key"),
        (("budget", 0, "amount"), "1.001", "[0].budget[0].amount: expected an amount in kroner"),
        (("pool",), KeyError, "[0].pool: required field is missing"),
    ],
)
def test_a_bad_field_is_named_by_its_path(path, value, expected):
    """Each mistake names the document and the field's path."""
    with pytest.raises(ApplicationError) as caught:
        applications_from_json(json.dumps([_with(path, value)]), "apps.json")
    assert any(
        p.startswith("apps.json: ") and expected in p for p in map(str, caught.value.problems)
    ), caught.value.problems


def test_problems_in_several_applications_are_all_reported():
    """Every bad application is reported, each with its index."""
    bad = [_with(("amount",), "x"), _with(("id",), "two"), _with(("received",), "never")]
    bad[2]["id"] = "three"
    with pytest.raises(ApplicationError) as caught:
        applications_from_json(json.dumps({"applications": bad}), "apps.json")
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["applications[0].amount", "applications[2].received"]


def test_duplicate_ids_are_rejected():
    """Two applications with one id cannot both be decided."""
    with pytest.raises(ApplicationError, match=r"\[1\]\.id: expected a unique id"):
        applications_from_json(json.dumps([VALID, VALID]))


def test_a_person_never_carries_a_name():
    """A private person's name is not accepted, so it can never be exported."""
    data = _with(("applicant",), {"type": "person", "name": "Jens Hansen"})
    with pytest.raises(ApplicationError) as caught:
        applications_from_json(json.dumps([data]))
    assert "Jens Hansen" not in str(caught.value)
    assert "applicant.name: unknown key" in str(caught.value)


def test_a_persons_reference_stays_out_of_reprs():
    """The caller's case reference for a person is not shown in reprs."""
    from civilsamfund.grants import PrivatePerson

    assert "secret-ref" not in repr(
        odense_application(applicant=PrivatePerson(reference="secret-ref"))
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("apps.toml", "[[applications]\n", "apps.toml: not valid TOML"),
        ("apps.json", "{", "apps.json: not valid JSON"),
        ("apps.yaml", "", "apps.yaml: expected a file ending in .json, .toml, .jsonl"),
        ("apps.json", '{"apps": []}', "apps.json: expected a table with only 'applications'"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path, name, content, expected):
    """A file that is not an application document says so, naming the file."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ApplicationError) as caught:
        read_applications(path)
    assert str(caught.value).startswith(str(tmp_path))
    assert expected in str(caught.value)


def test_an_unknown_pool_names_the_application(odense):
    """Assessing against a pool that does not exist is an input error, not a crash."""
    with pytest.raises(ApplicationError, match=r"application 'test-1': pool: expected one of"):
        assess(odense, odense_application(pool="paragraf99"))


def test_a_pool_not_yet_in_force(odense):
    """Rules are never applied to a date before they took effect."""
    from datetime import date

    with pytest.raises(ApplicationError, match="not in force on 2008-01-01"):
        assess(odense, ELIGIBLE, on=date(2008, 1, 1))


def test_an_unknown_reserve_is_rejected(odense):
    """A reserve the pool does not have is named in the error."""
    with pytest.raises(ApplicationError, match="reserve: expected one of 'development'"):
        assess(odense, odense_application(reserve="innovation"))


def test_json_decimals_are_exact():
    """A JSON number with decimals is read as an exact Decimal, not a float."""
    (application,) = applications_from_json(json.dumps([_with(("amount",), 0.1)]))
    assert str(application.amount) == "0.1"


@pytest.mark.parametrize(
    "reference",
    [
        "010190-1234",
        "case 0101901234",
        "0101901234",
        "010190 1234",
        "01 01 90 1234",
        "01.01.90-1234",
    ],
)
def test_a_cpr_number_is_refused_and_not_echoed(reference):
    """A CPR number given as a person's reference is refused, and never repeated back."""
    data = _with(("applicant",), {"type": "person", "reference": reference})
    with pytest.raises(ApplicationError) as caught:
        applications_from_json(json.dumps([data]))
    assert "looks like a CPR number" in str(caught.value)
    assert reference not in str(caught.value)


@pytest.mark.parametrize("reference", ["sag 17", "2024-0017", "ref 12345678901"])
def test_a_reference_that_is_no_cpr_number_is_kept(reference):
    """Case numbers with fewer or more digits than a CPR number are not refused."""
    data = _with(("applicant",), {"type": "person", "reference": reference})
    (application,) = applications_from_json(json.dumps([data]))
    assert application.applicant.reference == reference


def test_the_last_year_after_its_deadline_is_bad_input(odense):
    """A date in 9999 after the deadline names no next round: a clear error, found when the
    application is checked, before any decision is written."""
    from datetime import date

    from civilsamfund.grants import Assessor

    with pytest.raises(ApplicationError, match="received: expected a day on or before 9999-10-31"):
        Assessor(odense).rules_for(odense_application(received=date(9999, 12, 31)))
    decision = assess(odense, odense_application(received=date(9999, 10, 31)))
    assert decision.round.year == 9999
