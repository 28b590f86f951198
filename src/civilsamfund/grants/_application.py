"""What an applicant tells the municipality: associations, activities and grant applications.

Every fact an application may leave out is optional and ``None`` means *not given*:
criteria that need such a fact flag it as missing instead of assuming a value.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from attrs import Attribute, field, frozen

from civilsamfund.core import (
    MAX_AGE,
    FieldValueError,
    Kroner,
    Share,
    Text,
    cvr_number,
    kroner_field,
    not_below_min_age,
    opaque_reference,
    refers,
    share_field,
)
from civilsamfund.core.rules import FactText


class AssociationKind(str, enum.Enum):
    """The kinds of civil-society organisation the documents name."""

    VOLUNTARY_SOCIAL = "voluntary_social"
    ADULT_EDUCATION = "adult_education"
    MOVEMENT = "movement"
    NETWORK = "network"
    SELF_HELP = "self_help"
    OTHER = "other"


KIND_NAMES: Mapping[str, Text] = {
    AssociationKind.VOLUNTARY_SOCIAL.value: Text(
        da="frivillig social forening", en="voluntary social association"
    ),
    AssociationKind.ADULT_EDUCATION.value: Text(
        da="folkeoplysende forening", en="adult education association"
    ),
    AssociationKind.MOVEMENT.value: Text(da="bevægelse", en="movement"),
    AssociationKind.NETWORK.value: Text(da="netværk", en="network"),
    AssociationKind.SELF_HELP.value: Text(da="selvhjælpsgruppe", en="self-help group"),
    AssociationKind.OTHER.value: Text(da="anden forening", en="other association"),
}
"""What each kind of association is called in reasons."""


class BudgetCategory(str, enum.Enum):
    """What a budget line pays for; staff are split by whether they coordinate volunteers."""

    ACTIVITIES = "activities"
    PREMISES = "premises"
    MATERIALS = "materials"
    TRANSPORT = "transport"
    COORDINATING_STAFF = "coordinating_staff"
    OTHER_STAFF = "other_staff"
    ADMINISTRATION = "administration"
    OTHER = "other"


class FundingStatus(str, enum.Enum):
    """How far an application to another funder has come."""

    APPLIED = "applied"
    GRANTED = "granted"
    REFUSED = "refused"


def _age(_: object, attribute: Attribute[int | None], value: int | None) -> None:
    if value is not None and not 0 <= value <= MAX_AGE:
        raise FieldValueError(attribute.name, f"expected an age from 0 to {MAX_AGE}, got {value}")


@frozen(kw_only=True)
class TargetGroup:
    """Who an activity serves: a category from the municipality's list and an age span.

    Ages are whole years, both ends included; a missing end is open.
    ``relatives`` marks an activity aimed at the relatives of the category.
    """

    category: str = field(metadata=refers("target_group"))
    min_age: int | None = field(default=None, validator=_age)
    max_age: int | None = field(default=None, validator=[_age, not_below_min_age])
    relatives: bool = False


@frozen(kw_only=True)
class Association:
    """An association that applies for or works with the municipality.

    ``cvr`` is the 8-digit CVR number, checked with its mod-11 rule.
    """

    TAG: ClassVar[str] = "association"

    name: str
    cvr: str | None = field(default=None, validator=cvr_number)
    kind: AssociationKind = AssociationKind.VOLUNTARY_SOCIAL
    home_municipality: str | None = None
    founded: date | None = None
    equity: Kroner | None = field(default=None, validator=kroner_field)
    annual_running_costs: Kroner | None = field(default=None, validator=kroner_field)


@frozen(kw_only=True)
class PrivatePerson:
    """A private person as applicant.

    Deliberately holds no name and no CPR number: an assessment never needs them,
    so they cannot leak into logs, reprs or exports. ``reference`` is the caller's
    own opaque case reference, kept out of reprs all the same.
    """

    TAG: ClassVar[str] = "person"

    reference: str | None = field(default=None, repr=False, validator=opaque_reference)


Applicant = Association | PrivatePerson


@frozen(kw_only=True)
class BudgetLine:
    """One line of the budget an application asks money for."""

    description: str
    category: BudgetCategory
    amount: Kroner = field(validator=kroner_field)


@frozen(kw_only=True)
class FundingSource:
    """Another funder the applicant has approached for the same activity."""

    name: str
    amount: Kroner | None = field(default=None, validator=kroner_field)
    status: FundingStatus = FundingStatus.APPLIED


@frozen(kw_only=True)
class Activity:
    """The activity a grant would pay for, with the facts criteria look at."""

    purpose: str | None = None
    target_groups: tuple[TargetGroup, ...] | None = None
    volunteer_share: Share | None = field(default=None, validator=share_field)
    social_aim: bool | None = None
    local_share: Share | None = field(default=None, validator=share_field)
    focus_areas: tuple[str, ...] | None = field(default=None, metadata=refers("focus_area"))
    """Ids of the focus areas the municipality configures (``focus_areas`` in its
    ``municipality.toml``)."""
    open_to_all: bool | None = None


@frozen(kw_only=True)
class GrantApplication:
    """An application to one of a municipality's grant pools.

    ``reserve`` names a reserved share of the pool applied to (such as development
    money); ``None`` means the pool's ordinary round.
    """

    id: str
    pool: str
    applicant: Applicant
    activity: Activity
    amount: Kroner = field(validator=kroner_field)
    received: date
    reserve: str | None = None
    budget: tuple[BudgetLine, ...] | None = None
    other_funding: tuple[FundingSource, ...] | None = None
    standing_grant_renewal: bool = False
    facts: Mapping[str, FactText] = field(factory=dict)
    """Facts the municipality declares beyond these (``application_facts`` in its
    ``municipality.toml``), by name: checked against their declared types when the
    application is assessed."""
