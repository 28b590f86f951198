"""The mutation report of nox -s mutants: which modules it mutates, how it counts and when it
fails, without running mutmut."""

from __future__ import annotations

from pathlib import Path

import pytest
from mutation_report import (
    EQUIVALENT,
    MEASURED,
    REPO,
    THRESHOLD,
    Row,
    below,
    changed_since,
    digest,
    module_name,
    mutated_modules,
    pattern,
    read_equivalent,
    read_measured,
    recorded,
    remember_sources,
    run_sources,
    select,
    stale,
    table,
    tally,
    unmeasured,
)

FUNDING = "src/civilsamfund/grants/checks/_funding.py"
OUTCOMES = {
    "civilsamfund.grants.checks._funding.x_a__mutmut_1": 1,
    "civilsamfund.grants.checks._funding.x_a__mutmut_2": 0,
    "civilsamfund.grants.checks._funding.x_a__mutmut_3": 0,
    "civilsamfund.grants.checks._funding.xǁCǁm__mutmut_1": 33,
    "civilsamfund.grants.checks._funding.xǁCǁm__mutmut_2": 36,
}


def test_the_mutated_set_is_the_rules_core_the_checks_and_two_award_modules() -> None:
    """Every checks module of every domain, the rules core and the issue's award modules."""
    modules = mutated_modules()
    assert FUNDING in modules
    assert "src/civilsamfund/core/rules/_evaluator.py" in modules
    assert "src/civilsamfund/awards/_year.py" in modules
    assert "src/civilsamfund/awards/_catalogue.py" in modules
    assert "src/civilsamfund/awards/_register.py" not in modules
    domains = {p.parent.parent.name for p in (REPO / "src/civilsamfund").glob("*/checks/*.py")}
    assert {m.split("/")[2] for m in modules if "/checks/" in m} == domains


def test_named_modules_changed_modules_or_all() -> None:
    """Named modules win; else the changed files in the set; else the whole set."""
    mutated = ["a.py", "b.py", "c.py"]
    assert select(["b.py"], mutated) == ["b.py"]
    assert select([], mutated, ["c.py", "README.md"]) == ["c.py"]
    assert select([], mutated, ["README.md"]) == []
    assert select([], mutated) == mutated
    with pytest.raises(SystemExit, match=r"not in \[tool.mutmut\] only_mutate: d.py"):
        select(["d.py"], mutated)


def test_a_module_pattern_matches_its_mutants_and_not_its_package_neighbours() -> None:
    """A package's __init__ names its mutants by the package, whose pattern spares submodules."""
    assert module_name(FUNDING) == "civilsamfund.grants.checks._funding"
    init = pattern("src/civilsamfund/grants/checks/__init__.py")
    assert init == "civilsamfund.grants.checks.x*"
    assert not next(iter(OUTCOMES)).startswith(init.removesuffix("*"))


def test_the_kill_rate_leaves_out_equivalent_survivors_and_counts_timeouts() -> None:
    """Two of four judged mutants are caught (one killed, one timed out): 50 %."""
    equivalent = {"civilsamfund.grants.checks._funding.x_a__mutmut_3": "same value"}
    row = tally("grants/checks/_funding.py", OUTCOMES, equivalent)
    assert row == Row("grants/checks/_funding.py", 5, 1, 1, 1, 1, 0, 1)
    assert row.rate == 50.0
    assert below([row], 50.0) == []
    assert below([row], 90.0) == ["grants/checks/_funding.py: 50.0 % killed, under 90 %"]


def test_the_table_has_a_row_per_module_and_one_for_all() -> None:
    """The counts and rate of each module, then their sums."""
    rows = [Row("a.py", 10, 8, 2, 0, 0, 0, 0), Row("b.py", 4, 1, 1, 1, 0, 0, 1)]
    lines = table(rows).splitlines()
    assert lines[0].startswith("| module | mutants | killed | survived | untested | timeout |")
    assert lines[2] == "| a.py | 10 | 8 | 2 | 0 | 0 | 0 | 0 | 80.0 % |"
    assert lines[3] == "| b.py | 4 | 1 | 1 | 1 | 0 | 0 | 1 | 33.3 % |"
    assert lines[4] == "| all | 14 | 9 | 3 | 1 | 0 | 0 | 1 | 69.2 % |"


