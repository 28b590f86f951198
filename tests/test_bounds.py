"""Bounded work: every list and table inside an item, every document's values and every
configuration file have a limit, and past the problems an error describes the rest are
counted, not built, so that a file of a million wrong entries costs what one of a
hundred does."""

from __future__ import annotations

import gc
import json

import pytest
from helpers import MUNICIPALITIES, copy_municipality, items_of

import civilsamfund as cs
from civilsamfund import awards, grants
from civilsamfund.cli import main
from civilsamfund.core import _problems
from civilsamfund.reading._limits import CONFIG_LIMITS, values_in

BAD_LINE = {"description": "x", "category": "bogus", "amount": "1"}


def _write(tmp_path, items, name="applications.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"applications": items}), encoding="utf-8")
    return path


def _assess(capsys, path, *options):
    code = main(["assess", "-m", "odense", str(path), "--format", "json", *options])
    return code, capsys.readouterr().err


def _built(monkeypatch):
    """A counter of the problems made: each call of ``Problem.at``."""
    made = [0]
    at = _problems.Problem.at.__func__

    def counted(cls, source, path, message):
        made[0] += 1
        return at(cls, source, path, message)

    monkeypatch.setattr(_problems.Problem, "at", classmethod(counted))
    return made


def test_a_list_inside_an_item_beyond_the_limit_is_refused(capsys, tmp_path):
    """A budget of 10,001 lines is refused by its path and the limit, before it is read
    as budget lines; --max-entries raises the limit."""
    (item,) = items_of(1)
    item["budget"] = [item["budget"][0]] * 10_001
    path = _write(tmp_path, [item])
    code, err = _assess(capsys, path)
    assert code == 2
    assert err == (
        f"civilsamfund: error: {path}: applications[0].budget: expected at most 10,000 "
        "entries in a list, got 10,001 (raise the limit with --max-entries or "
        "Limits.max_entries)\n"
    )
    assert _assess(capsys, path, "--max-entries", "20000")[0] == 0


def test_a_table_inside_an_item_beyond_the_limit_is_refused(capsys, tmp_path):
    """A table of declared facts with more keys than the limit is refused the same way."""
    (item,) = items_of(1)
    item["facts"] = {f"f{index}": True for index in range(30)}
    code, err = _assess(capsys, _write(tmp_path, [item]), "--max-entries", "20")
    assert code == 2
    assert "applications[0].facts: expected at most 20 entries in a table, got 30" in err


def test_wrong_entries_past_those_described_are_counted_not_built(capsys, tmp_path, monkeypatch):
    """5,000 wrong budget lines in one application: the first 100 are described, the
    rest counted, and no more problems are made than are shown."""
    (item,) = items_of(1)
    item["budget"] = [BAD_LINE] * 5_000
    path = _write(tmp_path, [item])
    made = _built(monkeypatch)
    code, err = _assess(capsys, path)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 101
    assert lines[0].endswith(
        "applications[0].budget[0].category: expected one of "
        "'activities', 'premises', 'materials', 'transport', "
        "'coordinating_staff', 'other_staff', 'administration', "
        "'other', got 'bogus'"
    )
    assert lines[-1] == "… and 4,900 more problems"
    assert made[0] <= 110


def test_wrong_items_past_those_described_are_counted_not_built(capsys, tmp_path, monkeypatch):
    """1,000 applications each wrong six ways, --max-problems 10: two items are described
    (ten problems, two more counted), the other 998 counted once each, not built."""
    path = _write(tmp_path, [{"id": f"a{index}", "x": 1} for index in range(1_000)])
    made = _built(monkeypatch)
    code, err = _assess(capsys, path, "--max-problems", "10", "--jobs", "1")
    assert code == 2
    lines = err.splitlines()
    assert (
        lines[0] == f"civilsamfund: error: {path}: applications[0].pool: required field is missing"
    )
    assert lines[1:] == [
        f"{path}: applications[0].{field}: required field is missing"
        for field in ("applicant", "activity", "amount", "received")
    ] + [f"{path}: applications[0].x: unknown key"] + [
        f"{path}: applications[1].{field}: required field is missing"
        for field in ("pool", "applicant", "activity", "amount")
    ] + ["… and 1,000 more problems"]
    assert made[0] == 12


def test_max_problems_is_honoured_inside_one_item(capsys, tmp_path):
    """--max-problems 3 describes three of one item's wrong lines and counts the rest."""
    (item,) = items_of(1)
    item["budget"] = [BAD_LINE] * 50
    code, err = _assess(capsys, _write(tmp_path, [item]), "--max-problems", "3")
    assert code == 2
    assert err.count("category: expected one of") == 3
    assert err.rstrip().endswith("… and 47 more problems")


def test_the_count_of_further_problems_survives_a_long_message(capsys, tmp_path):
    """A hundred long problems are printed whole, one a line, and the count after them
    is not cut off with the rest of a long message."""
    items = items_of(150)
    for item in items:
        item["pool"] = "p" * 50
    code, err = _assess(capsys, _write(tmp_path, items))
    assert code == 2
    assert len(err) > 2_000
    assert "(cut," not in err
    assert err.rstrip().endswith("… and 50 more problems")


def test_unknown_ids_past_those_described_are_counted_not_built(odense, monkeypatch):
    """A nomination naming 3,000 unknown target groups: 100 described, 2,900 counted."""
    data = json.loads(
        (MUNICIPALITIES / "odense/examples/nominations/nominations.json").read_text("utf-8")
    )
    nomination = next(n for n in data["nominations"] if n.get("target_groups"))
    nomination["target_groups"] = [f"group-{index}" for index in range(3_000)]
    (read,) = awards.nominations_from_data([nomination])
    made = _built(monkeypatch)
    with pytest.raises(awards.AwardError) as caught:
        awards.assess(odense, read)
    assert len(caught.value.problems) == 100
    assert caught.value.more == 2_900
    assert "target_groups[0]: expected one of 'children-young'" in str(caught.value)
    assert made[0] == 100


def test_a_document_of_too_many_values_is_refused_before_it_is_parsed(
    capsys, tmp_path, monkeypatch
):
    """Values beyond --max-values are counted from the text: the document is never
    parsed, so a small file of a million tiny values costs no more than its bytes."""
    path = tmp_path / "many.json"
    path.write_text("[" + ",".join(["0.0"] * 2_000) + "]", encoding="utf-8")

    def never(*args, **kwargs):
        raise AssertionError("parsed")

    monkeypatch.setattr("civilsamfund.reading._documents.parse_json", never)
    code, err = _assess(capsys, path, "--max-values", "1000")
    assert code == 2
    assert err == (
        f"civilsamfund: error: {path}: expected at most 1,000 values in a document, got "
        "2,001 (raise the limit with --max-values or Limits.max_values, or use JSON Lines)\n"
    )


@pytest.mark.parametrize(
    ("text", "toml", "count"),
    [
        ('{"a": [1, 2, {"b": "x, [y] {z}"}]}', False, 6),
        ('["a\\"", "b,c"]', False, 3),
        ('a = "x, = ["\nb = [1, 2]  # , = [\nc = """q,\n="""\nd = \'e,=\'', True, 7),
    ],
)
def test_values_are_counted_outside_texts_and_comments(text, toml, count):
    """Commas, brackets and equals signs in texts and comments are not values."""
    assert values_in(text, toml) == count


def test_a_round_with_commas_in_its_texts_is_not_refused(tmp_path):
    """Texts full of commas make the quick count go over the limit; the exact count,
    outside texts, does not, and the document is read."""
    items = items_of(2)
    for item in items:
        item["activity"]["purpose"] = "," * 5_000
    path = _write(tmp_path, items)
    limits = cs.Limits(max_values=500)
    assert len(grants.read_applications(path, limits)) == 2


def test_a_configuration_file_beyond_its_limits_is_refused(tmp_path):
    """A criteria.toml larger than a configuration may be is refused by its size, and
    one with more criteria than the limit by the list's length; both name the file and
    how to raise the limit."""
    directory = copy_municipality(tmp_path)
    criteria = directory / "criteria.toml"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(text + "#" * CONFIG_LIMITS.max_file_bytes, encoding="utf-8")
    with pytest.raises(cs.ConfigError) as caught:
        cs.load_municipality_dir(directory, cs.Plugins())
    assert str(caught.value) == (
        f"{criteria}: expected at most 4,194,304 bytes (a configuration file's "
        "max_file_bytes: raise it with load_municipality_dir(limits=...))"
    )
    criteria.write_text(text, encoding="utf-8")
    with pytest.raises(cs.ConfigError) as caught:
        cs.load_municipality_dir(directory, cs.Plugins(), limits=cs.Limits(max_entries=40))
    assert str(caught.value) == (
        f"{criteria}: criteria: expected at most 40 entries in a list, got 42 (a "
        "configuration file's max_entries: raise it with load_municipality_dir(limits=...))"
    )


def test_a_configuration_of_too_many_values_is_refused_before_it_is_parsed(tmp_path):
    """A configuration file's values are counted from its text, as a document's are."""
    directory = copy_municipality(tmp_path)
    limits = cs.Limits(max_values=100)
    with pytest.raises(cs.ConfigError) as caught:
        cs.load_municipality_dir(directory, cs.Plugins(), limits=limits)
    assert f"{directory / 'criteria.toml'}: expected at most 100 values in a document, got" in (
        str(caught.value)
    )


def test_a_wrong_item_leaves_no_cycles_for_a_paused_collector():
    """A batch pauses the cycle collector; reading a wrong item left its nested errors'
    tracebacks in cycles only the collector frees (100,000 wrong items kept 500 MB).
    Now nothing is left for it."""

    def read_wrong():
        try:  # not pytest.raises, whose record of the error is a cycle of its own
            grants.applications_from_data([{"id": "a", "budget": [BAD_LINE] * 3}])
        except cs.ApplicationError:
            return
        raise AssertionError("read")

    read_wrong()  # the converters are built once, outside the count
    gc.collect()
    gc.disable()
    try:
        for _ in range(20):
            read_wrong()
        assert gc.collect() == 0
    finally:
        gc.enable()
