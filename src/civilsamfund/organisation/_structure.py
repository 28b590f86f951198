"""The municipality's organisation in ``organisation.toml``: committees, councils,
departments, the organisations it works with, the areas associations work in, the
points of entry by the target group's age, and the forums with their seats.

Every domain reads the one definition here: grants route applications to its
departments, volunteer tasks name its points of entry, forums are judged against it.
"""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from civilsamfund.core import AgeRoute, Citation, Dated, Text, entries, not_empty, refers


@frozen(kw_only=True)
class Committee(Dated):
    """One version of a political committee; a committee renamed or changed over time
    has several versions under one id."""

    id: str
    name: Text
    citation: Citation | None = None
    reading: Text | None = None


@frozen(kw_only=True)
class Council(Dated):
    """One version of an advisory council with rights to be heard, such as Ældrerådet."""

    id: str
    name: Text
    citation: Citation | None = None
    reading: Text | None = None


@frozen(kw_only=True)
class Department(Dated):
    """One version of an administrative department: a department renamed keeps its id,
    and each version says what it was called and who answered there from when to when.

    ``hearing``: the councils heard before it decides how to allocate its money;
    ``criteria``: its committee's supplementary grant criteria, assessed only for
    applications routed to it. The committee and councils it names must be in force
    on every day of the version.
    """

    id: str
    name: Text
    committee: str | None = field(default=None, metadata=refers("committee", covered=True))
    point_of_entry: Text | None = None
    hearing: tuple[str, ...] = field(default=(), metadata=refers("council", covered=True))
    criteria: tuple[str, ...] = field(default=(), metadata=refers("criterion", covered=True))
    citation: Citation | None = None
    reading: Text | None = None


@frozen(kw_only=True)
class Partner:
    """An organisation outside the municipality that the documents name, such as a
    volunteer centre; forums may give it a fixed seat or meet it."""

    id: str
    name: Text
    citation: Citation | None = None


@frozen(kw_only=True)
class Area:
    """An area an association works in (children and young people, older people, ...),
    as forum rules name them."""

    id: str
    name: Text


@frozen(kw_only=True)
class EntryPoints(Dated):
    """Whom an association contacts, by its target group's age: each route names a
    department, whose version in force on the day asked says who answers
    (``point_of_entry``). Every route's department must be in force on every day the
    entry points are."""

    routes: tuple[AgeRoute, ...] = field(validator=not_empty)
    citation: Citation
    reading: Text | None = None


@frozen(kw_only=True)
class Seat:
    """A group of seats in a forum, such as its association representatives; how many
    and who may hold them are the forum's criteria."""

    id: str
    name: Text


@frozen(kw_only=True)
class Forum:
    """A standing forum or group and the rules for who sits in it.

    ``criteria`` are the ids of the composition rules (``forum.*`` checks in
    ``criteria.toml``) a proposed membership is judged by, in order.
    """

    id: str
    name: Text
    description: Text
    citation: Citation
    seats: tuple[Seat, ...] = field(metadata=entries("seat"), validator=not_empty)
    criteria: tuple[str, ...] = field(
        default=(), metadata=refers("criterion", covered=True, required=True)
    )


@frozen(kw_only=True)
class OrganisationFile:
    """``organisation.toml``."""

    committees: tuple[Committee, ...] = field(
        default=(), metadata=entries("committee", versioned=True)
    )
    councils: tuple[Council, ...] = field(default=(), metadata=entries("council", versioned=True))
    departments: tuple[Department, ...] = field(
        default=(), metadata=entries("department", versioned=True)
    )
    partners: tuple[Partner, ...] = field(default=(), metadata=entries("partner"))
    areas: tuple[Area, ...] = field(default=(), metadata=entries("area"))
    entry_points: EntryPoints | None = None
    forums: tuple[Forum, ...] = field(default=(), metadata=entries("forum"))

    def departments_on(self, on: date) -> dict[str, Department]:
        """The departments in force on ``on``, by id: each as its version then."""
        return {d.id: d for d in self.departments if d.in_force(on)}
