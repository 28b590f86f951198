"""The annual report: a year's grant decisions counted by pool, outcome and department,
the awards given, the strategies' objectives and status; Markdown and JSON, Danish and
English, an optional chart; decisions it cannot count are clear errors."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal

import attrs
import jsonschema
import pytest
from helpers import ELIGIBLE, MUNICIPALITIES
from hypothesis import given
from hypothesis import strategies as st

from civilsamfund import report as rp
from civilsamfund import strategy as sg
from civilsamfund import testing as cst
from civilsamfund.cli import main
from civilsamfund.core.rules._findings import Outcome
from civilsamfund.report._records import Ref, RulesDay
from civilsamfund.report._schema import report_schema
from civilsamfund.testing._report import DEPARTMENTS, POOLS

GRANT_EXAMPLES = {
    "odense": MUNICIPALITIES / "odense" / "examples" / "applications.toml",
    "faaborg-midtfyn": MUNICIPALITIES / "faaborg-midtfyn" / "examples" / "applications.json",
}
NOMINATIONS = {
    slug: MUNICIPALITIES / slug / "examples" / "nominations" / "nominations.json"
    for slug in GRANT_EXAMPLES
}
SLUGS = ("odense", "faaborg-midtfyn", "kolding")


def _dir(slug):
    return f"{MUNICIPALITIES / slug}/"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """The bundled examples assessed and checked, as a municipality would have them."""
    folder = tmp_path_factory.mktemp("decisions")
    files = {}
    for slug, path in GRANT_EXAMPLES.items():
        decisions, nominations = folder / f"{slug}.json", folder / f"{slug}-awards.json"
        assert (
            main(["assess", "-m", _dir(slug), str(path), "--format", "json", "-o", str(decisions)])
            == 0
        )
        args = ["awards", "check", "-m", _dir(slug), str(NOMINATIONS[slug])]
        assert main([*args, "--format", "json", "-o", str(nominations)]) == 0
        files[slug] = (decisions, nominations)
    return files


def _inputs(written, slug):
    if slug not in written:
        return []
    decisions, nominations = written[slug]
    return [str(decisions), "--awards", str(nominations)]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("format", ["markdown", "json"])
def test_the_report_works_for_every_municipality(capsys, written, slug, lang, format):
    args = ["report", "-m", _dir(slug), "--year", "2025", *_inputs(written, slug)]
    assert main([*args, "--lang", lang, "--format", format]) == 0
    out = capsys.readouterr().out
    if format == "json":
        document = json.loads(out)
        jsonschema.Draft202012Validator(report_schema()).validate(document)
        assert (document["language"], document["year"]) == (lang, 2025)
        assert document["strategies"]
    else:
        title = {"da": "# Årsrapport 2025", "en": "# Annual report 2025"}[lang]
        assert out.startswith(title)
        assert ("## Tilskud" if lang == "da" else "## Grants") in out


def test_odenses_year_is_counted_by_pool_outcome_and_department(written, odense):
    decisions, nominations = written["odense"]
    records = rp.read_records([decisions], rp.GrantRecord, "decisions", "odense")
    checked = rp.read_records([nominations], rp.NominationRecord, "decisions", "odense")
    report = rp.annual_report(odense, 2025, records, checked)
    grants = report.grants
    assert (grants.decisions, grants.left_out, grants.amount) == (6, 0, Decimal(415000))
    assert [(c.outcome.value, c.applications) for c in grants.outcomes] == [
        ("eligible", 1),
        ("needs_assessment", 3),
        ("ineligible", 2),
    ]
    (pool,) = grants.pools
    assert (pool.id, pool.applications) == ("paragraf18", 6)
    departments = {line.id: line.applications for line in grants.departments}
    assert departments == {"social_og_arbejdsmarked": 3, "aeldre_og_handicap": 1, None: 2}
    awards = {line.award: line for line in report.awards}
    # four nominations are checked; one is for 2026's award, left out and counted
    assert sum(n.nominations for line in awards.values() for n in line.nominations) == 3
    assert report.nominations_left_out == 1
    # the 2009 strategy ended in 2024: the year's are the strategy in force and its revision
    current, revision = report.strategies
    assert (current.strategy, current.state.value) == ("civilsamfundsstrategi", "in_force")
    assert (revision.strategy, revision.overdue) == (
        "revision_civilsamfundsstrategi",
        (sg.Milestone.RECOMMENDATIONS,),
    )


def test_decisions_of_other_years_are_left_out_and_counted(written, odense):
    decisions, _ = written["odense"]
    records = rp.read_records([decisions], rp.GrantRecord, "decisions", "odense")
    report = rp.annual_report(odense, 2024, records)
    assert (report.grants.decisions, report.grants.left_out) == (0, 6)
    assert "6 afgørelser fra andre år" in rp.report_markdown(report, "Odense", "da")


def test_nominations_of_other_years_are_left_out_and_counted(written, odense):
    """A nomination decision of another year is counted as left out, in the report and
    in its Markdown, not dropped unseen."""
    _, nominations = written["odense"]
    checked = rp.read_records([nominations], rp.NominationRecord, "decisions", "odense")
    report = rp.annual_report(odense, 2024, (), checked)
    assert report.nominations_left_out == 4
    assert all(not line.nominations for line in report.awards)
    assert "4 indstillinger fra andre år er ikke talt med." in rp.report_markdown(
        report, "Odense", "da"
    )
    one = rp.annual_report(odense, 2025, (), checked)
    assert "1 nomination of another year is left out." in rp.report_markdown(one, "Odense", "en")


def _record(**changes):
    record = rp.GrantRecord(
        application="odense-2025-009",
        municipality="odense",
        pool="paragraf18",
        outcome=Outcome.ELIGIBLE,
        amount=Decimal(1000),
        audit=RulesDay(rules_date=date(2025, 3, 1)),
        department=Ref(id="social_og_arbejdsmarked"),
    )
    return attrs.evolve(record, **changes)


@pytest.mark.parametrize(
    ("changes", "path", "got"),
    [
        ({"pool": "paragraf79"}, "pool", "'paragraf79'"),
        ({"department": Ref(id="kultur")}, "department.id", "'kultur'"),
    ],
)
def test_a_decision_of_an_unknown_pool_or_department_is_refused(odense, changes, path, got):
    """A decision naming a pool or department Odense does not configure got a line of
    its own; the report is refused, naming the decision, the field and what it expected."""
    kind = path.split(".")[0]
    expected = ", ".join(map(repr, odense.known[kind]))
    with pytest.raises(rp.ReportError) as raised:
        rp.annual_report(odense, 2025, [_record(**changes)])
    assert str(raised.value) == (
        f"grant decision 'odense-2025-009': {path}: expected one of {expected}, got {got}"
    )


def test_an_unknown_pool_of_another_year_is_only_left_out(odense):
    """A decision of another year is left out whatever it names: its pool may be one the
    configuration no longer has."""
    report = rp.annual_report(
        odense, 2025, [_record(pool="old", audit=RulesDay(rules_date=date(2019, 5, 1)))]
    )
    assert (report.grants.decisions, report.grants.left_out) == (0, 1)
    assert [line.id for line in report.grants.pools] == ["paragraf18"]


@pytest.mark.parametrize(
    ("award", "year", "expected"),
    [
        (
            "no-such-award",
            2025,
            "nomination decision 'N-1': award: expected an award given in 2025 "
            "('ildsjaeleprisen', 'mental-trivsel'), got 'no-such-award'",
        ),
        (
            "mental-trivsel",
            2010,
            "nomination decision 'N-1': award: expected an award given in 2010 "
            "('ildsjaeleprisen'), got 'mental-trivsel'",
        ),
        (
            "ildsjaeleprisen",
            2000,
            "nomination decision 'N-1': award: expected no nomination in 2000, when no award "
            "is given, got 'ildsjaeleprisen'",
        ),
    ],
)
def test_a_nomination_for_an_award_not_given_that_year_is_refused(odense, award, year, expected):
    """A nomination decision of the year for an award not given that year vanished
    unseen; it is refused, naming the decision and the award."""
    record = rp.NominationRecord(
        nomination="N-1", municipality="odense", award=award, year=year, outcome=Outcome.ELIGIBLE
    )
    with pytest.raises(rp.ReportError) as raised:
        rp.annual_report(odense, year, (), [record])
    assert str(raised.value) == expected


def test_the_report_command_refuses_what_it_cannot_place(capsys, tmp_path, written):
    """The command line refuses a decision file naming an unknown pool, naming the file
    and the field, and writes nothing."""
    path = _decision_file(tmp_path, written, lambda d: d[2].update(pool="paragraf79"))
    output = tmp_path / "report.md"
    args = ["report", "-m", _dir("odense"), "--year", "2025", str(path), "-o", str(output)]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        f"civilsamfund: error: {path}: [2].pool: expected one of 'paragraf18', got 'paragraf79'\n"
    )
    assert not output.exists()


def test_decisions_made_in_code_are_placed_by_their_place_in_the_list(odense):
    """Records made from decisions in memory name a decision the report cannot place by
    its place in the list, as those read from files name it by file and path."""
    from civilsamfund import grants

    decided = attrs.evolve(grants.assess(odense, ELIGIBLE), pool="paragraf79")
    records = rp.records_of_decisions([decided], "odense")
    with pytest.raises(rp.ReportError) as raised:
        rp.annual_report(odense, 2025, records)
    assert str(raised.value) == (
        "decisions: [0].pool: expected one of 'paragraf18', got 'paragraf79'"
    )


@given(records=st.lists(cst.grant_records(), max_size=30), year=st.integers(2000, 2040))
def test_every_line_adds_up_to_the_totals(records, year):
    """Pools and departments each split the year's decisions: their counts and amounts
    add up to the totals, and each line's outcomes add up to the line."""
    grants = rp.count_grants(records, year, POOLS, DEPARTMENTS)
    kept = [r for r in records if r.year == year]
    assert grants.decisions + grants.left_out == len(records)
    assert grants.amount == sum((r.amount for r in kept), Decimal(0))
    for lines in (grants.pools, grants.departments):
        assert sum(line.applications for line in lines) == grants.decisions
        assert sum((line.amount for line in lines), Decimal(0)) == grants.amount
        for line in lines:
            assert [c.outcome for c in line.outcomes] == list(Outcome)
            assert sum(c.applications for c in line.outcomes) == line.applications
            assert sum((c.amount for c in line.outcomes), Decimal(0)) == line.amount
    assert [line.id for line in grants.pools] == list(POOLS)  # each configured, no other
    assert all(isinstance(line.amount, Decimal) for line in grants.pools)


