"""Checks for the municipality's advice on working with volunteers: agreements, the
association behind the volunteers, and the tools that welcome them. Advice flags what
is missing; it never rejects a task (configure these rules as discretionary)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core import Text, refers
from civilsamfund.core.rules import Examples, Facts, Finding, Known, Status, Verdict, missing
from civilsamfund.volunteers._check import TaskCheck
from civilsamfund.volunteers._obligations import Obligation, ObligationKind
from civilsamfund.volunteers._task import OrganiserKind, VolunteerTask
from civilsamfund.volunteers.checks._base import ShouldBeYes, obligation
from civilsamfund.volunteers.facts import AFFILIATED, AGREEMENT_PARTS, ORGANISER, TOOLS

Task = VolunteerTask


@frozen(kw_only=True)
class AgreementParts(TaskCheck):
    """A written collaboration agreement between the organising association or network
    and the municipality, covering the ``parts`` the municipality asks for."""

    parts: tuple[str, ...] = field(metadata=refers("agreement_part"))

    FACTS = (ORGANISER, AGREEMENT_PARTS)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "municipality": Text(
            da="Kommunen organiserer selv; der er ingen forening at aftale med.",
            en="The municipality organises itself; there is no association to agree with.",
        ),
        "complete": Text(
            da="Samarbejdsaftalen dækker {parts:names}.",
            en="The collaboration agreement covers {parts:names}.",
        ),
        "none": Text(
            da="Der er ingen skriftlig samarbejdsaftale; en aftale om {parts:names} anbefales.",
            en="There is no written collaboration agreement; one covering {parts:names} is "
            "recommended.",
        ),
        "incomplete": Text(
            da="Samarbejdsaftalen mangler {lacking:names}.",
            en="The collaboration agreement does not cover {lacking:names}.",
        ),
    }
    RECORDS = ("parts", "lacking")

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        if facts[ORGANISER] is OrganiserKind.MUNICIPALITY:
            return Verdict(status=Status.NOT_APPLICABLE, message="municipality")
        given = facts[AGREEMENT_PARTS]
        if given is None:
            return missing(AGREEMENT_PARTS, parts=self.parts)
        lacking = tuple(part for part in self.parts if part not in given)
        recorded = {"agreement": given, "parts": self.parts, "lacking": lacking}
        if not lacking:
            return Verdict(status=Status.PASS, message="complete", facts=recorded)
        message = "incomplete" if given else "none"
        return Verdict(status=Status.FAIL, message=message, facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {ORGANISER: [OrganiserKind.ASSOCIATION], AGREEMENT_PARTS: [self.parts]}
        return (
            {ORGANISER: [OrganiserKind.ASSOCIATION], AGREEMENT_PARTS: [()]} if self.parts else None
        )


_GUIDANCE = Text(
    da="Frivillige uden foreningstilknytning: giv dem vejledning og aftal, hvem der står for "
    "forsikring, konflikter og utrygge hændelser, som en forening ellers ville.",
    en="Volunteers without an association: give them guidance, and agree who handles "
    "insurance, conflicts and distressing events, as an association otherwise would.",
)


@frozen(kw_only=True)
class Affiliation(ShouldBeYes):
    """Volunteers are best engaged through an association, which looks after insurance,
    conflicts and the volunteers themselves; the unaffiliated are guided, not refused."""

    FACT = AFFILIATED
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="De frivillige er tilknyttet en forening.",
            en="The volunteers are affiliated with an association.",
        ),
        "no": Text(
            da="De frivillige er ikke tilknyttet en forening; frivillighed i organiseret regi "
            "anbefales, og de skal have vejledning.",
            en="The volunteers have no association; organised volunteering is recommended, and "
            "they are to be guided.",
        ),
    }

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        if finding.status is Status.PASS or finding.missing:
            return ()
        return (
            obligation(finding, ObligationKind.RECOMMENDATION, "unaffiliated_guidance", _GUIDANCE),
        )


@frozen(kw_only=True)
class Toolbox(TaskCheck):
    """The institution uses the ``tools`` that set a collaboration off well (a welcome
    letter, a volunteer contract, expectations agreed, conflicts planned for)."""

    tools: tuple[str, ...] = field(metadata=refers("tool"))

    FACTS = (TOOLS,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "all": Text(da="Værktøjer i brug: {tools:names}.", en="Tools in use: {tools:names}."),
        "lacking": Text(da="Overvej også {lacking:names}.", en="Consider also {lacking:names}."),
    }
    RECORDS = ("lacking",)

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        used = facts[TOOLS]
        if used is None:
            return missing(TOOLS)
        lacking = tuple(tool for tool in self.tools if tool not in used)
        return Verdict(
            status=Status.FAIL if lacking else Status.PASS,
            message="lacking" if lacking else "all",
            facts={"tools": used, "lacking": lacking},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {TOOLS: [self.tools]}
        return {TOOLS: [()]} if self.tools else None


__all__ = ["Affiliation", "AgreementParts", "Toolbox"]
