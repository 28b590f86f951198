"""Strategies: where each stands on a day by its cited schedule, principles and
objectives mapped, and configuration that cannot hold."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta

import pytest
from helpers import MUNICIPALITIES, edit
from hypothesis import given
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import strategy as sg
from civilsamfund import testing as cst
from civilsamfund.cli import main

SLUGS = ("odense", "faaborg-midtfyn", "kolding")


def _path(slug):
    return f"{MUNICIPALITIES / slug}/"


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("format", ["text", "json"])
def test_status_works_for_every_municipality(capsys, slug, lang, format):
    args = ["strategy", "status", "-m", _path(slug), "--on", "2024-10-15"]
    assert main([*args, "--lang", lang, "--format", format]) == 0
    out = capsys.readouterr().out
    if format == "json":
        for document in json.loads(out):
            assert document["language"] == lang
            assert all(
                f["citation"]["document"].startswith(slug.split("-")[0])
                for f in document["findings"]
            )
    else:
        on = "pr. 15. oktober 2024" if lang == "da" else "on 15 October 2024"
        assert f" {on}:" in out
        assert f"({slug})" not in out  # the slug is an internal id, not for a reader


def test_faaborg_recognition_serves_no_principle_and_the_rest_map_one_to_one(faaborg):
    (status,) = sg.strategy_status(faaborg, date(2020, 1, 1))
    assert status.objectives_without_principle == ("anerkendelse_maal",)
    assert status.principles_without_objective == ()
    served = [o.principle for o in status.strategy.objectives if o.principle]
    assert sorted(served) == ["princip_1", "princip_2", "princip_3", "princip_4"]


ODENSE_2009 = "strategi_frivilligt_socialt_arbejde_2009"


def test_the_status_cites_the_sections_the_dates_come_from(faaborg, odense):
    for municipality, on, strategy, section in (
        (faaborg, date(2030, 1, 1), None, "Sådan følger vi op"),
        (odense, date(2020, 1, 1), ODENSE_2009, "Status og revision"),
    ):
        (status,) = sg.strategy_status(municipality, on, strategy)
        assert {f.citation.section for f in status.findings} == {section}
        assert status.state is sg.StrategyState.OVERDUE


def test_a_recorded_status_review_is_done(tmp_path):
    target = tmp_path / "faaborg-midtfyn"
    shutil.copytree(MUNICIPALITIES / "faaborg-midtfyn", target)
    path = target / "strategy.toml"
    text = path.read_text(encoding="utf-8").replace(
        'criteria = ["FMS-STATUS"',
        'done = [{ milestone = "status_review", on = 2019-10-15 }]\ncriteria = ["FMS-STATUS"',
    )
    path.write_text(text, encoding="utf-8")
    municipality = cs.load_municipality_dir(target, cs.Plugins())
    (before,) = sg.strategy_status(municipality, date(2019, 10, 14))
    (after,) = sg.strategy_status(municipality, date(2020, 6, 1))
    assert before.state is sg.StrategyState.DUE
    assert after.state is sg.StrategyState.IN_FORCE
    assert "reached on 15 October 2019" in after.findings[0].reason.en


@given(on=st.dates(date(2009, 6, 1), date(2040, 12, 31)))
def test_odense_revision_is_due_in_2011_and_overdue_after(odense, on):
    """Every second year after June 2009: due through 2011, overdue from 2012 until the
    strategy's last day in force (20 March 2024), and not judged after it."""
    (status,) = sg.strategy_status(odense, on, ODENSE_2009)
    found = [f.status for f in status.findings if f.criterion == "ODS-REVISION"]
    expected = (
        cs.Status.PASS if on.year < 2011 else cs.Status.FLAG if on.year == 2011 else cs.Status.FAIL
    )
    assert found == ([expected] if on <= date(2024, 3, 20) else [])


def _statuses(municipality, on):
    return {s.strategy.id: s for s in sg.strategy_status(municipality, on)}


