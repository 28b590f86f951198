"""The year catalogue's arithmetic on generated data: rotations, award days, month bounds
and the years a version holds, beyond what the shipped awards happen to exercise."""

from __future__ import annotations

import shutil
import types
from datetime import date

import pytest
from helpers import MUNICIPALITIES, edit, load_problems
from hypothesis import given
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import awards as aw
from civilsamfund.awards._year import award_day, holding
from civilsamfund.core._errors import FieldValueError
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text

CITATION = Citation(document="awards.txt", section="1")
READING = Text(da="Rækkefølgen er kildens.", en="The order is the source's.")

years = st.integers(1800, 9998)
months = st.lists(st.integers(1, 12), min_size=1, max_size=12)


@pytest.fixture(scope="module")
def odense():
    return cs.load_municipality_dir(MUNICIPALITIES / "odense", cs.Plugins())


def _edition(**fields):
    return aw.Edition(first_year=2000, count=1, citation=CITATION, **fields)


@given(
    groups=st.lists(st.text("abcdefgh", min_size=1, max_size=3), min_size=1, max_size=7),
    first_year=st.integers(1800, 5000),
    offset=st.integers(0, 4998),
)
def test_a_rotation_counts_its_groups_from_its_first_year(groups, first_year, offset):
    """The group of a year is the one ``year - first_year`` places into the listed order."""
    rotation = aw.Rotation(groups=tuple(groups), first_year=first_year, reading=READING)
    year = first_year + offset
    assert rotation.group(year) == groups[offset % len(groups)]
    assert rotation.group(first_year) == groups[0]


@given(
    groups=st.lists(st.text("abc", min_size=1, max_size=2), min_size=1, max_size=5),
    first_year=st.integers(1801, 9998),
    before=st.integers(1, 100),
)
def test_a_rotation_names_no_group_before_it_starts(groups, first_year, before):
    """Before its first year a rotation has no target group, and neither has its award."""
    rotation = aw.Rotation(groups=tuple(groups), first_year=first_year, reading=READING)
    assert rotation.group(first_year - before) is None


def test_an_award_without_a_rotation_keeps_its_fixed_group():
    """A fixed target group holds every year; a rotation replaces it."""
    fields = {
        "first_year": 2000,
        "name": Text(da="Pris", en="Award"),
        "winners": (aw.NomineeKind.VOLUNTEER,),
        "who": Text(da="En frivillig", en="A volunteer"),
        "citation": CITATION,
    }
    fixed = aw.AwardVersion(**fields, target_group="older")
    rotating = aw.AwardVersion(
        **fields, rotation=aw.Rotation(groups=("a", "b"), first_year=2001, reading=READING)
    )
    assert [fixed.group(y) for y in (2000, 2001, 2002)] == ["older"] * 3
    assert [rotating.group(y) for y in (2000, 2001, 2002, 2003)] == [None, "a", "b", "a"]


@given(year=years, listed=months)
def test_the_award_day_is_the_first_day_of_the_first_listed_month(year, listed):
    """The rules in force on the first day of the first month given judge the nominations."""
    assert award_day(_edition(months=tuple(listed)), year) == date(year, listed[0], 1)


@given(year=years)
def test_without_a_month_the_award_day_is_the_first_of_january(year):
    """Where the source gives no month, the year's rules are those of 1 January."""
    assert award_day(_edition(), year) == date(year, 1, 1)


def test_odenses_award_day_before_it_named_a_month_is_new_years_day(odense):
    """Odense named no month before 2022, and September from then on."""
    assert aw.award_in(odense, "ildsjaeleprisen", 2010).day == date(2010, 1, 1)
    assert aw.award_in(odense, "mental-trivsel", 2025).day == date(2025, 9, 1)


@given(month=st.integers(1, 12))
def test_every_month_of_the_year_is_accepted(month):
    """Months 1 to 12 are months, for an edition and for an event."""
    assert _edition(months=(month,)).months == (month,)


@pytest.mark.parametrize("month", [0, 13, -1])
def test_a_month_outside_the_year_is_refused(month):
    """A month outside 1-12 is refused with the field and the bounds."""
    with pytest.raises(FieldValueError) as raised:
        _edition(months=(1, month))
    assert raised.value.field == "months"
    assert str(raised.value) == f"expected a whole number from 1 to 12, got {month}"


