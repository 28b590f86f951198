"""The award catalogue of one year: which awards a municipality gives, when, to whom,
with which theme and target group; derived from the dated versions in ``awards.toml``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from attrs import frozen

from civilsamfund.awards._catalogue import (
    FIRST_YEAR,
    LAST_YEAR,
    AwardsFile,
    AwardVersion,
    Edition,
    Event,
    Years,
)
from civilsamfund.awards._errors import AwardError
from civilsamfund.config import Municipality
from civilsamfund.core import shown

Y = TypeVar("Y", bound=Years)


def holding(versions: Iterable[Y], year: int) -> Y | None:
    """The version that holds in ``year``, if any (loading forbids overlaps)."""
    return next((version for version in versions if version.holds(year)), None)


def award_day(edition: Edition, year: int) -> date:
    """The day whose rules judge ``year``'s nominations: the first day of the first
    month the awards are given, or 1 January where the source gives no month."""
    return date(year, edition.months[0] if edition.months else 1, 1)


@frozen(kw_only=True)
class AwardYear:
    """An award as it is given in one year: its version, the programme's edition and
    the target group of that year."""

    award: str
    year: int
    programme: str
    version: AwardVersion
    edition: Edition
    target_group: str | None

    @property
    def day(self) -> date:
        """The day whose rules judge this year's nominations (see :func:`award_day`)."""
        return award_day(self.edition, self.year)


@frozen(kw_only=True)
class ProgrammeYear:
    """A programme in one year: its edition and the events it holds."""

    programme: str
    edition: Edition
    events: tuple[Event, ...]


@frozen(kw_only=True)
class YearCatalogue:
    """Everything a municipality gives and holds in one year."""

    municipality: str
    year: int
    programmes: tuple[ProgrammeYear, ...]
    awards: tuple[AwardYear, ...]


def _checked(year: int) -> int:
    if not (isinstance(year, int) and FIRST_YEAR <= year <= LAST_YEAR):
        raise AwardError.at(
            "<year>", "year", f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {year!r}"
        )
    return year


def catalogue(municipality: Municipality, year: int) -> YearCatalogue:
    """The programmes, events and awards of ``year``, in the configured order."""
    _checked(year)
    section = municipality.section(AwardsFile)
    editions = {}
    programmes = []
    for programme in section.programmes:
        edition = holding(programme.editions, year)
        if edition is None:
            continue
        editions[programme.id] = edition
        events = tuple(event for event in programme.events if event.holds(year))
        programmes.append(ProgrammeYear(programme=programme.id, edition=edition, events=events))
    awards = []
    for award in section.awards:
        version = holding(award.versions, year)
        edition = editions.get(award.programme)
        if version is None or edition is None:  # loading makes sure an edition holds
            continue
        awards.append(
            AwardYear(
                award=award.id,
                year=year,
                programme=award.programme,
                version=version,
                edition=edition,
                target_group=version.group(year),
            )
        )
    return YearCatalogue(
        municipality=municipality.slug,
        year=year,
        programmes=tuple(programmes),
        awards=tuple(awards),
    )


def awards_in(municipality: Municipality, year: int) -> tuple[AwardYear, ...]:
    """Each award ``municipality`` gives in ``year``, with its theme and target group."""
    return catalogue(municipality, year).awards


def award_in(municipality: Municipality, award: str, year: int) -> AwardYear:
    """``award`` as given in ``year``; raises :class:`AwardError` when it is not."""
    found = next((a for a in awards_in(municipality, year) if a.award == award), None)
    if found is None:
        section = municipality.section(AwardsFile)
        versions = next((a.versions for a in section.awards if a.id == award), ())
        given = ", ".join(_span(v) for v in versions)
        raise AwardError.at(
            "<award>",
            "award",
            f"expected an award {municipality.slug} gives in {year}; {shown(award)} is given "
            + (f"in {given}" if given else "by no configured award"),
        )
    return found


def _span(years: Years) -> str:
    last = "" if years.last_year is None else str(years.last_year)
    return str(years.first_year) if last == str(years.first_year) else f"{years.first_year}-{last}"
