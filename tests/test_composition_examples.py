"""The forum and schedule checks' own examples, value for value: the boundaries they
sit on, the seat members sit in, and no example where none can be made."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from civilsamfund.core._errors import FieldValueError
from civilsamfund.organisation import Meeting, Member
from civilsamfund.organisation.checks import (
    BroadMix,
    FixedSeats,
    MeetingPlan,
    SeatCount,
    SeatHolders,
)
from civilsamfund.organisation.facts import MEETINGS, MEMBERS
from civilsamfund.strategy._lifecycle import DONE, ON
from civilsamfund.strategy._model import Done, Milestone
from civilsamfund.strategy.checks import DueBetween


def _counts(examples):
    return None if examples is None else [len(members) for members in examples[MEMBERS]]


@pytest.mark.parametrize(
    ("low", "high", "passing", "failing"),
    [(2, 4, [2, 4], [1, 5]), (2, None, [2, 3], [1]), (0, None, [0, 1], None), (0, 1, [0, 1], [2])],
)
def test_seat_count_examples_sit_on_the_bounds(low, high, passing, failing):
    """The bounds pass and one past each fails; a rule of at least none never fails."""
    check = SeatCount(seat="frivillig", min=low, max=high)
    assert _counts(check.examples(True, {})) == passing
    assert _counts(check.examples(False, {})) == failing
    assert {m.seat for ms in check.examples(True, {})[MEMBERS] for m in ms} <= {"frivillig"}


def test_a_free_text_value_is_made_up_unless_the_rule_names_it():
    """A rule allowing only the made-up value leaves no other to fail with."""
    check = SeatHolders(seat="valgt", attribute="elected_at", allowed=("other",))
    assert check.examples(False, {}) is None
    check = SeatHolders(seat="valgt", attribute="elected_at", allowed=("nytaarskur",))
    assert check.examples(False, {}) == {MEMBERS: [(Member(seat="valgt", elected_at="other"),)]}


def test_fixed_seat_examples_break_the_seats_each_way():
    """One seat each passes; the first left out, the first seated twice, and someone
    else seated besides each fail."""
    check = FixedSeats(seat="fast", organisations=("a", "b"))
    a, b = (Member(seat="fast", organisation=o) for o in ("a", "b"))
    other = Member(seat="fast", organisation="other")
    assert check.examples(True, {}) == {MEMBERS: [(a, b)]}
    assert check.examples(False, {}) == {MEMBERS: [(b,), (a, b, a), (a, b, other)]}


@pytest.mark.parametrize(
    ("seat", "known", "sits"),
    [
        ("bestyrelse", {"seat": ("x",)}, "bestyrelse"),
        (None, {"seat": ("x", "y")}, "x"),
        (None, {}, "other"),
    ],
)
def test_a_broad_mix_without_a_seat_fills_the_first_configured_one(seat, known, sits):
    """Members sit in the rule's seat, else in the first configured seat, else in a
    made-up one; leaving out each covered value in turn fails."""
    check = BroadMix(covering=("nord", "syd"), seat=seat)
    nord, syd = (Member(seat=sits, area=a) for a in ("nord", "syd"))
    assert check.examples(True, known) == {MEMBERS: [(nord, syd)]}
    assert check.examples(False, known) == {MEMBERS: [(syd,), (nord,)]}


def test_a_meeting_plan_fails_one_meeting_either_way_and_with_the_last_guest_left_out():
    check = MeetingPlan(per_year=2, guests=("a", "b", "c"))
    every = (Meeting(guests=("a", "b", "c")), Meeting())
    assert check.examples(True, {}) == {MEETINGS: [every]}
    assert check.examples(False, {}) == {
        MEETINGS: [
            (Meeting(guests=("a", "b", "c")),),
            (*every, Meeting()),
            (Meeting(guests=("a", "b")), Meeting()),
        ]
    }


def test_schedule_examples_are_the_days_either_side_of_the_window():
    """The day before passes, done or not; the day after fails with nothing done."""
    check = DueBetween(milestone=Milestone.REPORT, start=date(2024, 3, 1), end=date(2024, 3, 31))
    before = date(2024, 2, 29)
    assert check.examples(True, {}) == {
        ON: [before],
        DONE: [(), (Done(milestone=Milestone.REPORT, on=before),)],
    }
    assert check.examples(False, {}) == {ON: [date(2024, 4, 1)], DONE: [()]}


def test_a_window_from_the_first_day_of_the_calendar_passes_only_when_done():
    """No day comes before the first day there is: there it passes done, and a window to
    the last day there is can never be overdue."""
    check = DueBetween(milestone=Milestone.REPORT, start=date.min, end=date.max)
    done = (Done(milestone=Milestone.REPORT, on=date.min),)
    assert check.examples(True, {}) == {ON: [date.min], DONE: [done]}
    assert check.examples(False, {}) is None
    late = DueBetween(milestone=Milestone.REPORT, start=date.min, end=date.max - timedelta(1))
    assert late.examples(False, {}) == {ON: [date.max], DONE: [()]}


@pytest.mark.parametrize(
    ("make", "field", "message"),
    [
        (lambda: SeatCount(seat="s", min=3, max=2), "max", "expected at least min (3), got 2"),
        (
            lambda: SeatHolders(seat="s", attribute="area", allowed=("a",), excluded=("b",)),
            "allowed",
            "expected either allowed or excluded, not both",
        ),
        (
            lambda: SeatHolders(seat="s", attribute="area"),
            "allowed",
            "expected either allowed or excluded, not both",
        ),
    ],
)
def test_a_rule_that_contradicts_itself_names_the_field(make, field, message):
    """A forum rule whose parameters cannot both hold is refused at the field a
    configuration error must point to, saying what was expected."""
    with pytest.raises(FieldValueError) as raised:
        make()
    assert (raised.value.field, str(raised.value)) == (field, message)


def test_without_configured_ids_a_configured_attribute_has_no_other_value():
    """An area, committee or department a proposal may give is a configured one: with
    none known besides those allowed, there is no failing example, and an excluded rule
    passes with no member to show."""
    check = SeatHolders(seat="s", attribute="area", allowed=("nord",))
    assert check.examples(False, {}) is None
    assert check.examples(False, {"area": ("nord", "syd")}) == {
        MEMBERS: [(Member(seat="s", area="syd"),)]
    }
    excluded = SeatHolders(seat="s", attribute="area", excluded=("nord",))
    assert excluded.examples(True, {}) == {MEMBERS: [()]}
