"""A nomination for an award: who is nominated, by whom, why, and the facts the award's
rules need.

Every fact may be left out, and ``None`` means *not given*: a rule that needs it names
it as missing. A person, nominated or nominating, is never named: a volunteer or a
young person is given by the caller's own opaque ``reference``; only an association
(or the municipality) has a name.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from civilsamfund.awards._catalogue import FIRST_YEAR, LAST_YEAR, NomineeKind
from civilsamfund.awards._year import AwardYear
from civilsamfund.core import (
    MAX_AGE,
    FieldValueError,
    between,
    cvr_number,
    opaque_reference,
    refers,
)

_NOT_NAMED = (
    "expected no name for a person: a {kind} is given by an opaque `reference`, never named"
)


class NominatorKind(str, enum.Enum):
    """Who nominates."""

    ASSOCIATION = "association"
    PERSON = "person"
    MUNICIPALITY = "municipality"


@frozen(kw_only=True)
class Nominee:
    """Who is nominated. ``association``: for a person, the association they volunteer
    in (where Faaborg-Midtfyn's winners are celebrated)."""

    kind: NomineeKind = field(converter=NomineeKind)
    name: str | None = None
    """An association's name; a person is never named."""
    cvr: str | None = field(default=None, validator=cvr_number)
    reference: str | None = field(default=None, repr=False, validator=opaque_reference)
    age: int | None = field(default=None, validator=between(0, MAX_AGE))
    association: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is not NomineeKind.ASSOCIATION and self.name is not None:
            raise FieldValueError("name", _NOT_NAMED.format(kind=self.kind.value))


@frozen(kw_only=True)
class Nominator:
    """Who nominates: an association or the municipality by name, a person by reference."""

    kind: NominatorKind = field(converter=NominatorKind)
    name: str | None = None
    reference: str | None = field(default=None, repr=False, validator=opaque_reference)

    def __attrs_post_init__(self) -> None:
        if self.kind is NominatorKind.PERSON and self.name is not None:
            raise FieldValueError("name", _NOT_NAMED.format(kind="person"))


@frozen(kw_only=True)
class Nomination:
    """A nomination for ``award`` in ``year``, with the facts its rules read."""

    id: str
    award: str = field(metadata=refers("award"))
    year: int = field(validator=between(FIRST_YEAR, LAST_YEAR))
    nominee: Nominee
    nominator: Nominator
    reasons: str = field(default="", repr=False)
    """Why the nominator nominates, in their words; never copied into a decision."""
    in_municipality: bool | None = None
    """The nominee's work takes place in the municipality."""
    voluntary_social: bool | None = None
    """The nominee is (a person: volunteers in) a voluntary social association."""
    socially_vulnerable: bool | None = None
    """The work is for socially vulnerable people."""
    target_groups: tuple[str, ...] | None = field(default=None, metadata=refers("award_group"))
    """The groups the nominee's work is for, among the award groups configured."""
    theme_focus: bool | None = None
    """The work has a special focus on the award's theme (such as mental well-being)."""


@frozen(kw_only=True)
class Candidacy:
    """A nomination with the award as given in its year: what award rules judge, so
    that a rule can read the year's target group and who the award can go to."""

    nomination: Nomination
    award: AwardYear
