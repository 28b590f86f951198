"""What must be in place or kept in mind before volunteers start, as values a system acts on."""

from __future__ import annotations

import enum

from attrs import frozen

from civilsamfund.core import Citation, Text


class ObligationKind(str, enum.Enum):
    """The kinds of obligation a task check can give."""

    CERTIFICATE = "certificate"
    """A certificate to obtain before the volunteers start."""
    DUTY = "duty"
    """A duty the volunteers have while they do the task."""
    MAY_NOT_ASK = "may_not_ask"
    """Something the municipality may not ask of the volunteers."""
    DIALOGUE = "dialogue"
    """A question to settle in dialogue: the law leaves it open."""
    RECOMMENDATION = "recommendation"
    """Advice the municipality gives; not following it is no breach."""


@frozen(kw_only=True)
class Obligation:
    """One obligation, with the criterion and source it comes from.

    ``id`` names it for systems (``child_certificate``, ``duty_to_notify``);
    ``before_start``: it must be met before the volunteers start, which ``text`` says
    too, for people (the plain text shows the text alone).
    """

    kind: ObligationKind
    id: str
    text: Text
    criterion: str
    citation: Citation
    before_start: bool = False
    legal_basis: str | None = None
