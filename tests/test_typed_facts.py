"""Wrong reads of facts are type errors: mypy --strict runs on a snippet and must report
each one (tests/typing/facts.py holds the reads that must type-check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SNIPPET = """
import civilsamfund as cs
from civilsamfund import awards, volunteers
from civilsamfund.volunteers.facts import YOUNGEST_CHILD

UNTYPED = cs.attribute_fact("members", cs.Text(da="medlemmer", en="members"))


def reads(facts: cs.Facts[volunteers.VolunteerTask], other: cs.Facts[awards.Candidacy]) -> None:
    name: str = facts[YOUNGEST_CHILD]
    older = facts[YOUNGEST_CHILD] + 1
    other[YOUNGEST_CHILD]
"""


def test_wrong_reads_of_facts_are_type_errors(tmp_path: Path) -> None:
    """An undeclared fact type, a read into the wrong type, an unchecked ``None`` and a fact
    of another subject are each reported by mypy --strict."""
    snippet = tmp_path / "snippet.py"
    snippet.write_text(SNIPPET, encoding="utf-8")
    cache = str(tmp_path / "cache")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            cache,
            snippet,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    out, status = run.stdout, run.returncode
    errors = sorted(
        line.split(": error: ", 1)[1]
        for line in out.splitlines()
        if ": error: " in line and _names(line, snippet)
    )
    assert status == 1
    assert errors == [
        'Incompatible types in assignment (expression has type "int | None", variable has '
        'type "str")  [assignment]',
        'Invalid index type "Fact[VolunteerTask, int | None]" for "Facts[Candidacy]"; '
        'expected type "Fact[Candidacy, int | None]"  [index]',
        'Need type annotation for "UNTYPED"  [var-annotated]',
        'Unsupported operand types for + ("None" and "int")  [operator]',
    ], out


def _names(line: str, snippet: Path) -> bool:
    """Whether mypy's line is about the snippet, however it writes the path (absolute, or
    relative when the temporary folder lies below the working one)."""
    return Path(line.split(":", 1)[0]).resolve() == snippet.resolve()
