"""What the library writes holds no CPR number and no raw control character, whoever put
it there: a plugin's message or fact, a broken plugin's error, the command line, or an
input's free text. Ids with control characters are refused."""

from __future__ import annotations

import json

from helpers import items_of

from civilsamfund.cli import main


def test_an_error_names_a_file_whose_name_holds_a_date_time(tmp_path, capsys):
    """The digits of a date and time in a file's name are not taken for a CPR number, so
    the error names the file it is about."""
    path = tmp_path / "ansøgninger-2024-09-01_10_00.json"
    path.write_text('[{"id": "a"}]', encoding="utf-8")
    assert main(["assess", "-m", "odense", str(path)]) == 2
    assert f"{path}: [0].pool: required field is missing" in capsys.readouterr().err


def test_a_number_too_long_or_without_a_date_is_shown(tmp_path, capsys):
    """1000000000 (no month 00) and a number of eleven digits are echoed as given."""
    path = tmp_path / "apps.json"
    items = items_of(2, {0: {"pool": 1000000000}, 1: {"pool": 10101901234}})
    path.write_text(json.dumps(items), encoding="utf-8")
    assert main(["assess", "-m", "odense", str(path)]) == 2
    err = capsys.readouterr().err
    assert "[0].pool: expected text, got 1000000000" in err
    assert "[1].pool: expected text, got 10101901234" in err
