"""The structure hooks written out per model take only what the converter takes, and
make exactly what it makes.

The data are what every bundled municipality's configuration and examples of every
domain are read from (recorded as they are read), and Hypothesis rewrites them a leaf
at a time with values of every JSON kind, drops keys and adds unknown ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from typing import Any
from unittest import mock

import attrs
import pytest
from helpers import MUNICIPALITIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import grants
from civilsamfund._conformance import _examples
from civilsamfund.plugins import installed
from civilsamfund.reading import _converter, _written
from civilsamfund.reading._converter import converter

Sample = tuple[type, Any]

REFUSED = object()


@cache
def _samples() -> tuple[Sample, ...]:
    """Each model and the parsed data it was read from, while every bundled
    municipality is loaded and its examples judged."""
    seen: dict[tuple[type, str], Sample] = {}
    hook = _written.written_hook

    def recording(kind: type) -> Any:
        written = hook(kind)
        if written is None:
            return None

        def read(data: Any, _: Any = None) -> Any:
            seen.setdefault((kind, repr(data)), (kind, data))
            return written(data)

        return read

    with mock.patch.object(_converter, "written_hook", recording):
        for slug in ("odense", "faaborg-midtfyn", "kolding"):
            municipality = cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins())
            assert list(_examples(municipality, MUNICIPALITIES / slug, installed())) == []
    return tuple(seen.values())


def _same(made: Any, expected: Any) -> bool:
    """Equal, and alike in every type and written form (``0.5`` is not ``0.50``)."""
    if type(made) is not type(expected):
        return False
    if attrs.has(type(made)):
        return all(
            _same(getattr(made, a.name), getattr(expected, a.name))
            for a in attrs.fields(type(made))
        )
    if isinstance(made, tuple | list):
        return len(made) == len(expected) and all(map(_same, made, expected))
    if isinstance(made, dict):
        return list(made) == list(expected) and all(map(_same, made.values(), expected.values()))
    if isinstance(made, Decimal):
        return str(made) == str(expected)
    return bool(made == expected)


def _outcome(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except Exception:
        return REFUSED


def _agrees(kind: type, data: Any) -> Any:
    """What the written hook makes of ``data``, having checked that the converter makes
    the same (when the written hook refuses, the converter answers alone)."""
    written = _written.written_hook(kind)
    assert written is not None
    made = _outcome(lambda: written(data))
    if made is not REFUSED:
        expected = converter().get_structure_hook(kind)(data, kind)
        assert _same(made, expected), (kind, data)
    return made


def test_every_model_read_from_the_bundled_files_is_read_by_its_written_hook():
    samples = _samples()
    kinds = {kind for kind, _ in samples}
    assert {grants.GrantApplication, grants.PoolsFile} <= kinds
    assert len(kinds) > 20
    for kind, data in samples:
        assert _agrees(kind, data) is not REFUSED, kind


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.decimals(allow_nan=False, allow_infinity=False, places=3)
    | st.sampled_from(
        ["", "x", "2025-02-29", "2025-02-30", "20250101", "12345674", "12.345", "0.5", "1e5"]
    )
    | st.sampled_from(["association", "person", "applied", "activities", "children_youth"])
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=5,
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside ``data``."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _places(value, (*path, index))


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _replaced(data: Any, path: tuple[Any, ...], change: Callable[[Any], Any]) -> Any:
    """A copy of ``data`` with the value at ``path`` changed: the input is kept."""
    if not path:
        return change(data)
    head, *rest = path
    if isinstance(data, dict):
        return {k: _replaced(v, tuple(rest), change) if k == head else v for k, v in data.items()}
    return [_replaced(v, tuple(rest), change) if i == head else v for i, v in enumerate(data)]


@st.composite
def _rewritten(draw: st.DrawFn) -> Sample:
    kind, data = draw(st.sampled_from(_samples()))
    path = draw(st.sampled_from(list(_places(data))))
    value = draw(JSON_VALUES)
    how = draw(st.sampled_from(["replace", "drop", "add"]))
    if how == "replace":
        return kind, _replaced(data, path, lambda _: value)
    held = _at(data, path)
    if how == "drop" and isinstance(held, dict) and held:
        dropped = draw(st.sampled_from(list(held)))
        return kind, _replaced(data, path, lambda d: {k: v for k, v in d.items() if k != dropped})
    key = draw(st.sampled_from(["type", "extra", "id", "amount", "da"]))
    return kind, _replaced(
        data, path, lambda held: {**held, key: value} if isinstance(held, dict) else held
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rewritten())
def test_a_written_hook_takes_only_what_the_converter_takes_and_makes_the_same(sample):
    kind, data = sample
    _agrees(kind, data)


@pytest.mark.parametrize(
    ("amount", "taken"),
    [("100", True), ("100.50", True), (100, True), ("-1", False), ("1.001", False), (1.5, False)],
)
def test_an_amount_is_taken_exactly_as_the_converter_takes_it(amount, taken):
    line = {"description": "x", "category": "activities", "amount": amount}
    made = _agrees(grants.BudgetLine, line)
    assert (made is not REFUSED) is taken
