"""Speed and memory of civilsamfund, against a plain function and as a user runs it.

Run with ``nox -s bench`` (or ``python benchmarks/bench.py [N] [STREAM_N]``). Every
target is a ratio measured in the same run, since this machine's speed drifts:

1. assessment throughput of the library (full findings, decisions kept) and of a
   hand-written function doing the same checks with no explanations (target: the
   library at least 1/3 of the plain function), and peak memory;
2. the whole pipeline in one process, ``civilsamfund assess --format json`` on N
   applications in one JSON file, at N/4, N/2 and N to show linear growth, against
   the floor computed here: ``json.loads`` of the input, the rules by hand, the
   fastest encoder installed (orjson if present) over equivalent decision dicts, and
   writing bytes (target: at most 2.5 times the floor);
3. ``--format jsonl`` in and out on STREAM_N and on 10,000 applications (target: peak
   RSS at STREAM_N within 1.5 times that at 10,000);
4. one assessment in a warm process, median (target: 10 µs), and a JSON request in to
   decision JSON out, median (target: half of today's path: the converter's hooks
   reading, the interpreted evaluator judging), measured first;
5. ``import civilsamfund`` against ``import attrs, cattrs, pluggy`` (target: at most
   1.3 times);
6. bounded work (``python benchmarks/bench.py bounds`` runs this alone): the worst
   inputs known, as files a command reads (an application with a million wrong budget
   lines, a nomination with two million wrong target groups, each at the default limits
   and with the limit that refuses them raised; 100,000 wrong applications; a document
   of ten million decimals; a configuration of 250,000 criteria, and one of 5,000); the
   peak memory beyond the interpreter's own per byte of input (target for a document:
   at most 32, as docs/batches.md states).

Figures only: nothing here fails a build.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from unittest import mock

import civilsamfund as cs
from civilsamfund import grants
from civilsamfund.reading import _converter

REPO = Path(__file__).resolve().parents[1]
ODENSE = REPO / "municipalities" / "odense"
CATEGORIES = [
    "children_youth",
    "older_vulnerable",
    "substance_users",
    "ill_disabled",
    "excluded",
    "ethnic_minorities",
    "in_crisis",
    "other",
]
KINDS = ["voluntary_social"] * 8 + ["network", "adult_education"]
BUDGET_CATEGORIES = ["activities", "premises", "coordinating_staff", "other_staff", "transport"]


def synthetic(count: int, seed: int = 2025) -> list[dict[str, object]]:
    """``count`` varied Odense applications as JSON data, reproducible from ``seed``."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    applications = []
    for index in range(count):
        low = rng.choice([0, 6, 13, 18, 25, 50, 60, 65, 75])
        high = rng.choice([None, low + 10, low + 30])
        person = rng.random() < 0.03
        applicant = (
            {"type": "person"}
            if person
            else {
                "type": "association",
                "name": f"Forening {index}",
                "kind": rng.choice(KINDS),
                "founded": (start - timedelta(days=rng.randrange(0, 8000))).isoformat(),
                "equity": str(rng.randrange(0, 500_000)),
                "annual_running_costs": str(rng.randrange(10_000, 300_000)),
            }
        )
        applications.append(
            {
                "id": f"bench-{index}",
                "pool": "paragraf18",
                "reserve": "development" if rng.random() < 0.1 else None,
                "amount": f"{rng.randrange(1_000, 200_000)}.{rng.randrange(100):02d}",
                "received": (start + timedelta(days=rng.randrange(0, 730))).isoformat(),
                "standing_grant_renewal": rng.random() < 0.1,
                "applicant": applicant,
                "other_funding": [{"name": "Fond"}] if rng.random() < 0.7 else [],
                "budget": [
                    {
                        "description": "post",
                        "category": rng.choice(BUDGET_CATEGORIES),
                        "amount": str(rng.randrange(1_000, 50_000)),
                    }
                    for _ in range(rng.randrange(1, 4))
                ],
                "activity": {
                    "purpose": "Aktivitet",
                    "target_groups": [
                        {
                            "category": rng.choice(CATEGORIES),
                            "min_age": low,
                            "max_age": high,
                            "relatives": rng.random() < 0.05,
                        }
                    ],
                    "volunteer_share": f"0.{rng.randrange(10, 100):02d}",
                    "social_aim": rng.random() < 0.95,
                    "local_share": f"0.{rng.randrange(10, 100):02d}",
                    "focus_areas": rng.choice(
                        [["young_people"], ["prevention"], [], ["integration"]]
                    ),
                },
            }
        )
    return applications


