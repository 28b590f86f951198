"""Checks for the rules of play between a municipality and volunteers: who organises
them, what they may not take over, and what the law asks before and while they work.

Written from Faaborg-Midtfyn's strategy 2018-21, section "Spilleregler", and the
Danish law it restates; the numbers (ages) are parameters with their legal basis.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core import MAX_AGE, Text, between, refers
from civilsamfund.core.rules import Examples, Facts, Finding, Known, Status, Verdict, missing
from civilsamfund.volunteers._check import TaskCheck
from civilsamfund.volunteers._obligations import Obligation, ObligationKind
from civilsamfund.volunteers._task import OrganiserKind, VolunteerTask
from civilsamfund.volunteers.checks._base import ShouldBeYes, obligation
from civilsamfund.volunteers.facts import (
    ADDS_TO_STAFF_WORK,
    AFFILIATED,
    ARENA,
    CERTIFICATES_OBTAINED,
    CHILD_CONTACT,
    CORE_TASK,
    DIALOGUE_HELD,
    INFORMED,
    NEEDS_REGISTRATION,
    NEEDS_VISITATION,
    ORGANISER,
    REPORTS_ON_CITIZENS,
    ROLES_AGREED,
    SOCIAL_AREA,
    STATUTORY_RESPONSIBILITY,
    YOUNGEST_CHILD,
)

Task = VolunteerTask


@frozen(kw_only=True)
class ThroughAssociation(TaskCheck):
    """On the social area the municipality does not organise volunteers itself: an
    unaffiliated volunteer organised by the municipality breaks the rule."""

    FACTS = (SOCIAL_AREA, ORGANISER, AFFILIATED)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "not_social": Text(
            da="Opgaven er ikke på socialområdet.", en="The task is not on the social area."
        ),
        "through_association": Text(
            da="De frivillige organiseres af en forening eller et netværk.",
            en="The volunteers are organised by an association or a network.",
        ),
        "by_municipality": Text(
            da="Kommunen organiserer selv frivillige uden foreningstilknytning; samarbejd i "
            "stedet med en forening eller et netværk, der organiserer dem.",
            en="The municipality organises unaffiliated volunteers itself; work instead with "
            "an association or network that organises them.",
        ),
    }

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        social, organiser = facts[SOCIAL_AREA], facts[ORGANISER]
        if social is None:
            return missing(SOCIAL_AREA)
        if not social:
            return Verdict(status=Status.NOT_APPLICABLE, message="not_social")
        if organiser is not OrganiserKind.MUNICIPALITY:
            return Verdict(
                status=Status.PASS,
                message="through_association",
                facts={"organiser": organiser.value},
            )
        affiliated = facts[AFFILIATED]
        if affiliated is None:
            return missing(AFFILIATED, organiser=organiser.value)
        recorded = {"organiser": organiser.value, "affiliated": affiliated}
        if affiliated:
            return Verdict(status=Status.PASS, message="through_association", facts=recorded)
        return Verdict(status=Status.FAIL, message="by_municipality", facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {SOCIAL_AREA: [True], ORGANISER: [OrganiserKind.ASSOCIATION]}
        return {
            SOCIAL_AREA: [True],
            ORGANISER: [OrganiserKind.MUNICIPALITY],
            AFFILIATED: [False],
        }


@frozen(kw_only=True)
class NoStatutoryWork(TaskCheck):
    """Volunteers take over no responsibility laid down in law, and do only tasks that
    need neither a needs assessment (visitation) nor registration of citizens."""

    FACTS = (NEEDS_VISITATION, NEEDS_REGISTRATION, STATUTORY_RESPONSIBILITY)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "allowed": Text(
            da="Opgaven kræver hverken visitation eller registrering og overtager intet "
            "lovbestemt ansvar.",
            en="The task needs no needs assessment or registration and takes over no "
            "responsibility laid down in law.",
        ),
        "not_for_volunteers": Text(
            da="Opgaven kan ikke løses af frivillige, da den {reasons:names}.",
            en="Volunteers cannot do the task, as it {reasons:names}.",
        ),
    }
    RECORDS = ("reasons",)
    NAMES: ClassVar[Mapping[str, Text]] = {
        NEEDS_VISITATION.name: Text(da="kræver visitation", en="needs a needs assessment"),
        NEEDS_REGISTRATION.name: Text(
            da="kræver registrering af borgere", en="needs citizens to be registered"
        ),
        STATUTORY_RESPONSIBILITY.name: Text(
            da="overtager et lovbestemt ansvar",
            en="takes over a responsibility laid down in law",
        ),
    }

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        values = {fact.name: facts[fact] for fact in self.FACTS}
        reasons = tuple(name for name, value in values.items() if value)
        if reasons:
            return Verdict(
                status=Status.FAIL,
                message="not_for_volunteers",
                facts={**values, "reasons": reasons},
            )
        absent = facts.absent(*self.FACTS)
        if absent:
            return missing(*absent)
        return Verdict(status=Status.PASS, message="allowed", facts=values)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        if passing:
            return {fact: [False] for fact in self.FACTS}
        return {NEEDS_VISITATION: [True]}


@frozen(kw_only=True)
class AddsToStaffWork(ShouldBeYes):
    """Staff recognise that volunteers give something staff do not: the task adds to
    staff's work rather than doing it."""

    FACT = ADDS_TO_STAFF_WORK
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="De frivillige yder en særlig indsats ud over medarbejdernes.",
            en="The volunteers give something beyond what staff give.",
        ),
        "no": Text(
            da="Opgaven ligner medarbejdernes eget arbejde; beskriv, hvad de frivillige tilfører.",
            en="The task looks like staff's own work; describe what the volunteers add.",
        ),
    }


