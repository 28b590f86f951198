"""A result is whole or absent: --output, the JSON Lines end record, workers, failures."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from typing import ClassVar

import pytest
from attrs import frozen
from helpers import EXAMPLES, items_of, plugin_of, with_supplementary

from civilsamfund import (
    ApplicationError,
    Plugins,
    Status,
    Text,
    Verdict,
    load_municipality_dir,
)
from civilsamfund.cli import main
from civilsamfund.core._errors import ItemError
from civilsamfund.grants import GrantCheck, write_decisions
from civilsamfund.grants.facts import OPEN_TO_ALL
from civilsamfund.pipeline import _workers

OLD = b"the previous round's decisions\n"


def _leftovers(directory):
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part"))


def test_output_is_replaced_only_when_whole(odense, tmp_path):
    """A good run replaces the file; nothing named .part is left behind."""
    source = tmp_path / "apps.json"
    source.write_text(json.dumps(items_of(5)), encoding="utf-8")
    target = tmp_path / "decisions.json"
    target.write_bytes(OLD)
    assert write_decisions(odense, [source], target) == 5
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 5
    assert _leftovers(tmp_path) == []


def test_a_bad_item_leaves_the_output_as_it_was(odense, tmp_path):
    source = tmp_path / "apps.json"
    source.write_text(json.dumps(items_of(5, {3: {"amount": "lots"}})), encoding="utf-8")
    target = tmp_path / "decisions.json"
    target.write_bytes(OLD)
    with pytest.raises(Exception, match=r"apps.json: \[3\].amount"):
        write_decisions(odense, [source], target)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@frozen(kw_only=True)
class Fragile(GrantCheck):
    """A plugin's check that breaks on one kind of application."""

    FACTS = (OPEN_TO_ALL,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {"done": Text(da="Færdig.", en="Done.")}

    def evaluate(self, facts):
        if facts[OPEN_TO_ALL]:
            raise RuntimeError("cannot judge an activity open to all")
        return Verdict(status=Status.PASS, message="done")


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("format", ["json", "jsonl"])
def test_a_plugin_failing_mid_batch_names_file_item_and_id(tmp_path, jobs, format):
    """The failure names the file, the item's index and its id; the output is untouched."""
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"demo.f": Fragile}), "demo")
    odense = load_municipality_dir(with_supplementary(tmp_path, "demo.f"), plugins)
    source = tmp_path / "apps.json"
    items = items_of(40, {33: {"activity": {**items_of(1)[0]["activity"], "open_to_all": True}}})
    source.write_text(json.dumps({"applications": items}), encoding="utf-8")
    target = tmp_path / "decisions.out"
    target.write_bytes(OLD)
    with pytest.raises(ItemError) as caught:
        write_decisions(odense, [source], target, jobs=jobs, format=format)
    message = str(caught.value)
    assert message.startswith(f"{source}: applications[33] (id 'app-33'): plugin 'demo'")
    assert "cannot judge an activity open to all" in message
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def _end(lines):
    *decisions, last = lines
    return decisions, json.loads(last)["end"]


def test_a_json_lines_output_ends_with_its_count_and_digest(odense, tmp_path):
    source = tmp_path / "apps.json"
    source.write_text(json.dumps(items_of(7)), encoding="utf-8")
    out = io.BytesIO()
    write_decisions(odense, [source], out, format="jsonl")
    data = out.getvalue()
    lines = data.decode().splitlines()
    decisions, end = _end(lines)
    assert end["count"] == len(decisions) == 7
    body = data[: data.rindex(b"\n", 0, len(data) - 1) + 1]
    assert end["sha256"] == hashlib.sha256(body).hexdigest()
    assert all("application" in json.loads(line) for line in decisions)


def test_an_empty_json_lines_output_is_its_end_record(odense, tmp_path):
    source = tmp_path / "apps.json"
    source.write_text("[]", encoding="utf-8")
    out = io.BytesIO()
    write_decisions(odense, [source], out, format="jsonl")
    (line,) = out.getvalue().decode().splitlines()
    assert json.loads(line)["end"]["count"] == 0
    assert json.loads(line)["end"]["sha256"] == hashlib.sha256(b"").hexdigest()


def test_json_lines_in_and_out_match_a_document(odense, tmp_path):
    """The same applications as a JSON Lines stream give the same decisions."""
    items = items_of(6)
    document, stream = tmp_path / "apps.json", tmp_path / "apps.jsonl"
    document.write_text(json.dumps(items), encoding="utf-8")
    stream.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    outputs = []
    for path in (document, stream):
        out = io.BytesIO()
        write_decisions(odense, [path], out, format="jsonl")
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]


