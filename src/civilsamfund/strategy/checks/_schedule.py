"""When a milestone of a strategy's schedule is due: in a window of fixed dates, or in
the year that falls every so many years after it was last done. Before the window it
is upcoming (passes), within it due (flagged for someone to act), after it overdue
(fails), unless it has been done."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from attrs import field, frozen

from civilsamfund.core import FieldValueError, Text, at_least
from civilsamfund.core.rules import Examples, Facts, FactValue, Known, Status, Verdict
from civilsamfund.strategy._lifecycle import DONE, ON, LifecycleCheck, StrategyOn
from civilsamfund.strategy._model import Done, Milestone

_MESSAGES: Mapping[str, Text] = {
    "done": Text(
        da='Milepælen "{milestone:names}" blev nået den {done_on:date}.',
        en='The milestone "{milestone:names}" was reached on {done_on:date}.',
    ),
    "upcoming": Text(
        da='Milepælen "{milestone:names}" er ikke forfalden endnu; den forfalder fra '
        "{due_from:date} til {due_by:date}.",
        en='The milestone "{milestone:names}" is not due yet; it falls due from {due_from:date} '
        "to {due_by:date}.",
    ),
    "upcoming_on": Text(
        da='Milepælen "{milestone:names}" er ikke forfalden endnu; den forfalder {due_by:date}.',
        en='The milestone "{milestone:names}" is not due yet; it falls due on {due_by:date}.',
    ),
    "due": Text(
        da='Milepælen "{milestone:names}" er forfalden nu og skal nås senest {due_by:date}.',
        en='The milestone "{milestone:names}" is due now, by {due_by:date}.',
    ),
    "overdue": Text(
        da='Milepælen "{milestone:names}" skulle være nået senest {due_by:date} og er ikke '
        "registreret som nået.",
        en='The milestone "{milestone:names}" was due by {due_by:date} and is not recorded as '
        "reached.",
    ),
}


def _done(facts: Facts[StrategyOn], milestone: Milestone) -> list[date]:
    """The days ``milestone`` was done, up to the day judged."""
    on = facts[ON]
    return [d.on for d in facts[DONE] if d.milestone is milestone and d.on <= on]


def _verdict(
    milestone: Milestone, on: date, start: date, end: date, recorded: dict[str, FactValue]
) -> Verdict:
    facts: dict[str, FactValue] = {
        **recorded,
        "milestone": milestone.value,
        "on": on.isoformat(),
        "due_from": start.isoformat(),
        "due_by": end.isoformat(),
    }
    if on < start:
        message = "upcoming" if start < end else "upcoming_on"  # a window of one day
        return Verdict(status=Status.PASS, message=message, facts=facts)
    if on <= end:
        return Verdict(status=Status.FLAG, message="due", facts=facts)
    return Verdict(status=Status.FAIL, message="overdue", facts=facts)


def _examples(milestone: Milestone, start: date, end: date, passing: bool) -> Examples | None:
    """The day before the window passes, with ``milestone`` done that day or not done;
    the day after it fails with nothing done (in the window it is due: flagged)."""
    if passing:
        day = start - timedelta(days=1) if start > date.min else start
        done = (Done(milestone=milestone, on=day),)
        return {ON: [day], DONE: [(), done] if day < start else [done]}
    if end == date.max:
        return None  # no day comes after the window: never overdue
    return {ON: [end + timedelta(days=1)], DONE: [()]}


@frozen(kw_only=True)
class DueBetween(LifecycleCheck):
    """``milestone`` is due from ``start`` to ``end`` (both included), once."""

    RECORDS = ("on", "due_from", "due_by", "done_on")
    MESSAGES = _MESSAGES

    milestone: Milestone = field(converter=Milestone)
    start: date
    end: date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise FieldValueError("end", f"expected a day on or after start ({self.start})")

    def evaluate(self, facts: Facts[StrategyOn]) -> Verdict:
        done = _done(facts, self.milestone)
        if done:
            return Verdict(
                status=Status.PASS,
                message="done",
                facts={"milestone": self.milestone.value, "done_on": max(done).isoformat()},
            )
        return _verdict(self.milestone, facts[ON], self.start, self.end, {})

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """Around the window: see :func:`_examples`."""
        return _examples(self.milestone, self.start, self.end, passing)


@frozen(kw_only=True)
class EveryYears(LifecycleCheck):
    """``milestone`` is due in the calendar year ``every`` years after it was last done
    (``since`` until it is first recorded), and overdue from the next 1 January."""

    RECORDS = ("on", "due_from", "due_by", "done_on")
    MESSAGES = _MESSAGES

    milestone: Milestone = field(converter=Milestone)
    every: int = field(validator=at_least(1))
    since: date

    def evaluate(self, facts: Facts[StrategyOn]) -> Verdict:
        done = _done(facts, self.milestone)
        last = max([self.since, *done])
        year = min(last.year + self.every, date.max.year)  # no calendar goes further
        recorded: dict[str, FactValue] = {"done_on": max(done).isoformat() if done else None}
        start, end = date(year, 1, 1), date(year, 12, 31)
        return _verdict(self.milestone, facts[ON], start, end, recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """Around the first window after ``since`` (see :func:`_examples`): done the
        day before it, the milestone falls due only ``every`` years later."""
        year = min(self.since.year + self.every, date.max.year)
        return _examples(self.milestone, date(year, 1, 1), date(year, 12, 31), passing)
