"""Batches: the same decisions, in the same order, whether one process writes them or several."""

from __future__ import annotations

import io
import json

import pytest
from helpers import ELIGIBLE

from civilsamfund import ApplicationError, ConfigError, PluginError, to_json
from civilsamfund.grants import assess
from civilsamfund.grants._batch import Batch, run
from civilsamfund.grants._document import decision_json, decisions_to_json
from civilsamfund.grants._reading import RawApplications


def _documents(count, bad=()):
    base = json.loads(to_json(ELIGIBLE))
    items = []
    for index in range(count):
        item = json.loads(json.dumps(base))
        item["id"] = f"app-{index}"
        item["amount"] = str(1000 + index)
        if index in bad:
            item["amount"] = "not money"
        items.append(item)
    half = count // 2
    return [
        RawApplications(source="first.json", path="applications", items=items[:half]),
        RawApplications(source="second.json", path="", items=items[half:]),
    ]


def _json_batch(odense, documents):
    return Batch(
        municipality=odense,
        documents=documents,
        on=None,
        render=lambda decision: decision_json(decision, "en"),
        prefix="[\n",
        separator=",\n",
        suffix="\n]\n",
    )


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_jobs_do_not_change_the_output(odense, jobs):
    """Any number of jobs writes the same JSON, in the order of the input."""
    out = io.StringIO()
    assert run(_json_batch(odense, _documents(41)), out, jobs) == 41
    decisions = json.loads(out.getvalue())
    assert [d["application"] for d in decisions] == [f"app-{i}" for i in range(41)]
    reference = io.StringIO()
    run(_json_batch(odense, _documents(41)), reference, 1)
    assert out.getvalue() == reference.getvalue()


def test_the_writer_matches_the_library_function(odense):
    """The CLI's writer and decisions_to_json give the same document."""
    out = io.StringIO()
    run(_json_batch(odense, _documents(5)), out, 1)
    applications = [ELIGIBLE]
    assert (
        json.loads(out.getvalue())[0].keys()
        == json.loads(decisions_to_json([assess(odense, a) for a in applications], "en"))[0].keys()
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_problems_in_every_chunk_are_reported_and_nothing_written(odense, jobs):
    """Bad applications anywhere are all reported, with their own paths; no output is written."""
    out = io.StringIO()
    with pytest.raises(ApplicationError) as caught:
        run(_json_batch(odense, _documents(40, bad={3, 37})), out, jobs)
    assert [str(p).split(": ")[:2] for p in caught.value.problems] == [
        ["first.json", "applications[3].amount"],
        ["second.json", "[17].amount"],
    ]
    assert out.getvalue() == ""


def test_an_empty_batch_is_an_empty_list(odense):
    """No applications give an empty JSON list."""
    out = io.StringIO()
    assert run(_json_batch(odense, []), out, 2) == 0
    assert json.loads(out.getvalue()) == []


@pytest.mark.parametrize(
    "error",
    [
        ApplicationError(["a.json: [0].amount: expected an amount"]),
        ConfigError(["x.toml: y: z", "x.toml: w: v"]),
        PluginError("demo", "boom"),
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
def test_an_application_to_a_missing_pool_stops_the_batch_before_output(odense, jobs):
    """A pool the municipality lacks is reported up front, and nothing is written."""
    documents = _documents(30)
    documents[1].items[4]["pool"] = "paragraf99"
    out = io.StringIO()
    with pytest.raises(ApplicationError, match="application 'app-19': pool: expected one of"):
        run(_json_batch(odense, documents), out, jobs)
    assert out.getvalue() == ""
