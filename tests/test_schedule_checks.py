"""The strategy schedule checks on generated days: when a milestone is upcoming, due,
overdue or done, and the days each finding records."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from civilsamfund.core.rules._facts import Facts
from civilsamfund.strategy._lifecycle import DONE, ON
from civilsamfund.strategy._model import Done, Milestone
from civilsamfund.strategy.checks import DueBetween, EveryYears

days = st.dates(date(1900, 1, 1), date(2200, 12, 31))
REVIEW = Milestone.STATUS_REVIEW


def _judge(check, on, *done):
    return check.evaluate(Facts({ON: on, DONE: tuple(done)}))


@given(start=days, length=st.integers(0, 400), on=days)
def test_a_window_is_upcoming_then_due_then_overdue(start, length, on):
    """Before the window a milestone is upcoming, within it due, after it overdue."""
    end = start + timedelta(days=length)
    verdict = _judge(DueBetween(milestone=REVIEW, start=start, end=end), on)
    if on < start:
        expected = ("pass", "upcoming" if length else "upcoming_on")
    elif on <= end:
        expected = ("flag", "due")
    else:
        expected = ("fail", "overdue")
    assert (verdict.status.value, verdict.message) == expected
    assert dict(verdict.facts) == {
        "milestone": REVIEW.value,
        "on": on.isoformat(),
        "due_from": start.isoformat(),
        "due_by": end.isoformat(),
    }


@given(start=days, on=days, done=st.lists(days, min_size=1, max_size=4))
def test_a_milestone_done_by_the_day_judged_is_done_on_its_last_day(start, on, done):
    """Only what was done by the day judged counts, and the latest such day is recorded."""
    check = DueBetween(milestone=REVIEW, start=start, end=start)
    other = next(m for m in Milestone if m is not REVIEW)
    verdict = _judge(
        check, on, *(Done(milestone=REVIEW, on=d) for d in done), Done(milestone=other, on=on)
    )
    counted = [d for d in done if d <= on]
    if counted:
        assert (verdict.status.value, verdict.message) == ("pass", "done")
        assert dict(verdict.facts) == {
            "milestone": REVIEW.value,
            "done_on": max(counted).isoformat(),
        }
    else:
        assert verdict.message != "done"


@given(since=days, every=st.integers(1, 10), on=days, done=st.none() | days)
def test_a_recurring_milestone_falls_due_every_so_many_years(since, every, on, done):
    """A recurring milestone is due in the calendar year ``every`` years after it was last
    done (or after ``since``, if that is later), and overdue from the next 1 January; the
    day it was last done is recorded as it was, even when ``since`` is later."""
    check = EveryYears(milestone=REVIEW, every=every, since=since)
    records = [Done(milestone=REVIEW, on=done)] if done is not None else []
    verdict = _judge(check, on, *records)
    counted = done is not None and done <= on
    last = max(since, done) if counted else since
    year = last.year + every
    assert verdict.facts["due_from"] == date(year, 1, 1).isoformat()
    assert verdict.facts["due_by"] == date(year, 12, 31).isoformat()
    assert verdict.facts["done_on"] == (done.isoformat() if counted else None)
    expected = "upcoming" if on.year < year else "due" if on.year == year else "overdue"
    assert verdict.message == expected
