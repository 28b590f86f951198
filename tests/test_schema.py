"""JSON Schemas made from the models validate the examples and the CLI's output."""

from __future__ import annotations

import json

import jsonschema
import pytest
from helpers import EXAMPLES, MUNICIPALITIES, assess_examples_json
from hypothesis import given

from civilsamfund import testing as cst
from civilsamfund import to_json
from civilsamfund.cli import main
from civilsamfund.grants._schema import application_schema, decision_line_schema, decision_schema
from civilsamfund.reading._toml import parse_toml
from civilsamfund.volunteers import task_decision_schema, task_schema

TASK_EXAMPLES = {
    slug: MUNICIPALITIES / slug / "examples" / "volunteers" / "tasks.json"
    for slug in ("faaborg-midtfyn", "odense")
}


def _validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _as_json(path):
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    # TOML dates become strings, as they would be written in JSON
    return json.loads(
        json.dumps(parse_toml(path.read_text(encoding="utf-8"), str(path)), default=str)
    )


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_examples_match_the_application_schema(slug):
    """Every bundled example is valid against the application schema."""
    _validator(application_schema()).validate(_as_json(EXAMPLES[slug]))


@given(cst.applications)
def test_generated_applications_match_the_schema(application):
    """Any application the library writes is valid against its schema."""
    _validator(application_schema()).validate([json.loads(to_json(application))])


def test_the_schema_rejects_an_unknown_key():
    """The schema, like the reader, refuses keys it does not know."""
    data = _as_json(EXAMPLES["faaborg-midtfyn"])
    data["applications"][0]["colour"] = "red"
    assert not _validator(application_schema()).is_valid(data)


@pytest.mark.parametrize(("slug", "lang"), [(s, lang) for s in EXAMPLES for lang in ("da", "en")])
def test_cli_output_matches_the_decision_schema(capsys, slug, lang):
    """What `civilsamfund assess --format json` writes is valid against the decision schema."""
    _validator(decision_schema()).validate(assess_examples_json(capsys, slug, lang))


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_every_json_lines_line_matches_the_line_schema(capsys, tmp_path, slug):
    """Each line of `--format jsonl`, the end record included, is valid against the line
    schema; the end record alone is not a decision."""
    target = tmp_path / "decisions.jsonl"
    assert (
        main(["assess", "-m", slug, str(EXAMPLES[slug]), "--format", "jsonl", "-o", str(target)])
        == 0
    )
    validator = _validator(decision_line_schema())
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        validator.validate(line)
    assert not _validator(decision_schema()).is_valid([lines[-1]])
    assert lines[-1]["end"]["count"] == len(lines) - 1


@pytest.mark.parametrize(
    "which", ["application", "decision", "decision-line", "volunteer-task", "task-decision"]
)
def test_schema_command_prints_a_valid_schema(capsys, which):
    """`civilsamfund schema` prints a schema that is itself valid."""
    assert main(["schema", which]) == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(capsys.readouterr().out))


def test_the_decision_schema_describes_each_rules_wording_and_the_day_received():
    """`schema decision` describes the keys a letter's text shows too: the day received
    and each finding's rule, in its language."""
    definitions = decision_schema()["$defs"]
    decision, finding = definitions["Decision"], definitions["Finding"]
    assert decision["properties"]["received"] == {"type": "string", "format": "date"}
    assert "received" in decision["required"]
    assert finding["properties"]["rule"] == {"type": "string"}
    assert "rule" in finding["required"]


@pytest.mark.parametrize("slug", list(EXAMPLES))
def test_compact_output_matches_the_schema_and_loses_no_criterion(capsys, slug):
    """--compact gives passed findings by id only; together they are the full list."""
    full = assess_examples_json(capsys, slug, "en")
    assert main(["assess", "-m", slug, str(EXAMPLES[slug]), "--format", "json", "--compact"]) == 0
    compact = json.loads(capsys.readouterr().out)
    _validator(decision_schema()).validate(compact)
    for whole, short in zip(full, compact, strict=True):
        assert all(f["status"] != "pass" for f in short["findings"])
        ids = sorted(short["passed"] + [f["criterion"] for f in short["findings"]])
        assert ids == sorted(f["criterion"] for f in whole["findings"])
        assert "passed" not in whole


@pytest.mark.parametrize(
    ("slug", "lang"), [(s, lang) for s in TASK_EXAMPLES for lang in ("da", "en")]
)
def test_task_examples_and_decisions_match_their_schemas(capsys, slug, lang):
    """The bundled tasks are valid input, and `volunteers check --format json` valid output."""
    path = TASK_EXAMPLES[slug]
    _validator(task_schema()).validate(json.loads(path.read_text(encoding="utf-8")))
    arguments = ["volunteers", "check", "-m", slug, str(path), "--format", "json", "--lang", lang]
    assert main(arguments) == 0
    _validator(task_decision_schema()).validate(json.loads(capsys.readouterr().out))


def test_the_task_schema_rejects_an_unknown_key_and_a_bad_commitment():
    data = json.loads(TASK_EXAMPLES["odense"].read_text(encoding="utf-8"))
    data["tasks"][0]["colour"] = "red"
    assert not _validator(task_schema()).is_valid(data)
    del data["tasks"][0]["colour"]
    data["tasks"][0]["commitment"] = "whenever"
    assert not _validator(task_schema()).is_valid(data)


@pytest.mark.parametrize(
    ("action", "folder", "decisions"),
    [
        (("volunteers", "check"), "volunteers", "task-decision"),
        (("awards", "check"), "nominations", "nomination-decision"),
        (("organisation", "check-forum"), "forums", "forum-decision"),
        (("strategy", "design"), "design", "design-summary"),
    ],
)
def test_each_domain_check_writes_what_its_line_schema_describes(
    capsys, tmp_path, action, folder, decisions
):
    """The check a domain's batch gives every domain: each line of its `--format jsonl`
    is valid against the schema `DECISIONS-line`, made from the domain's record, and
    the end record alone is not a decision."""
    files = sorted(str(p) for p in (MUNICIPALITIES / "odense" / "examples" / folder).iterdir())
    target = tmp_path / "decisions.jsonl"
    args = [*action, "-m", "odense", *files, "--format", "jsonl", "-o", str(target)]
    assert main(args) == 0
    schemas = {}
    for name in (decisions, f"{decisions}-line"):
        assert main(["schema", name]) == 0
        schemas[name] = _validator(json.loads(capsys.readouterr().out))
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 1
    for line in lines:
        schemas[f"{decisions}-line"].validate(line)
    schemas[decisions].validate(lines[:-1])
    assert not schemas[decisions].is_valid([lines[-1]])
    assert lines[-1]["end"]["count"] == len(lines) - 1
