"""Assessing a proposed forum membership: the forum's composition rules in force on the
day the membership would start, their findings and the outcome."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund._deprecation import renamed_method
from civilsamfund.config import Municipality, ReferencePlan
from civilsamfund.core import AuditRecord, Text, shown
from civilsamfund.core.rules import Evaluator, Finding, Outcome, Rule
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import GUEST_KINDS, ForumProposal
from civilsamfund.organisation._structure import Forum, OrganisationFile


@frozen(kw_only=True)
class ForumDecision:
    """What the composition rules say about one proposed membership.

    ``outcome``: ``eligible`` (composed as the rules say), ``needs_assessment`` (a
    flag, a discretionary rule not met, or a fact not given) or ``ineligible`` (a
    mandatory rule is broken).
    """

    proposal: str
    forum: str
    on: date
    municipality: str
    outcome: Outcome
    findings: Sequence[Finding]
    audit: AuditRecord
    names: Mapping[str, Text] = field(factory=dict)
    """What the ids the decision names are called, and the titles of the cited documents."""


def forum(municipality: Municipality, forum_id: str) -> Forum:
    """The configured forum ``forum_id``; raises :class:`ForumError` when there is none."""
    forums = municipality.section(OrganisationFile).forums
    found = next((f for f in forums if f.id == forum_id), None)
    if found is None:
        known = ", ".join(f.id for f in forums) or "none"
        raise ForumError.at(
            "<forum>", "forum", f"expected a configured forum ({known}), got {shown(forum_id)}"
        )
    return found


_ORGANISATION = ("committee", "council", "department", "partner", "area", "forum")
"""The kinds of entry ``organisation.toml`` configures, whose names a decision gives."""


class ForumAssessor:
    """Assesses proposed memberships against one municipality's forum rules; make one
    for many proposals."""

    __slots__ = ("_evaluator", "_plan", "municipality")

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._evaluator = Evaluator()
        self._plan = ReferencePlan(ForumProposal)

    def rules(
        self, proposal: ForumProposal, on: date | None = None
    ) -> tuple[Rule[ForumProposal], ...]:
        """The forum's composition rules in force on ``on`` (default: the day the
        membership would start), in order. Raises :class:`ForumError` on a day when none
        of them is in force: a forum is never judged by no rules."""
        day = proposal.on if on is None else on
        criteria = forum(self.municipality, proposal.forum).criteria
        rules = self.municipality.rulebook.in_force(criteria, day)
        if criteria and not rules:
            raise ForumError.at(
                f"proposal {shown(proposal.id)}",
                "on",
                f"expected a day on which the rules of {proposal.forum!r} are in force, got "
                f"{day.isoformat()}, when none is",
            )
        return rules

    def admit(self, proposal: ForumProposal) -> ForumProposal:
        """``proposal`` if everything it names is configured: its forum, every seat and
        area, and every meeting's guests. Raises :class:`ForumError` naming each."""
        known = self.municipality.known
        found = self._plan.found(proposal, known)
        if not found:
            configured = forum(self.municipality, proposal.forum)
            for path, message in _unknown(proposal, configured, known):
                found.at("", path, message)
        if found:
            source = f"proposal {shown(proposal.id)}"
            raise ForumError(found.kept, found.more).within(source, "")
        return proposal

    def prepare(
        self, proposal: ForumProposal, on: date | None = None
    ) -> tuple[tuple[Rule[ForumProposal], ...], ForumProposal, date]:
        """What :meth:`decide` takes for ``proposal`` on ``on`` (default: the day the
        membership would start): its rules, the admitted proposal and the day. Raises as
        :meth:`admit` and :meth:`rules`."""
        day = proposal.on if on is None else on
        admitted = self.admit(proposal)
        return self.rules(admitted, day), admitted, day

    def assess(self, proposal: ForumProposal, on: date | None = None) -> ForumDecision:
        """Judge ``proposal`` by its forum's rules in force on ``on`` (default: the day
        the membership would start)."""
        return self.decide(*self.prepare(proposal, on))

    check = renamed_method(assess, old="check", since="0.4.0")

    def decide(
        self, rules: tuple[Rule[ForumProposal], ...], proposal: ForumProposal, on: date
    ) -> ForumDecision:
        """Judge an admitted ``proposal`` by ``rules``, which :meth:`rules` gave for it
        on ``on``."""
        findings = self._evaluator.findings(rules, proposal)
        municipality = self.municipality
        seats = forum(municipality, proposal.forum).seats
        return ForumDecision(
            proposal=proposal.id,
            forum=proposal.forum,
            on=proposal.on,
            municipality=municipality.slug,
            outcome=findings.outcome,
            findings=findings,
            audit=municipality.audit(on),
            names={
                **municipality.titles(rule.citation.document for rule in rules),
                **municipality.entry_names(_ORGANISATION, on),
                **{seat.id: seat.name for seat in seats},
            },
        )


def _unknown(
    proposal: ForumProposal, forum: Forum, known: Mapping[str, Mapping[str, object]]
) -> Iterator[tuple[str, str]]:
    seats = {seat.id for seat in forum.seats}
    for index, member in enumerate(proposal.members):
        if member.seat not in seats:
            yield (
                f"members[{index}].seat",
                f"expected a seat of {forum.id!r} ({', '.join(sorted(seats))}), "
                f"got {shown(member.seat)}",
            )
    guests = {key for kind in GUEST_KINDS for key in known.get(kind, {})}
    for index, meeting in enumerate(proposal.meetings or ()):
        for j, guest in enumerate(meeting.guests):
            if guest not in guests:
                yield (
                    f"meetings[{index}].guests[{j}]",
                    f"expected the id of a configured committee, council, partner or "
                    f"department, got {shown(guest)}",
                )


def assess(
    municipality: Municipality, proposal: ForumProposal, on: date | None = None
) -> ForumDecision:
    """Assess one proposed membership against ``municipality``'s rules for its forum in
    force on ``on`` (default: the day it would start). For many, make one
    :class:`ForumAssessor`."""
    return ForumAssessor(municipality).assess(proposal, on)