def test_odenses_2009_strategy_is_superseded_by_the_one_the_2024_minutes_call_current(odense):
    """On 1 January 2025 the 2009 strategy is no longer in force and nothing of its
    schedule is overdue; the strategy in force is the civil society strategy, and its
    revision has the committee's approval of recommendations overdue."""
    statuses = _statuses(odense, date(2025, 1, 1))
    assert list(statuses) == [
        ODENSE_2009,
        "civilsamfundsstrategi",
        "revision_civilsamfundsstrategi",
    ]
    old, current, revision = statuses.values()
    assert (old.state, old.findings, old.overdue) == (sg.StrategyState.ENDED, (), ())
    assert current.state is sg.StrategyState.IN_FORCE
    assert revision.state is sg.StrategyState.NOT_ADOPTED
    assert revision.overdue == (sg.Milestone.RECOMMENDATIONS,)
    text = sg.status_text(old, "en").splitlines()
    assert text[0].endswith("(revised June 2009) on 1 January 2025: no longer in force")
    assert text[2] == (
        "In force until 20 March 2024; superseded by Odense Kommune's civil society strategy "
        "(in force in 2024)"
    )
    assert "Tidsplan: bedømmes ikke efter sidste gældende dag" in sg.status_text(old, "da")
    assert "Revises: Odense Kommune's civil society strategy (in force in 2024)" in (
        sg.status_text(revision, "en")
    )


def test_the_strategy_in_force_in_2024_is_not_known_before_the_minutes(odense):
    """The adoption day of the strategy the minutes call current is not in the documents:
    it is known to be in force from 21 March 2024, and before that is not known."""
    before = _statuses(odense, date(2024, 3, 20))
    on = _statuses(odense, date(2024, 3, 21))
    assert before[ODENSE_2009].state is sg.StrategyState.OVERDUE
    assert before["civilsamfundsstrategi"].state is sg.StrategyState.NOT_KNOWN
    assert on[ODENSE_2009].state is sg.StrategyState.ENDED
    assert on["civilsamfundsstrategi"].state is sg.StrategyState.IN_FORCE
    lines = sg.status_text(before["civilsamfundsstrategi"], "da").splitlines()
    assert lines[0].endswith("(gældende i 2024) pr. 20. marts 2024: ikke kendt som gældende")
    assert lines[1] == "Kendt som gældende fra 21. marts 2024; vedtagelsesdagen kendes ikke"
    assert lines[2] == "Tidsplan: ingen"


@given(days=st.integers(-400, 400))
def test_faaborg_status_review_at_its_window(faaborg, days):
    on = date(2019, 9, 1) + timedelta(days=days)
    (status,) = sg.strategy_status(faaborg, on)
    (finding,) = [f for f in status.findings if f.criterion == "FMS-STATUS"]
    window = date(2019, 9, 1) <= on <= date(2019, 11, 30)
    assert (finding.status is cs.Status.FLAG) is window
    assert (finding.status is cs.Status.FAIL) is (on > date(2019, 11, 30))