def plain_outcome(app: grants.GrantApplication) -> str:
    """The same Odense checks by hand: the outcome only, no findings, no reasons."""
    allowed = set(CATEGORIES[:-1])
    activity = app.activity
    applicant = app.applicant
    flag = False
    if isinstance(applicant, grants.PrivatePerson):
        return "ineligible"
    if applicant.kind is not grants.AssociationKind.VOLUNTARY_SOCIAL:
        flag = True
    if not app.other_funding:
        flag = True
    equity, costs = applicant.equity, applicant.annual_running_costs
    if equity is None or costs is None or equity > 2 * costs:
        flag = True
    if applicant.founded is None:
        flag = True
    if app.budget is None or any(
        line.category is grants.BudgetCategory.OTHER_STAFF for line in app.budget
    ):
        flag = True
    share, purpose = activity.volunteer_share, activity.purpose
    if share is None or not purpose:
        flag = True
    elif share <= Decimal("0.5"):
        return "ineligible"
    if activity.social_aim is None:
        flag = True
    elif not activity.social_aim:
        return "ineligible"
    if activity.local_share is None:
        flag = True
    elif activity.local_share <= Decimal("0.5"):
        return "ineligible"
    groups = activity.target_groups
    if not groups:
        flag = True
    else:
        if any(group.category not in allowed for group in groups):
            return "ineligible"
        if any(group.relatives for group in groups):
            flag = True
        if any(group.min_age is None and group.max_age is None for group in groups) or not (
            all((g.min_age or 0) >= 60 for g in groups)
            or all(g.max_age is not None and g.max_age <= 59 for g in groups)
        ):
            flag = True
    if activity.focus_areas is None:
        flag = True
    if app.standing_grant_renewal and app.reserve is not None:
        flag = True
    return "needs_assessment" if flag else "eligible"


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s ({seconds:.2f} s)"


def assessor(compiled: bool) -> grants.Assessor:
    """An Odense assessor judging through compiled rule sets, or through the
    interpreted evaluator kept as the reference."""
    municipality = cs.load_municipality_dir(ODENSE, cs.Plugins())
    default = cs.Evaluator.COMPILED
    cs.Evaluator.COMPILED = compiled
    try:
        return grants.Assessor(municipality)
    finally:
        cs.Evaluator.COMPILED = default