@frozen(kw_only=True)
class RolesAgreed(ShouldBeYes):
    """Staff and volunteers respect each other's competences: who does what is agreed."""

    FACT = ROLES_AGREED
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="Medarbejdere og frivillige har afstemt, hvem der gør hvad.",
            en="Staff and volunteers have agreed who does what.",
        ),
        "no": Text(
            da="Rollerne mellem medarbejdere og frivillige er ikke afstemt.",
            en="Staff and volunteers have not agreed their roles.",
        ),
    }


_NO_REPORTING = Text(
    da="Kommunen må ikke pålægge de frivillige at referere om borgerne: de har tavshedspligt, "
    "også over for myndigheder.",
    en="The municipality may not ask the volunteers to report on citizens: they are bound to "
    "confidentiality, towards authorities too.",
)


@frozen(kw_only=True)
class NoReporting(TaskCheck):
    """Volunteers are bound to confidentiality, towards public authorities too: the
    municipality cannot require them to report on the citizens they meet."""

    FACTS = (REPORTS_ON_CITIZENS,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "no_reporting": Text(
            da="De frivillige skal ikke referere om borgerne.",
            en="The volunteers are not asked to report on citizens.",
        ),
        "reporting": Text(
            da="De frivillige bedes referere om borgerne; det må kommunen ikke pålægge dem.",
            en="The volunteers are asked to report on citizens, which the municipality may not "
            "require.",
        ),
    }

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        reports = facts[REPORTS_ON_CITIZENS]
        if reports is None:
            return missing(REPORTS_ON_CITIZENS)
        return Verdict(
            status=Status.FAIL if reports else Status.PASS,
            message="reporting" if reports else "no_reporting",
            facts={"reports_on_citizens": reports},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {REPORTS_ON_CITIZENS: [not passing]}

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        return (
            obligation(finding, ObligationKind.MAY_NOT_ASK, "reporting_on_citizens", _NO_REPORTING),
        )


@frozen(kw_only=True)
class DutyToNotify(ShouldBeYes):
    """Anyone who learns that a child or young person under ``under_age`` is neglected
    or endangered must notify the municipality. The duty is everyone's, so it binds the
    volunteers of every task, whoever the task is for: they are to know it."""

    under_age: int = field(validator=between(1, MAX_AGE))
    legal_basis: str

    FACT = INFORMED
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="De frivillige kender deres underretningspligt.",
            en="The volunteers know their duty to notify.",
        ),
        "no": Text(
            da="Sørg for, at de frivillige kender deres underretningspligt.",
            en="Make sure the volunteers know their duty to notify.",
        ),
    }

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        text = Text(
            da=f"Underretningspligt: får en frivillig kendskab til, at et barn eller en ung "
            f"under {self.under_age} år bliver forsømt eller behandlet nedværdigende eller lever "
            "under forhold, der bringer sundhed eller udvikling i fare, skal kommunen "
            "underrettes.",
            en=f"Duty to notify: a volunteer who learns that a child or young person under "
            f"{self.under_age} is neglected or degraded, or lives in conditions that endanger "
            "their health or development, must notify the municipality.",
        )
        return (
            obligation(
                finding,
                ObligationKind.DUTY,
                "duty_to_notify",
                text,
                legal_basis=self.legal_basis,
            ),
        )


