"""The forum composition checks that ``criteria.toml`` can name in ``type``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civilsamfund.core.rules import Check
from civilsamfund.organisation.checks._composition import (
    BroadMix,
    FixedSeats,
    MeetingPlan,
    MemberAttribute,
    SeatCount,
    SeatHolders,
)

FORUM_CHECKS: Mapping[str, type[Check[Any]]] = {
    "forum.seat_count": SeatCount,
    "forum.seat_holders": SeatHolders,
    "forum.fixed_seats": FixedSeats,
    "forum.broad_mix": BroadMix,
    "forum.meetings": MeetingPlan,
}
"""Every forum check by the type name configuration gives it."""

__all__ = [
    "FORUM_CHECKS",
    "BroadMix",
    "FixedSeats",
    "MeetingPlan",
    "MemberAttribute",
    "SeatCount",
    "SeatHolders",
]
