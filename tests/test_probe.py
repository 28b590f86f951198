"""The probe kept (issue 21): hostile inputs, configurations and plugins, judged by what
comes out of the command line (see probe.py and docs/security.md).

The suite runs a sample, in process: one case of each reader and kind, chosen by a
fixed seed. ``nox -s probe`` (``CIVILSAMFUND_PROBE=full``) runs every case, each in a
child process limited to 1 GiB more memory and its timeout, and prints the table.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path

import probe
import pytest

ASSERTED = frozenset(probe.CATEGORIES)
"""The categories no run may fall in, in the sample and in the full run: all of them."""

FULL = os.environ.get("CIVILSAMFUND_PROBE") == "full"


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the runs share: decision files, a municipality with a hostile check, and
    the hostile plugins as installed distributions."""
    folder = tmp_path_factory.mktemp("shared")
    probe.prepare_shared(folder)
    return folder


@pytest.fixture(scope="module")
def corpus(shared: Path) -> list[probe.Case]:
    """Every case of the probe, in its fixed order."""
    return probe.corpus(shared)


def _report(runs: list[probe.Run], title: str) -> str:
    """The table by reader, the table by kind, and a few runs of each failing category."""
    by_kind = probe.table(runs, by=lambda case: f"{case.reader}: {case.kind}", title="kind")
    return f"\n{title}\n\n{probe.table(runs)}\n{by_kind}\n{probe.examples(runs)}"


def _broken(runs: list[probe.Run]) -> list[str]:
    """Each run that fell in an asserted category, with why."""
    return [
        f"{run.case.name}: {category}: {run.verdicts[category]}"
        for run in runs
        for category in sorted(ASSERTED & set(run.verdicts))
    ]


def test_the_corpus_covers_every_reader_and_is_the_same_each_time(shared, corpus):
    """Every reader, mutation kind and hostile plugin is there, in the same order with
    the same bytes whenever the corpus is built."""
    readers = {case.reader for case in corpus}
    assert {
        "assess (TOML)",
        "assess (JSON)",
        "assess (JSON Lines)",
        "volunteers check",
        "volunteers review role",
        "volunteers review checklist",
        "volunteers review agreement",
        "awards check",
        "organisation check-forum",
        "strategy design",
        "report (decisions)",
        "report (nominations)",
        "test (case files)",
        "check-config",
        "command line",
        "plugins",
        "kill",
    } == readers
    kinds = {case.kind for case in corpus}
    assert {"CPR number", "control characters", "unknown id", "date", "number"} <= kinds
    assert {"typo a key", "duplicate an id", "dangling reference"} <= kinds
    assert {plugin.name for plugin in probe.HOSTILE_PLUGINS} <= kinds
    spelt = {secret for case in corpus if case.kind == "CPR number" for secret in case.secrets}
    assert set(probe.SPELLINGS) <= spelt
    again = probe.corpus(shared)
    assert [case.name for case in again] == [case.name for case in corpus]
    chosen = probe.sample(corpus)
    assert [case.name for case in probe.sample(again)] == [case.name for case in chosen]
    assert [c.files() for c in probe.sample(again)[:40]] == [c.files() for c in chosen[:40]]


def _judged(case: probe.Case, code: int | None, **facts: object) -> dict[str, str]:
    """The verdicts on a run of ``case`` that ended with ``code`` and wrote ``facts``."""
    return probe.verdicts(probe.Run(case, code, **facts))  # type: ignore[arg-type]


CASE = probe.Case(
    "assess (JSON)",
    "CPR number",
    "a planted CPR number",
    (),
    output="out.json",
    output_format="json",
    input="in.json",
    secrets=("010190\u03071234",),
)


@pytest.mark.parametrize(
    ("code", "facts", "category", "reason"),
    [
        (
            1,
            {"stderr": b"Traceback (most recent call last):\n  x\nKeyError: 1\n"},
            "traceback",
            "KeyError: 1",
        ),
        (2, {"stderr": b"in.json: [0]: got 010190 1234"}, "cpr", "on stderr"),
        (2, {"stderr": "in.json: 010190\u03071234".encode()}, "cpr", "on stderr"),
        (0, {"output": b'["0101901234"]'}, "cpr", "on output"),
        (2, {"stderr": b"in.json: \x1b[2J"}, "control", "'\\x1b' raw on stderr"),
        (2, {"stderr": b"[0].id: expected text"}, "unnamed", "[0].id: expected text"),
        (0, {"output": None}, "silent", "exit 0 with nothing written"),
        (1, {}, "silent", "exit 1 and not a word said"),
        (None, {"timed_out": True}, "hang", "still running after 30 s"),
        (1, {"stderr": b"MemoryError\n"}, "memory", "ran out of its 1 GiB"),
        (2, {"grown": 2**30}, "memory", "grew by 1,024 MiB"),
    ],
)
def test_the_probe_sees_each_kind_of_failure(code, facts, category, reason):
    """A run made to show one category is judged to show it, and says why."""
    found = _judged(CASE, code, **facts)
    assert category in found
    assert reason in found[category]


