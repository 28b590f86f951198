"""What the library writes holds no CPR number and no raw control character, whoever put
it there: a plugin's message or fact, a broken plugin's error, the command line, or an
input's free text. Ids with control characters are refused."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest
from attrs import frozen
from helpers import MUNICIPALITIES, copy_municipality, edit, items_of, plugin_of, tomllib
from helpers import with_supplementary as supplementary

from civilsamfund import Command, Plugins, Status, Text, Verdict, load_municipality_dir
from civilsamfund.cli import main
from civilsamfund.core._shown import CONTROL, WITHHELD_MARK
from civilsamfund.grants import GrantCheck, write_decisions
from civilsamfund.grants.facts import OPEN_TO_ALL
from civilsamfund.plugins import _discovery, _manager

CPR = "230679-4321"
DIGITS = "2306794321"


def _no_cpr(text: str) -> None:
    assert CPR not in text
    assert DIGITS not in "".join(c for c in text if c.isdigit())


@frozen(kw_only=True)
class Leaky(GrantCheck):
    """A plugin's check whose message and facts hold a CPR number, spelt three ways."""

    FACTS = (OPEN_TO_ALL,)
    RECORDS = ("contact", "number")
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "done": Text(da=f"Ring til {{contact}} ({CPR}).", en=f"Call {{contact}} ({CPR}).")
    }

    def evaluate(self, facts: Any) -> Verdict:
        return Verdict(
            status=Status.PASS,
            message="done",
            facts={"contact": "230679:4321", "number": int(DIGITS)},
        )


