"""Values echoed in errors: cut when long, never a CPR number in any common spelling."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from civilsamfund.core._errors import InputError, PluginError
from civilsamfund.core._problems import Problem
from civilsamfund.core._shown import (
    WITHHELD,
    WITHHELD_MARK,
    escaped,
    looks_like_cpr,
    screened,
    shown,
    withheld,
)

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
    "010190:1234",  # colon
    "010190\u03071234",  # a combining dot above, invisible between the digits
    "⁰¹⁰¹⁹⁰⁻¹²³⁴",  # superscript, as Unicode normalisation reads it
    "Hans 010190-1234 2 børn",  # a number after a space is another number
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


@pytest.mark.parametrize(
    "text",
    [
        "/srv/ind/ansøgninger-2024-09-01_10_00.json",  # a date-time in a path
        "2010-10-01 10:00:00",  # a date-time whose first ten digits could be a date
        "01.09.24 10:00",
        "1000000000",  # no month 00
        "320190-1234",  # no 32nd day
        "1.012.000.000",  # a number in thousands
        "12345678901234",  # too long
        "0101-901234-5",  # too long, in parts
        "sha256:98c4171282437755931a0101901234b9209687ad2da0152d1992e2474c120928758fb07",
    ],
)
def test_dates_paths_and_numbers_that_are_no_cpr_number_are_shown(text: str) -> None:
    """Ten digits are a CPR number only when they are not part of a longer number (a date
    and time, a path, a digest) and begin with a day and a month."""
    assert not looks_like_cpr(text)
    assert shown(text) != WITHHELD


def test_a_replacement_number_is_recognised() -> None:
    """A replacement number (erstatningspersonnummer) has its day plus 60."""
    assert looks_like_cpr("610190-1234")


def test_withheld_keeps_the_text_around_the_number() -> None:
    """Only the number is replaced: the reader still learns what the text said."""
    assert withheld("Kontakt 010190:1234 i dag") == f"Kontakt {WITHHELD_MARK} i dag"
    assert withheld("Kørsel 2024-09-01 10:00:00") == "Kørsel 2024-09-01 10:00:00"


def test_control_characters_are_escaped_in_text_written() -> None:
    """C0, DEL, C1 and direction controls are written as their JSON escape; tab and
    newline are text."""
    text = "a\x1b[2J\x7f\x9b\u202e\r\tb\n"
    assert screened(text) == "a\\u001b[2J\\u007f\\u009b\\u202e\\u000d\tb\n"
    assert json.loads('"' + escaped("a\u202eb") + '"') == "a\u202eb"


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