def test_a_month_13_in_awards_toml_names_the_file_and_the_field(tmp_path):
    """A thirteenth month in Odense's awards.toml is named by file and path."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    edit(target / "awards.toml", "months = [9]", "months = [13]")
    problems = load_problems(target)
    assert any(
        "awards.toml" in p
        and "programmes[0].editions[1].months" in p
        and "expected a whole number from 1 to 12, got 13" in p
        for p in problems
    ), problems


@given(first=st.integers(1800, 9000), length=st.integers(0, 50), year=years)
def test_a_version_holds_in_its_years_both_included(first, length, year):
    """A version holds from its first to its last year, both included, or on if open."""
    closed = aw.Edition(first_year=first, last_year=first + length, count=1, citation=CITATION)
    open_ended = aw.Edition(first_year=first, count=1, citation=CITATION)
    assert closed.holds(year) == (first <= year <= first + length)
    assert open_ended.holds(year) == (first <= year)
    assert holding([closed], year) == (closed if first <= year <= first + length else None)


def test_the_version_that_holds_is_the_one_found():
    """Among versions that follow each other, the one whose years hold is chosen."""
    early = aw.Edition(first_year=2000, last_year=2009, count=1, citation=CITATION)
    late = aw.Edition(first_year=2010, count=2, citation=CITATION)
    assert [holding([early, late], y) for y in (1999, 2000, 2009, 2010)] == [
        None,
        early,
        early,
        late,
    ]


@pytest.mark.parametrize(
    ("award", "year", "given"),
    [
        ("no-such-award", 2024, "by no configured award"),
        ("mental-trivsel", 2023, "in 2024-"),
        ("temaprisen", 2024, "in 2023"),
        ("ildsjaeleprisen", 2008, "in 2009-2021, 2022-"),
    ],
)
def test_an_award_not_given_that_year_says_when_it_is(odense, award, year, given):
    """Asking for an award in a year it is not given names the years it is given."""
    with pytest.raises(aw.AwardError) as raised:
        aw.award_in(odense, award, year)
    (problem,) = raised.value.problems
    assert (problem.source, problem.path) == ("<award>", "award")
    assert problem.message == (
        f"expected an award odense gives in {year}; '{award}' is given {given}"
    )


def test_an_award_given_that_year_comes_with_its_programme_and_group(odense):
    """The award of a year carries its year, programme, edition and target group."""
    found = aw.award_in(odense, "mental-trivsel", 2026)
    assert (found.award, found.year, found.programme, found.target_group) == (
        "mental-trivsel",
        2026,
        "ildsjaelepriserne",
        "disabilities",
    )
    assert found.edition.months == (9,)


@pytest.mark.parametrize("year", [1800, 9998])
def test_the_first_and_last_years_are_in_range(odense, year):
    """The bounds of the year range are years the catalogue answers for."""
    found = aw.catalogue(odense, year)
    assert (found.municipality, found.year) == ("odense", year)


@pytest.mark.parametrize("year", [1799, 9999, "2024"])
def test_a_year_out_of_range_names_the_year(odense, year):
    """A year out of range is named with the range it should be in."""
    with pytest.raises(aw.AwardError) as raised:
        aw.catalogue(odense, year)
    (problem,) = raised.value.problems
    assert (problem.source, problem.path) == ("<year>", "year")
    assert problem.message == f"expected a year from 1800 to 9998, got {year!r}"


def test_a_programme_not_held_that_year_leaves_the_others_in_the_catalogue():
    """A programme without an edition in the year is skipped; the programmes after it stay."""
    name = Text(da="Program", en="Programme")
    ended = aw.Programme(
        id="ended",
        name=name,
        editions=(aw.Edition(first_year=2000, last_year=2001, count=1, citation=CITATION),),
    )
    running = aw.Programme(id="running", name=name, editions=(_edition(),))
    section = aw.AwardsFile(programmes=(ended, running))
    municipality = types.SimpleNamespace(slug="x", section=lambda _: section)
    found = aw.catalogue(municipality, 2024)
    assert [p.programme for p in found.programmes] == ["running"]
