"""nox -s mutants: runs mutmut on the modules [tool.mutmut] names (or those given, or those a
branch changed) and prints a kill rate per module, so that a test that only checks a status
cannot pass for one that checks what a finding says.

Usage: python tests/mutants/mutation_report.py [--changed BASE | --stale] [--threshold PCT]
       [--max-children N] [--report-only | --list] [MODULE.py ...]

measured.toml beside this file keeps each module's rate as last measured, with a digest of
the source it was measured on; a run records every module it ran that meets the threshold.
``--stale`` runs the modules whose source differs from what was measured (or never was):
what CI runs, so that a change to a module is measured again before it lands.

Equivalent mutants (a mutation that cannot change behaviour) are listed in equivalent.toml
beside this file, each with a one-line reason, and left out of the rate; a listed mutant that
no longer exists or is now killed fails the run, so the list is kept true."""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
EQUIVALENT = Path(__file__).with_name("equivalent.toml")
MEASURED = Path(__file__).with_name("measured.toml")
THRESHOLD = 90.0
"""The lowest kill rate a module may have, in per cent."""

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests"}
STATUS |= dict.fromkeys((36, -24, 24, 152, 255), "timeout")
"""mutmut 3.8's exit codes (mutmut.stats.status_by_exit_code) as this report counts them;
any other (suspicious, segfault, not checked) is "other"."""


def mutated_modules(root: Path = REPO) -> list[str]:
    """Every module [tool.mutmut] only_mutate names, as paths from the repository's root."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["mutmut"]["only_mutate"]
    files = (p.relative_to(root).as_posix() for p in (root / "src").rglob("*.py"))
    return sorted(f for f in files if any(fnmatch.fnmatch(f, p) for p in patterns))


def select(
    wanted: Sequence[str], mutated: Sequence[str], changed: Iterable[str] | None = None
) -> list[str]:
    """The modules to mutate: those named (each must be in the mutated set), else those
    ``changed`` names that are in it, else all of them."""
    unknown = sorted(set(wanted) - set(mutated))
    if unknown:
        raise SystemExit(f"not in [tool.mutmut] only_mutate: {', '.join(unknown)}")
    if wanted:
        return sorted(set(wanted))
    if changed is not None:
        return sorted(set(changed) & set(mutated))
    return list(mutated)


def module_name(path: str) -> str:
    """``src/civilsamfund/a/_b.py`` as mutmut names its mutants' module: ``civilsamfund.a._b``."""
    name = path.removeprefix("src/").removesuffix(".py").removesuffix("/__init__")
    return name.replace("/", ".")


def pattern(path: str) -> str:
    """The mutmut run argument that matches this module's mutants and no other's: mutated
    functions are named ``x_...`` and methods ``xǁClassǁ...``, and no module starts with x."""
    return f"{module_name(path)}.x*"


def _toml_file(path: Path) -> dict[str, Any]:
    """A kept TOML file's tables; a file that does not parse stops the run, naming it."""
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SystemExit(f"{path}: not TOML: {error}") from None


def read_equivalent(path: Path = EQUIVALENT) -> dict[str, str]:
    """Mutant name to the reason it cannot change behaviour; every reason a non-empty line."""
    data = _toml_file(path)
    table = data.get("equivalent", {})
    bad = [k for k, v in table.items() if not isinstance(v, str) or not v.strip() or "\n" in v]
    if bad or set(data) - {"equivalent"}:
        raise SystemExit(f"{path}: [equivalent] maps a mutant to a one-line reason: {bad}")
    return dict(table)


@dataclass(frozen=True)
class Row:
    """One module's mutants by outcome; equivalent survivors counted apart."""

    module: str
    mutants: int
    killed: int
    survived: int
    untested: int
    timeout: int
    other: int
    equivalent: int

    @property
    def rate(self) -> float:
        """Killed (timeouts included: the tests noticed) per cent of the mutants that are
        not equivalent; a module with none scores 100."""
        judged = self.mutants - self.equivalent
        return 100.0 if judged == 0 else 100.0 * (self.killed + self.timeout) / judged


