"""What judging a subject yields: a finding per rule, and the outcome they add up to."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping

from attrs import field, frozen

from civilsamfund.core import Citation, FactValue, Text


class RuleKind(str, enum.Enum):
    """How a rule weighs in a decision."""

    MANDATORY = "mandatory"
    """A clear rule: failing it makes the subject ineligible."""
    DISCRETIONARY = "discretionary"
    """The municipality judges: the library gives guidance and flags, never rejects."""
    PERMISSION = "permission"
    """Says what is allowed: it informs, and flags what falls outside it."""


class Status(str, enum.Enum):
    """The result of one rule for one subject."""

    PASS = "pass"
    FAIL = "fail"
    FLAG = "flag"
    INFO = "info"
    NOT_APPLICABLE = "not_applicable"


PASS, FAIL, FLAG, INFO, NOT_APPLICABLE = (
    Status.PASS,
    Status.FAIL,
    Status.FLAG,
    Status.INFO,
    Status.NOT_APPLICABLE,
)
"""The statuses as plain names, for code that runs once per subject: on Python 3.11 a
member looked up on its enum passes through the enum type's ``__getattr__`` hook, which
costs four times a plain name."""


class Outcome(str, enum.Enum):
    """What the findings add up to."""

    ELIGIBLE = "eligible"
    NEEDS_ASSESSMENT = "needs_assessment"
    INELIGIBLE = "ineligible"


@frozen(kw_only=True)
class Finding:
    """One rule checked against one subject.

    ``rule`` is the rule as the municipality words it; ``reason`` explains the status
    for this subject. ``facts`` are the facts the rule used, and ``missing`` names
    those the subject did not give.
    """

    criterion: str
    kind: RuleKind
    status: Status
    citation: Citation
    rule: Text
    reason: Text
    facts: Mapping[str, FactValue] = field(factory=dict)
    missing: tuple[str, ...] = ()


def outcome(findings: Iterable[Finding]) -> Outcome:
    """Ineligible if a mandatory rule fails; else needs assessment if any flags or fails."""
    flagged = False
    for finding in findings:
        status = finding.status
        if status is Status.FAIL:
            if finding.kind is RuleKind.MANDATORY:
                return Outcome.INELIGIBLE
            flagged = True
        elif status is Status.FLAG:
            flagged = True
    return Outcome.NEEDS_ASSESSMENT if flagged else Outcome.ELIGIBLE