_DIALOGUE = Text(
    da="Straffeattest: intet lovkrav; aftal i dialog ud fra målgruppen og aktiviteten, om den "
    "skal indhentes, før den frivillige begynder.",
    en="Criminal record certificate: no legal requirement; agree in dialogue, from the target "
    "group and the activity, whether to obtain one before the volunteer starts.",
)


@frozen(kw_only=True)
class CriminalRecordDialogue(ShouldBeYes):
    """No law requires a criminal record certificate for volunteers: a dialogue about
    the target group and the activity decides whether to obtain one."""

    FACT = DIALOGUE_HELD
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "yes": Text(
            da="Dialogen om straffeattest er holdt.",
            en="The dialogue about criminal record certificates was held.",
        ),
        "no": Text(
            da="Hold dialogen om, hvorvidt der skal indhentes straffeattest.",
            en="Hold the dialogue about whether to obtain criminal record certificates.",
        ),
    }

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        if finding.status is Status.PASS:
            return ()
        return (
            obligation(
                finding,
                ObligationKind.DIALOGUE,
                "criminal_record",
                _DIALOGUE,
                before_start=True,
            ),
        )


@frozen(kw_only=True)
class ChildCertificate(TaskCheck):
    """When the work brings contact with children under ``under_age``, a child-protection
    certificate (børneattest) must be obtained before the volunteer starts."""

    under_age: int = field(validator=between(1, MAX_AGE))
    legal_basis: str

    FACTS = (CHILD_CONTACT, YOUNGEST_CHILD, CERTIFICATES_OBTAINED)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "no_contact": Text(
            da="Opgaven giver ikke kontakt med børn.",
            en="The task brings no contact with children.",
        ),
        "older": Text(
            da="Det yngste barn er {youngest_child} år; børneattest kræves under {under_age} år.",
            en="The youngest child is {youngest_child}; a certificate is required under "
            "{under_age}.",
        ),
        "ready": Text(
            da="Opgaven giver kontakt med børn under {under_age} år, og børneattester er "
            "indhentet.",
            en="The task brings contact with children under {under_age}, and child-protection "
            "certificates are obtained.",
        ),
        "not_ready": Text(
            da="Opgaven giver kontakt med børn under {under_age} år: børneattest skal indhentes, "
            "før den frivillige begynder.",
            en="The task brings contact with children under {under_age}: a child-protection "
            "certificate must be obtained before the volunteer starts.",
        ),
    }

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        contact = facts[CHILD_CONTACT]
        if contact is None:
            return missing(CHILD_CONTACT, under_age=self.under_age)
        if not contact:
            return Verdict(
                status=Status.NOT_APPLICABLE, message="no_contact", facts={"child_contact": False}
            )
        age = facts[YOUNGEST_CHILD]
        if age is None:
            return missing(YOUNGEST_CHILD, under_age=self.under_age)
        recorded = {"youngest_child": age, "under_age": self.under_age}
        if age >= self.under_age:
            return Verdict(status=Status.NOT_APPLICABLE, message="older", facts=recorded)
        ready = facts[CERTIFICATES_OBTAINED]
        if ready is None:
            return missing(CERTIFICATES_OBTAINED, **recorded)
        return Verdict(
            status=Status.PASS if ready else Status.FAIL,
            message="ready" if ready else "not_ready",
            facts={**recorded, CERTIFICATES_OBTAINED.name: ready},
        )

    def examples(self, passing: bool, known: Known) -> Examples:
        return {
            CHILD_CONTACT: [True],
            YOUNGEST_CHILD: [self.under_age - 1],
            CERTIFICATES_OBTAINED: [passing],
        }

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        age = finding.facts.get("youngest_child")
        if not (isinstance(age, int) and age < self.under_age):
            return ()
        text = Text(
            da=f"Børneattest for hver frivillig med kontakt med børn under {self.under_age} år, "
            "før den frivillige begynder.",
            en=f"A child-protection certificate for each volunteer in contact with children "
            f"under {self.under_age}, before the volunteer starts.",
        )
        return (
            obligation(
                finding,
                ObligationKind.CERTIFICATE,
                "child_certificate",
                text,
                before_start=True,
                legal_basis=self.legal_basis,
            ),
        )


