"""What each finding of Faaborg-Midtfyn's rules of play says, records and names as
missing, in both languages, and every obligation's kind, id, timing and legal basis."""

from __future__ import annotations

import pytest
from helpers import MUNICIPALITIES
from test_volunteers import READY

import civilsamfund as cs
from civilsamfund import volunteers as v
from civilsamfund.volunteers.checks import ChildCertificate, CoreTasksStay
from civilsamfund.volunteers.facts import YOUNGEST_CHILD

PREPARED = READY["preparation"]
NOT_GIVEN = None
"""A value that drops its key from the task: the fact is not given."""


@pytest.fixture(scope="module")
def faaborg():
    return cs.load_municipality_dir(MUNICIPALITIES / "faaborg-midtfyn", cs.Plugins())


def _given(data):
    if isinstance(data, dict):
        return {key: _given(value) for key, value in data.items() if value is not NOT_GIVEN}
    return data


def _decide(municipality, changes):
    (task,) = v.tasks_from_data([_given({**READY, **changes})])
    return v.assess(municipality, task)


def _prepared(**changes):
    return {"preparation": {**PREPARED, **changes}}


MUNICIPAL = {"organiser": {"kind": "municipality"}}
CHILDREN_14 = {"children": {"contact": True, "youngest_age": 14}}

