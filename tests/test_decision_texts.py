"""What a caseworker and an applicant read: names instead of ids, document titles, the
applicant and the amount, a missed deadline, and models that refuse what files refuse."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from helpers import ELIGIBLE, odense_application

from civilsamfund import ApplicationError
from civilsamfund.grants import (
    Association,
    AssociationKind,
    GrantApplication,
    PrivatePerson,
    TargetGroup,
    assess,
    decision_document,
    render_text,
)

RAW_IDS = ("social_og_arbejdsmarked", "aeldre_og_handicap", "young_people", "adult_education")


def _reasons(decision, language):
    return " ".join(finding.reason.in_(language) for finding in decision.findings)


@pytest.mark.parametrize("language", ["da", "en"])
def test_reasons_and_letters_name_configured_ids(odense, language):
    """Departments, focus areas, association kinds and reserves appear by their names."""
    decision = assess(
        odense,
        odense_application(
            applicant={"kind": AssociationKind.ADULT_EDUCATION},
            activity={
                "focus_areas": ("young_people",),
                "target_groups": (TargetGroup(category="excluded", min_age=40, max_age=70),),
            },
            standing_grant_renewal=True,
            reserve="development",
            received=date(2025, 3, 1),
        ),
    )
    text = render_text(decision, language) + _reasons(decision, language)
    assert not [raw for raw in RAW_IDS if raw in text]
    assert ("ungeområdet" if language == "da" else "young people") in text
    assert ("Udviklingsmidler" if language == "da" else "Development money") in text


def test_letters_cite_documents_by_title(odense):
    """A source is named by the document's title; the JSON document gives each title once,
    under ``names``."""
    decision = assess(odense, ELIGIBLE)
    assert "Strategi for det frivillige sociale arbejde (revideret juni 2009)" in render_text(
        decision, "da"
    )
    document = decision_document(decision, "da")
    citation = document["findings"][0]["citation"]
    assert document["names"][citation["document"]] == (
        "Strategi for det frivillige sociale arbejde (revideret juni 2009)"
    )


def test_the_document_carries_each_rules_wording_and_the_day_the_letter_gives(odense):
    """Each finding of the JSON document has its rule's wording, as the letter shows it,
    and the document the day the application was received."""
    decision = assess(odense, ELIGIBLE)
    for language in ("da", "en"):
        document, text = decision_document(decision, language), render_text(decision, language)
        assert document["received"] == ELIGIBLE.received.isoformat()
        for finding in document["findings"]:
            assert finding["rule"] in text
            assert finding["reason"] in text


def test_decisions_name_the_applicant_and_the_amount(odense):
    """The letter and the document say who applied and for how much."""
    decision = assess(odense, ELIGIBLE)
    assert (decision.applicant, decision.amount) == ("Testforeningen", Decimal("50000"))
    assert "Testforeningen; ansøgt beløb: 50.000 kroner" in render_text(decision, "da")


def test_a_private_person_is_never_named(odense):
    """A private person's decision names no one: the model has no name to give."""
    decision = assess(odense, odense_application(applicant=PrivatePerson(reference="sag-17")))
    assert decision.applicant is None
    assert "en privatperson" in render_text(decision, "da")
    assert "sag-17" not in render_text(decision, "da")


def test_a_missed_deadline_is_said_with_what_is_open_now(odense):
    """After 31 October the yearly round is next year's; the letter says so, and that the
    development money can be applied for all year."""
    decision = assess(odense, odense_application(received=date(2025, 11, 3)))
    round_ = decision.round
    assert (round_.year, round_.missed_deadline, round_.open_all_year) == (
        2026,
        date(2025, 10, 31),
        ("development",),
    )
    letter = render_text(decision, "en")
    assert "came after this year's deadline of 31 October 2025" in letter
    assert "applied for all year, and so now: Development money" in letter
    on_time = assess(odense, odense_application(received=date(2025, 10, 31))).round
    assert (on_time.missed_deadline, on_time.open_all_year) == (None, ())


def test_a_typo_in_a_target_group_is_bad_input(odense):
    """An unknown category is an error naming the field, never a reason to refuse."""
    with pytest.raises(ApplicationError) as caught:
        assess(
            odense,
            odense_application(activity={"target_groups": (TargetGroup(category="exluded"),)}),
        )
    (problem,) = caught.value.problems
    assert problem.path == "activity.target_groups[0].category"
    assert problem.got == "'exluded'"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": 0.1 + 0.2}, r"expected a Decimal \(never a float\)"),
        ({"amount": Decimal("-1")}, "expected an amount in kroner of 0 or more"),
        ({"amount": Decimal("1.001")}, "at most two decimals"),
        ({"amount": Decimal("NaN")}, "expected an amount in kroner"),
    ],
)
def test_models_built_in_code_validate_as_readers_do(changes, message):
    """What a file may not hold, a model built in code may not hold either."""
    with pytest.raises(ValueError, match=message):
        GrantApplication(
            **{
                "id": "x",
                "pool": "paragraf18",
                "applicant": Association(name="A"),
                "activity": ELIGIBLE.activity,
                "amount": Decimal(1),
                "received": date(2025, 1, 1),
                **changes,
            }
        )