@frozen(kw_only=True)
class CoreTasksStay(TaskCheck):
    """Statutory and core tasks stay with the municipality, in its own arenas
    (``arenas``): volunteers can neither take them over nor be given them. The ban has
    no arena condition, so a core task placed in another arena fails too (it would be
    handed over), and whether a task is a core task is asked wherever it is placed;
    elsewhere a task that is no core task is not the rule's concern."""

    arenas: tuple[str, ...] = field(metadata=refers("arena"))

    FACTS = (ARENA, CORE_TASK)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "other_arena": Text(
            da="Opgaven foregår i {arena:names}.",
            en="The task takes place in {arena:names}.",
        ),
        "supplements": Text(
            da="Opgaven er ikke en kerneopgave; den foregår i {arena:names}.",
            en="The task is not a core task; it takes place in {arena:names}.",
        ),
        "core_task": Text(
            da="Opgaven er en kerneopgave og bliver hos kommunen; den foregår i {arena:names}.",
            en="The task is a core task and stays with the municipality; it takes place in "
            "{arena:names}.",
        ),
        "handed_over": Text(
            da="Opgaven er en kerneopgave, men er lagt i {arena:names}; kerneopgaver bliver "
            "hos kommunen og kan ikke overdrages til civilsamfundet.",
            en="The task is a core task but is placed in {arena:names}; core tasks stay with "
            "the municipality and cannot be handed over to civil society.",
        ),
    }

    def evaluate(self, facts: Facts[Task]) -> Verdict:
        arena = facts[ARENA]
        if arena is None:
            return missing(ARENA)
        core = facts[CORE_TASK]
        if core is None:
            return missing(CORE_TASK, arena=arena)
        own = arena in self.arenas
        if core:
            return Verdict(
                status=Status.FAIL,
                message="core_task" if own else "handed_over",
                facts={"arena": arena, "core_task": True},
            )
        if own:
            return Verdict(
                status=Status.PASS,
                message="supplements",
                facts={"arena": arena, "core_task": False},
            )
        return Verdict(
            status=Status.NOT_APPLICABLE,
            message="other_arena",
            facts={"arena": arena, "core_task": False},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {ARENA: [self.arenas[0]], CORE_TASK: [not passing]} if self.arenas else None


__all__ = [
    "AddsToStaffWork",
    "ChildCertificate",
    "CoreTasksStay",
    "CriminalRecordDialogue",
    "DutyToNotify",
    "NoReporting",
    "NoStatutoryWork",
    "RolesAgreed",
    "ThroughAssociation",
]