@pytest.fixture(scope="module")
def leaky(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Odense with a plugin criterion whose message and facts hold a CPR number."""
    plugins = Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"demo.leak": Leaky}), "demo")
    return load_municipality_dir(
        supplementary(tmp_path_factory.mktemp("leak"), "demo.leak"), plugins
    )


@pytest.mark.parametrize("format", ["text", "json", "jsonl"])
def test_a_plugins_message_and_facts_are_withheld_in_every_output(leaky, tmp_path, format):
    """A CPR number in a plugin's message template or recorded fact is withheld in -o
    and on standard output, and the JSON written stays valid JSON."""
    source = tmp_path / "apps.json"
    source.write_text(json.dumps({"applications": items_of(2)}), encoding="utf-8")
    target, stream = tmp_path / "out", io.BytesIO()
    write_decisions(leaky, [source], target, format=format)
    write_decisions(leaky, [source], stream, format=format)
    for written in (target.read_text(encoding="utf-8"), stream.getvalue().decode()):
        _no_cpr(written)
        assert WITHHELD_MARK in written
        if format != "text":
            lines = written.splitlines()[:-1]  # the JSON Lines end record aside
            first = json.loads(written)[0] if format == "json" else json.loads(lines[0])
            found = [f for f in first["findings"] if f["criterion"] == "O18-10-SU-1"]
            assert found[0]["facts"] == {"contact": WITHHELD_MARK, "number": WITHHELD_MARK}
            assert found[0]["reason"] == f"Ring til {WITHHELD_MARK} ({WITHHELD_MARK})."


def test_the_command_line_withholds_a_plugins_cpr_number(leaky, tmp_path, monkeypatch, capsys):
    """`civilsamfund assess` writes a plugin's message without the CPR number in it."""
    source = tmp_path / "apps.json"
    source.write_text(json.dumps({"applications": items_of(1)}), encoding="utf-8")
    monkeypatch.setattr(_discovery, "load_municipality", lambda *args, **kwargs: leaky)
    assert main(["assess", "-m", "odense", str(source), "--format", "text"]) == 0
    out = capsys.readouterr().out
    _no_cpr(out)
    assert f"Ring til {WITHHELD_MARK} ({WITHHELD_MARK})." in out


def test_the_plugins_command_withholds_a_broken_plugins_error(monkeypatch, capsys):
    """A broken plugin's exception text is printed without the CPR number it holds."""
    plugins = Plugins()
    plugins._broken["rogue"] = ("1.0", f"failed to load: RuntimeError('Hans {CPR}')")
    monkeypatch.setattr(_manager, "installed", lambda: plugins)
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    _no_cpr(out)
    assert f"rogue 1.0: BROKEN: failed to load: RuntimeError('Hans {WITHHELD_MARK}')" in out


@pytest.mark.parametrize(
    "arguments",
    [
        ["assess", "-m", "odense", "x.json", "--on", CPR],
        ["assess", "-m", "odense", "x.json", "--lang", CPR],
        ["awards", "list", "-m", "odense", "--year", DIGITS],
        ["report", "-m", "odense", "--year", DIGITS],
        ["organisation", "entry-point", "-m", "odense", "--ages", DIGITS],
        [CPR],
    ],
)
def test_command_line_errors_withhold_the_value_given(capsys, arguments):
    """argparse's own errors quote the value they refuse: never a CPR number."""
    with pytest.raises(SystemExit) as caught:
        main(arguments)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    _no_cpr(err)
    assert WITHHELD_MARK in err


def test_a_line_a_plugin_writes_in_pieces_is_screened_whole(monkeypatch, capsys):
    """A plugin's command writing a number in two pieces, or across a line break, does
    not get it past the screen."""

    def write(args, out, err):
        out.write("Hans 230679")
        out.write("-4321\n")
        out.write("230679\n4321 er Hans\n")
        err.write(f"advarsel: {CPR}\x1b[2J\n")
        return 0

    plugins = Plugins()
    command = Command(name="leak", help="leak", configure=lambda parser: None, run=write)
    plugins.register(plugin_of(civilsamfund_cli_commands=lambda: [command]), "leaky")
    monkeypatch.setattr(_manager, "installed", lambda: plugins)
    assert main(["leak"]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"Hans {WITHHELD_MARK}\n{WITHHELD_MARK} er Hans\n"
    assert captured.err == f"advarsel: {WITHHELD_MARK}\\u001b[2J\n"


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


# Text is text ------------------------------------------------------------------------

PAYLOAD = "\x1b[2J\x07\x9b\u202e"
"""Clears a terminal, rings its bell, a C1 escape, and turns the text around."""
SHOWN = "\\u001b[2J\\u0007\\u009b\\u202e"


def _raw_controls(text: str) -> list[str]:
    return [c for c in CONTROL.findall(text) if c not in "\n\t"]


@pytest.mark.parametrize(
    ("what", "change", "path"),
    [
        ("an application's id", {"id": "a\x1bb"}, "[0].id"),
        ("a target group, by reference", None, "[0].activity.target_groups[0].category"),
    ],
)
def test_an_id_with_a_control_character_is_refused(tmp_path, capsys, what, change, path):
    """Where an id is expected, a control character is an error naming the field."""
    items = items_of(1, {0: change} if change else None)
    if change is None:
        items[0]["activity"]["target_groups"][0]["category"] = "excluded\u202e"
    source = tmp_path / "apps.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    assert main(["assess", "-m", "odense", str(source)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: expected an id without control characters, got " in err
    assert _raw_controls(err) == []


def test_a_configured_id_and_a_paper_id_with_a_control_character_are_refused(tmp_path, capsys):
    """A criterion's id in a configuration, and a points paper's id in a design record,
    are refused as well."""
    odense = copy_municipality(tmp_path)
    edit(odense / "criteria.toml", 'id = "O18-1"', 'id = "O18-1\\u001b"')
    assert main(["check-config", str(odense)]) == 1
    err = capsys.readouterr().err
    assert "criteria[0].id: expected an id without control characters" in err
    assert _raw_controls(err) == []
    design = _as_data(MUNICIPALITIES / "kolding" / "examples" / "design" / "2024.toml")
    meeting = next(m for m in design["meetings"] if m.get("paper"))
    meeting["paper"]["id"] += "\x9b"
    source = tmp_path / "design.json"
    source.write_text(json.dumps(design), encoding="utf-8")
    assert main(["strategy", "design", "-m", str(MUNICIPALITIES / "kolding"), str(source)]) == 2
    err = capsys.readouterr().err
    assert ".paper.id: expected an id without control characters" in err
    assert _raw_controls(err) == []


READERS = {
    "applications": ("faaborg-midtfyn", "applications.json", ["assess"]),
    "tasks": ("odense", "volunteers/tasks.json", ["volunteers", "check"]),
    "roles": ("kolding", "roles/roles.json", ["volunteers", "review", "role"]),
    "checklists": ("kolding", "checklists/checklists.json", ["volunteers", "review", "checklist"]),
    "agreements": (
        "faaborg-midtfyn",
        "agreements/agreements.json",
        ["volunteers", "review", "agreement"],
    ),
    "nominations": ("odense", "nominations/nominations.json", ["awards", "check"]),
    "proposals": ("odense", "forums/samarbejdsforum.toml", ["organisation", "check-forum"]),
    "design records": ("kolding", "design/2024.toml", ["strategy", "design"]),
}


def _as_data(path: Path) -> Any:
    """An example as JSON data: TOML dates as the text JSON gives them."""
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    with path.open("rb") as file:
        data = tomllib.load(file)
    return json.loads(json.dumps(data, default=lambda v: v.isoformat()))


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Where each text in parsed data is."""
    if isinstance(value, str):
        return [path]
    if not isinstance(value, dict | list):
        return []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    return [found for key, item in items for found in _texts(item, (*path, key))]


def _poison(data: Any, where: tuple[Any, ...]) -> None:
    for key in where[:-1]:
        data = data[key]
    data[where[-1]] += PAYLOAD


@pytest.fixture(scope="module")
def municipalities() -> dict[str, Any]:
    """The bundled municipalities, loaded once."""
    return {
        slug: load_municipality_dir(MUNICIPALITIES / slug, Plugins())
        for slug in ("odense", "faaborg-midtfyn", "kolding")
    }


def _where(path: tuple[Any, ...]) -> str:
    return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path).lstrip(".")


def _accepted(run: Any, data: Any, source: Path) -> tuple[str, set[str], int]:
    """Give every text in ``data`` control characters, then plainly again each field that
    refuses them, until ``run`` (the command on ``source``) accepts the rest; its output,
    the fields refused and how many texts there are."""
    texts = {_where(where): where for where in _texts(data)}
    refused: set[str] = set()
    while True:
        poisoned = json.loads(json.dumps(data))
        for name, where in texts.items():
            if name not in refused:
                _poison(poisoned, where)
        source.write_text(json.dumps(poisoned), encoding="utf-8")
        code, out, err = run()
        assert _raw_controls(out + err) == []
        if code == 0:
            return out, refused, len(texts)
        assert code == 2, err
        found = {
            line.removeprefix("civilsamfund: error: ").removeprefix(f"{source}: ").split(": ")[0]
            for line in err.splitlines()
        }
        assert found <= set(texts) - refused, err  # each a text given control characters
        refused |= found


def _escaped_only(*outputs: str) -> None:
    for written in outputs:
        assert _raw_controls(written) == []
        assert written.count("[2J") == written.count(SHOWN)


@pytest.mark.parametrize("reader", list(READERS))
def test_every_readers_text_fields_with_control_characters(
    reader, municipalities, monkeypatch, capsys, tmp_path
):
    """Every text of a reader's example is given control characters at once: each field
    that refuses them names itself (an id, a date, a choice); with those given plainly
    again, every output, text and JSON, shows the rest escaped and nothing raw."""
    slug, example, command = READERS[reader]
    monkeypatch.setattr(_discovery, "load_municipality", lambda *a, **k: municipalities[slug])
    source = tmp_path / "poisoned.json"

    def run(format: str = "json") -> tuple[int, str, str]:
        code = main([*command, "-m", slug, str(source), "--format", format])
        return (code, *capsys.readouterr())

    out, refused, texts = _accepted(
        run, _as_data(MUNICIPALITIES / slug / "examples" / example), source
    )
    code, text, _ = run("text")
    assert code == 0
    _escaped_only(out, text)
    json.loads(out)
    assert len(refused) < texts


def test_the_reports_reader_with_control_characters(municipalities, monkeypatch, capsys, tmp_path):
    """The report reads decision documents: their texts with control characters are
    refused where they are ids or name what the configuration lacks (a pool), and
    escaped wherever else they are written, Markdown and JSON."""
    monkeypatch.setattr(_discovery, "load_municipality", lambda *a, **k: municipalities["odense"])
    example = str(MUNICIPALITIES / "odense" / "examples" / "applications.toml")
    assert main(["assess", "-m", "odense", example, "--format", "json"]) == 0
    decisions = json.loads(capsys.readouterr().out)
    source = tmp_path / "decisions.json"

    def run(format: str = "json") -> tuple[int, str, str]:
        code = main(["report", "-m", "odense", "--year", "2025", str(source), "--format", format])
        return (code, *capsys.readouterr())

    out, refused, texts = _accepted(run, decisions, source)
    code, markdown, _ = run("markdown")
    assert code == 0
    _escaped_only(out, markdown)
    # a pool the configuration lacks is refused, never given a line that would show it
    assert {f"[{index}].pool" for index in range(len(decisions))} <= refused
    assert SHOWN not in markdown
    json.loads(out)
    assert len(refused) < texts


def test_a_configured_text_with_a_cpr_number_is_withheld_in_the_report_and_chart(tmp_path, capsys):
    """A CPR number in a configured name is withheld in the decisions, in the report
    written with --output (Markdown and JSON) and in its chart."""
    pytest.importorskip("matplotlib")
    odense = copy_municipality(tmp_path)
    edit(
        odense / "pools.toml",
        'da = "§ 18-midler til frivilligt socialt arbejde"',
        f'da = "§ 18-midler ({CPR})"',
    )
    example = str(MUNICIPALITIES / "odense" / "examples" / "applications.toml")
    decisions = tmp_path / "decisions.json"
    assert (
        main(["assess", "-m", str(odense), example, "-o", str(decisions), "--format", "json"]) == 0
    )
    written = decisions.read_text(encoding="utf-8")
    _no_cpr(written)
    assert f"§ 18-midler ({WITHHELD_MARK})" in written
    chart = tmp_path / "chart.svg"
    for format in ("markdown", "json"):
        report = tmp_path / f"report.{format}"
        arguments = ["-m", str(odense), "--year", "2025", str(decisions), "--format", format]
        assert main(["report", *arguments, "-o", str(report), "--chart", str(chart)]) == 0
        for text in (report.read_text(encoding="utf-8"), chart.read_text(encoding="utf-8")):
            _no_cpr(text)
            assert "[withheld: looks like a CPR number]" in text
    json.loads(report.read_text(encoding="utf-8"))
    assert capsys.readouterr().err == ""