CASES = [
    (
        "FMV-ORG-A",
        {"social_area": False},
        "not_applicable",
        {},
        "The task is not on the social area.",
        "Opgaven er ikke på socialområdet.",
    ),
    (
        "FMV-ORG-A",
        {"social_area": NOT_GIVEN},
        "flag",
        {"social_area": None, "missing": ("social_area",)},
        "The task description gives no information on whether the task is social work.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt opgaven er på socialområdet.",
    ),
    (
        "FMV-ORG-A",
        {},
        "pass",
        {"organiser": "association"},
        "The volunteers are organised by an association or a network.",
        "De frivillige organiseres af en forening eller et netværk.",
    ),
    (
        "FMV-ORG-A",
        {**MUNICIPAL, "engagement": {"affiliated": True}},
        "pass",
        {"organiser": "municipality", "affiliated": True},
        "The volunteers are organised by an association or a network.",
        "De frivillige organiseres af en forening eller et netværk.",
    ),
    (
        "FMV-ORG-A",
        {**MUNICIPAL, "engagement": {"affiliated": False}},
        "fail",
        {"organiser": "municipality", "affiliated": False},
        "The municipality organises unaffiliated volunteers itself; work instead with an "
        "association or network that organises them.",
        "Kommunen organiserer selv frivillige uden foreningstilknytning; samarbejd i stedet med "
        "en forening eller et netværk, der organiserer dem.",
    ),
    (
        "FMV-ORG-A",
        {**MUNICIPAL, "engagement": {}},
        "flag",
        {"organiser": "municipality", "affiliated": None, "missing": ("affiliated",)},
        "The task description gives no information on whether the volunteers are affiliated "
        "with an association.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt de frivillige er tilknyttet en "
        "forening.",
    ),
    (
        "FMV-ROLE-A",
        {},
        "pass",
        {"needs_visitation": False, "needs_registration": False, "statutory_responsibility": False},
        "The task needs no needs assessment or registration and takes over no responsibility "
        "laid down in law.",
        "Opgaven kræver hverken visitation eller registrering og overtager intet lovbestemt "
        "ansvar.",
    ),
    (
        "FMV-ROLE-A",
        {"needs_registration": True, "statutory_responsibility": True},
        "fail",
        {
            "needs_visitation": False,
            "needs_registration": True,
            "statutory_responsibility": True,
            "reasons": ("needs_registration", "statutory_responsibility"),
        },
        "Volunteers cannot do the task, as it needs citizens to be registered and takes over a "
        "responsibility laid down in law.",
        "Opgaven kan ikke løses af frivillige, da den kræver registrering af borgere og overtager "
        "et lovbestemt ansvar.",
    ),
    (
        "FMV-ROLE-A",
        {"needs_visitation": True, "needs_registration": NOT_GIVEN},
        "fail",
        {
            "needs_visitation": True,
            "needs_registration": None,
            "statutory_responsibility": False,
            "reasons": ("needs_visitation",),
        },
        "Volunteers cannot do the task, as it needs a needs assessment.",
        "Opgaven kan ikke løses af frivillige, da den kræver visitation.",
    ),
    (
        "FMV-ROLE-A",
        {"needs_registration": NOT_GIVEN},
        "flag",
        {"needs_registration": None, "missing": ("needs_registration",)},
        "The task description gives no information on whether citizens are registered.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt borgere skal registreres.",
    ),
    (
        "FMV-LAW-A",
        {},
        "pass",
        {"reports_on_citizens": False},
        "The volunteers are not asked to report on citizens.",
        "De frivillige skal ikke referere om borgerne.",
    ),
    (
        "FMV-LAW-A",
        {"reports_on_citizens": True},
        "fail",
        {"reports_on_citizens": True},
        "The volunteers are asked to report on citizens, which the municipality may not require.",
        "De frivillige bedes referere om borgerne; det må kommunen ikke pålægge dem.",
    ),
    (
        "FMV-ARENA-C",
        {"arena": "C", "core_task": True},
        "fail",
        {"arena": "C", "core_task": True},
        "The task is a core task and stays with the municipality; it takes place in the "
        "municipality's arena (arena C).",
        "Opgaven er en kerneopgave og bliver hos kommunen; den foregår i kommunens arena "
        "(arena C).",
    ),
    (
        "FMV-ARENA-C",
        {"arena": "B", "core_task": True},
        "fail",
        {"arena": "B", "core_task": True},
        "The task is a core task but is placed in civil society's arena (arena B); core tasks "
        "stay with the municipality and cannot be handed over to civil society.",
        "Opgaven er en kerneopgave, men er lagt i civilsamfundets arena (arena B); kerneopgaver "
        "bliver hos kommunen og kan ikke overdrages til civilsamfundet.",
    ),
    (
        "FMV-ARENA-C",
        {"arena": "C"},
        "pass",
        {"arena": "C", "core_task": False},
        "The task is not a core task; it takes place in the municipality's arena (arena C).",
        "Opgaven er ikke en kerneopgave; den foregår i kommunens arena (arena C).",
    ),
    (
        "FMV-ARENA-C",
        {},
        "not_applicable",
        {"arena": "A", "core_task": False},
        "The task takes place in the shared arena for co-creation (arena A).",
        "Opgaven foregår i den fælles arena for samskabelse (arena A).",
    ),
    (
        "FMV-ARENA-C",
        {"arena": "C", "core_task": NOT_GIVEN},
        "flag",
        {"arena": "C", "core_task": None, "missing": ("core_task",)},
        "The task description gives no information on whether it is a core task of the "
        "municipality.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt opgaven er en kerneopgave.",
    ),
    (
        "FMV-ARENA-C",
        {"arena": NOT_GIVEN},
        "flag",
        {"arena": None, "missing": ("arena",)},
        "The task description gives no information on the arena.",
        "Beskrivelsen af opgaven mangler oplysninger om arenaen.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        {},
        "not_applicable",
        {"child_contact": False},
        "The task brings no contact with children.",
        "Opgaven giver ikke kontakt med børn.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        {"children": {}},
        "flag",
        {"under_age": 15, "child_contact": None, "missing": ("child_contact",)},
        "The task description gives no information on whether the task brings contact with "
        "children.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt opgaven giver kontakt med børn.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        {"children": {"contact": True}},
        "flag",
        {"under_age": 15, "youngest_child": None, "missing": ("youngest_child",)},
        "The task description gives no information on the youngest child's age.",
        "Beskrivelsen af opgaven mangler oplysninger om det yngste barns alder.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        {"children": {"contact": True, "youngest_age": 15}},
        "not_applicable",
        {"youngest_child": 15, "under_age": 15},
        "The youngest child is 15; a certificate is required under 15.",
        "Det yngste barn er 15 år; børneattest kræves under 15 år.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        CHILDREN_14,
        "fail",
        {"youngest_child": 14, "under_age": 15, "certificates_obtained": False},
        "The task brings contact with children under 15: a child-protection certificate must "
        "be obtained before the volunteer starts.",
        "Opgaven giver kontakt med børn under 15 år: børneattest skal indhentes, før den "
        "frivillige begynder.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        {**CHILDREN_14, **_prepared(child_certificates_obtained=True)},
        "pass",
        {"youngest_child": 14, "under_age": 15, "certificates_obtained": True},
        "The task brings contact with children under 15, and child-protection certificates are "
        "obtained.",
        "Opgaven giver kontakt med børn under 15 år, og børneattester er indhentet.",
    ),
    (
        "DK-CHILD-CERTIFICATE",
        {**CHILDREN_14, **_prepared(child_certificates_obtained=NOT_GIVEN)},
        "flag",
        {
            "youngest_child": 14,
            "under_age": 15,
            "certificates_obtained": None,
            "missing": ("certificates_obtained",),
        },
        "The task description gives no information on whether child-protection certificates "
        "are obtained.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt børneattester er indhentet.",
    ),
    (
        "DK-DUTY-TO-NOTIFY",
        _prepared(informed_of_duty_to_notify=False),
        "flag",
        {"informed": False},
        "Make sure the volunteers know their duty to notify.",
        "Sørg for, at de frivillige kender deres underretningspligt.",
    ),
    (
        "FMV-LAW-C",
        _prepared(criminal_record_dialogue_held=False),
        "flag",
        {"dialogue_held": False},
        "Hold the dialogue about whether to obtain criminal record certificates.",
        "Hold dialogen om, hvorvidt der skal indhentes straffeattest.",
    ),
    (
        "FMV-ROLE-B",
        _prepared(adds_to_staff_work=False),
        "flag",
        {"adds_to_staff_work": False},
        "The task looks like staff's own work; describe what the volunteers add.",
        "Opgaven ligner medarbejdernes eget arbejde; beskriv, hvad de frivillige tilfører.",
    ),
    (
        "FMV-ROLE-C",
        _prepared(roles_agreed=False),
        "flag",
        {"roles_agreed": False},
        "Staff and volunteers have not agreed their roles.",
        "Rollerne mellem medarbejdere og frivillige er ikke afstemt.",
    ),
]


