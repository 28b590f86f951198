"""The fast encoder writes the same bytes as the standard one, or is not used."""

from __future__ import annotations

import sys
import tracemalloc
from contextlib import contextmanager

import pytest
from helpers import odense_application
from hypothesis import given
from hypothesis import strategies as st

from civilsamfund import Outcome, Status, kroner
from civilsamfund import testing as cst
from civilsamfund.core._json import json_encoder, standard_json
from civilsamfund.grants import Assessor, JsonWriter

orjson = pytest.importorskip("orjson")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()  # beyond 64 bits, orjson refuses and the standard encoder writes it
    | st.text(alphabet=st.characters(codec="utf-8"))
    | st.sampled_from([*Outcome, *Status]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(st.text(alphabet=st.characters(codec="utf-8")), inner, max_size=4)
    ),
    max_leaves=20,
)


@contextmanager
def without_orjson():
    """As if orjson were not installed: the encoder chosen is the standard library's."""
    json_encoder.cache_clear()
    sys.modules["orjson"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.modules["orjson"] = orjson
        json_encoder.cache_clear()


def test_orjson_is_chosen_when_installed():
    json_encoder.cache_clear()
    assert json_encoder() is not standard_json


def test_standard_encoder_without_orjson():
    with without_orjson():
        assert json_encoder() is standard_json
    assert json_encoder() is not standard_json


@given(json_values)
def test_same_bytes_as_the_standard_encoder(value):
    assert json_encoder()(value) == standard_json(value)


def test_integer_beyond_64_bits_is_written_whole():
    assert json_encoder()({"n": 10**30}) == b'{"n":1000000000000000000000000000000}'


@given(cst.decisions, st.sampled_from(["da", "en"]), st.booleans())
def test_decision_documents_do_not_depend_on_the_encoder(decision, language, compact):
    fast = JsonWriter(language, compact).encode_bytes(decision)
    with without_orjson():
        standard = JsonWriter(language, compact).encode_bytes(decision)
    assert fast == standard


def test_one_off_findings_do_not_push_out_recurring_ones(odense, monkeypatch):
    """A writer encodes a recurring finding once, however many one-off findings (unique
    equity, founding dates) pass between its uses."""
    from civilsamfund.grants import _document

    monkeypatch.setattr(_document._Kept, "LIMIT", 8)
    encoded: list[str] = []
    made = _document.finding_document

    def counted(finding, language):
        encoded.append(finding.criterion)
        return made(finding, language)

    monkeypatch.setattr(_document, "finding_document", counted)
    assessor = Assessor(odense)
    writer = JsonWriter("da")
    for number in range(40):  # each application's equity is its own: O18-3 is found afresh
        application = odense_application(applicant={"equity": kroner(1000 + number)})
        writer.encode_bytes(assessor.assess(application))
    assert encoded.count("O18-3") == 40
    assert encoded.count("O18-1") == 1


def test_kept_encodings_hold_only_their_own_bytes(odense):
    """orjson writes into a 4 KiB buffer and hands it over whole: a writer that kept those
    would hold 4 KiB per finding of a few hundred bytes (28 MiB for a 10,000 stream)."""
    assessor = Assessor(odense)
    decisions = [
        assessor.assess(odense_application(applicant={"equity": kroner(1000 + number)}))
        for number in range(300)
    ]
    for decision in decisions:
        tuple(decision.findings)  # made when first read: not what the writer keeps
    writer = JsonWriter("da")
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        documents = sum(len(writer.encode_bytes(decision)) for decision in decisions)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert documents > 300 * 1000
    assert held < 300 * 1500  # each decision adds one finding of its own (O18-3), kept