@given(report=cst.annual_reports(), lang=st.sampled_from(["da", "en"]))
def test_every_report_matches_its_schema_and_renders(report, lang):
    document = json.loads(rp.report_json(report, lang))
    jsonschema.Draft202012Validator(report_schema()).validate(document)
    assert rp.report_markdown(report, "X", lang).endswith("_\n")


def _decision_file(tmp_path, written, change):
    decisions, _ = written["odense"]
    data = json.loads(decisions.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d[1].update(municipality="kolding"), "[1].municipality: expected a decision"),
        (lambda d: d.append(d[0]), "[6]: expected each decision once"),
        (lambda d: d[2].pop("pool"), "[2].pool: required field is missing"),
        (lambda d: d[0].update(amount="-5"), "[0].amount"),
        (lambda d: d[0].update(outcome="granted"), "[0].outcome"),
        (lambda d: d[3]["audit"].update(rules_date="2025-13-01"), "[3].audit.rules_date"),
        (lambda d: d.__setitem__(0, "x"), "[0]: expected a table"),
    ],
)
def test_a_decision_the_report_cannot_count_is_a_clear_error(
    capsys, tmp_path, written, change, expected
):
    path = _decision_file(tmp_path, written, change)
    output = tmp_path / "report.md"
    output.write_text("before", encoding="utf-8")
    args = ["report", "-m", _dir("odense"), "--year", "2025", str(path), "-o", str(output)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"decisions.json: {expected}" in err
    assert "Traceback" not in err
    assert output.read_text(encoding="utf-8") == "before"


def test_nomination_decisions_given_as_grant_decisions_are_refused(capsys, written):
    _, nominations = written["odense"]
    assert main(["report", "-m", _dir("odense"), "--year", "2025", str(nominations)]) == 2
    assert "[0].pool: required field is missing" in capsys.readouterr().err


@pytest.mark.parametrize("year", ["1799", "9999", "2025.0", "２０２５"])
def test_a_year_out_of_range_is_refused(capsys, year):
    with pytest.raises(SystemExit) as exited:
        main(["report", "-m", _dir("kolding"), "--year", year])
    assert exited.value.code == 2
    assert "expected a year" in capsys.readouterr().err


# -- the chart -----------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_the_chart_is_drawn_and_linked_from_the_report(tmp_path, written, suffix, magic):
    pytest.importorskip("matplotlib")
    decisions, _ = written["odense"]
    chart, output = tmp_path / "charts" / f"grants.{suffix}", tmp_path / "report.md"
    chart.parent.mkdir()
    args = ["report", "-m", _dir("odense"), "--year", "2025", str(decisions)]
    assert main([*args, "--chart", str(chart), "-o", str(output), "--lang", "en"]) == 0
    assert chart.read_bytes().startswith(magic)
    assert f"](charts/grants.{suffix})" in output.read_text(encoding="utf-8")


def test_a_chart_is_the_same_whenever_it_is_drawn(tmp_path, written):
    """An SVG chart carries no date and no random ids: drawn twice, the bytes agree."""
    pytest.importorskip("matplotlib")
    decisions, _ = written["odense"]
    args = ["report", "-m", _dir("odense"), "--year", "2025", str(decisions)]
    charts = [tmp_path / "a.svg", tmp_path / "b.svg"]
    for chart in charts:
        assert main([*args, "--chart", str(chart), "-o", str(tmp_path / "r.md")]) == 0
    first, second = (chart.read_bytes() for chart in charts)
    assert first == second
    assert b"<dc:date>" not in first


def test_a_chart_without_matplotlib_is_a_clear_error(capsys, tmp_path, written, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    decisions, _ = written["odense"]
    chart, output = tmp_path / "c.png", tmp_path / "r.md"
    args = ["report", "-m", _dir("odense"), "--year", "2025", str(decisions)]
    assert main([*args, "--chart", str(chart), "-o", str(output)]) == 2
    assert "civilsamfund[chart]" in capsys.readouterr().err
    assert not chart.exists()
    assert not output.exists()


def test_a_chart_of_another_kind_is_refused(capsys, written):
    decisions, _ = written["odense"]
    args = ["report", "-m", _dir("odense"), "--year", "2025", str(decisions), "--chart", "c.gif"]
    assert main(args) == 2
    assert "expected a chart file ending in .png or .svg" in capsys.readouterr().err


def test_importing_the_report_does_not_import_matplotlib():
    import subprocess

    code = "import civilsamfund.report, sys; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_cpr_number_in_a_field_the_report_reads_is_refused_unseen(capsys, tmp_path, written):
    """The fields a report keeps are screened as any input is (the fingerprint, which
    can look like a CPR number, is not kept and so not screened)."""
    path = _decision_file(tmp_path, written, lambda d: d[0].update(application="010190 1234"))
    assert main(["report", "-m", _dir("odense"), "--year", "2025", str(path)]) == 2
    err = capsys.readouterr().err
    assert "decisions.json: [0].application" in err
    assert "1234" not in err


def test_an_award_is_named_as_the_awards_list_names_it(capsys, odense):
    """Odense's 2025 report calls the award given four times what `awards list` calls it
    that year, not by the name of its programme."""
    assert main(["awards", "list", "-m", _dir("odense"), "--year", "2025"]) == 0
    assert "  Ildsjælepris    4" in capsys.readouterr().out
    report = rp.annual_report(odense, 2025)
    assert "| Ildsjælepris | 4 |" in rp.report_markdown(report, odense.name, "da")
    assert report.names["ildsjaeleprisen"].da == "Ildsjælepris"
    assert report.names["ildsjaelepriserne"].da == "Ildsjælepriserne"


@pytest.mark.parametrize("slug", ["odense", "faaborg-midtfyn"])
def test_decisions_made_in_memory_give_the_report_the_files_give(written, slug):
    """Grant and nomination decisions made in Python report as the files written from
    them do, for each municipality's bundled examples."""
    from civilsamfund import awards, grants, load_municipality

    municipality = load_municipality(_dir(slug))
    decided = [
        grants.assess(municipality, a) for a in grants.read_applications(GRANT_EXAMPLES[slug])
    ]
    checked = [awards.assess(municipality, n) for n in awards.read_nominations(NOMINATIONS[slug])]
    in_memory = rp.annual_report(
        municipality,
        2025,
        rp.records_of_decisions(decided, slug),
        rp.records_of_nominations(checked, slug),
    )
    decisions, nominations = written[slug]
    from_files = rp.annual_report(
        municipality,
        2025,
        rp.read_records([decisions], rp.GrantRecord, "decisions", slug),
        rp.read_records([nominations], rp.NominationRecord, "decisions", slug),
    )
    assert in_memory.grants.decisions > 0
    assert rp.report_json(in_memory, "en") == rp.report_json(from_files, "en")


def test_decisions_in_memory_are_refused_as_in_files(odense):
    """A decision of another municipality, or one given twice, is refused naming its
    place in the list, as a file's would be."""
    from civilsamfund import grants

    mine = grants.assess(odense, ELIGIBLE)
    theirs = attrs.evolve(mine, municipality="faaborg-midtfyn")
    with pytest.raises(rp.ReportError) as raised:
        rp.records_of_decisions([mine, theirs, mine], "odense")
    assert str(raised.value).splitlines() == [
        "decisions: [1].municipality: expected a decision of 'odense', got one of "
        "'faaborg-midtfyn'",
        f"decisions: [2]: expected each decision once, got {ELIGIBLE.id!r} again "
        "(first in decisions at [0])",
    ]