@pytest.mark.parametrize(("criterion", "changes", "status", "facts", "en", "da"), CASES)
def test_each_finding_says_why_records_its_facts_and_names_what_is_missing(
    faaborg, criterion, changes, status, facts, en, da
):
    """A finding's status, recorded facts, missing facts and reason in both languages."""
    (finding,) = [f for f in _decide(faaborg, changes).findings if f.criterion == criterion]
    assert finding.status.value == status
    assert dict(finding.facts) == facts
    assert finding.missing == facts.get("missing", ())
    assert (finding.reason.en, finding.reason.da) == (en, da)


ALWAYS = [
    ("duty", "duty_to_notify", "DK-DUTY-TO-NOTIFY", False, "Barnets lov § 135", "§ 135"),
    (
        "may_not_ask",
        "reporting_on_citizens",
        "FMV-LAW-A",
        False,
        None,
        "Spilleregler: Lovmæssige rammer a",
    ),
]
CERTIFICATE = (
    "certificate",
    "child_certificate",
    "DK-CHILD-CERTIFICATE",
    True,
    "Børneattestloven § 2",
    "§ 2",
)
DIALOGUE = (
    "dialogue",
    "criminal_record",
    "FMV-LAW-C",
    True,
    None,
    "Spilleregler: Lovmæssige rammer c",
)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, ALWAYS),
        ({"children": {"contact": True}}, ALWAYS),
        ({"children": {"contact": True, "youngest_age": 15}}, ALWAYS),
        (CHILDREN_14, [CERTIFICATE, *ALWAYS]),
        ({**CHILDREN_14, **_prepared(child_certificates_obtained=True)}, [CERTIFICATE, *ALWAYS]),
        (_prepared(criminal_record_dialogue_held=False), [*ALWAYS, DIALOGUE]),
        (_prepared(criminal_record_dialogue_held=NOT_GIVEN), [*ALWAYS, DIALOGUE]),
    ],
)
def test_each_obligation_has_its_kind_id_timing_and_legal_basis(faaborg, changes, expected):
    """Every obligation a task gives, with its kind, id, criterion, timing and legal basis."""
    found = [
        (o.kind.value, o.id, o.criterion, o.before_start, o.legal_basis, o.citation.section)
        for o in _decide(faaborg, changes).obligations
    ]
    assert found == expected


def test_the_obligations_say_what_is_owed_in_both_languages(faaborg):
    """The texts of the obligations name the age limits and the timing they carry."""
    changes = {**CHILDREN_14, **_prepared(criminal_record_dialogue_held=False)}
    texts = {o.id: o.text for o in _decide(faaborg, changes).obligations}
    assert texts["child_certificate"].en == (
        "A child-protection certificate for each volunteer in contact with children under 15, "
        "before the volunteer starts."
    )
    assert texts["child_certificate"].da == (
        "Børneattest for hver frivillig med kontakt med børn under 15 år, før den frivillige "
        "begynder."
    )
    assert texts["duty_to_notify"].en == (
        "Duty to notify: a volunteer who learns that a child or young person under 18 is "
        "neglected or degraded, or lives in conditions that endanger their health or "
        "development, must notify the municipality."
    )
    assert texts["duty_to_notify"].da == (
        "Underretningspligt: får en frivillig kendskab til, at et barn eller en ung under 18 år "
        "bliver forsømt eller behandlet nedværdigende eller lever under forhold, der bringer "
        "sundhed eller udvikling i fare, skal kommunen underrettes."
    )
    assert texts["reporting_on_citizens"].en == (
        "The municipality may not ask the volunteers to report on citizens: they are bound to "
        "confidentiality, towards authorities too."
    )
    assert texts["reporting_on_citizens"].da == (
        "Kommunen må ikke pålægge de frivillige at referere om borgerne: de har tavshedspligt, "
        "også over for myndigheder."
    )
    assert texts["criminal_record"].en == (
        "Criminal record certificate: no legal requirement; agree in dialogue, from the target "
        "group and the activity, whether to obtain one before the volunteer starts."
    )
    assert texts["criminal_record"].da == (
        "Straffeattest: intet lovkrav; aftal i dialog ud fra målgruppen og aktiviteten, om den "
        "skal indhentes, før den frivillige begynder."
    )


def test_the_child_certificate_example_is_the_oldest_child_still_covered():
    """The failing example sits just under the age limit, even at the lowest limit."""
    for under_age in (1, 15):
        check = ChildCertificate(under_age=under_age, legal_basis="Børneattestloven § 2")
        assert check.examples(False, {})[YOUNGEST_CHILD] == [under_age - 1]


def test_core_tasks_without_own_arenas_give_no_examples():
    """With no arena of its own a municipality's core-task rule has nothing to show."""
    assert CoreTasksStay(arenas=()).examples(True, {}) is None
    assert CoreTasksStay(arenas=()).examples(False, {}) is None
