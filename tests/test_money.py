"""Amounts, shares and numbers read from text: exactly the documented spellings, bounded."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civilsamfund.core import _money
from civilsamfund.core._money import decimal_text, kroner, number, share

LARGEST = "9" * 15


@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (kroner, "80000", "80000"),
        (kroner, "80000.5", "80000.5"),
        (kroner, LARGEST + ".99", LARGEST + ".99"),
        (kroner, "0" * 20 + "1", "1"),  # leading zeros do not count as digits
        (share, "0.5", "0.5"),
        (share, "1.000", "1.000"),
        (share, "0." + "1" * 28, "0." + "1" * 28),
        (number, "-0", "0"),
        (number, "-0.00", "0.00"),
        (number, "-" + LARGEST, "-" + LARGEST),
    ],
)
def test_documented_spellings_are_read_exactly(read, text, expected):
    assert decimal_text(read(text)) == expected


@pytest.mark.parametrize(
    ("read", "text"),
    [
        (kroner, "1" + "0" * 15),  # 10^15: one digit too many
        (kroner, "1.001"),
        (kroner, "1e5"),
        (kroner, "-1"),
        (kroner, " 1"),
        (share, "0." + "1" * 29),
        (share, "1.01"),
        (number, "1" + "0" * 15),
        (number, "0." + "1" * 29),
        (number, "NaN"),
        (number, "Infinity"),
        (number, "١٢"),  # Arabic-Indic digits
    ],
)
def test_other_spellings_are_refused_by_what_they_should_be(read, text):
    with pytest.raises(ValueError, match=r"^expected "):
        read(text)


@given(st.decimals(min_value=0, max_value=Decimal("1e15") - 1, places=2))
def test_an_amount_written_out_reads_back_equal(amount):
    assert kroner(decimal_text(amount)) == amount


def _read_in_full(text: str) -> Decimal:
    """An amount read by every step of the general reader, the short path skipped."""
    amount = _money._decimal(text, _money._KRONER_TEXT, "an amount")
    if amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValueError(text)
    return amount


@given(st.from_regex(r"-?[0-9]{1,18}(\.[0-9]{0,4})?", fullmatch=True) | st.text(max_size=8))
def test_an_amount_as_files_write_it_reads_as_the_general_reader_reads_it(text):
    try:
        expected = str(_read_in_full(text))
    except ValueError:
        expected = None
    try:
        read = str(kroner(text))
    except ValueError:
        read = None
    assert read == expected