def compare(count: int) -> None:
    """Library against the plain function on the same application objects: the compiled
    core and the interpreted reference, decisions kept, then every finding read."""
    applications = grants.applications_from_data(synthetic(count))
    started = time.perf_counter()
    plain = [plain_outcome(app) for app in applications]
    plain_seconds = time.perf_counter() - started
    seconds: dict[tuple[bool, bool], float] = {}
    kept: dict[bool, list[grants.Decision]] = {}
    for compiled in (True, False):
        odense = assessor(compiled)
        for app in applications[:2_000]:  # rule sets compiled, memos warm
            odense.assess(app)
        started = time.perf_counter()
        decisions = kept[compiled] = [odense.assess(app) for app in applications]
        seconds[compiled, False] = time.perf_counter() - started
        started = time.perf_counter()
        for decision in decisions:
            tuple(decision.findings)
        seconds[compiled, True] = seconds[compiled, False] + time.perf_counter() - started
    mismatches = sum(d.outcome.value != p for d, p in zip(kept[True], plain, strict=True)) + sum(
        a != b for a, b in zip(kept[True], kept[False], strict=True)
    )
    findings = sum(len(d.findings) for d in kept[True])
    print(f"assess {count:,} applications ({findings:,} findings), decisions kept")
    print(f"  plain function: {_rate(count, plain_seconds)}")
    for compiled, name in ((True, "compiled core"), (False, "interpreted reference")):
        print(
            f"  {name}: {_rate(count, seconds[compiled, False])}, ratio to plain "
            f"{plain_seconds / seconds[compiled, False]:.2f}; every finding read "
            f"{_rate(count, seconds[compiled, True])}, ratio "
            f"{plain_seconds / seconds[compiled, True]:.3f}"
        )
    print(
        f"  compiled core / plain: {plain_seconds / seconds[True, False]:.2f} (target >= 0.33); "
        f"every finding read, compiled / reference throughput: "
        f"{seconds[False, True] / seconds[True, True]:.2f} (target >= 2)"
    )
    print(
        f"  decisions differing from the reference or outcomes from the plain function: "
        f"{mismatches}"
    )
    tracemalloc.start()
    sample = applications[: count // 10]
    fresh = assessor(True)
    _ = [fresh.assess(app) for app in sample]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory of assessing {len(sample):,} (tracemalloc): {peak / 2**20:.1f} MiB")


def pipeline(count: int, directory: Path, jobs: int | None) -> tuple[float, float]:
    """Wall-clock seconds and peak MiB of ``civilsamfund assess --format json``.

    Run as a user runs it: a fresh process reading one JSON file and writing its
    decisions to a file, timed from start to exit (interpreter start-up included).
    ``jobs`` is passed as ``--jobs``; ``None`` leaves the default (one job per 25,000
    applications, up to the cores). Peak memory is the largest resident size of the
    command or any worker it forked, as ``wait4`` reports it.
    """
    source = source_file(count, directory)
    target = directory / f"decisions-{count}.json"
    command = [sys.executable, "-m", "civilsamfund", "assess", "-m", str(ODENSE), str(source)]
    command += ["--format", "json", *([] if jobs is None else ["--jobs", str(jobs)])]
    seconds, mib = _rss_of(command, stdout=target)
    decisions = json.loads(target.read_text(encoding="utf-8"))
    assert len(decisions) == count
    return seconds, mib


def source_file(count: int, directory: Path) -> Path:
    """A JSON file of ``count`` synthetic applications in ``directory``, made once."""
    source = directory / f"applications-{count}.json"
    if not source.exists():
        source.write_text(json.dumps({"applications": synthetic(count)}), encoding="utf-8")
    return source


def import_time(statement: str, repeat: int = 15) -> float:
    """Best-of-``repeat`` seconds for ``statement`` in a fresh interpreter."""
    script = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return min(
        float(
            subprocess.run(
                [sys.executable, "-c", script], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    )


def floor(source: Path, target: Path) -> float:
    """Seconds for the least any pipeline must do: parse the input, apply the rules by
    hand, encode decision dicts as large as the library's with the fastest encoder
    installed, and write the bytes."""
    try:
        import orjson

        encode = orjson.dumps
    except ImportError:  # pragma: no cover - the bench session installs orjson
        encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    odense = cs.load_municipality_dir(ODENSE, cs.Plugins())
    data = json.loads(source.read_bytes())["applications"]
    applications = grants.applications_from_data(data)  # the rules by hand read these
    template = grants.decision_document(grants.assess(odense, applications[0]), "da")
    started = time.perf_counter()
    items = json.loads(source.read_bytes())["applications"]
    with open(target, "wb") as out:
        out.write(b"[\n")
        for index, (item, application) in enumerate(zip(items, applications, strict=False)):
            decision = {
                **template,
                "application": item["id"],
                "outcome": plain_outcome(application),
            }
            encoded = encode(decision)
            out.write(
                (b",\n" if index else b"")
                + (encoded if isinstance(encoded, bytes) else encoded.encode())
            )
        out.write(b"\n]\n")
    return time.perf_counter() - started


def _rss_of(
    command: list[str], stdin: Path | None = None, stdout: Path | None = None, expect: int = 0
) -> tuple[float, float]:
    """Seconds from start to exit and peak RSS (MiB) of ``command``, the largest of the
    command or any worker it forked as ``wait4`` reports it. Run from a small timer
    process: a child's peak size starts from its parent's, so the command must not be
    forked from this (large) benchmark process itself."""
    timer = (
        "import os, subprocess, sys, time\n"
        "source = open(sys.argv[1], 'rb') if sys.argv[1] != '-' else None\n"
        "out = open(sys.argv[2], 'wb') if sys.argv[2] != '-' else subprocess.DEVNULL\n"
        "started = time.perf_counter()\n"
        "process = subprocess.Popen(sys.argv[3:], stdin=source, stdout=out)\n"
        "_, status, usage = os.wait4(process.pid, 0)\n"
        "print(time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", timer, str(stdin or "-"), str(stdout or "-"), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, max_rss_kib, code = result.stdout.split()
    if int(code) != expect:
        raise RuntimeError(f"{' '.join(command)} exited {code}")
    return float(seconds), int(max_rss_kib) / 1024


def stream(count: int, directory: Path) -> tuple[float, float]:
    """Seconds and peak RSS of ``assess`` reading and writing JSON Lines."""
    source = directory / f"applications-{count}.jsonl"
    if not source.exists():
        with open(source, "w", encoding="utf-8") as out:
            for start in range(0, count, 10_000):
                for item in synthetic(min(10_000, count - start), seed=start):
                    item["id"] = f"s-{start}-{item['id']}"
                    out.write(json.dumps(item) + "\n")
    command = [sys.executable, "-m", "civilsamfund", "assess", "-m", str(ODENSE), "-"]
    return _rss_of([*command, "--format", "jsonl", "--compact"], stdin=source)


def warm() -> dict[bool, tuple[float, float]]:
    """Medians, in µs, of one assessment and of JSON in to decision JSON out: through
    the compiled core and the structure hooks written per model (``True``), and through
    today's path kept as the reference (``False``): the interpreted evaluator, and the
    converter's hooks alone reading the JSON."""
    items = synthetic(2_000, seed=7)
    texts = [json.dumps([item]) for item in items]
    found = {}
    for compiled in (True, False):
        with _reader(written=compiled):
            applications = grants.applications_from_data(items)
            odense = assessor(compiled)
            for application in applications:  # warm: rules built, findings seen
                odense.assess(application)
            one = []
            for application in applications:
                started = time.perf_counter()
                odense.assess(application)
                one.append(time.perf_counter() - started)
            writer = grants.JsonWriter("da")
            round_trip = []
            for text in texts:
                started = time.perf_counter()
                (application,) = grants.applications_from_json(text)
                writer.encode_bytes(odense.assess(application))
                round_trip.append(time.perf_counter() - started)
        found[compiled] = (statistics.median(one) * 1e6, statistics.median(round_trip) * 1e6)
    return found


@contextmanager
def _reader(written: bool) -> Iterator[None]:
    """Reading through the hooks written per model, or through the converter's alone."""
    if written:
        yield
        return
    with mock.patch.object(_converter, "written_hook", return_value=None):
        yield


def _bad_application(lines: int) -> dict[str, object]:
    """One Odense application whose ``lines`` budget lines each name no category."""
    (application,) = synthetic(1)
    application["budget"] = [{"description": "x", "category": "bogus", "amount": "1"}] * lines
    return {"applications": [application]}


def _bad_nomination(groups: int, unknown: bool) -> dict[str, object]:
    """One Odense nomination naming ``groups`` target groups, each an unknown id
    (``unknown``) or a number."""
    source = ODENSE / "examples" / "nominations" / "nominations.json"
    nomination = next(
        n for n in json.loads(source.read_text("utf-8"))["nominations"] if n.get("target_groups")
    )
    nomination["target_groups"] = ["bogus" if unknown else 1] * groups
    return {"nominations": [nomination]}


def _many_criteria(directory: Path, count: int) -> Path:
    """Odense's configuration with ``count`` criteria in all."""
    import shutil

    target = directory / f"criteria-{count}"
    if target.exists():
        return target
    shutil.copytree(ODENSE, target)
    criteria = target / "criteria.toml"
    text = criteria.read_text(encoding="utf-8")
    document = "odense-strategi-frivilligt-socialt-arbejde-2009.txt"
    extra = "".join(
        f'\n[[criteria]]\nid = "X-{index}"\ntype = "municipal_discretion"\n'
        f'kind = "discretionary"\nvalid_from = 2009-06-01\ncitation = {{ document = '
        f'"{document}", section = "Overordnede tildelingskriterier" }}\n'
        f'rule = {{ da = "x", en = "x" }}\n'
        for index in range(count - text.count("[[criteria]]"))
    )
    criteria.write_text(text + extra, encoding="utf-8")
    return target


def bounds(directory: Path) -> None:
    """Time, peak RSS and peak RSS beyond the interpreter's own per byte of input, for
    the worst inputs known, as the command line reads them."""
    cli = [sys.executable, "-m", "civilsamfund"]
    odense = ["-m", str(ODENSE)]
    tiny = directory / "tiny.json"
    tiny.write_text(json.dumps({"applications": synthetic(1)}), encoding="utf-8")
    _, base = _rss_of([*cli, "assess", *odense, str(tiny), "--format", "json"])
    print(f"bounded work (peak RSS of assessing one application: {base:.1f} MiB)")
    raised = ["--max-entries", "10000000"]
    cases: list[tuple[str, object, list[str], list[list[str]]]] = [
        (
            "application, 100,000 wrong budget lines",
            _bad_application(100_000),
            ["assess"],
            [[], raised],
        ),
        (
            "application, 1,000,000 wrong budget lines",
            _bad_application(1_000_000),
            ["assess"],
            [[], raised],
        ),
        (
            "nomination, 2,000,000 target groups, numbers",
            _bad_nomination(2_000_000, False),
            ["awards", "check"],
            [[], raised],
        ),
        (
            "nomination, 2,000,000 target groups, unknown ids",
            _bad_nomination(2_000_000, True),
            ["awards", "check"],
            [[], raised],
        ),
        (
            "100,000 applications, each missing its fields",
            {"applications": [{"id": f"a{index}", "x": 1} for index in range(100_000)]},
            ["assess"],
            [[]],
        ),
    ]
    for label, data, command, variants in cases:
        path = directory / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        _print_bound(
            label, path, [[*cli, *command, *odense, str(path), *v] for v in variants], base
        )
    decimals = directory / "decimals.json"
    decimals.write_text("[" + ",".join(["0.0"] * 9_999_999) + "]", encoding="utf-8")
    _print_bound(
        "document of 10,000,000 decimals (the most values the default allows; parsed, then"
        " refused for its items)",
        decimals,
        [[*cli, "assess", *odense, str(decimals)]],
        base,
    )
    for count in (250_000, 5_000):
        target = _many_criteria(directory, count)
        _print_bound(
            f"configuration of {count:,} criteria",
            target / "criteria.toml",
            [[*cli, "check-config", str(target)]],
            base,
            expect=None,
        )


def _print_bound(
    label: str, path: Path, commands: list[list[str]], base: float, expect: int | None = 2
) -> None:
    size = path.stat().st_size / 2**20
    print(f"  {label} ({size:.1f} MiB):")
    target = " (target <= 32)" if expect is not None else ""
    for command in commands:
        limits = " ".join(part for part in command if part.startswith("--max")) or "defaults"
        seconds, mib = _rss_of_any(command, expect)
        print(
            f"    {limits:>28}: {seconds:6.2f} s, peak RSS {mib:7.1f} MiB, beyond the "
            f"interpreter's {(mib - base) / size:5.1f} per byte{target}"
        )


def _rss_of_any(command: list[str], expect: int | None) -> tuple[float, float]:
    """:func:`_rss_of` for a command that refuses its input (exit 2) or, with ``expect``
    ``None``, either refuses it or reports on it (``check-config``: 0 or 1)."""
    for code in (expect,) if expect is not None else (0, 1):
        try:
            return _rss_of(command, expect=code)
        except RuntimeError:
            if expect is not None:
                raise
    raise RuntimeError(f"{' '.join(command)} failed")


def main() -> None:
    if sys.argv[1:] == ["bounds"]:
        with tempfile.TemporaryDirectory() as directory:
            bounds(Path(directory))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    stream_count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    medians = warm()  # first, while the process is as small as a service's
    (single, round_trip), (reference, reference_trip) = medians[True], medians[False]
    print(
        f"warm process: one assessment median {single:.1f} µs (target <= 10; reference "
        f"{reference:.1f}); JSON in to decision JSON out median {round_trip:.1f} µs, "
        f"reference {reference_trip:.1f}: ratio {round_trip / reference_trip:.2f} (target <= 0.5)"
    )
    compare(count)
    print("pipeline: JSON file -> assess -> JSON decisions, against the floor")
    with tempfile.TemporaryDirectory() as directory:
        floors = []
        runs: dict[int | None, float] = {}
        for size, jobs in ((count // 4, 1), (count // 2, 1), (count, 1), (count, 2)):
            if size == count and jobs == 1:  # the floor just before and just after, to
                # share the machine's speed of the moment with the pipeline it measures
                floors.append(
                    floor(source_file(count, Path(directory)), Path(directory) / "floor.json")
                )
            seconds, mib = pipeline(size, Path(directory), jobs)
            label = f"--jobs {jobs}"
            if size == count:
                runs[jobs] = seconds
            print(
                f"  {size:>9,} applications, {label:>12}: {seconds:6.2f} s, peak RSS "
                f"{mib:7.1f} MiB, {seconds / size * 1e6:5.1f} µs and "
                f"{mib * 1024 / size:5.2f} KiB each"
            )
            if size == count and jobs == 1:
                one_process = seconds
                floors.append(
                    floor(source_file(count, Path(directory)), Path(directory) / "floor.json")
                )
        least = statistics.mean(floors)
        print(
            f"  floor for {count:,} (parse, rules by hand, fast encoder, write), before and "
            f"after: {floors[0]:.2f} and {floors[1]:.2f} s; pipeline in one process / their "
            f"mean: {one_process / least:.1f} (target <= 2.5); --jobs 2 / --jobs 1: "
            f"{runs[2] / runs[1]:.2f} (target <= 0.65)"
        )
        small, _ = 10_000, None
        _, small_rss = stream(small, Path(directory))
        seconds, large_rss = stream(stream_count, Path(directory))
        print(
            f"  JSON Lines in and out: peak RSS {small_rss:.1f} MiB at {small:,}, "
            f"{large_rss:.1f} MiB at {stream_count:,} ({seconds:.1f} s); ratio "
            f"{large_rss / small_rss:.2f} (target <= 1.5)"
        )
    base = import_time("import attrs, cattrs, pluggy")
    ours = import_time("import civilsamfund")
    print(
        f"import: civilsamfund {ours * 1000:.1f} ms, attrs+cattrs+pluggy {base * 1000:.1f} ms, "
        f"ratio {ours / base:.2f} (target <= 1.3)"
    )
    with tempfile.TemporaryDirectory() as directory:
        bounds(Path(directory))


if __name__ == "__main__":
    main()
