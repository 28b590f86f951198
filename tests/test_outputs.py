"""What every command prints for the bundled municipalities and their examples, byte for
byte: each command on each municipality that has something for it, in text and JSON (and
JSON Lines where offered), in Danish and English, on fixed days, compared with the
outputs kept in tests/outputs/ (exit code, standard output, standard error and any file
written with -o).

The safety net for redesigns promising "behaviour unchanged" (issue 24). Regenerate after
a reviewed change of output with ``python tests/test_outputs.py``; never edit the files by
hand. Three narrow rules keep them independent of the machine (see ``normalise``): the
library's version reads ``{version}``, the scratch folder written to reads ``{tmp}``, and
a JSON Lines end record's digest, checked first against the lines before it, reads
``{sha256}``. Everything else (configuration fingerprints included: they hash the
configuration's bytes alone) is kept as it is.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest

from civilsamfund import __version__
from civilsamfund.cli import main

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = Path(__file__).resolve().parent / "outputs"
SLUGS = ("odense", "faaborg-midtfyn", "kolding")
LANGUAGES = ("da", "en")
TMP = "{tmp}"
"""Stands in an invocation's arguments for its scratch folder, where -o files go."""

DAY = "2025-06-01"
"""The day asked for by the commands that would otherwise take today."""
YEAR = {"odense": "2025", "faaborg-midtfyn": "2026", "kolding": "2025"}
"""The award year of each municipality: that of its nomination examples."""
REPORT_YEARS = {"odense": ("2025",), "faaborg-midtfyn": ("2025", "2026"), "kolding": ("2025",)}
"""The report years of each municipality: those of its grant and nomination examples."""
AGES = ("-17", "18-59")
"""A target group whose point of entry is asked for: a group of two spans (one span,
65 and over, is asked for once, in English text)."""

EXAMPLES = {
    "applications": ("assess",),
    "volunteers": ("volunteers", "check"),
    "roles": ("volunteers", "review", "role"),
    "checklists": ("volunteers", "review", "checklist"),
    "agreements": ("volunteers", "review", "agreement"),
    "nominations": ("awards", "check"),
    "forums": ("organisation", "check-forum"),
    "design": ("strategy", "design"),
}
"""The command run on each kind of example (a folder under examples/, or a file by its
stem), with the formats of ``FORMATS``."""
FORMATS = {"assess": ("text", "json", "jsonl")}
"""The formats of a command, where they are not text and JSON."""
NOT_KEPT = {
    "municipalities": "it lists the installation: where the installed plugins put their copies",
    "plugins": "it lists the installed plugins and their versions, not the bundled examples",
}
"""Commands whose output describes the machine rather than the municipalities, with why."""
SCHEMAS = (
    "application",
    "decision",
    "decision-line",
    "volunteer-task",
    "task-decision",
    "task-decision-line",
    "nomination",
    "nomination-decision",
    "nomination-decision-line",
    "forum-proposal",
    "forum-decision",
    "forum-decision-line",
    "strategy-status",
    "design-meeting",
    "design-summary",
    "design-summary-line",
    "annual-report",
)


@attrs.frozen
class Invocation:
    """One command line, the commands run before it to make its inputs (their output
    is not compared), and the files (or folders of them) under the scratch folder it
    writes."""

    name: str
    args: tuple[str, ...]
    before: tuple[tuple[str, ...], ...] = ()
    files: tuple[str, ...] = ()


