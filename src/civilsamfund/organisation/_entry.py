"""Whom an association contacts in the municipality, by the ages of its target group.

The routes in ``organisation.toml`` (``entry_points``) name a department for each age
span; the department's ``point_of_entry`` says who answers. A target group spanning
several routes gets every candidate, for a person to choose between, and a municipality
whose documents name no point of entry gets none: the library does not guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from attrs import frozen

from civilsamfund.config import Municipality
from civilsamfund.core import AgeSpan, Citation, Text, route
from civilsamfund.organisation._structure import OrganisationFile


@frozen(kw_only=True)
class Contact:
    """A department and who answers there."""

    department: str
    name: Text
    point_of_entry: Text | None


@frozen(kw_only=True)
class EntryAnswer:
    """Whom to contact for target groups of ``spans`` on ``on``: one contact, or every
    candidate when the routes leave it open (``settled`` is then false). ``configured``
    is false, and there are no contacts, where the municipality configures no points of
    entry in force that day."""

    municipality: str
    on: date
    spans: tuple[AgeSpan, ...]
    configured: bool
    settled: bool
    contacts: tuple[Contact, ...]
    citation: Citation | None = None
    reading: Text | None = None


def entry_point(municipality: Municipality, spans: Sequence[AgeSpan], on: date) -> EntryAnswer:
    """Whom an association whose target groups are aged ``spans`` (each from and to,
    both included) contacts on ``on``: the departments as they are called that day,
    and who answers there then."""
    organisation = municipality.section(OrganisationFile)
    entry = organisation.entry_points
    if entry is None or not entry.in_force(on):
        return EntryAnswer(
            municipality=municipality.slug,
            on=on,
            spans=tuple(spans),
            configured=False,
            settled=False,
            contacts=(),
        )
    routing = route(entry.routes, spans)
    chosen = (routing.department,) if routing.department is not None else routing.candidates
    departments = organisation.departments_on(on)
    return EntryAnswer(
        municipality=municipality.slug,
        on=on,
        spans=tuple(spans),
        configured=True,
        settled=routing.department is not None,
        contacts=tuple(
            Contact(
                department=key,
                name=departments[key].name,
                point_of_entry=departments[key].point_of_entry,
            )
            for key in chosen
        ),
        citation=entry.citation,
        reading=entry.reading,
    )
