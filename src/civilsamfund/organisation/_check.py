"""What every forum composition check shares: its subject and how it picks members."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from civilsamfund.core import Text
from civilsamfund.core.rules import Check
from civilsamfund.organisation._proposal import ForumProposal, Member


class ForumCheck(Check[ForumProposal]):
    """A check that judges a proposed membership of a forum."""

    SUBJECT: ClassVar[type[Any]] = ForumProposal
    MISSING_MESSAGE: ClassVar[Text] = Text(
        da="Forslaget mangler oplysninger om {missing:facts}.",
        en="The proposal gives no information on {missing:facts}.",
    )


def seated(members: tuple[Member, ...], seat: str | None) -> Iterator[tuple[str, Member]]:
    """The members holding ``seat`` (every member for ``None``), each with its number
    in the proposal (from 1), which is how reasons point at a member never named."""
    for index, member in enumerate(members, start=1):
        if seat is None or member.seat == seat:
            yield str(index), member
