"""A volunteer task as a welfare institution describes it before the volunteers start.

Every fact the description may leave out is optional, and ``None`` means *not given*:
a rule that needs it names it as missing and never assumes a value. The task holds no
one's name but an association's: volunteers and citizens are described, not named.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from attrs import field, frozen, validators

from civilsamfund.core import MAX_AGE, between, finite_non_negative, not_below_min_age, refers


class OrganiserKind(str, enum.Enum):
    """Who organises the volunteers: an association, a network, or the municipality itself."""

    ASSOCIATION = "association"
    NETWORK = "network"
    MUNICIPALITY = "municipality"


class Commitment(str, enum.Enum):
    """How the volunteers want to give their time (Kolding: shifts or bounded tasks)."""

    FIXED_SHIFTS = "fixed_shifts"
    BOUNDED_TASK = "bounded_task"


@frozen(kw_only=True)
class Organiser:
    """The party that organises the volunteers; ``name`` only for an association or network."""

    kind: OrganiserKind
    name: str | None = None


@frozen(kw_only=True)
class Engagement:
    """How the volunteers are engaged: through a named association, or on their own."""

    affiliated: bool | None = None
    association: str | None = None
    """The association the volunteers come through, when affiliated."""


@frozen(kw_only=True)
class AgeRange:
    """The ages of the citizens the task meets. ``min_age`` not given is not assumed to be
    0: write 0 for a task open to all ages. ``max_age`` ``None`` is an open upper end."""

    min_age: int | None = field(default=None, validator=between(0, MAX_AGE))
    max_age: int | None = field(default=None, validator=[between(0, MAX_AGE), not_below_min_age])


@frozen(kw_only=True)
class ChildContact:
    """Whether the work brings the volunteers into contact with children, and how young."""

    contact: bool | None = None
    youngest_age: int | None = field(default=None, validator=between(0, MAX_AGE))


@frozen(kw_only=True)
class Agreement:
    """A written collaboration agreement, by the parts it covers (ids the municipality
    configures: ``responsibilities``, ``economy``, ``insurance``, ...)."""

    written: bool = True
    """``false``: the parties have no written agreement."""
    parts: tuple[str, ...] = field(default=(), metadata=refers("agreement_part"))


@frozen(kw_only=True)
class Preparation:
    """What is in place before the start; each ``None`` until someone says."""

    child_certificates_obtained: bool | None = None
    criminal_record_dialogue_held: bool | None = None
    informed_of_duty_to_notify: bool | None = None
    roles_agreed: bool | None = None
    """Staff and volunteers have agreed who does what, each side's competences respected."""
    adds_to_staff_work: bool | None = None
    """The volunteers give something staff do not, rather than doing staff's work."""
    tools: tuple[str, ...] | None = field(default=None, metadata=refers("tool"))
    """The tools used to welcome the volunteers (welcome letter, volunteer contract, ...)."""


@frozen(kw_only=True)
class VolunteerTask:
    """A task a welfare institution wants volunteers to do, checked before it starts."""

    id: str
    title: str
    starts: date
    """The day the volunteers start: the rules in force that day apply."""
    organiser: Organiser
    engagement: Engagement = Engagement()
    arena: str | None = field(default=None, metadata=refers("arena"))
    social_area: bool | None = None
    """The task is on the social area (welfare for vulnerable citizens)."""
    target_group: AgeRange = AgeRange()
    children: ChildContact = ChildContact()
    needs_visitation: bool | None = None
    """Taking part requires a needs assessment of the citizen."""
    needs_registration: bool | None = None
    """The task registers citizens in the municipality's systems."""
    statutory_responsibility: bool | None = None
    """The task takes over a responsibility the law gives the municipality."""
    core_task: bool | None = None
    """The task is one of the municipality's own core or authority tasks."""
    reports_on_citizens: bool | None = None
    """The municipality asks the volunteers to report on the citizens they meet."""
    commitment: Commitment | None = None
    hours_per_week: Decimal | None = field(
        default=None, validator=validators.optional(finite_non_negative)
    )
    agreement: Agreement | None = None
    preparation: Preparation = Preparation()
