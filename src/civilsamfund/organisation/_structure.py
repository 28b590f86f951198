"""The municipality's organisation in ``organisation.toml``: committees, councils,
departments, the organisations it works with, the areas associations work in, the
points of entry by the target group's age, and the forums with their seats.

Every domain reads the one definition here: grants route applications to its
departments, volunteer tasks name its points of entry, forums are judged against it.
"""

from __future__ import annotations

from attrs import field, frozen

from civilsamfund.core._age_routes import AgeRoute
from civilsamfund.core._references import entries, refers
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Text
from civilsamfund.core._validators import not_empty


@frozen(kw_only=True)
class Committee:
    """A political committee."""

    id: str
    name: Text
    citation: Citation | None = None


@frozen(kw_only=True)
class Council:
    """An advisory council with rights to be heard, such as Ældrerådet."""

    id: str
    name: Text
    citation: Citation | None = None


@frozen(kw_only=True)
class Department:
    """An administrative department.

    ``hearing``: the councils heard before it decides how to allocate its money;
    ``criteria``: its committee's supplementary grant criteria, assessed only for
    applications routed to it.
    """

    id: str
    name: Text
    committee: str | None = field(default=None, metadata=refers("committee"))
    point_of_entry: Text | None = None
    hearing: tuple[str, ...] = field(default=(), metadata=refers("council"))
    criteria: tuple[str, ...] = field(default=(), metadata=refers("criterion"))
    citation: Citation | None = None


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
class EntryPoints:
    """Whom an association contacts, by its target group's age: each route names a
    department, whose ``point_of_entry`` says who answers."""

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
    criteria: tuple[str, ...] = field(default=(), metadata=refers("criterion"))


@frozen(kw_only=True)
class OrganisationFile:
    """``organisation.toml``."""

    committees: tuple[Committee, ...] = field(default=(), metadata=entries("committee"))
    councils: tuple[Council, ...] = field(default=(), metadata=entries("council"))
    departments: tuple[Department, ...] = field(default=(), metadata=entries("department"))
    partners: tuple[Partner, ...] = field(default=(), metadata=entries("partner"))
    areas: tuple[Area, ...] = field(default=(), metadata=entries("area"))
    entry_points: EntryPoints | None = None
    forums: tuple[Forum, ...] = field(default=(), metadata=entries("forum"))
