"""Every input gets a clear answer: what an outsider threw at `civilsamfund assess`, each
ending in one of the library's errors with its exit code, never a traceback."""

from __future__ import annotations

import json
import os
import sys

import pytest
from helpers import EXAMPLES, copy_municipality, load_problems
from test_shown import CPR_SPELLINGS

import civilsamfund as cs
from civilsamfund.cli import main
from civilsamfund.grants import applications_from_json

BASE = json.loads(EXAMPLES["faaborg-midtfyn"].read_text(encoding="utf-8"))["applications"][0]
PYTHON_WORDING = ("Traceback", "object has no attribute", "<class", "NoneType", "Error:")


def _document(**changes):
    application = json.loads(json.dumps(BASE))
    application.update(changes)
    return json.dumps({"applications": [application]}, ensure_ascii=False)


def _assess(capsys, path, *options):
    code = main(["assess", "-m", "faaborg-midtfyn", str(path), "--format", "json", *options])
    out, err = capsys.readouterr()
    for wording in PYTHON_WORDING:
        assert wording not in err
    return code, out, err


TOO_DEEP = "[0]" * 16 + ": expected data nested at most 16 levels deep"
"""What a list nested beyond the default limit gets, however deep and on every Python."""

HOSTILE = {
    "a lone surrogate": (
        _document(id="LONE").replace("LONE", "a\\udfffb"),
        "applications[0].id: expected text in valid Unicode",
    ),
    "bytes that are not UTF-8": (_document(id="a\udfffb"), "expected UTF-8 text, byte"),
    "JSON nested 1,000 deep": ("[" * 1000 + "]" * 1000, TOO_DEEP),
    "JSON nested 20,000 deep": ("[" * 20_000 + "]" * 20_000, TOO_DEEP),
    "JSON nested 20 deep": ("[" * 20 + "]" * 20, "expected data nested at most 16 levels"),
    "an integer of 5,000 digits": (
        _document().replace('"45000"', "9" * 5000),
        "a number has more than 4,300 digits",
    ),
    "a repeated key": (
        _document().replace('"amount": "45000"', '"amount": "999999999", "amount": "80000"'),
        "applications[0]: expected each key once, got 'amount' more than once",
    ),
    "NaN": (_document().replace('"45000"', "NaN"), "NaN is not a number JSON allows"),
    "a compact date": (_document(received="20250410"), "received: expected a date as YYYY-MM-DD"),
    "a week date": (_document(received="2025-W38-1"), "received: expected a date as YYYY-MM-DD"),
    "an amount in exponent notation": (_document(amount="1e5"), "amount: expected an amount"),
    "a negative zero amount": (_document(amount="-0"), "amount: expected an amount"),
    "a CVR in Arabic-Indic digits": (
        _document(applicant={**BASE["applicant"], "cvr": "١٠٠٠٠٠٦٨"}),
        "applicant.cvr: expected a valid 8-digit CVR number",
    ),
    "a pool not in force": (
        _document(received="1990-01-01"),
        "applications[0].pool: 'paragraf18' is not in force on 1990-01-01",
    ),
    "an unknown reserve": (_document(reserve="nope"), "applications[0].reserve: expected one of"),
    "a list of texts": ('["a", "b"]', "[0]: expected a table, got 'a'"),
    "null facts": (_document(facts=None), "applications[0].facts: expected a table, got null"),
    "a date after the last deadline": (
        _document(received="9999-12-30"),
        None,
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_documents_get_a_clear_answer(capsys, tmp_path, name):
    text, expected = HOSTILE[name]
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    code, out, err = _assess(capsys, path)
    if expected is None:  # accepted: a whole result, or a clear refusal
        assert (code == 0 and json.loads(out)) or (code == 2 and not out)
        return
    assert code == 2
    assert out == ""
    assert expected in err
    assert str(path) in err


def _nested(levels):
    """An application whose facts hold a list ``levels`` deep, brackets in its texts."""
    deep = "[" * (levels - 1) + '{"a]": "[{"}' + "]" * (levels - 1)
    return _document(facts={"x": "DEEP"}).replace('"DEEP"', deep)


@pytest.mark.parametrize("levels", [20, 1000, 20_000])
def test_a_document_too_deep_is_refused_alike_however_deep(levels):
    """Nesting past the limit gets the same message, naming the same path, whether
    Python's reader can read the document (its own limit differs by version) or not."""
    with pytest.raises(cs.ApplicationError) as raised:
        applications_from_json(_nested(levels), "deep.json")
    path = "deep.json: applications[0].facts.x" + "[0]" * 12
    assert f"{path}: expected data nested at most 16 levels deep" in str(raised.value)


@pytest.mark.parametrize("levels", [20, 20_000])
def test_a_json_lines_line_too_deep_is_refused_alike(capsys, tmp_path, levels):
    """A line of a JSON Lines file nested past the limit is refused naming its path."""
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * levels + "]" * levels + "\n", encoding="utf-8")
    code, _, err = _assess(capsys, path)
    assert code == 2
    assert f"deep.jsonl: [0]{'[0]' * 16}: expected data nested at most 16 levels deep" in err


def test_json_deeper_than_any_reader_under_a_raised_limit_is_a_clear_error():
    """With the limit raised past what Python's reader can read, a document deeper than
    both is refused as too deep to read, on every version."""
    text = "[" * 50_000 + "]" * 50_000
    with pytest.raises(cs.ApplicationError, match="not readable: nested too deeply"):
        applications_from_json(text, "deep.json", cs.Limits(max_depth=30_000))


@pytest.mark.parametrize("levels", [20, 450, 1000])
def test_toml_nested_too_deep_is_refused_alike_however_deep(capsys, tmp_path, levels):
    """A TOML document nested past the limit gets the same answer whether Python's reader
    can read it or not (tomli on 3.10 gives up at about 400 levels, tomllib at 500)."""
    path = tmp_path / "deep.toml"
    text = 'applications = [{ id = "a]#", facts = { x = ' + "[" * levels + "]" * levels + " } }]"
    path.write_text(text, encoding="utf-8")
    code, _, err = _assess(capsys, path)
    assert code == 2
    where = "deep.toml: applications[0].facts.x" + "[0]" * 12
    assert f"{where}: expected data nested at most 16 levels deep" in err


def test_configuration_nested_too_deep_is_refused_alike_however_deep(tmp_path):
    """A configuration file nested 1,000 deep is refused naming where it passes the limit,
    as one nested 20 deep is."""
    answers = []
    for levels in (20, 1000):
        directory = copy_municipality(tmp_path, name=f"deep-{levels}")
        table = "[unknown]\nx = " + "[" * levels + "]" * levels + "\n"
        (directory / "volunteers.toml").write_text(table, encoding="utf-8")
        answers.append(load_problems(directory)[0].replace(f"deep-{levels}", "deep"))
    assert answers[0] == answers[1]
    assert answers[0].endswith(
        "volunteers.toml: unknown.x" + "[0]" * 14 + ": expected data nested at most 16 levels deep"
    )


def test_json_numbers_are_written_as_documented(capsys, tmp_path):
    """An amount given as a JSON number in exponent notation is written in plain digits."""
    path = tmp_path / "numbers.json"
    path.write_text(_document().replace('"45000"', "4.5e4"), encoding="utf-8")
    code, out, _ = _assess(capsys, path)
    assert code == 0
    assert json.loads(out)[0]["amount"] == "45000"


@pytest.mark.parametrize("spelling", CPR_SPELLINGS)
@pytest.mark.parametrize("field", ["id", "name", "purpose", "facts"])
def test_a_cpr_number_is_refused_in_every_field_and_never_echoed(capsys, tmp_path, field, spelling):
    changes = {
        "id": {"id": spelling},
        "name": {"applicant": {**BASE["applicant"], "name": f"Hans {spelling}"}},
        "purpose": {"activity": {**BASE["activity"], "purpose": f"Til {spelling}"}},
        "facts": {"facts": {spelling: True}},
    }[field]
    path = tmp_path / "cpr.json"
    path.write_text(_document(**changes), encoding="utf-8")
    code, out, err = _assess(capsys, path)
    assert code == 2
    assert out == ""
    assert "looks like a CPR number" in err
    digits = "".join(c for c in spelling if c.isdigit())
    assert digits not in "".join(c for c in err if c.isdigit())
    assert spelling not in err


def test_a_long_value_is_cut_in_the_error(capsys, tmp_path):
    path = tmp_path / "long.json"
    path.write_text(_document(pool="p" * 9_000), encoding="utf-8")
    code, _, err = _assess(capsys, path)
    assert code == 2
    assert "9,000 characters" in err
    assert len(err) < 500


def test_a_million_nulls_are_refused_at_once(capsys, tmp_path):
    path = tmp_path / "nulls.json"
    path.write_text("[" + ",".join(["null"] * 1_000_000) + "]", encoding="utf-8")
    code, _, err = _assess(capsys, path)
    assert code == 2
    assert "expected at most 100,000 items, got 1,000,000" in err
    assert len(err) < 500


def test_problems_beyond_the_limit_are_counted(capsys, tmp_path):
    path = tmp_path / "nulls.json"
    path.write_text("[" + ",".join(["null"] * 150) + "]", encoding="utf-8")
    code, _, err = _assess(capsys, path, "--max-problems", "10")
    assert code == 2
    assert err.count("expected a table, got null") == 10
    assert err.rstrip().endswith("… and 140 more problems")


def test_limits_can_be_raised(capsys, tmp_path):
    path = tmp_path / "long.json"
    path.write_text(_document(id="x" * 20_000), encoding="utf-8")
    assert _assess(capsys, path)[0] == 2
    assert _assess(capsys, path, "--max-string", "30000")[0] == 0


def test_a_file_over_the_size_limit_is_refused(capsys, tmp_path):
    path = tmp_path / "big.json"
    path.write_text(_document(), encoding="utf-8")
    code, _, err = _assess(capsys, path, "--max-file-size", "100")
    assert code == 2
    assert "expected at most 100 bytes" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="devices and FIFOs")
@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "directory"])
def test_only_regular_files_are_read(capsys, tmp_path, kind):
    path = tmp_path / "trap.json"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    code, _, err = _assess(capsys, path)
    assert code == 2
    assert "expected a regular file" in err


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_an_unreadable_file_is_a_clear_error(capsys, tmp_path):
    path = tmp_path / "secret.json"
    path.write_text(_document(), encoding="utf-8")
    path.chmod(0)
    code, _, err = _assess(capsys, path)
    assert code == 2
    assert "secret.json: cannot be read: Permission denied" in err


@pytest.mark.parametrize("text", ["2025-1-1", "20250101", "2025-W38-1", "٢٠٢٥-٠١-٠١"])
def test_dates_on_the_command_line_are_exactly_iso(capsys, text):
    with pytest.raises(SystemExit) as caught:
        main(["assess", "-m", "faaborg-midtfyn", str(EXAMPLES["faaborg-midtfyn"]), "--on", text])
    assert caught.value.code == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err
