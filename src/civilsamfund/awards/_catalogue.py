"""The awards part of a municipality's configuration: ``awards.toml``.

Awards change from year to year (a themed award replaced by another, a single yearly
award grown into five), so everything that changes is a version with the years it
holds: a programme's editions (when, how many, who hosts) and each award's versions
(name, who can win, the rules a nomination is judged by, theme and rotating target
group). The catalogue of any year follows from them; see :mod:`._year`.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from civilsamfund.core import Citation, Text, between, entries, not_empty, refers

FIRST_YEAR, LAST_YEAR = 1800, 9998
"""The years a version may name: a year is a typing error outside them."""

_years = between(FIRST_YEAR, LAST_YEAR)


class NomineeKind(str, enum.Enum):
    """Who an award can go to."""

    ASSOCIATION = "association"
    VOLUNTEER = "volunteer"
    YOUNG_PERSON = "young_person"


def _months(instance: object, attribute: object, value: tuple[int, ...]) -> None:
    check = between(1, 12)
    for month in value:
        check(instance, attribute, month)


@frozen(kw_only=True)
class Years:
    """The years a version holds, both included; ``last_year`` unset: until further notice."""

    first_year: int = field(validator=_years)
    last_year: int | None = field(default=None, validator=_years)

    def holds(self, year: int) -> bool:
        """Whether the version holds in ``year``."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


@frozen(kw_only=True)
class Edition(Years):
    """A programme as it is in some years: when it gives its awards and how many.

    ``months`` (1-12) are when in the year the awards are given; left out where the
    source gives no time. The awards' rules are those in force on the first day of
    the first month (1 January without a month).
    """

    count: int = field(validator=between(1, 1000))
    months: tuple[int, ...] = field(default=(), validator=_months)
    host: Text | None = None
    celebration: Text | None = None
    """Where the winners are celebrated, where the source says."""
    citation: Citation
    reading: Text | None = None


@frozen(kw_only=True)
class Event(Years):
    """A yearly event of a programme that is not an award, such as a New Year reception."""

    id: str
    name: Text
    held_by: Text
    for_whom: Text
    months: tuple[int, ...] = field(default=(), validator=_months)
    citation: Citation
    reading: Text | None = None


@frozen(kw_only=True)
class Programme:
    """A municipality's awards given together (Odense's Ildsjælepriser), by edition."""

    id: str
    name: Text
    editions: tuple[Edition, ...] = field(validator=not_empty)
    events: tuple[Event, ...] = field(default=(), metadata=entries("event"))


@frozen(kw_only=True)
class Rotation:
    """A target group that changes every year, going round ``groups`` in their order
    from ``first_year``. ``reading`` says where the order and start come from."""

    groups: tuple[str, ...] = field(validator=not_empty, metadata=refers("award_group"))
    first_year: int = field(validator=_years)
    reading: Text

    def group(self, year: int) -> str | None:
        """The target group of ``year``; none before the rotation starts."""
        if year < self.first_year:
            return None
        return self.groups[(year - self.first_year) % len(self.groups)]


@frozen(kw_only=True)
class AwardVersion(Years):
    """An award as it is in some years.

    ``winners``: the kinds of nominee it can go to, and ``who`` says so in words.
    ``criteria``: the rules a nomination is judged by (each in ``criteria.toml``).
    ``examples``: what the award text gives as examples of a winner; guidance for the
    jury, never a rule. ``count``: how many of the programme's awards this one is.
    """

    name: Text
    count: int = field(default=1, validator=between(1, 1000))
    winners: tuple[NomineeKind, ...] = field(validator=not_empty)
    who: Text
    criteria: tuple[str, ...] = field(default=(), metadata=refers("criterion", required=True))
    theme: Text | None = None
    examples: tuple[Text, ...] = ()
    target_group: str | None = field(default=None, metadata=refers("award_group"))
    """A fixed target group, for an award that has one but does not rotate it."""
    rotation: Rotation | None = None
    replaces: str | None = field(default=None, metadata=refers("award"))
    citation: Citation
    reading: Text | None = None

    def group(self, year: int) -> str | None:
        """The award's target group in ``year``: the rotation's, or the fixed one."""
        return self.rotation.group(year) if self.rotation is not None else self.target_group


@frozen(kw_only=True)
class Award:
    """One award of a programme, by version."""

    id: str
    programme: str = field(metadata=refers("programme"))
    versions: tuple[AwardVersion, ...] = field(validator=not_empty)


@frozen(kw_only=True)
class AwardGroup:
    """A target group an award may name (``lonely-older``)."""

    id: str
    name: Text


@frozen(kw_only=True)
class AwardsFile:
    """``awards.toml``."""

    programmes: tuple[Programme, ...] = field(default=(), metadata=entries("programme"))
    awards: tuple[Award, ...] = field(default=(), metadata=entries("award"))
    groups: tuple[AwardGroup, ...] = field(default=(), metadata=entries("award_group"))
