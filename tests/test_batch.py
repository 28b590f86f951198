"""Batches: the same decisions, in the same order, whether one process writes them or several."""

from __future__ import annotations

import io
import json

import pytest
from helpers import ELIGIBLE, items_of

from civilsamfund import ApplicationError, ConfigError, PluginError
from civilsamfund.core._errors import ItemError
from civilsamfund.grants import assess, write_decisions
from civilsamfund.grants._document import decisions_to_json


def _items(count, bad=()):
    """Applications with amounts of their own; those in ``bad`` with an amount that is no amount."""
    return items_of(
        count, {i: {"amount": "not money" if i in bad else str(1000 + i)} for i in range(count)}
    )


def write_files(directory, items):
    """Half the items in an object under ``applications``, half as a bare list."""
    half = len(items) // 2
    first, second = directory / "first.json", directory / "second.json"
    first.write_text(json.dumps({"applications": items[:half]}), encoding="utf-8")
    second.write_text(json.dumps(items[half:]), encoding="utf-8")
    return [first, second]


def _run(odense, files, jobs, **options):
    out = io.BytesIO()
    count = write_decisions(odense, files, out, language="en", jobs=jobs, **options)
    return count, out.getvalue().decode()


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_jobs_do_not_change_the_output(odense, tmp_path, jobs):
    """Any number of jobs writes the same JSON, in the order of the input."""
    files = write_files(tmp_path, _items(41))
    count, text = _run(odense, files, jobs)
    assert count == 41
    decisions = json.loads(text)
    assert [d["application"] for d in decisions] == [f"app-{i}" for i in range(41)]
    assert text == _run(odense, files, 1)[1]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_jobs_do_not_change_a_json_lines_output(odense, tmp_path, jobs):
    """The end record's count and digest are the same, however many workers wrote."""
    files = write_files(tmp_path, _items(41))
    assert _run(odense, files, jobs, format="jsonl") == _run(odense, files, 1, format="jsonl")


def test_the_writer_matches_the_library_function(odense, tmp_path):
    """The batch writer and decisions_to_json give the same document."""
    _, text = _run(odense, write_files(tmp_path, _items(5)), 1)
    expected = json.loads(decisions_to_json([assess(odense, ELIGIBLE)], "en"))[0]
    assert json.loads(text)[0].keys() == expected.keys()


@pytest.mark.parametrize("jobs", [1, 2])
def test_problems_in_every_chunk_are_reported_and_nothing_written(odense, tmp_path, jobs):
    """Bad applications anywhere are all reported, with their own paths; no output is written."""
    out = io.BytesIO()
    files = write_files(tmp_path, _items(40, bad={3, 37}))
    with pytest.raises(ApplicationError) as caught:
        write_decisions(odense, files, out, jobs=jobs)
    assert [str(p).split(": ")[:2] for p in caught.value.problems] == [
        [str(files[0]), "applications[3].amount"],
        [str(files[1]), "[17].amount"],
    ]
    assert out.getvalue() == b""


def test_an_empty_batch_is_an_empty_list(odense, tmp_path):
    """No applications give an empty JSON list."""
    count, text = _run(odense, write_files(tmp_path, []), 2)
    assert count == 0
    assert json.loads(text) == []


@pytest.mark.parametrize(
    "error",
    [
        ApplicationError(["a.json: [0].amount: expected an amount"]),
        ApplicationError(["a.json: [0].amount: expected an amount"], more=7),
        ConfigError(["x.toml: y: z", "x.toml: w: v"]),
        PluginError("demo", "boom"),
        ItemError("a.json", "[3]", "'app-3'", "plugin 'demo': boom"),
    ],
)
def test_errors_survive_crossing_processes(error):
    """The library's errors pickle intact, so a worker's error reaches the parent whole."""
    import pickle

    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert getattr(copy, "problems", None) == getattr(error, "problems", None)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_application_to_a_missing_pool_stops_the_batch_before_output(odense, tmp_path, jobs):
    """A pool the municipality lacks is named by file and item, and nothing is written."""
    items = _items(30)
    items[19]["pool"] = "paragraf99"
    files = write_files(tmp_path, items)
    out = io.BytesIO()
    with pytest.raises(ApplicationError, match=r"second.json: \[4\].pool: expected one of"):
        write_decisions(odense, files, out, jobs=jobs)
    assert out.getvalue() == b""


def test_a_text_stream_takes_the_same_output(odense, tmp_path):
    """``write_decisions`` writes to a text stream as to a binary one: the same JSON."""
    files = write_files(tmp_path, _items(4))
    text = io.StringIO()
    assert write_decisions(odense, files, text, language="en") == 4
    assert text.getvalue() == _run(odense, files, 1)[1]
