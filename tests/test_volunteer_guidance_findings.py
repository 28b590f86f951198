"""What the advice checks on volunteers (agreement, affiliation, tools, point of entry)
say, record and name as missing, in both languages, with the obligation they give."""

from __future__ import annotations

import json

import pytest
from helpers import MUNICIPALITIES
from test_volunteers import READY

import civilsamfund as cs
from civilsamfund import volunteers as v
from civilsamfund.volunteers.checks import AgreementParts, Toolbox

ODENSE_TASK = json.loads(
    (MUNICIPALITIES / "odense" / "examples" / "volunteers" / "tasks.json").read_text("utf-8")
)["tasks"][0]
TOOLS = ["welcome_letter", "volunteer_contract", "expectations", "conflict_handling"]
GUIDANCE = (
    "Volunteers without an association: give them guidance, and agree who handles insurance, "
    "conflicts and distressing events, as an association otherwise would."
)


@pytest.fixture(scope="module")
def municipalities():
    return {
        slug: cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins())
        for slug in ("odense", "faaborg-midtfyn")
    }


def _given(data):
    return {
        key: _given(value) if isinstance(value, dict) else value
        for key, value in data.items()
        if value is not None
    }


def _prepared(**changes):
    return {"preparation": {**ODENSE_TASK["preparation"], **changes}}


CASES = [
    (
        "ODV-AFFIL",
        {},
        "pass",
        {"affiliated": True},
        "The volunteers are affiliated with an association.",
        "De frivillige er tilknyttet en forening.",
    ),
    (
        "ODV-AFFIL",
        {"engagement": {"affiliated": False}},
        "flag",
        {"affiliated": False},
        "The volunteers have no association; organised volunteering is recommended, and they "
        "are to be guided.",
        "De frivillige er ikke tilknyttet en forening; frivillighed i organiseret regi "
        "anbefales, og de skal have vejledning.",
    ),
    (
        "ODV-AFFIL",
        {"engagement": {}},
        "flag",
        {"affiliated": None, "missing": ("affiliated",)},
        "The task description gives no information on whether the volunteers are affiliated "
        "with an association.",
        "Beskrivelsen af opgaven mangler oplysninger om hvorvidt de frivillige er tilknyttet en "
        "forening.",
    ),
    (
        "ODV-TOOLS",
        {},
        "pass",
        {"tools": tuple(TOOLS), "lacking": ()},
        "Tools in use: a welcome letter, a volunteer contract, agreed expectations and a way to "
        "handle conflicts.",
        "Værktøjer i brug: velkomstbrev, frivilligkontrakt, forventningsafstemning og håndtering "
        "af konflikter.",
    ),
    (
        "ODV-TOOLS",
        _prepared(tools=["welcome_letter"]),
        "flag",
        {"tools": ("welcome_letter",), "lacking": tuple(TOOLS[1:])},
        "Consider also a volunteer contract, agreed expectations and a way to handle conflicts.",
        "Overvej også frivilligkontrakt, forventningsafstemning og håndtering af konflikter.",
    ),
    (
        "ODV-TOOLS",
        _prepared(tools=None),
        "flag",
        {"tools": None, "missing": ("tools",)},
        "The task description gives no information on the tools in use.",
        "Beskrivelsen af opgaven mangler oplysninger om de værktøjer, der bruges.",
    ),
    (
        "ODV-ENTRY",
        {},
        "pass",
        {"ages": "3-6", "department": "social_og_arbejdsmarked", "candidates": ()},
        "For a target group aged 3-6, the point of entry is Department of Employment and Social "
        "Affairs.",
        "For en målgruppe på 3-6 år er indgangen til kommunen Beskæftigelses- og "
        "Socialforvaltningen.",
    ),
    (
        "ODV-ENTRY",
        {"target_group": {"min_age": 59, "max_age": 59}},
        "pass",
        {"ages": "59-59", "department": "social_og_arbejdsmarked", "candidates": ()},
        "For a target group aged 59, the point of entry is Department of Employment and Social "
        "Affairs.",
        "For en målgruppe på 59 år er indgangen til kommunen Beskæftigelses- og "
        "Socialforvaltningen.",
    ),
    (
        "ODV-ENTRY",
        {"target_group": {"min_age": 60}},
        "pass",
        {"ages": "60-", "department": "aeldre_og_handicap", "candidates": ()},
        "For a target group aged 60 and over, the point of entry is Department for Older and "
        "Disabled People.",
        "For en målgruppe på 60 år og derover er indgangen til kommunen Ældre- og "
        "Handicapforvaltningen.",
    ),
    (
        "ODV-ENTRY",
        {"target_group": {"min_age": 40, "max_age": 80}},
        "flag",
        {
            "ages": "40-80",
            "department": None,
            "candidates": ("social_og_arbejdsmarked", "aeldre_og_handicap"),
        },
        "The target group (40-80) spans several points of entry (Department of Employment and "
        "Social Affairs and Department for Older and Disabled People); agree which one to use.",
        "Målgruppen (40-80 år) spænder over flere indgange (Beskæftigelses- og "
        "Socialforvaltningen og Ældre- og Handicapforvaltningen); aftal, hvem der er indgangen.",
    ),
    (
        "ODV-ENTRY",
        {"target_group": {}},
        "flag",
        {"department": None, "candidates": (), "target_ages": None, "missing": ("target_ages",)},
        "The task description gives no information on the target group's ages.",
        "Beskrivelsen af opgaven mangler oplysninger om målgruppens alder.",
    ),
    (
        "FMV-ORG-B",
        {},
        "pass",
        {
            "agreement": ("responsibilities", "economy"),
            "parts": ("responsibilities", "economy"),
            "lacking": (),
        },
        "The collaboration agreement covers who is responsible for which tasks and money.",
        "Samarbejdsaftalen dækker ansvarsfordeling for opgaverne og økonomi.",
    ),
    (
        "FMV-ORG-B",
        {"agreement": {"parts": ["economy"]}},
        "flag",
        {
            "agreement": ("economy",),
            "parts": ("responsibilities", "economy"),
            "lacking": ("responsibilities",),
        },
        "The collaboration agreement does not cover who is responsible for which tasks.",
        "Samarbejdsaftalen mangler ansvarsfordeling for opgaverne.",
    ),
    (
        "FMV-ORG-B",
        {"agreement": {"written": False}},
        "flag",
        {
            "agreement": (),
            "parts": ("responsibilities", "economy"),
            "lacking": ("responsibilities", "economy"),
        },
        "There is no written collaboration agreement; one covering who is responsible for which "
        "tasks and money is recommended.",
        "Der er ingen skriftlig samarbejdsaftale; en aftale om ansvarsfordeling for opgaverne og "
        "økonomi anbefales.",
    ),
    (
        "FMV-ORG-B",
        {"agreement": None},
        "flag",
        {"parts": ("responsibilities", "economy"), "agreement": None, "missing": ("agreement",)},
        "The task description gives no information on the collaboration agreement.",
        "Beskrivelsen af opgaven mangler oplysninger om samarbejdsaftalen.",
    ),
    (
        "FMV-ORG-B",
        {"organiser": {"kind": "municipality"}},
        "not_applicable",
        {},
        "The municipality organises itself; there is no association to agree with.",
        "Kommunen organiserer selv; der er ingen forening at aftale med.",
    ),
]


