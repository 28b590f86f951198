"""Forms a coordinator fills in: Kolding's five R's and checklist, and collaboration
agreements; a review names what is missing or empty, with sources."""

from __future__ import annotations

import io
import json

import pytest
from helpers import MUNICIPALITIES
from hypothesis import given
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund.cli import main
from civilsamfund.volunteers import (
    Checklist,
    CollaborationAgreement,
    Commitment,
    Named,
    Period,
    RoleDescription,
    TaskError,
    review_form,
    review_parts,
    suggest,
    write_reviews,
)

KOLDING = MUNICIPALITIES / "kolding"


@pytest.fixture(scope="module")
def kolding():
    return cs.load_municipality_dir(KOLDING, cs.Plugins())


@pytest.fixture(scope="module")
def faaborg():
    return cs.load_municipality_dir(MUNICIPALITIES / "faaborg-midtfyn", cs.Plugins())


def _reviews(municipality, kind, path, language="en"):
    out = io.BytesIO()
    write_reviews(municipality, kind, [path], out, language=language)
    return {review["form"]: review for review in json.loads(out.getvalue())}


def test_the_role_examples_name_missing_and_empty_parts_and_suggest_a_form(kolding):
    reviews = _reviews(kolding, "role", KOLDING / "examples" / "roles" / "roles.json")
    breakfast, workshop = reviews["gademix-morgenmad"], reviews["gademix-cykelvaerksted"]
    assert breakfast["complete"] is True
    assert breakfast["suggestion"]["commitment"] == "fixed_shifts"
    assert workshop["complete"] is False
    assert [part["id"] for part in workshop["missing"]] == ["rules"]
    assert [part["id"] for part in workshop["empty"]] == ["relations"]
    assert workshop["missing"][0]["citation"]["section"] == "Punkt 1: Opsamling - juni 2024"
    assert workshop["suggestion"]["commitment"] == "bounded_task"


@pytest.mark.parametrize(
    ("set_times", "period", "commitment", "missing"),
    [
        (True, Period.ALL_YEAR, Commitment.FIXED_SHIFTS, ()),
        (True, Period.SEASON, Commitment.BOUNDED_TASK, ()),
        (True, Period.ONCE, Commitment.BOUNDED_TASK, ()),
        (False, Period.ALL_YEAR, Commitment.BOUNDED_TASK, ()),
        (False, None, Commitment.BOUNDED_TASK, ()),
        (True, None, None, ("period",)),
        (None, Period.ALL_YEAR, None, ("set_times",)),
        (None, None, None, ("set_times", "period")),
    ],
)
def test_the_suggested_commitment(set_times, period, commitment, missing):
    suggestion = suggest(RoleDescription(id="r", title="r", set_times=set_times, period=period))
    assert suggestion.commitment is commitment
    assert suggestion.missing == missing


def test_the_checklist_names_unanswered_questions_and_the_logic(kolding):
    path = KOLDING / "examples" / "checklists" / "checklists.json"
    (review,) = _reviews(kolding, "checklist", path).values()
    assert [q["id"] for q in review["empty"]] == ["involved"]
    assert review["logic"]["id"] == "catalytic"
    blank = review_form(kolding, Checklist(id="c", answers={"problem": "Ensomhed"}))
    assert blank.logic is None
    assert not blank.complete
    assert blank.review.missing == ("responsibility", "decides", "need", "involved", "helpers")


@pytest.mark.parametrize(
    ("form", "problem"),
    [
        (Checklist(id="c", logic="viral"), "checklist 'c': logic: expected one of"),
        (Checklist(id="c", answers={"why": "x"}), "checklist 'c': answers.why: expected one of"),
        (
            RoleDescription(id="r", title="r", parts={"frame": "x"}),
            "role 'r': parts.frame: expected one of 'frames'",
        ),
        (
            CollaborationAgreement(id="a", association="F"),
            "agreement 'a': expected agreement parts configured in volunteers.toml; there are none",
        ),
    ],
)
def test_a_part_or_logic_not_configured_is_a_clear_error(kolding, form, problem):
    with pytest.raises(TaskError) as caught:
        review_form(kolding, form)
    assert problem in str(caught.value)


def test_an_agreement_is_checked_for_the_parts_the_municipality_asks(faaborg):
    path = MUNICIPALITIES / "faaborg-midtfyn" / "examples" / "agreements" / "agreements.json"
    reviews = _reviews(faaborg, "agreement", path, "da")
    assert reviews["fm-aftale-lektiecafe"]["complete"] is True
    (missing,) = reviews["fm-aftale-faellesspisning"]["missing"]
    assert missing["id"] == "economy"
    assert missing["citation"]["section"] == "Spilleregler: Organisering b"


@given(
    st.lists(st.sampled_from("abcde"), unique=True),
    st.dictionaries(st.sampled_from("abcde"), st.sampled_from(["", " ", "tekst"])),
)
def test_a_review_sorts_every_part_into_exactly_one_place(ids, given_parts):
    parts = tuple(Named(id=i, name=cs.Text(da=i, en=i)) for i in ids)
    review = review_parts(given_parts, parts)
    placed = [*review.given, *review.missing, *review.empty]
    assert sorted(placed) == sorted(ids)
    assert review.complete == (not review.missing and not review.empty)


@pytest.mark.parametrize(("fmt", "language"), [("text", "da"), ("json", "en")])
def test_the_review_command(capsys, tmp_path, fmt, language):
    path = KOLDING / "examples" / "roles" / "roles.json"
    arguments = ["volunteers", "review", "role", "-m", str(KOLDING), str(path)]
    assert main([*arguments, "--format", fmt, "--lang", language]) == 0
    out = capsys.readouterr().out
    assert "gademix-cykelvaerksted" in out
    bad = tmp_path / "roles.json"
    bad.write_text('{"roles": [{"id": "r", "title": "t", "period": "sometimes"}]}', "utf-8")
    assert main([*arguments[:-1], str(bad)]) == 2
    assert "roles.json: roles[0].period: expected one of" in capsys.readouterr().err


def test_an_unknown_format_is_refused_before_anything_is_written(kolding):
    out = io.BytesIO()
    path = KOLDING / "examples" / "roles" / "roles.json"
    with pytest.raises(ValueError, match="expected a format of text, json, got 'csv'"):
        write_reviews(kolding, "role", [path], out, format="csv")  # type: ignore[arg-type]
    assert out.getvalue() == b""
