"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from helpers import EXAMPLES, MUNICIPALITIES, REPO, assess_examples_json

import civilsamfund_odense
from civilsamfund.cli import main
from civilsamfund.grants import GrantApplication


def _run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_json_output_differs_by_language(capsys, slug):
    """The same decisions in Danish and English differ in their reasons only."""
    danish, english = (
        assess_examples_json(capsys, slug, "da"),
        assess_examples_json(capsys, slug, "en"),
    )
    assert [d["outcome"] for d in danish] == [d["outcome"] for d in english]
    for da, en in zip(danish, english, strict=True):
        for finding_da, finding_en in zip(da["findings"], en["findings"], strict=True):
            assert finding_da["reason"] != finding_en["reason"]
            assert finding_da["status"] == finding_en["status"]


def test_examples_reach_all_three_outcomes(capsys):
    """Across the bundled examples, every outcome occurs."""
    outcomes = {d["outcome"] for slug in EXAMPLES for d in assess_examples_json(capsys, slug, "en")}
    assert outcomes == {"eligible", "needs_assessment", "ineligible"}


def test_every_odense_criterion_fails_or_flags_in_the_examples(capsys, odense):
    """The Odense examples exercise every configured criterion's negative side."""
    decisions = assess_examples_json(capsys, "odense", "en")
    negative = {
        f["criterion"] for d in decisions for f in d["findings"] if f["status"] in ("fail", "flag")
    }
    grant_rules = {rule.id for rule in odense.rulebook if rule.subject is GrantApplication}
    assert negative == grant_rules


def test_json_decision_has_the_documented_keys(capsys):
    """Each decision object carries the keys the JSON format documents."""
    (decision, *_) = assess_examples_json(capsys, "odense", "en")
    assert {
        "application",
        "outcome",
        "findings",
        "pool",
        "round",
        "department",
        "auditor",
        "appeal",
        "applicant",
        "amount",
        "received",
        "names",
    } <= set(decision)
    assert decision["applicant"] == "Lektiecafé Vollsmose"
    assert decision["amount"] == "80000"
    assert decision["received"] == "2025-09-15"
    assert decision["names"]["paragraf18"] == "§18 money for voluntary social work"
    finding = decision["findings"][0]
    assert {"criterion", "kind", "status", "rule", "reason", "facts", "citation"} <= set(finding)
    assert finding["rule"] == "The municipality decides whether to give §18 support at all."
    assert finding["citation"] == {
        "document": "odense-strategi-frivilligt-socialt-arbejde-2009.txt",
        "section": "Overordnede tildelingskriterier",
    }
    assert decision["names"][finding["citation"]["document"]] == (
        "Strategi for det frivillige sociale arbejde (revideret juni 2009)"
    )


def test_text_output_reads_like_a_decision_letter(capsys):
    """The text format states outcome, reasons with sources, and the appeal statement."""
    code, out, _ = _run(
        capsys,
        "assess",
        "-m",
        str(MUNICIPALITIES / "odense"),
        str(EXAMPLES["odense"]),
        "--lang",
        "en",
    )
    assert code == 0
    assert "Outcome: the application cannot be supported." in out
    assert 'section "Overordnede tildelingskriterier"' in out
    assert "cannot be appealed to another administrative authority" in out


def test_on_chooses_the_rules_date(capsys):
    """--on assesses by the rules in force on that date and records it."""
    decisions = json.loads(
        _run(
            capsys,
            "assess",
            "-m",
            str(MUNICIPALITIES / "odense"),
            str(EXAMPLES["odense"]),
            "--format",
            "json",
            "--on",
            "2024-06-01",
        )[1]
    )
    assert {d["audit"]["rules_date"] for d in decisions} == {"2024-06-01"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "-m", "atlantis", "x.toml"], "no municipality 'atlantis'"),
        (["assess", "-m", "odense", "missing.toml"], "missing.toml: no such file"),
    ],
)
def test_bad_input_exits_2_without_traceback(capsys, monkeypatch, args, message):
    """Bad arguments give one clear message and exit code 2."""
    monkeypatch.chdir(REPO)
    code, _, err = _run(capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_a_bad_date_is_a_usage_error(capsys):
    """An --on that is not a date is refused by the argument parser with exit code 2."""
    with pytest.raises(SystemExit) as caught:
        main(["assess", "-m", "odense", "x.toml", "--on", "31/10/2025"])
    assert caught.value.code == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_municipalities_lists_the_repository_configuration(capsys, monkeypatch):
    """Run in the repository, both reference municipalities are listed."""
    monkeypatch.chdir(REPO)
    code, out, _ = _run(capsys, "municipalities")
    assert code == 0
    assert "odense\tOdense Kommune" in out
    assert "faaborg-midtfyn\tFaaborg-Midtfyn Kommune" in out


def test_plugins_lists_odense_with_its_hooks():
    """The installed Odense plugin is listed with its version and hooks."""
    result = subprocess.run(
        [sys.executable, "-m", "civilsamfund", "plugins"],
        capture_output=True,
        text=True,
        check=True,
    )
    version = civilsamfund_odense.__version__
    assert f"odense {version}: civilsamfund_criterion_types, civilsamfund_municipality_dirs" in (
        result.stdout
    )


def test_installed_plugin_makes_odense_loadable_anywhere(tmp_path):
    """With the plugin installed, `odense` loads by slug outside the repository."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "civilsamfund",
            "assess",
            "-m",
            "odense",
            str(EXAMPLES["odense"]),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 6


def test_jobs_must_be_a_positive_number(capsys):
    """--jobs takes a whole number of 1 or more."""
    with pytest.raises(SystemExit) as caught:
        main(["assess", "-m", "odense", "x.toml", "--jobs", "0"])
    assert caught.value.code == 2
    assert "expected a whole number of 1 or more" in capsys.readouterr().err


def test_jobs_give_the_same_text(capsys):
    """Text output is the same whether one or two processes write it."""
    args = ["assess", "-m", str(MUNICIPALITIES / "odense"), str(EXAMPLES["odense"])]
    one = _run(capsys, *args, "--jobs", "1")[1]
    two = _run(capsys, *args, "--jobs", "2")[1]
    assert one == two
    assert one.count("Afgørelse for ansøgning") == 6


def test_output_piped_into_a_reader_that_stops_ends_quietly(tmp_path):
    """`civilsamfund assess ... | head` ends with no traceback when head stops reading."""
    import subprocess
    import sys

    from helpers import ELIGIBLE

    from civilsamfund import to_json

    many = tmp_path / "many.json"
    one = json.loads(to_json(ELIGIBLE))
    many.write_text(json.dumps([{**one, "id": f"a{n}"} for n in range(3000)]), encoding="utf-8")
    command = [sys.executable, "-m", "civilsamfund", "assess", "-m", "odense", str(many)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        assert process.wait(timeout=120) == 141
        assert process.stderr.read() == b""
