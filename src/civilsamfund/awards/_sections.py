"""Where the awards domain reads its configuration, and what it checks there beyond the
shared checks: versions that do not share a year, awards inside their programme's
editions, rules in force on every award day, rotations that have started, and counts
that add up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from civilsamfund.awards._catalogue import (
    LAST_YEAR,
    Award,
    AwardsFile,
    AwardVersion,
    Programme,
    Years,
)
from civilsamfund.awards._nomination import Candidacy
from civilsamfund.awards._year import award_day, holding
from civilsamfund.config import Municipality, Section
from civilsamfund.core import shown

AWARDS = "awards.toml"

Found = tuple[str, str]


def _overlap(first: Years, second: Years) -> bool:
    return (second.last_year is None or first.first_year <= second.last_year) and (
        first.last_year is None or second.first_year <= first.last_year
    )


def _versions(versions: Sequence[Years], path: str, what: str) -> Iterator[Found]:
    for index, version in enumerate(versions):
        if version.last_year is not None and version.last_year < version.first_year:
            yield f"{path}[{index}].last_year", "expected a year on or after first_year"
        for earlier in range(index):
            if _overlap(versions[earlier], version):
                yield (
                    f"{path}[{index}]",
                    f"its years overlap those of {path}[{earlier}]: versions of one {what} "
                    "must not share a year",
                )


def _years(versions: Iterable[Years], horizon: int) -> Iterator[int]:
    """Every year some version holds, up to ``horizon`` for a version without an end."""
    for version in versions:
        yield from range(version.first_year, (version.last_year or horizon) + 1)


def _horizon(section: AwardsFile, municipality: Municipality) -> int:
    """A year after which nothing configured changes, so open ends are checked up to it."""
    years = [1]
    for programme in section.programmes:
        years += [y for e in programme.editions for y in (e.first_year, e.last_year) if y]
    for award in section.awards:
        for version in award.versions:
            years += [y for y in (version.first_year, version.last_year) if y]
            years += [version.rotation.first_year] if version.rotation else []
            for criterion in version.criteria:
                for rule in municipality.rulebook.versions(criterion):
                    years += [d.year for d in (rule.valid_from, rule.valid_until) if d]
    return min(max(years) + 1, LAST_YEAR)  # award days exist up to LAST_YEAR only


def _award(
    award: Award, programme: Programme | None, path: str, municipality: Municipality, horizon: int
) -> Iterator[Found]:
    yield from _versions(award.versions, f"{path}.versions", "award")
    rulebook = municipality.rulebook
    for index, version in enumerate(award.versions):
        where = f"{path}.versions[{index}]"
        for c, criterion in enumerate(version.criteria):
            if any(rule.subject is not Candidacy for rule in rulebook.versions(criterion)):
                yield (
                    f"{where}.criteria[{c}]",
                    f"expected a criterion that judges nominations, got {shown(criterion)}",
                )
        rotation = version.rotation
        if rotation is not None and rotation.first_year > version.first_year:
            yield (
                f"{where}.rotation.first_year",
                f"expected the rotation to start by the version's first year "
                f"({version.first_year}), got {rotation.first_year}",
            )
        if programme is not None:
            yield from _in_editions(version, programme, where, municipality, horizon)


def _in_editions(
    version: AwardVersion,
    programme: Programme,
    where: str,
    municipality: Municipality,
    horizon: int,
) -> Iterator[Found]:
    for year in _years((version,), horizon):
        edition = holding(programme.editions, year)
        if edition is None:
            yield (
                f"{where}.first_year",
                f"expected years within an edition of programme {shown(programme.id)}; "
                f"none holds in {year}",
            )
            return
        day = award_day(edition, year)
        for c, criterion in enumerate(version.criteria):
            if municipality.rulebook.rule(criterion, day) is None:
                yield (
                    f"{where}.criteria[{c}]",
                    f"criterion {shown(criterion)} is not in force on {day.isoformat()}, "
                    f"the award day of {year}: every year of the version must have its rules",
                )
                return


def _counts(
    programme: Programme, path: str, awards: Sequence[Award], horizon: int
) -> Iterator[Found]:
    """Each edition's count is the number of awards its years give."""
    mine = [award for award in awards if award.programme == programme.id]
    for index, edition in enumerate(programme.editions):
        for year in _years((edition,), horizon):
            versions = (holding(award.versions, year) for award in mine)
            given = sum(version.count for version in versions if version is not None)
            if given != edition.count:
                yield (
                    f"{path}.editions[{index}].count",
                    f"expected the number of awards the programme's awards give in {year}, "
                    f"{given}, got {edition.count}",
                )
                break


def _awards(section: AwardsFile, municipality: Municipality) -> Iterator[Found]:
    horizon = _horizon(section, municipality)
    programmes = {programme.id: programme for programme in section.programmes}
    for index, programme in enumerate(section.programmes):
        path = f"programmes[{index}]"
        yield from _versions(programme.editions, f"{path}.editions", "programme")
        yield from _counts(programme, path, section.awards, horizon)
    for index, award in enumerate(section.awards):
        owner = programmes.get(award.programme)  # an unknown id is reported already
        yield from _award(award, owner, f"awards[{index}]", municipality, horizon)


AWARD_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=AWARDS, model=AwardsFile, validate=_awards),
)
"""The awards domain's sections."""
