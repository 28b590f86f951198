"""What each forum composition check says, for every shape of rule and every message it
has: the status, the message and every fact it records, not only whether it passes."""

from __future__ import annotations

import pytest

from civilsamfund import Status
from civilsamfund.core.rules._facts import Facts
from civilsamfund.organisation import Meeting, Member
from civilsamfund.organisation.checks import (
    BroadMix,
    FixedSeats,
    MeetingPlan,
    SeatCount,
    SeatHolders,
)
from civilsamfund.organisation.facts import MEETINGS, MEMBERS


def _members(*seats: str) -> tuple[Member, ...]:
    return tuple(Member(seat=seat) for seat in seats)


def _judge(check, members=(), meetings=None):
    facts = {MEMBERS: members, MEETINGS: meetings}
    verdict = check.evaluate(Facts({fact: facts[fact] for fact in type(check).FACTS}))
    return verdict.status, verdict.message, verdict.facts


@pytest.mark.parametrize(
    ("rule", "seated", "status", "message"),
    [
        ((2, None), 2, Status.PASS, "enough"),
        ((2, None), 1, Status.FAIL, "too_few"),
        ((2, 2), 2, Status.PASS, "exactly"),
        ((2, 2), 3, Status.FAIL, "not_exactly"),
        ((1, 3), 3, Status.PASS, "fits"),
        ((1, 3), 4, Status.FAIL, "outside"),
        ((1, 3), 0, Status.FAIL, "outside"),
    ],
)
def test_a_seat_count_says_which_bound_it_meets(rule, seated, status, message):
    """Only members of the seat count; the message says whether the rule is a minimum,
    an exact number or a range, and the facts record the seat, both bounds and the count."""
    low, high = rule
    members = _members(*["frivillig"] * seated, "politiker", "politiker")
    assert _judge(SeatCount(seat="frivillig", min=low, max=high), members) == (
        status,
        message,
        {"seat": "frivillig", "min": low, "max": high, "count": seated},
    )


def _holders(allowed=(), excluded=()):
    return SeatHolders(seat="frivillig", attribute="area", allowed=allowed, excluded=excluded)


@pytest.mark.parametrize(
    ("allowed", "excluded", "areas", "status", "message", "offending", "unknown"),
    [
        (("nord", "syd"), (), ("nord", "syd"), Status.PASS, "allowed", (), ()),
        (("nord",), (), ("nord", "syd", None), Status.FAIL, "not_allowed", ("3",), ("4",)),
        (("nord",), (), ("nord", None), Status.FLAG, "unknown", (), ("3",)),
        ((), ("syd",), ("nord", "vest"), Status.PASS, "none_excluded", (), ()),
        ((), ("syd",), ("syd", "nord", None), Status.FAIL, "excluded", ("2",), ("4",)),
        ((), ("syd",), (None, "nord"), Status.FLAG, "unknown_excluded", (), ("2",)),
    ],
)
def test_seat_holders_name_each_member_by_number(
    allowed, excluded, areas, status, message, offending, unknown
):
    """Members who break the rule are named by their number in the proposal (members of
    other seats, here the first, are numbered but not judged), members who do not say are
    flagged apart,
    and breaking the rule outweighs not saying."""
    volunteers = (Member(seat="frivillig", area=area) for area in areas)
    members = (Member(seat="politiker", area="syd"), *volunteers)
    assert _judge(_holders(allowed, excluded), members) == (
        status,
        message,
        {
            "seat": "frivillig",
            "attribute": "area",
            "allowed": allowed,
            "excluded": excluded,
            "offending": offending,
            "unknown": unknown,
        },
    )


ORGS = ("aeldresagen", "dif")


@pytest.mark.parametrize(
    ("organisations", "message", "absent", "doubled", "others"),
    [
        (("aeldresagen", "dif"), "held", (), (), ()),
        (("aeldresagen",), "absent", ("dif",), (), ()),
        (("aeldresagen", "dif", "dif"), "doubled", (), ("dif",), ()),
        (("aeldresagen", "dif", "rode kors"), "others", (), (), ("4",)),
        (("dif", "dif", "rode kors"), "absent", ("aeldresagen",), ("dif",), ("4",)),
    ],
)
def test_fixed_seats_record_every_way_they_are_broken(
    organisations, message, absent, doubled, others
):
    """The message is the first way the fixed seats are broken (absent, doubled, then
    others), and the facts record all three, with other holders by number."""
    fixed = (Member(seat="fast", organisation=o) for o in organisations)
    members = (Member(seat="politiker", organisation="dif"), *fixed)
    status = Status.PASS if message == "held" else Status.FAIL
    assert _judge(FixedSeats(seat="fast", organisations=ORGS), members) == (
        status,
        message,
        {
            "seat": "fast",
            "organisations": ORGS,
            "absent": absent,
            "doubled": doubled,
            "others": others,
        },
    )


@pytest.mark.parametrize(
    ("seat", "uncovered"),
    [(None, ()), ("frivillig", ("syd",))],
)
def test_a_broad_mix_counts_only_the_seat_it_names(seat, uncovered):
    """Over the whole forum both areas are covered; among the volunteers alone the area
    only a politician comes from is not, and the facts say which."""
    members = (Member(seat="frivillig", area="nord"), Member(seat="politiker", area="syd"))
    check = BroadMix(covering=("nord", "syd"), seat=seat)
    assert _judge(check, members) == (
        Status.FAIL if uncovered else Status.PASS,
        "uncovered" if uncovered else "covered",
        {"seat": seat, "attribute": "area", "covering": ("nord", "syd"), "uncovered": uncovered},
    )


def _plan(count, guests=()):
    return tuple(Meeting(guests=guests if i == 0 else ()) for i in range(count))


@pytest.mark.parametrize(
    ("guests", "meetings", "status", "message", "absent"),
    [
        (("udvalg",), _plan(4, ("udvalg",)), Status.PASS, "planned", ()),
        ((), _plan(4), Status.PASS, "planned_count", ()),
        (("udvalg",), _plan(3, ("udvalg",)), Status.FAIL, "count", ()),
        (("udvalg", "raad"), _plan(4, ("udvalg",)), Status.FAIL, "absent", ("raad",)),
        (("udvalg",), _plan(5), Status.FAIL, "count", ("udvalg",)),
    ],
)
def test_a_meeting_plan_says_what_is_short(guests, meetings, status, message, absent):
    """A wrong number of meetings is named first; then a guest who joins none; the facts
    record the rule, the number planned and the guests absent."""
    check = MeetingPlan(per_year=4, guests=guests)
    assert _judge(check, meetings=meetings) == (
        status,
        message,
        {"per_year": 4, "guests": guests, "count": len(meetings), "absent": absent},
    )


def test_a_proposal_without_a_plan_names_the_missing_meetings():
    """No plan at all is a missing fact, recorded with the rule it was to meet."""
    assert _judge(MeetingPlan(per_year=4, guests=("udvalg",))) == (
        Status.FLAG,
        "missing",
        {"per_year": 4, "guests": ("udvalg",), "meetings": None, "missing": ("meetings",)},
    )