def tally(module: str, outcomes: Mapping[str, int | None], equivalent: Mapping[str, str]) -> Row:
    """The row of one module from mutmut's exit code per mutant."""
    counts = {"killed": 0, "survived": 0, "no tests": 0, "timeout": 0, "other": 0}
    skipped = 0
    for name, code in outcomes.items():
        status = STATUS.get(code, "other") if code is not None else "other"
        if name in equivalent and status != "killed":
            skipped += 1
        else:
            counts[status] += 1
    return Row(
        module=module,
        mutants=len(outcomes),
        killed=counts["killed"],
        survived=counts["survived"],
        untested=counts["no tests"],
        timeout=counts["timeout"],
        other=counts["other"],
        equivalent=skipped,
    )


def stale(
    modules: Iterable[str], outcomes: Mapping[str, int | None], equivalent: Mapping[str, str]
) -> list[str]:
    """What is wrong with the equivalent list for these modules: a listed mutant mutmut no
    longer makes, or one the tests now kill."""
    prefixes = [pattern(m).removesuffix("*") for m in modules]
    problems = []
    for name in sorted(equivalent):
        if not any(name.startswith(p) for p in prefixes):
            continue
        if name not in outcomes:
            problems.append(f"{name}: listed as equivalent but no longer a mutant; remove it")
        elif outcomes[name] is not None and STATUS.get(outcomes[name]) == "killed":
            problems.append(f"{name}: listed as equivalent but now killed; remove it")
    return problems


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, with a line for all of them together."""
    head = "| module | mutants | killed | survived | untested | timeout | other | equivalent "
    lines = [head + "| kill rate |", "|---" * 9 + "|"]
    total = Row("all", *(sum(getattr(r, f) for r in rows) for f in _COUNTS))
    for r in [*rows, total] if len(rows) > 1 else rows:
        cells = [r.module, *(str(getattr(r, f)) for f in _COUNTS), f"{r.rate:.1f} %"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


_COUNTS = ("mutants", "killed", "survived", "untested", "timeout", "other", "equivalent")


def below(rows: Iterable[Row], threshold: float) -> list[str]:
    """A line for each module whose kill rate is under ``threshold`` per cent."""
    return [
        f"{r.module}: {r.rate:.1f} % killed, under {threshold:g} %"
        for r in rows
        if r.rate < threshold
    ]


def outcomes_of(module: str, root: Path = REPO) -> dict[str, int | None]:
    """mutmut's exit code per mutant of a module, from the meta file of its last run."""
    meta = root / "mutants" / f"{module}.meta"
    if not meta.exists():
        return {}
    data: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
    return data


def digest(path: str, root: Path = REPO) -> str:
    """The SHA-256 of a module's source, which says whether it is the one measured."""
    return hashlib.sha256((root / path).read_bytes()).hexdigest()


def read_measured(path: Path = MEASURED) -> dict[str, dict[str, object]]:
    """Each module's last measured row and source digest, by its path."""
    return dict(_toml_file(path).get("measured", {}))


def unmeasured(
    mutated: Iterable[str], measured: Mapping[str, Mapping[str, object]], root: Path = REPO
) -> list[str]:
    """The modules whose source is not the one last measured: changed since, or never run."""
    return [m for m in mutated if measured.get(m, {}).get("source") != digest(m, root)]


def recorded(
    measured: Mapping[str, Mapping[str, object]],
    rows: Mapping[str, Row],
    sources: Mapping[str, str],
    mutated: Sequence[str],
) -> str:
    """The text of measured.toml: ``measured`` with these modules' rows, each with the
    digest of the source ``sources`` says it was run on, for the modules still mutated."""
    entries = {m: dict(v) for m, v in measured.items() if m in mutated}
    for module, row in rows.items():
        counts = {f: getattr(row, f) for f in _COUNTS}
        entries[module] = {"source": sources[module], **counts, "rate": f"{row.rate:.1f} %"}
    lines = [
        "# Written by nox -s mutants, never by hand: each module's kill rate as last measured",
        "# and the SHA-256 of the source it was measured on. CI runs nox -s mutants -- --stale,",
        "# which measures every module whose source is no longer the one recorded here.",
        "",
        "[measured]",
    ]
    for module in sorted(entries):
        cells = ", ".join(f"{k} = {_toml(v)}" for k, v in entries[module].items())
        lines.append(f'"{module}" = {{ {cells} }}')
    return "\n".join(lines) + "\n"


