"""The ids of a stream, remembered as digests: every repeat found, memory in step."""

from __future__ import annotations

import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from civilsamfund.reading._ids import SeenIds


@given(st.lists(st.text(max_size=8), max_size=300))
def test_a_repeat_is_found_and_nothing_else(keys):
    seen = SeenIds()
    first: set[str] = set()
    for key in keys:
        assert seen.add(key) is (key not in first)
        first.add(key)


def test_every_id_is_kept_as_tables_grow():
    seen = SeenIds()
    keys = [f"application-{number}" for number in range(50_000)]
    assert all(seen.add(key) for key in keys)
    assert not any(seen.add(key) for key in keys)


def test_memory_follows_the_count_of_ids():
    """Growing never holds a copy of every id at once: the peak stays close to what is
    kept at the end (one table doubling held both, 1.5 times the end at its worst)."""
    tracemalloc.start()
    try:
        seen = SeenIds()
        for number in range(60_000):
            seen.add(str(number))
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept < 60_000 * 8 * 2  # at least half full
    assert peak < 1.1 * kept
