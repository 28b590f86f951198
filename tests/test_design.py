"""Design processes: points papers ranked by a stated method with ties shown, postcard
evaluations counted on their scale, and meeting records tied to their strategy."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import attrs
import jsonschema
import pytest
from helpers import MUNICIPALITIES, tomllib
from hypothesis import given
from hypothesis import strategies as st

from civilsamfund import InputError
from civilsamfund import strategy as sg
from civilsamfund import testing as cst
from civilsamfund.cli import main
from civilsamfund.core._prose import prose_date

KOLDING = MUNICIPALITIES / "kolding"
EXAMPLES = {
    "kolding": KOLDING / "examples" / "design" / "2024.toml",
    "odense": MUNICIPALITIES / "odense" / "examples" / "design" / "2024-03-21.toml",
}
TEXT = {"da": "punkt", "en": "point"}


def _paper(size, *priorities, method="borda"):
    points = [{"number": n, "text": {"da": f"p{n}", "en": f"p{n}"}} for n in range(1, size + 1)]
    data = {"id": "paper", "method": method, "points": points}
    data["priorities"] = [{"points": list(listed)} for listed in priorities]
    return data


def _meeting(**fields):
    return {
        "id": "m",
        "strategy": "civilsamfund_og_frivillighed",
        "committee": "social_baeredygtighed",
        "on": "2024-09-16",
        **fields,
    }


def _summary(kolding, **fields):
    (meeting,) = sg.meetings_from_data([_meeting(**fields)])
    summariser = sg.DesignSummariser(kolding)
    return summariser.summarise(summariser.admit(meeting))


@pytest.fixture(scope="module")
def kolding():
    from civilsamfund import Plugins, load_municipality_dir

    return load_municipality_dir(KOLDING, Plugins())


# -- the ranking ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "priorities", "expected"),
    [
        # Borda on 3 points: first 3, second 2, third 1, left out 0.
        ("borda", [(1, 2, 3)], [(1, 3, 1, False), (2, 2, 2, False), (3, 1, 3, False)]),
        ("borda", [(1, 2), (2, 1)], [(1, 5, 1, True), (2, 5, 1, True), (3, 0, 3, False)]),
        ("borda", [(3,), (2, 1)], [(2, 3, 1, True), (3, 3, 1, True), (1, 2, 3, False)]),
        ("borda", [], [(1, 0, 1, True), (2, 0, 1, True), (3, 0, 1, True)]),
        # Approval: each listing is one point, whatever its place.
        ("approval", [(1, 2), (2, 3)], [(2, 2, 1, False), (1, 1, 2, True), (3, 1, 2, True)]),
    ],
)
def test_the_ranking_follows_its_stated_method_and_shows_ties(method, priorities, expected):
    paper = sg.PointsPaper(**_structured_paper(_paper(3, *priorities, method=method)))
    ranking = sg.rank(paper)
    assert [(p.number, p.score, p.rank, p.tied) for p in ranking.points] == expected
    assert ranking.members == len(priorities)


def _structured_paper(data):
    (meeting,) = sg.meetings_from_data([_meeting(paper=data)])
    assert meeting.paper is not None
    return {
        "id": meeting.paper.id,
        "points": meeting.paper.points,
        "priorities": meeting.paper.priorities,
        "method": meeting.paper.method,
    }


def test_the_kolding_example_ranks_with_two_ties(kolding):
    (_, committee) = sg.read_meetings(EXAMPLES["kolding"])
    ranking = sg.rank(committee.paper)
    assert [(p.number, p.score, p.rank, p.tied) for p in ranking.points] == [
        (1, 20, 1, True),
        (2, 20, 1, True),
        (3, 19, 3, True),
        (5, 19, 3, True),
        (6, 14, 5, False),
        (4, 4, 6, False),
    ]
    assert [p.first_by for p in ranking.points] == [2, 1, 1, 1, 1, 0]


@given(paper=cst.points_papers())
def test_ranks_follow_scores_and_ties_share_a_rank(paper):
    ranking = sg.rank(paper)
    scores = [p.score for p in ranking.points]
    assert scores == sorted(scores, reverse=True)
    for point in ranking.points:
        higher = sum(1 for other in ranking.points if other.score > point.score)
        same = sum(1 for other in ranking.points if other.score == point.score)
        assert point.rank == higher + 1
        assert point.tied == (same > 1)
        assert 0 <= point.first_by <= point.listed_by <= ranking.members
    assert sorted(p.number for p in ranking.points) == sorted(p.number for p in paper.points)


@given(paper=cst.points_papers())
def test_borda_hands_out_exactly_the_points_the_listings_are_worth(paper):
    size = len(paper.points)
    expected = {
        sg.RankingMethod.BORDA: sum(
            size - place for priority in paper.priorities for place in range(len(priority.points))
        ),
        sg.RankingMethod.APPROVAL: sum(len(priority.points) for priority in paper.priorities),
    }[paper.method]
    assert sum(p.score for p in sg.rank(paper).points) == expected


@given(paper=cst.points_papers(), data=st.data())
def test_the_ranking_does_not_depend_on_the_order_members_are_listed(paper, data):
    shuffled = data.draw(st.permutations(paper.priorities))
    again = sg.PointsPaper(
        id=paper.id, points=paper.points, priorities=tuple(shuffled), method=paper.method
    )
    assert sg.rank(again) == sg.rank(paper)


# -- the evaluation ------------------------------------------------------------------


def test_the_citizen_meeting_postcards_give_the_minutes_count_and_mean():
    (citizen, _) = sg.read_meetings(EXAMPLES["kolding"])
    summary = sg.summarise(citizen.evaluation)
    assert (summary.count, summary.mean) == (42, Decimal("4.60"))
    assert [(r.rating, r.count) for r in summary.distribution] == [
        (1, 0),
        (2, 0),
        (3, 2),
        (4, 13),
        (5, 27),
    ]
    assert summary.median == Decimal("5.00")


@pytest.mark.parametrize(
    ("ratings", "mean", "median"),
    [
        ((), None, None),
        ((1,), Decimal("1.00"), Decimal("1.00")),
        ((1, 2), Decimal("1.50"), Decimal("1.50")),
        ((5, 5, 4), Decimal("4.67"), Decimal("5.00")),
        ((1, 2, 2), Decimal("1.67"), Decimal("2.00")),
        ((4, 5, 5, 5, 5, 5), Decimal("4.83"), Decimal("5.00")),
        ((3, 3, 3, 4), Decimal("3.25"), Decimal("3.00")),
        ((1, 2, 2, 2, 2, 2, 2, 2), Decimal("1.88"), Decimal("2.00")),
    ],
)
def test_mean_and_median_are_rounded_half_up_to_two_decimals(ratings, mean, median):
    summary = sg.summarise(sg.Evaluation(ratings=ratings))
    assert (summary.mean, summary.median, summary.count) == (mean, median, len(ratings))


@given(evaluation=cst.evaluations())
def test_the_distribution_covers_the_scale_and_sums_to_the_count(evaluation):
    summary = sg.summarise(evaluation)
    assert [r.rating for r in summary.distribution] == list(
        range(evaluation.lowest, evaluation.highest + 1)
    )
    assert sum(r.count for r in summary.distribution) == summary.count
    assert sum(r.rating * r.count for r in summary.distribution) == summary.total
    if summary.count:
        assert summary.mean is not None
        assert summary.median is not None
        assert evaluation.lowest <= summary.mean <= evaluation.highest
        assert abs(summary.mean - Decimal(summary.total) / summary.count) <= Decimal("0.005")


@pytest.mark.parametrize("rating", [0, 6, -1, 100])
def test_a_rating_off_the_scale_is_a_clear_error_with_file_and_path(tmp_path, rating):
    path = tmp_path / "meetings.json"
    evaluation = {"ratings": [5, 4, rating]}
    path.write_text(json.dumps({"meetings": [_meeting(evaluation=evaluation)]}))
    with pytest.raises(sg.DesignError) as caught:
        sg.read_meetings(path)
    message = str(caught.value)
    assert "meetings.json" in message
    assert "meetings[0].evaluation.ratings[2]" in message
    assert f"expected a rating from 1 to 5, got {rating}" in message


@pytest.mark.parametrize(
    ("evaluation", "path", "expected"),
    [
        ({"ratings": [5, "5"]}, "evaluation.ratings[1]", "expected a whole number"),
        ({"ratings": [5, 4.5]}, "evaluation.ratings[1]", "expected a whole number"),
        ({"ratings": [True]}, "evaluation.ratings[0]", "expected a whole number"),
        ({"ratings": 5}, "evaluation.ratings", "expected a list"),
        ({"lowest": 5, "highest": 5}, "evaluation.highest", "above lowest (5)"),
        ({"highest": 101}, "evaluation.highest", "from 0 to 100"),
        ({"ratings": [5], "scale": 10}, "evaluation.scale", "unknown"),
    ],
)
def test_a_bad_evaluation_is_a_clear_error(evaluation, path, expected):
    with pytest.raises(sg.DesignError) as caught:
        sg.meetings_from_data([_meeting(evaluation=evaluation)], source="in.json")
    assert f"[0].{path}" in str(caught.value)
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("paper", "path", "expected"),
    [
        (_paper(3, (1, 4)), "paper.priorities[0].points[1]", "a point on the paper (1, 2, 3)"),
        (_paper(3, (1, 2, 1)), "paper.priorities[0].points[2]", "each point once, got 1 again"),
        (_paper(3, ()), "paper.priorities[0].points", "at least one item"),
        (_paper(0), "paper.points", "at least one item"),
        ({**_paper(2), "method": "plurality"}, "paper.method", "'borda', 'approval'"),
        (
            {**_paper(1), "points": [{"number": 1, "text": {"da": "a", "en": "a"}}] * 2},
            "paper.points[1].number",
            "each point once",
        ),
        ({**_paper(1), "points": [{"number": 0, "text": {"da": "a", "en": "a"}}]}, "number", "1"),
    ],
)
def test_a_bad_points_paper_is_a_clear_error(paper, path, expected):
    with pytest.raises(sg.DesignError) as caught:
        sg.meetings_from_data([_meeting(paper=paper)], source="in.json")
    assert path in str(caught.value)
    assert expected in str(caught.value)


def test_a_member_reference_that_looks_like_a_cpr_number_is_refused_unseen():
    paper = _paper(2)
    paper["priorities"] = [{"member": "010190 1234", "points": [1]}]
    with pytest.raises(InputError) as caught:
        sg.meetings_from_data([_meeting(paper=paper)], source="in.json")
    assert "1234" not in str(caught.value)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"strategy": "nope"}, "strategy"),
        ({"committee": "nope"}, "committee"),
    ],
)
def test_an_unknown_strategy_or_committee_is_named(kolding, fields, expected):
    (meeting,) = sg.meetings_from_data([_meeting(**fields)])
    with pytest.raises(sg.DesignError) as caught:
        sg.DesignSummariser(kolding).admit(meeting)
    assert expected in str(caught.value)
    assert "'nope'" in str(caught.value)


def test_the_summary_links_the_meeting_to_its_strategy(kolding):
    summary = _summary(kolding, paper=_paper(2, (2,)), evaluation={"ratings": [5]})
    assert summary.names["civilsamfund_og_frivillighed"].en.startswith("Strategy for civil")
    assert summary.names["social_baeredygtighed"].da
    assert summary.ranking is not None
    assert summary.ranking.points[0].number == 2
    assert summary.evaluation is not None
    assert summary.evaluation.mean == Decimal("5.00")


def test_members_never_appear_in_a_summary(kolding):
    paper = _paper(2)
    paper["priorities"] = [{"member": "medlem-hemmelig", "points": [1]}]
    summary = _summary(kolding, paper=paper)
    for language in ("da", "en"):
        assert "hemmelig" not in sg.meeting_text(summary, language)
        assert "hemmelig" not in json.dumps(sg.meeting_document(summary, language))
    (meeting,) = sg.meetings_from_data([_meeting(paper=paper)])
    assert "hemmelig" not in repr(meeting)


def test_reading_leaves_the_data_as_it_was():
    data = [_meeting(paper=_paper(3, (1, 2)), evaluation={"ratings": [1, 5]})]
    before = copy.deepcopy(data)
    sg.meetings_from_data(data)
    assert data == before


# -- the command and the schemas -----------------------------------------------------


@pytest.mark.parametrize("slug", sorted(EXAMPLES))
@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("format", ["text", "json"])
def test_design_works_on_the_bundled_examples(capsys, slug, lang, format):
    path = MUNICIPALITIES / slug
    args = ["strategy", "design", "-m", f"{path}/", str(EXAMPLES[slug]), "--lang", lang]
    assert main([*args, "--format", format]) == 0
    out = capsys.readouterr().out
    if format == "json":
        documents = json.loads(out)
        jsonschema.Draft202012Validator(sg_schema()).validate(documents)
        assert {d["language"] for d in documents} == {lang}
        assert all(d["ranking"] or d["evaluation"] for d in documents)
    else:
        assert TEXT[lang] in out.lower() or "evaluering" in out.lower()


def test_design_works_with_faaborg_midtfyns_configuration(capsys, tmp_path):
    """The sources hold no Faaborg-Midtfyn design meeting; a record made here runs."""
    record = _meeting(
        strategy="frivillig_social_strategi_2018",
        committee=None,
        evaluation={"ratings": [4, 5]},
    )
    del record["committee"]
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps([record]))
    args = ["strategy", "design", "-m", f"{MUNICIPALITIES / 'faaborg-midtfyn'}/", str(path)]
    assert main([*args, "--lang", "en"]) == 0
    assert "mean 4.50" in capsys.readouterr().out


def sg_schema():
    from civilsamfund.strategy._schema import summary_schema

    return summary_schema()


@given(summary=cst.meeting_summaries, lang=st.sampled_from(["da", "en"]))
def test_every_summary_document_matches_its_schema(summary, lang):
    document = json.loads(json.dumps(sg.meeting_document(summary, lang)))
    jsonschema.Draft202012Validator(sg_schema()).validate([document])


def test_the_input_schema_takes_the_bundled_records():
    from civilsamfund.strategy._schema import meetings_schema

    validator = jsonschema.Draft202012Validator(meetings_schema())
    for path in EXAMPLES.values():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        validator.validate(json.loads(json.dumps(data, default=str)))


def test_a_bad_record_after_good_ones_leaves_the_output_as_it_was(capsys, tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps([_meeting(), {**_meeting(), "id": "x", "strategy": "nope"}]))
    output = tmp_path / "out.json"
    output.write_text("before", encoding="utf-8")
    args = ["strategy", "design", "-m", f"{KOLDING}/", str(bad), "-o", str(output)]
    assert main(args) == 2
    assert output.read_text(encoding="utf-8") == "before"
    assert "[1]" in capsys.readouterr().err


@given(meeting=cst.design_meetings, known=st.booleans())
def test_any_generated_meeting_sums_up_or_is_refused_clearly(kolding, meeting, known):
    """A meeting naming Kolding's strategy and committee sums up in both languages;
    one naming anything else is refused with a DesignError."""
    if known:
        meeting = attrs.evolve(
            meeting, strategy="civilsamfund_og_frivillighed", committee="social_baeredygtighed"
        )
    summariser = sg.DesignSummariser(kolding)
    if not known:
        with pytest.raises(sg.DesignError):
            summariser.admit(meeting)
        return
    summary = summariser.summarise(summariser.admit(meeting))
    for language in ("da", "en"):
        first = sg.meeting_text(summary, language).splitlines()[0]
        assert first.endswith(prose_date(meeting.on, language))  # the record's id stays in JSON
        jsonschema.Draft202012Validator(sg_schema()).validate(
            [json.loads(json.dumps(sg.meeting_document(summary, language)))]
        )


@pytest.mark.parametrize(
    ("document", "path"),
    [
        ([_meeting(evaluation={"ratings": [5, 4, 6]})], "m.json: [0].evaluation.ratings[2]:"),
        ({"meetings": [_meeting(strategy="x")]}, "m.json: meetings[0].strategy:"),
    ],
)
def test_the_command_names_the_file_and_the_path_once(capsys, tmp_path, document, path):
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps(document))
    assert main(["strategy", "design", "-m", f"{KOLDING}/", str(bad)]) == 2
    err = capsys.readouterr().err
    assert path in err
    assert "Traceback" not in err
