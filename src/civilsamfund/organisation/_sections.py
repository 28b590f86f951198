"""Where the organisation domain reads its configuration, and what it checks there
beyond the shared checks: a forum's rules judge forum proposals and name its seats."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from civilsamfund.config import Municipality, Section
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.organisation._structure import OrganisationFile

ORGANISATION = "organisation.toml"

Found = tuple[str, str]


def _forums(
    organisation: OrganisationFile, municipality: Municipality
) -> Iterator[tuple[str, str]]:
    rulebook = municipality.rulebook
    for i, forum in enumerate(organisation.forums):
        seats = {seat.id for seat in forum.seats}
        for j, criterion in enumerate(forum.criteria):
            where = f"forums[{i}].criteria[{j}]"
            for rule in rulebook.versions(criterion):
                if rule.subject is not ForumProposal:
                    yield (
                        where,
                        f"expected a criterion that judges forum proposals, got {criterion!r}",
                    )
                    break
                seat = getattr(rule.check, "seat", None)
                if seat is not None and seat not in seats:
                    yield (
                        where,
                        f"criterion {criterion!r} names the seat {seat!r}, which "
                        f"{forum.id!r} does not have ({', '.join(sorted(seats))})",
                    )
                    break


ORGANISATION_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=ORGANISATION, model=OrganisationFile, validate=_forums),
)
"""Where the organisation domain reads its configuration."""