def test_status_on_the_last_day_there_is(tmp_path):
    """A schedule every so many years reaches the last day there is without overflowing
    (Odense's 2009 strategy as if it had not ended)."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    for name in ("strategy.toml", "criteria.toml"):
        path = target / name
        text = path.read_text(encoding="utf-8")
        for line in ("ends_on = 2024-03-20\n", 'superseded_by = "civilsamfundsstrategi"\n'):
            text = text.replace(line, "")
        path.write_text(text.replace("valid_until = 2024-03-20\n", ""), encoding="utf-8")
    odense = cs.load_municipality_dir(target, cs.Plugins())
    (status,) = sg.strategy_status(odense, date(9999, 12, 31), ODENSE_2009)
    assert status.state is sg.StrategyState.OVERDUE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--strategy", "nope"], "expected a configured strategy"),
        (["--on", "2024-13-01"], "--on"),
        (["--on", "20240101"], "--on"),
    ],
)
def test_bad_arguments_are_clear_errors(capsys, args, message):
    try:
        code = main(["strategy", "status", "-m", "odense", *args])
    except SystemExit as stop:
        code = stop.code
    assert code == 2
    assert message in capsys.readouterr().err


@given(st.from_type(sg.StrategyStatus), st.sampled_from(["da", "en"]))
def test_any_status_renders(status, language):
    document = json.loads(json.dumps(sg.status_document(status, language)))
    assert document["strategy"] == status.strategy.id
    assert sg.status_text(status, language).endswith("\n")


@given(cst.strategy_models())
def test_generated_strategies_have_consistent_periods(strategy):
    if strategy.period_start and strategy.period_end:
        assert strategy.period_start <= strategy.period_end
    start = strategy.adopted_on or strategy.in_force_by
    if strategy.ends_on and start:
        assert start <= strategy.ends_on
    assert strategy.ends_on or not strategy.superseded_by


def _problems(tmp_path, slug, file, old, new):
    target = tmp_path / slug
    shutil.copytree(MUNICIPALITIES / slug, target)
    path = target / file
    edit(path, old, new)
    return [str(p) for p in cs.check_conformance(target, cs.Plugins())]


@pytest.mark.parametrize(
    ("slug", "file", "old", "new", "message"),
    [
        (
            "odense",
            "strategy.toml",
            'heard = ["samarbejdsforum"',
            'heard = ["byraadet"',
            "strategies[0].heard[0]: expected the id of a forum or council",
        ),
        (
            "odense",
            "strategy.toml",
            'criteria = ["ODS-REPORT"',
            'criteria = ["O18-4"',
            "judging a strategy's schedule, got 'O18-4'",
        ),
        (
            "faaborg-midtfyn",
            "strategy.toml",
            'criteria = ["FMS-STATUS"',
            'done = [{ milestone = "evaluation", on = 2020-01-01 }]\ncriteria = ["FMS-STATUS"',
            "done[0].milestone: expected a milestone one of the strategy's criteria schedules",
        ),
        (
            "faaborg-midtfyn",
            "strategy.toml",
            'principle = "princip_1"',
            'principle = "princip_9"',
            "objectives[0].principle",
        ),
        (
            "faaborg-midtfyn",
            "criteria.toml",
            'start = "2019-09-01", end = "2019-11-30"',
            'start = "2019-11-30", end = "2019-09-01"',
            "params.end: expected a day on or after start",
        ),
        (
            "faaborg-midtfyn",
            "strategy.toml",
            "period_end = 2021-12-31",
            "period_end = 2017-12-31",
            "strategies[0].period_end: expected a day on or after period_start",
        ),
        (
            "odense",
            "strategy.toml",
            "ends_on = 2024-03-20\n",
            "",
            "strategies[0].criteria[0]: criterion 'ODS-REPORT' is not in force on 2024-03-21, "
            "while this version is: every day of it must be covered",
        ),
        (
            "odense",
            "strategy.toml",
            "ends_on = 2024-03-20",
            "ends_on = 2009-05-31",
            "strategies[0].ends_on: expected a day on or after adopted_on (2009-06-01)",
        ),
        (
            "odense",
            "strategy.toml",
            "in_force_by = 2024-03-21",
            "in_force_by = 2024-03-20",
            "strategies[0].ends_on: expected a day before 'civilsamfundsstrategi' is in force "
            "(in_force_by 2024-03-20)",
        ),
        (
            "odense",
            "strategy.toml",
            'superseded_by = "civilsamfundsstrategi"',
            'superseded_by = "civilsamfundsstrategien"',
            "strategies[0].superseded_by",
        ),
        (
            "odense",
            "strategy.toml",
            "in_force_by = 2024-03-21",
            "in_force_by = 2024-03-21\nadopted_on = 2014-06-25",
            "strategies[1].in_force_by: expected no in_force_by when adopted_on gives the day",
        ),
        (
            "odense",
            "strategy.toml",
            'revises = "civilsamfundsstrategi"',
            'revises = "revision_civilsamfundsstrategi"',
            "strategies[2].revises: expected another strategy than "
            "'revision_civilsamfundsstrategi' itself",
        ),
    ],
)
def test_configuration_that_cannot_hold_fails(tmp_path, slug, file, old, new, message):
    assert any(message in p for p in _problems(tmp_path, slug, file, old, new))


def _status_validator():
    import jsonschema

    from civilsamfund.strategy._schema import status_schema

    return jsonschema.Draft202012Validator(status_schema())


@pytest.mark.parametrize("slug", SLUGS)
def test_the_status_documents_match_their_schema(capsys, slug):
    args = ["strategy", "status", "-m", _path(slug), "--on", "2024-10-15", "--format", "json"]
    assert main(args) == 0
    _status_validator().validate(json.loads(capsys.readouterr().out))


@given(status=cst.strategy_statuses, lang=st.sampled_from(["da", "en"]))
def test_every_status_document_matches_its_schema(status, lang):
    document = json.loads(json.dumps(sg.status_document(status, lang)))
    _status_validator().validate([document])


@pytest.mark.parametrize(
    ("on", "language", "expected"),
    [
        ("2024-09-30", "en", "on 30 September 2024: not adopted"),
        ("2024-11-01", "da", "pr. 1. november 2024: ikke vedtaget; forsinket med første udkast"),
        (
            "2024-12-05",
            "en",
            "on 5 December 2024: not adopted; behind on first draft; written strategy now due",
        ),
        (
            "2024-12-05",
            "da",
            "pr. 5. december 2024: ikke vedtaget; forsinket med første udkast; færdigskrevet "
            "strategi forfalder nu",
        ),
    ],
)
def test_the_state_line_of_a_strategy_not_adopted_names_what_is_late_and_due(
    capsys, on, language, expected
):
    """Kolding's strategy is not adopted in the documents: its first line still says
    that the October draft is late and, in December, that the written strategy is due."""
    kolding = f"{MUNICIPALITIES / 'kolding'}/"
    main(["strategy", "status", "-m", kolding, "--on", on, "--lang", language])
    assert capsys.readouterr().out.splitlines()[0].endswith(f"2024-25) {expected}")


def test_koldings_strategy_is_to_be_written_by_the_end_of_2024_not_adopted():
    """The minutes have the strategy written by the end of 2024, with no adoption and no
    period in force: the December milestone is the written strategy, and 2024-25, the
    committee's working period, is no period of the strategy's."""
    kolding = cs.load_municipality_dir(MUNICIPALITIES / "kolding", cs.Plugins())
    (status,) = sg.strategy_status(kolding, date(2024, 12, 5))
    assert status.due == (sg.Milestone.WRITTEN,)
    (finding,) = [f for f in status.findings if f.criterion == "KST-STRATEGY"]
    assert finding.reason.en == (
        'The milestone "written strategy" is due now, by 31 December 2024.'
    )
    assert finding.reason.da == (
        'Milepælen "færdigskrevet strategi" er forfalden nu og skal nås senest 31. december 2024.'
    )
    assert (status.strategy.period_start, status.strategy.period_end) == (None, None)
    assert "Period" not in sg.status_text(status, "en")


def test_a_milestone_due_on_one_day_names_that_day_once(odense):
    """A window of one day reads 'falls due on 23 May 2024', not 'from … to' the same day."""
    statuses = {s.strategy.id: s for s in sg.strategy_status(odense, date(2024, 5, 22))}
    (finding,) = statuses["revision_civilsamfundsstrategi"].findings
    assert finding.reason.en == (
        'The milestone "approval of recommendations" is not due yet; it falls due on 23 May 2024.'
    )
    assert finding.reason.da.endswith("den forfalder 23. maj 2024.")


def test_a_superseded_strategy_must_say_its_last_day():
    """A strategy that names its successor but not its last day is refused at ends_on
    (the configuration's own criteria, checked first, usually say so already)."""
    from civilsamfund.strategy._sections import _lifetime

    strategy = sg.Strategy(
        id="old",
        title=cs.Text(da="Gammel", en="Old"),
        citation=cs.Citation(document="d.txt", section="1"),
        adopted_on=date(2009, 6, 1),
        superseded_by="new",
    )
    assert list(_lifetime(strategy, "strategies[0]", {"old": strategy})) == [
        (
            "strategies[0].ends_on",
            "expected its last day in force, as superseded_by names a successor",
        )
    ]