def test_a_clean_run_shows_nothing():
    """A whole output, or a refusal that names the file and repeats nothing, is clean."""
    assert _judged(CASE, 0, output=b"[]") == {}
    assert _judged(CASE, 2, stderr=b"in.json: [0].id: looks like a CPR number") == {}


def test_a_report_that_loses_or_invents_a_line_is_silently_wrong():
    """A report must count every record it was given, and show only configured lines."""
    case = replace(CASE, counted=("grants", 3, frozenset({"paragraf18"})), secrets=())
    report = {"grants": {"decisions": 2, "left_out": 0, "pools": [{"id": "paragraf18"}]}}
    found = _judged(case, 0, output=json.dumps(report).encode())
    assert found == {"silent": "exit 0, but 3 records read, 2 counted or left out"}
    report["grants"]["left_out"] = 1
    assert _judged(case, 0, output=json.dumps(report).encode()) == {}
    report["grants"]["pools"] = [{"id": "paragraf99"}]
    found = _judged(case, 0, output=json.dumps(report).encode())
    assert found["silent"].endswith(
        "a line for 'paragraf99', which the configuration does not define"
    )


def test_a_kill_must_leave_the_old_file_or_a_whole_one():
    """After a signal the output holds what it held before, or a whole document."""
    killed = probe.Case(
        "kill",
        "SIGTERM",
        "n",
        (),
        output="o.json",
        output_format="json",
        kill=(signal.SIGTERM, 1.0),
        previous=b"{}",
    )
    assert _judged(killed, 143, output=b'[{"a"') == {"half": "o.json half-written (5 bytes)"}
    assert _judged(killed, 143, output=b"{}") == {}
    assert _judged(killed, 143, output=b"[]") == {}
    assert _judged(killed, 143, output=b"{}", parts=(".o.json.x.part",)) == {
        "half": ".o.json.x.part left behind"
    }


def test_the_sample_keeps_what_the_library_promises(shared, corpus, tmp_path):
    """A case of each reader and kind, run in process: none falls in a category the
    library already keeps (ASSERTED); the table of all categories is printed."""
    runs = []
    for index, case in enumerate(probe.sample(corpus)):
        run = probe.run_in_process(case, tmp_path / str(index), shared)
        probe.verdicts(run)
        runs.append(run)
    print(_report(runs, "The probe's sample"))
    assert _broken(runs) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs each case in a forked child")
def test_a_batch_killed_while_writing_leaves_the_file_whole_or_as_it_was(shared, tmp_path):
    """SIGKILL and SIGTERM in the middle of a batch of 20,000, each run in a child: the
    output file holds what it held before, or every decision."""
    cases = list(probe.kill_cases(delays=(0.4,)))
    cases = [c for c in cases if c.kill and c.kill[0] in {signal.SIGKILL, signal.SIGTERM}]
    cases = [c for c in cases if c.output_format == "json"]
    runs = probe.run_isolated(cases, tmp_path, shared)
    assert [run.code for run in runs] == [-signal.SIGKILL, 143]
    assert [probe.verdicts(run) for run in runs] == [{}, {}]


@pytest.mark.skipif(not FULL, reason="the full probe: nox -s probe (CIVILSAMFUND_PROBE=full)")
@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs each case in a forked child")
def test_the_full_probe(shared, corpus, tmp_path):
    """Every case, each in a child process with 1 GiB and a timeout; prints the table."""

    def progress(done: int, total: int) -> None:
        if done % 500 == 0 or done == total:
            sys.stderr.write(f"probe: {done:,} of {total:,} runs\n")

    runs = probe.run_isolated(corpus, tmp_path, shared, progress=progress)
    for run in runs:
        probe.verdicts(run)
    print(_report(runs, f"The probe: {len(runs):,} runs"))
    assert _broken(runs) == []
