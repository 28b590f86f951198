"""Forms a coordinator fills in before volunteers start, and what is missing from them.

Each form has named parts that the municipality configures in ``volunteers.toml``: a
role description (Kolding's five R's: ``role_parts``), the checklist before acting
(``questions``, and the ``start_logics`` an activity can start by), and a collaboration
agreement (``agreement_parts``). A review names the parts not given and those given
empty, with the source of each; it never judges what the text says.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from attrs import field, frozen

from civilsamfund.core import Text, refers
from civilsamfund.volunteers._config import Named
from civilsamfund.volunteers._task import Commitment


class Period(str, enum.Enum):
    """How long the role runs: all year, a season or some months, or once."""

    ALL_YEAR = "all_year"
    SEASON = "season"
    ONCE = "once"


@frozen(kw_only=True)
class RoleDescription:
    """A volunteer role, described part by part (``parts``: part id to text)."""

    id: str
    title: str
    parts: Mapping[str, str] = field(factory=dict)
    set_times: bool | None = None
    """The role is on set days and at set times."""
    period: Period | None = None


@frozen(kw_only=True)
class Checklist:
    """The questions to ask before acting, answered (``answers``: question id to text),
    and the logic the activity is to start by."""

    id: str
    logic: str | None = field(default=None, metadata=refers("start_logic"))
    answers: Mapping[str, str] = field(factory=dict)


@frozen(kw_only=True)
class CollaborationAgreement:
    """An agreement between an association and the municipality, part by part
    (``parts``: agreement part id to what is agreed)."""

    id: str
    association: str
    parts: Mapping[str, str] = field(factory=dict)


@frozen(kw_only=True)
class PartsReview:
    """Which configured parts a form gives, leaves out, or gives empty."""

    given: tuple[str, ...]
    missing: tuple[str, ...]
    empty: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Every part is given with some text."""
        return not self.missing and not self.empty


@frozen(kw_only=True)
class Suggestion:
    """A form of commitment to offer volunteers, and why; ``None`` when the role does not
    say enough, with the facts it lacks named."""

    commitment: Commitment | None
    reason: Text
    missing: tuple[str, ...] = ()


@frozen(kw_only=True)
class FormReview:
    """The review of one form: its parts, and for a role the commitment to suggest, for
    a checklist whether a start logic is chosen. ``parts`` maps ids to their names and
    sources, for the reader."""

    form: str
    kind: str
    review: PartsReview
    suggestion: Suggestion | None = None
    logic: str | None = None
    names: Mapping[str, Named] = field(factory=dict)

    @property
    def complete(self) -> bool:
        """Nothing is missing: every part given, and a start logic for a checklist."""
        return self.review.complete and (self.kind != "checklist" or self.logic is not None)


def review_parts(given: Mapping[str, str], parts: tuple[Named, ...]) -> PartsReview:
    """What ``given`` lacks of ``parts``; unknown ids are the reader's to refuse."""
    return PartsReview(
        given=tuple(part.id for part in parts if given.get(part.id, "").strip()),
        missing=tuple(part.id for part in parts if part.id not in given),
        empty=tuple(part.id for part in parts if part.id in given and not given[part.id].strip()),
    )


_SHIFTS = Text(
    da="Rollen ligger på faste dage og tider hele året: tilbyd faste vagter.",
    en="The role is on set days and times all year: offer fixed shifts.",
)
_BOUNDED = Text(
    da="Rollen er afgrænset i tid eller uden faste tider: tilbyd en afgrænset opgave.",
    en="The role is limited in time or has no set times: offer a bounded task.",
)
_UNKNOWN = Text(
    da="Beskrivelsen siger ikke nok om tider og periode til at foreslå en form.",
    en="The description says too little about times and period to suggest a form.",
)


def suggest(role: RoleDescription) -> Suggestion:
    """Fixed shifts for a role on set days and times all year; a bounded task for a role
    limited in time (a season, some months, once) or without set times."""
    if role.set_times is False or role.period in (Period.SEASON, Period.ONCE):
        return Suggestion(commitment=Commitment.BOUNDED_TASK, reason=_BOUNDED)
    if role.set_times and role.period is Period.ALL_YEAR:
        return Suggestion(commitment=Commitment.FIXED_SHIFTS, reason=_SHIFTS)
    missing = tuple(
        name
        for name, value in (("set_times", role.set_times), ("period", role.period))
        if value is None
    )
    return Suggestion(commitment=None, reason=_UNKNOWN, missing=missing)