def test_an_equivalent_mutant_that_is_gone_or_killed_is_reported() -> None:
    """The list cannot rot: a vanished or killed entry is named; other modules' are not."""
    equivalent = {
        "civilsamfund.grants.checks._funding.x_a__mutmut_1": "killed now",
        "civilsamfund.grants.checks._funding.x_a__mutmut_2": "still survives",
        "civilsamfund.grants.checks._funding.x_a__mutmut_9": "gone",
        "civilsamfund.awards._year.x_b__mutmut_1": "not run",
    }
    assert stale([FUNDING], OUTCOMES, equivalent) == [
        "civilsamfund.grants.checks._funding.x_a__mutmut_1: listed as equivalent but now"
        " killed; remove it",
        "civilsamfund.grants.checks._funding.x_a__mutmut_9: listed as equivalent but no"
        " longer a mutant; remove it",
    ]


def test_the_kept_list_reads_and_a_reason_must_be_one_line(tmp_path: Path) -> None:
    """The kept file parses; an entry without a one-line reason is refused."""
    assert all(reason.strip() for reason in read_equivalent(EQUIVALENT).values())
    bad = tmp_path / "equivalent.toml"
    bad.write_text('[equivalent]\n"m.x_a__mutmut_1" = ""\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="one-line reason"):
        read_equivalent(bad)


def test_a_module_is_measured_again_when_its_source_changes(tmp_path: Path) -> None:
    """A run records the digest of the source it ran on; once the source changes, or for
    a module never recorded, --stale selects it again."""
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("y = 1\n", encoding="utf-8")
    remember_sources(["a.py", "b.py"], tmp_path)
    sources = run_sources(tmp_path)
    assert sources == {"a.py": digest("a.py", tmp_path), "b.py": digest("b.py", tmp_path)}
    rows = {"a.py": Row("a.py", 10, 9, 1, 0, 0, 0, 0)}
    text = recorded({"gone.py": {"source": "0"}}, rows, sources, ["a.py", "b.py"])
    path = tmp_path / "measured.toml"
    path.write_text(text, encoding="utf-8")
    measured = read_measured(path)
    assert measured == {
        "a.py": {
            "source": sources["a.py"],
            "mutants": 10,
            "killed": 9,
            "survived": 1,
            "untested": 0,
            "timeout": 0,
            "other": 0,
            "equivalent": 0,
            "rate": "90.0 %",
        }
    }
    assert unmeasured(["a.py", "b.py"], measured, tmp_path) == ["b.py"]
    (tmp_path / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert unmeasured(["a.py", "b.py"], measured, tmp_path) == ["a.py", "b.py"]


def test_every_mutated_module_is_measured_at_the_threshold() -> None:
    """The kept record names each mutated module, no other, each at the threshold or
    above: a module added to the set, or one under the bar, cannot go unnoticed."""
    measured = read_measured(MEASURED)
    assert sorted(measured) == mutated_modules()
    low = {
        m: row["rate"] for m, row in measured.items() if float(str(row["rate"])[:-2]) < THRESHOLD
    }
    assert low == {}


def test_a_broken_record_or_an_unknown_base_stops_the_run_naming_it(tmp_path: Path) -> None:
    """A kept file that is not TOML, or a base git does not know, is a one-line refusal
    naming what is wrong, not a traceback."""
    broken = tmp_path / "measured.toml"
    broken.write_text("[measured\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"measured.toml: not TOML: "):
        read_measured(broken)
    with pytest.raises(SystemExit, match=r"^--changed no-such-ref: git cannot compare it"):
        changed_since("no-such-ref")
