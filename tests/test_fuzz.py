"""Fuzzing every reader: whatever JSON or TOML comes in, only the library's own errors
come out (never a traceback from Python, cattrs or tomllib), and what is read is
assessed to the end.

The suite runs a few hundred inputs per reader. For a long run set
``CIVILSAMFUND_FUZZ_EXAMPLES`` (the closing note of issue 7 records one of 100,000).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import EXAMPLES, MUNICIPALITIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civilsamfund import CivilsamfundError, InputError, Outcome, load_municipality_dir
from civilsamfund.cases._cases import CaseFile, read_case_file
from civilsamfund.grants import write_decisions

EXAMPLES_PER_READER = int(os.environ.get("CIVILSAMFUND_FUZZ_EXAMPLES", "150"))
fuzz = settings(
    max_examples=EXAMPLES_PER_READER,
    suppress_health_check=list(HealthCheck),
    derandomize="CIVILSAMFUND_FUZZ_EXAMPLES" not in os.environ,
)

FIELDS = [
    "applications",
    "id",
    "pool",
    "reserve",
    "amount",
    "received",
    "applicant",
    "activity",
    "budget",
    "other_funding",
    "standing_grant_renewal",
    "facts",
    "type",
    "name",
    "cvr",
    "kind",
    "home_municipality",
    "founded",
    "equity",
    "annual_running_costs",
    "reference",
    "purpose",
    "target_groups",
    "volunteer_share",
    "social_aim",
    "local_share",
    "focus_areas",
    "open_to_all",
    "category",
    "min_age",
    "max_age",
    "relatives",
    "description",
    "status",
    "association",
    "person",
    "paragraf18",
    "paragraf79",
    "development",
    "samskabelse",
]

TRICKY_TEXT = [
    "2025-09-01",
    "9999-12-31",
    "9999-10-31",
    "0001-01-01",
    "20250101",
    "2025-W38-1",
    "010190-1234",
    "01 01 90 1234",
    "010190\u20101234",
    "80000",
    "80000.505",
    "1e5",
    "-0",
    "NaN",
    "0.5",
    "10000009",
    "voluntary_social",
    "children_youth",
    "x" * 20_000,
    "\u0000",
    "\ud800",
]
NUMBERS = [
    "0",
    "-0",
    "1e5",
    "1E+400",
    "-1e-400",
    "0.1",
    "130",
    "131",
    "-1",
    "9" * 5000,
    "NaN",
    "Infinity",
    "1.5",
]


def _quoted(text: str) -> str:
    return json.dumps(text)  # keeps a lone surrogate as its \\u escape


scalars_json = st.one_of(
    st.sampled_from(["null", "true", "false", *NUMBERS]),
    st.integers().map(str),
    st.builds(
        lambda whole, fraction, exponent: f"{whole}.{fraction}e{exponent}",
        st.integers(-(10**20), 10**20),
        st.integers(0, 10**6),
        st.integers(-500, 500),
    ),
    st.sampled_from(TRICKY_TEXT + FIELDS).map(_quoted),
    st.text(max_size=30).map(_quoted),
)
keys_json = st.sampled_from(FIELDS).map(_quoted) | st.text(max_size=10).map(_quoted)


def _array(items: list[str]) -> str:
    return "[" + ",".join(items) + "]"


def _object(pairs: list[tuple[str, str]]) -> str:
    return "{" + ",".join(f"{key}:{value}" for key, value in pairs) + "}"


values_json = st.recursive(
    scalars_json,
    lambda inner: (
        st.lists(inner, max_size=5).map(_array)
        | st.lists(st.tuples(keys_json, inner), max_size=8).map(_object)
    ),
    max_leaves=12,
)


def _examples() -> list[dict[str, object]]:
    data = json.loads(EXAMPLES["faaborg-midtfyn"].read_text(encoding="utf-8"))
    return list(data["applications"])


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@st.composite
def mutated_json(draw: st.DrawFn) -> str:
    """A valid application with one value replaced by fuzz, as JSON text: this gets past
    reading into structuring and the rules."""
    examples = _examples()
    application = examples[draw(st.integers(0, len(examples) - 1))]
    paths = _paths(application)[1:]
    path = paths[draw(st.integers(0, len(paths) - 1))]
    marker = "\u2063fuzz\u2063"
    copy = json.loads(json.dumps(application))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = marker
    return json.dumps([copy], ensure_ascii=False).replace(json.dumps(marker), draw(values_json))


documents_json = st.one_of(
    mutated_json(),
    values_json,
    st.lists(st.lists(st.tuples(keys_json, values_json), max_size=6).map(_object), max_size=3).map(
        _array
    ),
    st.text(max_size=100),
)

_WORK = Path(tempfile.mkdtemp(prefix="civilsamfund-fuzz-"))


OUTCOMES = {outcome.value for outcome in Outcome}


def _refused_cleanly(error: CivilsamfundError, within: Path) -> None:
    """A clean refusal: the library's own input error, each problem naming a file read
    (``within`` or a file below it) and saying what was wrong, line by line."""
    assert isinstance(error, InputError), repr(error)
    assert error.problems, repr(error)
    for problem in error.problems:
        assert problem.source == str(within) or problem.source.startswith(f"{within}/"), problem
        assert problem.message.strip(), problem
        assert str(problem) in str(error)


def _decided(documents: list[object], municipality: str) -> None:
    """What is accepted is decided to the end: each decision names its municipality and
    one of the outcomes."""
    for document in documents:
        assert isinstance(document, dict), document
        assert document["municipality"] == municipality
        assert document["outcome"] in OUTCOMES


def _through_everything(name: str, text: str, municipality: object) -> None:
    """Read the text as a file of applications and assess it: a decision for each, or a
    clean refusal naming the file."""
    path = _WORK / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    out = io.BytesIO()
    try:
        write_decisions(municipality, [path], out, format="jsonl")  # type: ignore[arg-type]
    except CivilsamfundError as error:
        _refused_cleanly(error, path)
        return
    *decisions, end = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    assert end["end"]["count"] == len(decisions)
    _decided(decisions, municipality.slug)  # type: ignore[attr-defined]


@fuzz
@given(text=documents_json)
def test_json_documents_give_only_library_errors(faaborg, text):
    """Any JSON document is decided or refused by our errors, naming the file."""
    _through_everything("fuzz.json", text, faaborg)


@fuzz
@given(lines=st.lists(documents_json | mutated_json().map(lambda t: t[1:-1]), max_size=4))
def test_json_lines_give_only_library_errors(faaborg, lines):
    """Any JSON Lines file is decided or refused by our errors, naming the file."""
    _through_everything("fuzz.jsonl", "\n".join(lines) + "\n", faaborg)


TOML_TOKENS = [
    "=",
    '"',
    "'",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    "\n",
    "#",
    ".",
    "9999-12-31",
    "2025-13-01",
    "1979-05-27T07:32:00Z",
    "inf",
    "nan",
    "-0",
    "1e400",
    "9" * 5000,
    "true",
    '"\\ud800"',
    '"010190-1234"',
    "[" * 600 + "]" * 600,
    "x.y.z = 1",
    "[applications.activity]",
    "applications = 3",
    *FIELDS,
]


@st.composite
def mutated_toml(draw: st.DrawFn, text: str) -> str:
    """``text`` with a few edits: a token inserted, a stretch deleted or replaced."""
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        stop = min(len(text), start + draw(st.integers(0, 40)))
        token = draw(st.sampled_from(TOML_TOKENS) | st.text(max_size=8))
        text = text[:start] + token + text[stop:]
    return text


@fuzz
@given(text=mutated_toml(EXAMPLES["odense"].read_text(encoding="utf-8")))
def test_toml_documents_give_only_library_errors(odense, text):
    """A mangled TOML file of applications is decided or refused by our errors."""
    _through_everything("fuzz.toml", text, odense)


CASES = MUNICIPALITIES / "odense" / "cases" / "criteria.toml"


@fuzz
@given(text=mutated_toml(CASES.read_text(encoding="utf-8")))
def test_case_files_give_only_library_errors(text):
    """A mangled case file is read as a case file or refused by our errors, naming it."""
    path = _WORK / "cases.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        found = read_case_file(path)
    except CivilsamfundError as error:
        _refused_cleanly(error, path)
    else:
        assert isinstance(found, CaseFile)


CONFIGURATION = MUNICIPALITIES / "faaborg-midtfyn"
CONFIG_FILES = sorted(p.name for p in CONFIGURATION.glob("*.toml"))


@pytest.fixture(scope="module")
def config_copy():
    target = _WORK / "faaborg-midtfyn"
    shutil.copytree(CONFIGURATION, target, dirs_exist_ok=True)
    return target


@fuzz
@given(data=st.data(), name=st.sampled_from(CONFIG_FILES))
def test_configuration_files_give_only_library_errors(config_copy, data, name):
    """A mangled configuration file loads or is refused by our errors, naming a file of
    the configuration."""
    original = (CONFIGURATION / name).read_text(encoding="utf-8")
    text = data.draw(mutated_toml(original))
    (config_copy / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        municipality = load_municipality_dir(config_copy)
    except CivilsamfundError as error:
        _refused_cleanly(error, config_copy)
    else:
        assert municipality.slug == "faaborg-midtfyn"
    finally:
        (config_copy / name).write_text(original, encoding="utf-8")


NOMINATIONS = MUNICIPALITIES / "odense" / "examples" / "nominations" / "nominations.json"


@fuzz
@given(text=mutated_toml(NOMINATIONS.read_text(encoding="utf-8")))
def test_nomination_files_give_only_library_errors(odense, text):
    """Nominations, mangled anywhere, are read and judged or refused by our errors."""
    from civilsamfund.awards import write_nomination_decisions

    path = _WORK / "nominations.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    out = io.BytesIO()
    try:
        write_nomination_decisions(odense, [path], out, format="json")
    except CivilsamfundError as error:
        _refused_cleanly(error, path)
    else:
        _decided(json.loads(out.getvalue()), "odense")


DESIGN = MUNICIPALITIES / "kolding" / "examples" / "design" / "2024.toml"


@pytest.fixture(scope="module")
def kolding():
    return load_municipality_dir(MUNICIPALITIES / "kolding")


@fuzz
@given(text=mutated_toml(DESIGN.read_text(encoding="utf-8")))
def test_design_meeting_files_give_only_library_errors(kolding, text):
    """Design meeting records, mangled anywhere, are summed up or refused by our errors."""
    from civilsamfund.strategy import write_meeting_summaries

    path = _WORK / "design.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    out = io.BytesIO()
    try:
        write_meeting_summaries(kolding, [path], out, format="text")
    except CivilsamfundError as error:
        _refused_cleanly(error, path)
    else:
        assert "Traceback" not in out.getvalue().decode("utf-8")


def _odense_decisions() -> str:
    """Odense's example applications as the decision documents a report reads."""
    from civilsamfund.grants import write_decisions

    out = io.BytesIO()
    municipality = load_municipality_dir(MUNICIPALITIES / "odense")
    write_decisions(municipality, [EXAMPLES["odense"]], out, format="json", language="en")
    return out.getvalue().decode()


@fuzz
@given(text=mutated_toml(_odense_decisions()))
def test_decision_documents_give_only_library_errors(odense, text):
    """Decision documents, mangled anywhere, are reported on or refused by our errors."""
    from civilsamfund.report import GrantRecord, annual_report, read_records, report_markdown

    path = _WORK / "decisions.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        records = read_records([path], GrantRecord, "decisions", "odense")
    except CivilsamfundError as error:
        _refused_cleanly(error, path)
        return
    report = report_markdown(annual_report(odense, 2025, records), "Odense")
    assert report.startswith("# Årsrapport 2025")
