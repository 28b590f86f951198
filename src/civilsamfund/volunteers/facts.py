"""The facts of a volunteer task that checks read, each with its label in both languages."""

from __future__ import annotations

from typing import Any

import attrs

from civilsamfund.core import NO_LIMIT, AgeSpan, Text, span
from civilsamfund.core.rules import Fact, attribute_fact
from civilsamfund.volunteers._task import AgeRange, Agreement, OrganiserKind, VolunteerTask

Task = VolunteerTask

ORGANISER: Fact[Task, OrganiserKind] = attribute_fact(
    "organiser.kind", Text(da="hvem der organiserer", en="the organiser")
)
AFFILIATED: Fact[Task, bool | None] = attribute_fact(
    "engagement.affiliated",
    Text(
        da="om de frivillige er tilknyttet en forening",
        en="whether the volunteers are affiliated with an association",
    ),
)
SOCIAL_AREA: Fact[Task, bool | None] = attribute_fact(
    "social_area", Text(da="om opgaven er på socialområdet", en="whether the task is social work")
)
ARENA: Fact[Task, str | None] = attribute_fact("arena", Text(da="arenaen", en="the arena"))
CORE_TASK: Fact[Task, bool | None] = attribute_fact(
    "core_task",
    Text(da="om opgaven er en kerneopgave", en="whether it is a core task of the municipality"),
)
NEEDS_VISITATION: Fact[Task, bool | None] = attribute_fact(
    "needs_visitation",
    Text(da="om der kræves visitation", en="whether a needs assessment is needed"),
)
NEEDS_REGISTRATION: Fact[Task, bool | None] = attribute_fact(
    "needs_registration",
    Text(da="om borgere skal registreres", en="whether citizens are registered"),
)
STATUTORY_RESPONSIBILITY: Fact[Task, bool | None] = attribute_fact(
    "statutory_responsibility",
    Text(
        da="om opgaven overtager et lovbestemt ansvar",
        en="whether it takes over a responsibility laid down in law",
    ),
)
REPORTS_ON_CITIZENS: Fact[Task, bool | None] = attribute_fact(
    "reports_on_citizens",
    Text(
        da="om de frivillige skal referere om borgerne",
        en="whether the volunteers are asked to report on citizens",
    ),
)
CHILD_CONTACT: Fact[Task, bool | None] = attribute_fact(
    "children.contact",
    Text(
        da="om opgaven giver kontakt med børn", en="whether the task brings contact with children"
    ),
    name="child_contact",
)
YOUNGEST_CHILD: Fact[Task, int | None] = attribute_fact(
    "children.youngest_age",
    Text(da="det yngste barns alder", en="the youngest child's age"),
    name="youngest_child",
)
CERTIFICATES_OBTAINED: Fact[Task, bool | None] = attribute_fact(
    "preparation.child_certificates_obtained",
    Text(
        da="om børneattester er indhentet", en="whether child-protection certificates are obtained"
    ),
    name="certificates_obtained",
)
DIALOGUE_HELD: Fact[Task, bool | None] = attribute_fact(
    "preparation.criminal_record_dialogue_held",
    Text(
        da="om dialogen om straffeattest er holdt",
        en="whether the dialogue about criminal records was held",
    ),
    name="dialogue_held",
)
INFORMED: Fact[Task, bool | None] = attribute_fact(
    "preparation.informed_of_duty_to_notify",
    Text(
        da="om de frivillige kender underretningspligten",
        en="whether the volunteers know their duty to notify",
    ),
    name="informed",
)
ROLES_AGREED: Fact[Task, bool | None] = attribute_fact(
    "preparation.roles_agreed",
    Text(da="om rollerne er afstemt", en="whether the roles are agreed"),
)
ADDS_TO_STAFF_WORK: Fact[Task, bool | None] = attribute_fact(
    "preparation.adds_to_staff_work",
    Text(
        da="om de frivillige supplerer medarbejderne",
        en="whether the volunteers add to staff's work",
    ),
)
TOOLS: Fact[Task, tuple[str, ...] | None] = attribute_fact(
    "preparation.tools", Text(da="de værktøjer, der bruges", en="the tools in use")
)


def _agreement_parts(task: Task) -> tuple[str, ...] | None:
    agreement = task.agreement
    if agreement is None:
        return None
    return agreement.parts if agreement.written else ()


def _with_agreement_parts(task: Task, parts: Any) -> Task:
    agreement = None if parts is None else Agreement(parts=tuple(parts))
    return attrs.evolve(task, agreement=agreement)


AGREEMENT_PARTS: Fact[Task, tuple[str, ...] | None] = Fact(
    name="agreement",
    label=Text(da="samarbejdsaftalen", en="the collaboration agreement"),
    read=_agreement_parts,
    write=_with_agreement_parts,
)


def _target_ages(task: Task) -> AgeSpan | None:
    group = task.target_group
    return None if group.min_age is None else span(group.min_age, group.max_age)


def _with_target_ages(task: Task, ages: AgeSpan | None) -> Task:
    if ages is None:
        return attrs.evolve(task, target_group=AgeRange())
    low, high = ages
    return attrs.evolve(
        task, target_group=AgeRange(min_age=low, max_age=None if high == NO_LIMIT else high)
    )


TARGET_AGES: Fact[Task, AgeSpan | None] = Fact(
    name="target_ages",
    label=Text(da="målgruppens alder", en="the target group's ages"),
    read=_target_ages,
    write=_with_target_ages,
)
