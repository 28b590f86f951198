"""nox -s mutants: runs mutmut on the modules [tool.mutmut] names (or those given, or those a
branch changed) and prints a kill rate per module, so that a test that only checks a status
cannot pass for one that checks what a finding says.

Usage: python tests/mutants/mutation_report.py [--changed BASE] [--threshold PCT]
       [--max-children N] [--report-only] [MODULE.py ...]

Equivalent mutants (a mutation that cannot change behaviour) are listed in equivalent.toml
beside this file, each with a one-line reason, and left out of the rate; a listed mutant that
no longer exists or is now killed fails the run, so the list is kept true."""

from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[2]
EQUIVALENT = Path(__file__).with_name("equivalent.toml")
THRESHOLD = 60.0
"""The lowest kill rate a module may have, in per cent: what every module reached when the
session was added (issue 23 aims at 90)."""

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


def read_equivalent(path: Path = EQUIVALENT) -> dict[str, str]:
    """Mutant name to the reason it cannot change behaviour; every reason a non-empty line."""
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
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


def changed_since(base: str, root: Path = REPO) -> list[str]:
    """The files that differ between ``base`` and HEAD's common ancestor and HEAD."""
    diff = subprocess.run(
        ["git", "diff", "--name-only", f"{base}...HEAD"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return diff.stdout.split()


def main(argv: Sequence[str] | None = None) -> int:
    """Runs mutmut on the selected modules, prints the table; 1 if a module is under the
    threshold or the equivalent list is out of date, else 0."""
    parser = argparse.ArgumentParser(prog="nox -s mutants --", description=__doc__)
    parser.add_argument("modules", nargs="*", help="paths such as src/civilsamfund/x/_y.py")
    parser.add_argument("--changed", metavar="BASE", help="only modules changed since BASE")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, metavar="PCT")
    parser.add_argument("--max-children", type=int, help="mutmut's parallel workers")
    parser.add_argument("--report-only", action="store_true", help="the last run's results")
    args = parser.parse_args(argv)
    changed = changed_since(args.changed) if args.changed else None
    modules = select(args.modules, mutated_modules(), changed)
    if not modules:
        print(f"mutants: no mutated module differs from {args.changed}; nothing to do")
        return 0
    if not args.report_only:
        command = [str(Path(sys.executable).with_name("mutmut")), "run"]
        if args.max_children:
            command += ["--max-children", str(args.max_children)]
        ran = subprocess.run([*command, *map(pattern, modules)], cwd=REPO, check=False)
        generated = all((REPO / "mutants" / f"{m}.meta").exists() for m in modules)
        if ran.returncode and not (generated and not any(map(outcomes_of, modules))):
            return ran.returncode
    if not any(map(outcomes_of, modules)):  # mutmut refuses a run with no mutant
        print(f"mutants: no mutants in {', '.join(modules)} (no mutable code); nothing to do")
        return 0
    equivalent = read_equivalent()
    outcomes = {m: outcomes_of(m) for m in modules}
    rows = [tally(m.removeprefix("src/civilsamfund/"), outcomes[m], equivalent) for m in modules]
    print(table([r for r in rows if r.mutants]))
    every = {name: code for o in outcomes.values() for name, code in o.items()}
    unchecked = sum(code is None for code in every.values())
    if unchecked:
        print(f"mutants: {unchecked} mutants not checked (an interrupted run?), under other")
    problems = stale(modules, every, equivalent) + below(rows, args.threshold)
    for problem in problems:
        print(f"mutants: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