def _examples(slug: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each kind of example ``slug`` bundles, with its files relative to the repository."""
    folder = REPO / "municipalities" / slug / "examples"
    for entry in sorted(folder.iterdir()):
        files = sorted(entry.iterdir()) if entry.is_dir() else [entry]
        yield entry.stem, tuple(file.relative_to(REPO).as_posix() for file in files)


def _municipality(slug: str) -> tuple[str, ...]:
    """The option naming ``slug``'s directory in this repository, not an installed copy."""
    return ("-m", f"municipalities/{slug}")


def _examples_run(slug: str) -> Iterator[Invocation]:
    """Each example kind's command in every format and language, on the items' own
    days; for the grants also on a fixed day and compact; and each written with -o."""
    for kind, files in _examples(slug):
        command = EXAMPLES[kind]
        for format in FORMATS.get(command[0], ("text", "json")):
            for language in LANGUAGES:
                args = (*command, *_municipality(slug), "--format", format, "--lang", language)
                yield Invocation(f"{slug}/{'-'.join(command)}-{format}-{language}", args + files)
        if command == ("assess",):
            grants = (*command, *_municipality(slug), "--lang", "en")
            yield Invocation(
                f"{slug}/assess-jsonl-compact-en",
                (*grants, "--format", "jsonl", "--compact", *files),
            )
            yield Invocation(f"{slug}/assess-on-{DAY}-en", (*grants, "--on", DAY, *files))
        out = f"{TMP}/{kind}.json"
        yield Invocation(
            f"{slug}/{'-'.join(command)}-output-file-da",
            (*command, *_municipality(slug), "--format", "json", "-o", out, *files),
            files=(f"{kind}.json",),
        )


def _report(slug: str) -> Iterator[Invocation]:
    """The annual report, from the decisions and nomination decisions of the examples."""
    before, inputs = [], []
    for kind, files in _examples(slug):
        if kind in ("applications", "nominations"):
            out = f"{TMP}/{kind}.json"
            command = EXAMPLES[kind]
            before.append((*command, *_municipality(slug), "--format", "json", "-o", out, *files))
            inputs += [out] if kind == "applications" else ["--awards", out]
    for year in REPORT_YEARS[slug]:
        for format in ("markdown", "json"):
            for language in LANGUAGES:
                args = ("report", *_municipality(slug), "--year", year)
                args += ("--format", format, "--lang", language, *inputs)
                yield Invocation(f"{slug}/report-{year}-{format}-{language}", args, tuple(before))
    args = ("report", *_municipality(slug), "--year", REPORT_YEARS[slug][0], *inputs)
    yield Invocation(
        f"{slug}/report-output-file-da",
        (*args, "-o", f"{TMP}/report.md"),
        tuple(before),
        files=("report.md",),
    )


def _settings(slug: str) -> Iterator[Invocation]:
    """The commands that read the configuration alone, on a fixed day or year."""
    yield Invocation(f"{slug}/check-config-text", ("check-config", f"municipalities/{slug}"))
    yield Invocation(
        f"{slug}/check-config-json",
        ("check-config", "--format", "json", f"municipalities/{slug}"),
    )
    yield Invocation(f"{slug}/test", ("test", f"municipalities/{slug}"))
    yield Invocation(f"{slug}/schema-application", ("schema", "application", *_municipality(slug)))
    for format in ("text", "json"):
        for language in LANGUAGES:
            end = ("--format", format, "--lang", language)
            yield Invocation(
                f"{slug}/awards-list-{YEAR[slug]}-{format}-{language}",
                ("awards", "list", *_municipality(slug), "--year", YEAR[slug], *end),
            )
            yield Invocation(
                f"{slug}/strategy-status-{DAY}-{format}-{language}",
                ("strategy", "status", *_municipality(slug), "--on", DAY, *end),
            )
            spans = [arg for span in AGES for arg in ("--ages", span)]
            yield Invocation(
                f"{slug}/organisation-entry-point-two-spans-{format}-{language}",
                ("organisation", "entry-point", *_municipality(slug), *spans, "--on", DAY, *end),
            )
    one = ("organisation", "entry-point", *_municipality(slug), "--ages", "65-")
    yield Invocation(
        f"{slug}/organisation-entry-point-65-plus-text-en", (*one, "--on", DAY, "--lang", "en")
    )


def invocations() -> list[Invocation]:
    """Every invocation whose output is kept, in the order of the files."""
    found = [Invocation(f"schema/{kind}", ("schema", kind)) for kind in SCHEMAS]
    new = ("new-municipality", "demo", "--name", "Demo Kommune", "--on", DAY)
    found.append(Invocation("new-municipality", (*new, "--dir", f"{TMP}/new"), files=("new",)))
    for slug in SLUGS:
        found += [*_settings(slug), *_examples_run(slug), *_report(slug)]
    return found


INVOCATIONS = invocations()


@contextmanager
def _captured() -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """Standard output and error as bytes, for text and binary writes alike."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdout, sys.stderr
    streams = [io.TextIOWrapper(buffer, encoding="utf-8", newline="") for buffer in (out, err)]
    sys.stdout, sys.stderr = streams
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = saved
        for stream in streams:  # flushed, and let go without closing the bytes
            stream.detach()


def _run(args: tuple[str, ...], scratch: Path) -> tuple[int, bytes, bytes]:
    """Exit code, standard output and error of ``args`` run from the repository."""
    argv = [arg.replace(TMP, str(scratch)) for arg in args]
    here = Path.cwd()
    os.chdir(REPO)
    try:
        with _captured() as (out, err):
            code = main(argv)
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


_END = re.compile(rb'^\{"end":\{"count":\d+,"sha256":"([0-9a-f]{64})",', re.MULTILINE)


def _without_digest(out: bytes) -> bytes:
    """A JSON Lines output with its end record's digest named, once it is found to be
    that of the lines before it (standard output, or a file written)."""
    end = _END.search(out)
    if end is None:
        return out
    digest = hashlib.sha256(out[: end.start()]).hexdigest().encode()
    assert end.group(1) == digest, "the end record's digest is not that of its lines"
    return out[: end.start(1)] + b"{sha256}" + out[end.end(1) :]


def normalise(text: bytes, scratch: Path) -> bytes:
    """``text`` with what depends on the machine or the release named: the library's
    version and the scratch folder."""
    version = re.escape(__version__.encode())
    text = re.sub(rb'("library_version": ?")' + version + rb'"', rb'\1{version}"', text)
    text = re.sub(rb"(civilsamfund )" + version + rb"\b", rb"\1{version}", text)
    return text.replace(str(scratch).encode(), TMP.encode())


def render(invocation: Invocation) -> bytes:
    """What the fixture file of ``invocation`` holds: its command line, exit code,
    standard output and error, and each file it wrote."""
    scratch = Path(tempfile.mkdtemp(prefix="civilsamfund-outputs-"))
    try:
        for earlier in invocation.before:
            code, _, err = _run(earlier, scratch)
            assert code == 0, err.decode()
        code, out, err = _run(invocation.args, scratch)
        parts = [
            f"$ civilsamfund {shlex.join(invocation.args)}\n".encode(),
            *(
                f"$ (before) civilsamfund {shlex.join(args)}\n".encode()
                for args in invocation.before
            ),
            f"exit code: {code}\n--- stdout\n".encode(),
            _without_digest(out),
            b"--- stderr\n",
            err,
        ]
        for given in invocation.files:
            written = (
                sorted((scratch / given).rglob("*"))
                if (scratch / given).is_dir()
                else [scratch / given]
            )
            for path in (path for path in written if path.is_file()):
                name = path.relative_to(scratch).as_posix()
                parts += [f"--- file {TMP}/{name}\n".encode(), _without_digest(path.read_bytes())]
        return normalise(b"".join(parts), scratch)
    finally:
        shutil.rmtree(scratch)


def _fixture(invocation: Invocation) -> Path:
    return OUTPUTS / f"{invocation.name}.txt"


def _first_difference(expected: bytes, got: bytes) -> str:
    """Where two outputs part: the first line that differs, with both versions."""
    old, new = (text.decode("utf-8", "backslashreplace").splitlines() for text in (expected, got))
    for number, (before, after) in enumerate(zip(old, new, strict=False), start=1):
        if before != after:
            return f"line {number}:\n  kept: {before!r}\n  now:  {after!r}"
    shorter = min(len(old), len(new))
    return f"line {shorter + 1}: one output ends there ({len(old)} lines kept, {len(new)} now)"


@pytest.mark.parametrize("invocation", INVOCATIONS, ids=[i.name for i in INVOCATIONS])
def test_output_is_what_was_kept(invocation):
    """A command's exit code, output, errors and written files are byte for byte those
    kept in tests/outputs/."""
    got = render(invocation)
    expected = _fixture(invocation).read_bytes() if _fixture(invocation).exists() else b""
    if got != expected:
        pytest.fail(
            f"{_fixture(invocation).relative_to(REPO)} differs at "
            f"{_first_difference(expected, got)}\nIf the change is meant, regenerate with "
            "`python tests/test_outputs.py` and review the diff.",
            pytrace=False,
        )


def _help(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    return capsys.readouterr().out


def _subcommands(help: str) -> list[str]:
    """The subcommands a help text lists, each on a line of its own four spaces in."""
    return re.findall(r"^    ([a-z][a-z-]*)(?:\s|$)", help, re.MULTILINE)


def test_every_command_and_schema_is_kept(capsys):
    """Each command and action the help lists is run (but those describing the
    installation), and each JSON Schema is printed."""
    run = {invocation.args[:size] for invocation in INVOCATIONS for size in (1, 2)}
    for command in _subcommands(_help(capsys)):
        if command not in NOT_KEPT:
            actions = _subcommands(_help(capsys, command))
            for wanted in [(command, action) for action in actions] or [(command,)]:
                assert wanted in run, f"no output kept of civilsamfund {' '.join(wanted)}"
    choices = re.findall(r"\{([a-z,-]+)\}", _help(capsys, "schema"))[0]
    assert set(choices.split(",")) == set(SCHEMAS)


def test_every_example_is_run_and_every_output_kept():
    """Each bundled example kind has its command, and tests/outputs/ holds one file
    per invocation and nothing else."""
    for slug in SLUGS:
        unknown = {kind for kind, _ in _examples(slug)} - set(EXAMPLES)
        assert not unknown, f"{slug}: examples with no command in EXAMPLES: {unknown}"
    kept = {path.relative_to(OUTPUTS).as_posix() for path in OUTPUTS.rglob("*.txt")}
    assert kept == {f"{invocation.name}.txt" for invocation in INVOCATIONS}


if __name__ == "__main__":
    shutil.rmtree(OUTPUTS, ignore_errors=True)
    for each in INVOCATIONS:
        _fixture(each).parent.mkdir(parents=True, exist_ok=True)
        _fixture(each).write_bytes(render(each))
    sys.exit(0)
