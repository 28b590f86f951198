"""Values echoed in errors: cut when long, never a CPR number in any common spelling."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from civilsamfund.core._errors import InputError, PluginError
from civilsamfund.core._problems import Problem
from civilsamfund.core._shown import WITHHELD, looks_like_cpr, shown

CPR_SPELLINGS = [
    "0101901234",
    "010190-1234",
    "010190 1234",
    "010190 - 1234",
    "010190.1234",
    "010190/1234",
    "01 01 90 1234",
    "01 01 90-1234",
    "01.01.90-1234",
    "01-01-90-1234",
    "010190\u20101234",  # hyphen
    "010190\u20111234",  # non-breaking hyphen
    "010190\u20131234",  # en dash
    "010190\u20141234",  # em dash
    "010190\u22121234",  # minus sign
    "010190\u00a01234",  # no-break space
    "010190\u200b1234",  # zero-width space
    "０１０１９０－１２３４",  # full width
    "CPR: 010190-1234.",
    "Hans (010190-1234)",
]


@pytest.mark.parametrize("text", CPR_SPELLINGS)
def test_every_common_spelling_of_a_cpr_number_is_recognised(text: str) -> None:
    assert looks_like_cpr(text)
    assert shown(text) == WITHHELD


@pytest.mark.parametrize(
    "text",
    ["12345678", "80000.50", "2024-2025", "tlf. 12 34 56 78", "01019012345", "id-2025-0001"],
)
def test_other_numbers_are_not_taken_for_one(text: str) -> None:
    assert not looks_like_cpr(text)


def test_long_values_are_cut_and_say_how_long() -> None:
    text = shown("p" * 1_000_000)
    assert len(text) < 100
    assert "1,000,000 characters" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "null"), (True, "true"), (False, "false"), ({}, "a table"), ([], "a list")],
)
def test_values_are_shown_in_json_words(value: object, expected: str) -> None:
    assert shown(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2024, 10, 1), "'2024-10-01'"),
        (datetime(2024, 10, 1, 10, 0), "'2024-10-01T10:00:00'"),
        (time(10, 30), "'10:30:00'"),
    ],
)
def test_toml_dates_and_times_are_shown_as_toml_writes_them(value: object, expected: str) -> None:
    """Not as Python prints them: ``2024-10-01 10:00:00`` has ten digits in a row, as a
    CPR number may be written, and was withheld as one."""
    assert shown(value) == expected


def test_huge_numbers_are_described_not_printed() -> None:
    assert shown(10**5000) == "a number of more than 57 digits"
    assert shown(Decimal("12.50")) == "'12.50'"


def test_a_problem_never_holds_a_cpr_number_whoever_wrote_it() -> None:
    problem = Problem.at("apps.json", "facts.010190-1234", "expected x, got '010190-1234'")
    assert "1234" not in str(problem)
    assert problem.got is not None
    assert "1234" not in problem.got
    assert "1234" not in str(InputError([problem]))


def test_a_plugin_error_never_holds_a_cpr_number() -> None:
    error = PluginError("odense", "failed on 'Hans 010190-1234'")
    assert "1234" not in str(error)
