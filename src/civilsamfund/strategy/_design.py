"""A strategy designed meeting by meeting: the record of each meeting, the points paper
its members prioritise, and the evaluations its participants give.

Kolding's committee works this way (minutes of 16 September 2024, items 1 and 2): at
every meeting the members prioritise the numbered points of a points paper that grows
into the strategy, and a citizen meeting is evaluated on postcards from 1 to 5. A
member is never named: a priority carries the caller's own opaque reference at most.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from attrs import Attribute, field, frozen

from civilsamfund.core import (
    Citation,
    FieldValueError,
    Text,
    at_least,
    between,
    not_empty,
    opaque_reference,
    refers,
)

LOWEST_RATING, HIGHEST_RATING = 0, 100
"""The widest scale an evaluation may state; the default is 1 to 5."""

MOST_PARTICIPANTS = 1_000_000
"""More people than live in the largest Danish municipality: a meeting's count beyond
it is a typing error, not a meeting."""


class MeetingKind(str, enum.Enum):
    """What kind of meeting a record is of."""

    COMMITTEE = "committee"
    CITIZEN = "citizen"


class RankingMethod(str, enum.Enum):
    """How members' priorities become a ranking (see docs/design.md).

    ``borda``: on a paper of *n* points, a point a member lists *k*-th scores
    *n - k + 1*; a point a member leaves out scores 0. ``approval``: every listing
    scores 1, whatever its place.
    """

    BORDA = "borda"
    APPROVAL = "approval"


@frozen(kw_only=True)
class Point:
    """A numbered point of a points paper."""

    number: int = field(validator=at_least(1))
    text: Text


def _once_each(_: object, attribute: Attribute[Any], value: tuple[Any, ...]) -> None:
    """Each point once: a priority's numbers, or a paper's points by number."""
    seen: set[int] = set()
    for index, item in enumerate(value):
        number, where = (item, "") if isinstance(item, int) else (item.number, ".number")
        if number in seen:
            raise FieldValueError(
                f"{attribute.name}[{index}]{where}", f"expected each point once, got {number} again"
            )
        seen.add(number)


@frozen(kw_only=True)
class Priority:
    """One member's priorities: point numbers, the most important first. A member may
    list some of the points only. ``member``: the caller's opaque reference, never
    shown."""

    member: str | None = field(default=None, repr=False, validator=opaque_reference)
    points: tuple[int, ...] = field(validator=(not_empty, _once_each))


@frozen(kw_only=True)
class PointsPaper:
    """A points paper: numbered points and the members' priorities among them."""

    id: str
    points: tuple[Point, ...] = field(validator=(not_empty, _once_each))
    priorities: tuple[Priority, ...] = ()
    method: RankingMethod = field(default=RankingMethod.BORDA, converter=RankingMethod)

    def __attrs_post_init__(self) -> None:
        numbers = {point.number for point in self.points}
        for index, priority in enumerate(self.priorities):
            for place, number in enumerate(priority.points):
                if number not in numbers:
                    known = ", ".join(str(n) for n in sorted(numbers))
                    raise FieldValueError(
                        f"priorities[{index}].points[{place}]",
                        f"expected a point on the paper ({known}), got {number}",
                    )


@frozen(kw_only=True)
class Evaluation:
    """Participants' ratings of a meeting on a scale from ``lowest`` to ``highest``
    (default 1 to 5, 5 the best), one rating per postcard."""

    lowest: int = field(default=1, validator=between(LOWEST_RATING, HIGHEST_RATING))
    highest: int = field(default=5, validator=between(LOWEST_RATING, HIGHEST_RATING))
    ratings: tuple[int, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.lowest >= self.highest:
            raise FieldValueError(
                "highest", f"expected a number above lowest ({self.lowest}), got {self.highest}"
            )
        for index, rating in enumerate(self.ratings):
            if not self.lowest <= rating <= self.highest:
                raise FieldValueError(
                    f"ratings[{index}]",
                    f"expected a rating from {self.lowest} to {self.highest}, got {rating}",
                )


@frozen(kw_only=True)
class DesignMeeting:
    """The record of one meeting of a design process, and the strategy it works towards.

    ``participants``: how many took part; ``note``: what the record is, such as a
    reading or an illustration where the source gives less.
    """

    id: str
    strategy: str = field(metadata=refers("strategy"))
    on: date
    kind: MeetingKind = field(default=MeetingKind.COMMITTEE, converter=MeetingKind)
    committee: str | None = field(default=None, metadata=refers("committee"))
    participants: int | None = field(default=None, validator=between(0, MOST_PARTICIPANTS))
    citation: Citation | None = None
    paper: PointsPaper | None = None
    evaluation: Evaluation | None = None
    note: Text | None = None