def test_a_bad_line_in_a_stream_ends_it_without_an_end_record(odense, tmp_path):
    stream = tmp_path / "apps.jsonl"
    lines = [json.dumps(item) for item in items_of(4)]
    lines[2] = lines[2][:-5]
    stream.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.BytesIO()
    with pytest.raises(Exception, match=r"apps.jsonl: \[2\]: not valid JSON"):
        write_decisions(odense, [stream], out, format="jsonl")
    assert all("end" not in json.loads(line) for line in out.getvalue().decode().splitlines())


def test_every_problem_of_a_stream_is_reported(odense, tmp_path):
    """After the first bad item nothing more is written, but the rest is still checked."""
    stream = tmp_path / "apps.jsonl"
    items = items_of(5, {1: {"amount": "x"}, 3: {"pool": "nowhere"}})
    stream.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    out = io.BytesIO()
    with pytest.raises(ApplicationError) as caught:
        write_decisions(odense, [stream], out, format="jsonl")
    assert [p.path for p in caught.value.problems] == ["[1].amount", "[3].pool"]
    assert len(out.getvalue().decode().splitlines()) == 1  # item 0, and no end record


def test_a_repeated_id_in_a_stream_is_refused(odense, tmp_path):
    stream = tmp_path / "apps.jsonl"
    items = items_of(3, {2: {"id": "app-0"}})
    stream.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    with pytest.raises(Exception, match=r"\[2\].id: expected a unique id, 'app-0'"):
        write_decisions(odense, [stream], io.BytesIO(), format="jsonl")


def _batch_file(tmp_path, count):
    source = tmp_path / "big.json"
    source.write_text(json.dumps(items_of(count)), encoding="utf-8")
    return source


def _children(pid):
    """The processes whose parent is ``pid`` (Linux)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_run_leaves_the_output_and_no_workers(tmp_path, how):
    """Killed mid-batch with two workers: the output is as it was, the workers end, and
    no chunk files stay in the temporary folder."""
    source = _batch_file(tmp_path, 20_000)
    target = tmp_path / "decisions.json"
    target.write_bytes(OLD)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    command = [sys.executable, "-m", "civilsamfund", "assess", "-m", "odense", str(source)]
    run = subprocess.Popen(
        [*command, "--format", "json", "--jobs", "2", "-o", str(target)],
        env=environment,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(_children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(run.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.3)
    run.send_signal(how)
    _, err = run.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))
    assert target.read_bytes() == OLD
    assert list(temporary.iterdir()) == []
    if how == signal.SIGTERM:
        assert run.returncode == 143
        assert b"Traceback" not in err
        assert _leftovers(tmp_path) == []


def test_cli_writes_json_lines_from_standard_input(capsys, monkeypatch, tmp_path):
    items = items_of(3)
    monkeypatch.setattr(
        sys,
        "stdin",
        io.TextIOWrapper(io.BytesIO("".join(json.dumps(i) + "\n" for i in items).encode())),
    )
    target = tmp_path / "out.jsonl"
    code = main(["assess", "-m", "odense", "-", "--format", "jsonl", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    _, end = _end(target.read_text(encoding="utf-8").splitlines())
    assert end["count"] == 3


def test_cli_output_to_a_full_disk_is_a_clear_error(capsys):
    """/dev/full refuses every write: exit code 3, one line, no traceback."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    code = main(["assess", "-m", "odense", str(EXAMPLES["odense"]), "-o", "/dev/full"])
    err = capsys.readouterr().err
    assert code == 3
    assert "No space left on device" in err
    assert "Traceback" not in err


_RACE = """
import os, signal, sys
from civilsamfund.pipeline import _workers

class Stop(BaseException):
    pass

def stop(signum, frame):
    raise Stop

signal.signal(signal.SIGTERM, stop)  # as the command line's own handler does
parent = os.getpid()

def work(number, file):
    raise OSError(28, "No space left on device")

for _ in range(int(sys.argv[1])):
    try:
        _workers.in_workers(work, 2)
    except Exception:
        pass
    if os.getpid() != parent:
        print("a worker carried on as the parent", flush=True)
        os._exit(0)
print("done", flush=True)
"""


@pytest.mark.skipif(not _workers.can_fork(), reason="workers are forked")
def test_a_worker_stopped_while_it_is_born_ends_and_never_carries_on_as_the_parent(tmp_path):
    """A pool ended at once (the first job fails) sends SIGTERM to workers still being
    born. One that got it before its own handlers were set ran the parent's handler:
    it carried on as the parent (the rest of a test suite ran twice) or lost the
    signal and left the pool waiting for ever (seen on Python 3.12 within 300 rounds)."""
    script = tmp_path / "race.py"
    script.write_text(_RACE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), "150"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "done\n", "")