def run_sources(root: Path = REPO) -> dict[str, str]:
    """The digest of each module's source when mutmut last ran on it: what its results in
    mutants/ are the results of."""
    path = root / "mutants" / SOURCES
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return data


def remember_sources(modules: Iterable[str], root: Path = REPO) -> None:
    """Keeps the digests of the sources mutmut is about to run on."""
    known = run_sources(root) | {m: digest(m, root) for m in modules}
    path = root / "mutants" / SOURCES
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")


SOURCES = "civilsamfund-sources.json"


def _toml(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def changed_since(base: str, root: Path = REPO) -> list[str]:
    """The files that differ between ``base`` and HEAD's common ancestor and HEAD."""
    diff = subprocess.run(
        ["git", "diff", "--name-only", f"{base}...HEAD"],
        cwd=root,
        check=False,
        capture_output=True,
        text=True,
    )
    if diff.returncode:
        raise SystemExit(
            f"--changed {base}: git cannot compare it with HEAD: {diff.stderr.strip()}"
        )
    return diff.stdout.split()


def main(argv: Sequence[str] | None = None) -> int:
    """Runs mutmut on the selected modules, prints the table; 1 if a module is under the
    threshold or the equivalent list is out of date, else 0."""
    parser = argparse.ArgumentParser(prog="nox -s mutants --", description=__doc__)
    parser.add_argument("modules", nargs="*", help="paths such as src/civilsamfund/x/_y.py")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--changed", metavar="BASE", help="only modules changed since BASE")
    chosen.add_argument("--stale", action="store_true", help="only modules not yet measured")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, metavar="PCT")
    parser.add_argument("--max-children", type=int, help="mutmut's parallel workers")
    parser.add_argument("--report-only", action="store_true", help="the last run's results")
    parser.add_argument("--list", action="store_true", help="print the modules; run nothing")
    args = parser.parse_args(argv)
    mutated, measured = mutated_modules(), read_measured()
    changed = changed_since(args.changed) if args.changed else None
    if args.stale:
        changed = unmeasured(mutated, measured)
    modules = select(args.modules, mutated, changed)
    if args.list:
        print("\n".join(modules), end="\n" if modules else "")
        return 0
    if not modules:
        since = "what measured.toml records" if args.stale else args.changed
        print(f"mutants: no mutated module differs from {since}; nothing to do")
        return 0
    if not args.report_only:
        remember_sources(modules)
        command = [str(Path(sys.executable).with_name("mutmut")), "run"]
        if args.max_children:
            command += ["--max-children", str(args.max_children)]
        ran = subprocess.run([*command, *map(pattern, modules)], cwd=REPO, check=False)
        generated = all((REPO / "mutants" / f"{m}.meta").exists() for m in modules)
        if ran.returncode and not (generated and not any(map(outcomes_of, modules))):
            return ran.returncode
    equivalent = read_equivalent()
    outcomes = {m: outcomes_of(m) for m in modules}
    rows = [tally(m.removeprefix("src/civilsamfund/"), outcomes[m], equivalent) for m in modules]
    mutants = [r for r in rows if r.mutants]
    print(table(mutants) if mutants else f"mutants: none in {', '.join(modules)}")
    every = {name: code for o in outcomes.values() for name, code in o.items()}
    unchecked = sum(code is None for code in every.values())
    if unchecked:
        print(f"mutants: {unchecked} mutants not checked (an interrupted run?), under other")
    problems = stale(modules, every, equivalent) + below(rows, args.threshold)
    for problem in problems:
        print(f"mutants: {problem}", file=sys.stderr)
    sources = run_sources()
    kept = {
        m: r
        for m, r in zip(modules, rows, strict=True)
        if m in sources
        and r.rate >= args.threshold
        and None not in outcomes[m].values()
        and not stale([m], every, equivalent)
    }
    written = MEASURED.with_suffix(".toml.part")
    written.write_text(recorded(measured, kept, sources, mutated), encoding="utf-8")
    written.replace(MEASURED)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