def _decide(municipalities, criterion, changes):
    faaborg = criterion.startswith("FMV")
    base = READY if faaborg else ODENSE_TASK
    (task,) = v.tasks_from_data([_given({**base, **changes})])
    return v.assess(municipalities["faaborg-midtfyn" if faaborg else "odense"], task)


@pytest.mark.parametrize(("criterion", "changes", "status", "facts", "en", "da"), CASES)
def test_each_advice_finding_says_why_and_what_it_records(
    municipalities, criterion, changes, status, facts, en, da
):
    """An advice finding's status, recorded facts, missing facts and reason in both languages."""
    decision = _decide(municipalities, criterion, changes)
    (finding,) = [f for f in decision.findings if f.criterion == criterion]
    assert finding.status.value == status
    assert dict(finding.facts) == facts
    assert finding.missing == facts.get("missing", ())
    assert (finding.reason.en, finding.reason.da) == (en, da)


@pytest.mark.parametrize(
    ("engagement", "guided"),
    [({"affiliated": True}, False), ({"affiliated": False}, True), ({}, False)],
)
def test_unaffiliated_volunteers_are_to_be_guided(municipalities, engagement, guided):
    """Only volunteers known to have no association give the guidance recommendation."""
    decision = _decide(municipalities, "ODV-AFFIL", {"engagement": engagement})
    found = [
        (o.kind.value, o.id, o.before_start, o.legal_basis, o.text.en)
        for o in decision.obligations
        if o.criterion == "ODV-AFFIL"
    ]
    assert found == ([("recommendation", "unaffiliated_guidance", False, None, GUIDANCE)] * guided)


def test_advice_asking_for_nothing_has_no_failing_example():
    """An agreement or toolbox rule asking for no parts or tools can never fail."""
    assert AgreementParts(parts=()).examples(False, {}) is None
    assert Toolbox(tools=()).examples(False, {}) is None
