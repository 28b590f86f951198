"""National law in every municipality: the child-protection certificate and the duty to
notify come with the library, cited to the law, and no municipality drops them unnoticed."""

from __future__ import annotations

import re
from datetime import date

import pytest
from helpers import MUNICIPALITIES, copy_municipality

import civilsamfund as cs
from civilsamfund import volunteers as v
from civilsamfund.cli import main

TASK = {
    "id": "t",
    "title": "Lektiecafé",
    "starts": "2025-09-01",
    "organiser": {"kind": "association", "name": "Forening"},
    "engagement": {"affiliated": True, "association": "Forening"},
    "target_group": {"min_age": 18, "max_age": 59},
    "children": {"contact": False},
    "preparation": {"informed_of_duty_to_notify": True, "adds_to_staff_work": True},
}


def _municipality(slug):
    return cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins())


def _decide(municipality, **changes):
    (task,) = v.tasks_from_data([{**TASK, **changes}])
    return v.assess(municipality, task)


def _finding(decision, criterion):
    (finding,) = [f for f in decision.findings if f.criterion == criterion]
    return finding


def _obligation(decision, kind):
    (found,) = [o for o in decision.obligations if o.id == kind]
    return found


@pytest.mark.parametrize("slug", ["odense", "faaborg-midtfyn", "kolding"])
def test_every_municipality_applies_the_national_rules(slug):
    """Each bundled municipality checks tasks by the national rules, Kolding (which has no
    task rules of its own) included."""
    municipality = _municipality(slug)
    assert municipality.national_rules(v.VolunteerTask) == (
        "DK-CHILD-CERTIFICATE",
        "DK-DUTY-TO-NOTIFY",
    )
    decision = _decide(municipality)
    assert {"DK-CHILD-CERTIFICATE", "DK-DUTY-TO-NOTIFY"} <= {f.criterion for f in decision.findings}


def test_a_task_with_8_year_olds_names_the_certificate_in_odense():
    """Odense configures no certificate rule of its own; national law still asks for one
    before volunteers meet 8-year-olds, cited to the law, and the task cannot go ahead
    as described until it is obtained."""
    odense = _municipality("odense")
    children = {"contact": True, "youngest_age": 8}
    decision = _decide(odense, target_group={"min_age": 8, "max_age": 12}, children=children)
    finding = _finding(decision, "DK-CHILD-CERTIFICATE")
    assert finding.status is cs.Status.FLAG
    assert finding.kind is cs.RuleKind.MANDATORY
    assert finding.missing == ("certificates_obtained",)
    assert (finding.facts["youngest_child"], finding.facts["under_age"]) == (8, 15)
    assert finding.citation.document == "boerneattestloven"
    assert finding.citation.section == "§ 2"
    assert finding.citation.title.startswith("Lov om indhentelse af børneattest")
    certificate = _obligation(decision, "child_certificate")
    assert certificate.before_start
    assert certificate.kind is v.ObligationKind.CERTIFICATE
    assert certificate.legal_basis == "Børneattestloven § 2"
    assert certificate.text.en == (
        "A child-protection certificate for each volunteer in contact with children under "
        "15, before the volunteer starts."
    )
    refused = _decide(
        odense,
        target_group={"min_age": 8, "max_age": 12},
        children=children,
        preparation={**TASK["preparation"], "child_certificates_obtained": False},
    )
    assert refused.outcome is cs.Outcome.INELIGIBLE
    finding = _finding(refused, "DK-CHILD-CERTIFICATE")
    assert finding.status is cs.Status.FAIL
    assert finding.reason.en == (
        "The task brings contact with children under 15: a child-protection certificate "
        "must be obtained before the volunteer starts."
    )


@pytest.mark.parametrize(
    ("youngest", "status", "certificate"), [(14, "pass", True), (15, "not_applicable", False)]
)
def test_the_certificate_is_for_children_under_15(youngest, status, certificate):
    """A 14-year-old needs a certificate, a 15-year-old does not: the law's boundary."""
    decision = _decide(
        _municipality("faaborg-midtfyn"),
        children={"contact": True, "youngest_age": youngest},
        preparation={**TASK["preparation"], "child_certificates_obtained": True},
    )
    finding = _finding(decision, "DK-CHILD-CERTIFICATE")
    assert finding.status.value == status
    assert finding.facts["youngest_child"] == youngest
    assert ("child_certificate" in {o.id for o in decision.obligations}) is certificate


def test_no_contact_with_children_needs_no_certificate():
    """A task without contact with children is outside the rule, and says so."""
    finding = _finding(_decide(_municipality("odense")), "DK-CHILD-CERTIFICATE")
    assert finding.status is cs.Status.NOT_APPLICABLE
    assert finding.facts == {"child_contact": False}
    assert finding.reason.da == "Opgaven giver ikke kontakt med børn."


@pytest.mark.parametrize("youngest", [8, 17, 18, 65])
def test_the_duty_to_notify_binds_every_tasks_volunteers(youngest):
    """The duty is everyone's: whoever the task is for, its volunteers are to know it,
    and every decision gives it as an obligation."""
    decision = _decide(_municipality("faaborg-midtfyn"), target_group={"min_age": youngest})
    finding = _finding(decision, "DK-DUTY-TO-NOTIFY")
    assert finding.status is cs.Status.PASS
    assert finding.facts == {"informed": True}
    assert finding.reason.en == "The volunteers know their duty to notify."
    duty = _obligation(decision, "duty_to_notify")
    assert duty.kind is v.ObligationKind.DUTY
    assert not duty.before_start
    assert "under 18" in duty.text.en


def test_volunteers_not_told_of_the_duty_are_flagged_never_refused():
    """Not knowing the duty is for a person to look at: the task is flagged, not refused."""
    preparation = {**TASK["preparation"], "informed_of_duty_to_notify": False}
    decision = _decide(_municipality("odense"), preparation=preparation)
    finding = _finding(decision, "DK-DUTY-TO-NOTIFY")
    assert finding.status is cs.Status.FLAG
    assert finding.kind is cs.RuleKind.DISCRETIONARY
    assert finding.reason.da == "Sørg for, at de frivillige kender deres underretningspligt."
    assert decision.outcome is cs.Outcome.NEEDS_ASSESSMENT
    missing = _decide(_municipality("odense"), preparation={"adds_to_staff_work": True})
    assert _finding(missing, "DK-DUTY-TO-NOTIFY").missing == ("informed",)


@pytest.mark.parametrize(
    ("starts", "document", "section", "basis"),
    [
        ("2023-12-31", "serviceloven", "§ 154", "Serviceloven § 154"),
        ("2024-01-01", "barnets-lov", "§ 135", "Barnets lov § 135"),
    ],
)
def test_the_duty_is_cited_by_the_law_in_force_on_the_start(starts, document, section, basis):
    """From 1 January 2024 the general duty to notify is in Barnets lov, before that in
    Serviceloven."""
    decision = _decide(_municipality("kolding"), starts=starts)
    finding = _finding(decision, "DK-DUTY-TO-NOTIFY")
    assert (finding.citation.document, finding.citation.section) == (document, section)
    assert _obligation(decision, "duty_to_notify").legal_basis == basis


def test_a_municipalitys_reading_joins_the_national_one():
    """Faaborg-Midtfyn notes where its strategy restates the duty; the rule it applies
    carries the national reading and its own."""
    faaborg = _municipality("faaborg-midtfyn")
    rule = faaborg.rulebook.rule("DK-DUTY-TO-NOTIFY", date(2025, 1, 1))
    assert rule is not None
    assert rule.reading is not None
    assert rule.reading.en.startswith("From 1 January 2024 the general duty to notify")
    assert rule.reading.en.endswith(
        "makes spreading the rules of play the volunteer consultant's task."
    )
    odense = _municipality("odense")
    plain = odense.rulebook.rule("DK-DUTY-TO-NOTIFY", date(2025, 1, 1))
    assert plain is not None
    assert plain.reading is not None
    assert "volunteer consultant" not in plain.reading.en


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


STRATEGY = "odense-strategi-frivilligt-socialt-arbejde-2009.txt"
SET_ASIDE = f"""
[[national]]
criterion = "DK-CHILD-CERTIFICATE"
citation = {{ document = "{STRATEGY}", section = "Samarbejdet" }}
set_aside = {{ da = "Prøve.", en = "A trial." }}
"""


def test_a_rule_set_aside_stays_out_even_where_the_municipality_lists_it(tmp_path):
    """Listing a national rule in volunteers.toml cannot bring back one set aside."""
    directory = copy_municipality(tmp_path)
    _append(directory / "criteria.toml", SET_ASIDE)
    volunteers = directory / "volunteers.toml"
    text = volunteers.read_text(encoding="utf-8")
    volunteers.write_text(
        text.replace('criteria = ["ODV-AFFIL"', 'criteria = ["DK-CHILD-CERTIFICATE", "ODV-AFFIL"'),
        encoding="utf-8",
    )
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    assert "DK-CHILD-CERTIFICATE" in municipality.section(v.VolunteersFile).criteria
    decision = _decide(municipality, children={"contact": True, "youngest_age": 8})
    assert "DK-CHILD-CERTIFICATE" not in {f.criterion for f in decision.findings}
    assert "child_certificate" not in {o.id for o in decision.obligations}


def test_a_national_rule_set_aside_leaves_the_checks_and_check_config_says_so(tmp_path, capsys):
    """Setting a national rule aside takes it out of the checks, but the configuration
    no longer conforms: check-config names the rule, the law and the reason given."""
    directory = copy_municipality(tmp_path)
    _append(directory / "criteria.toml", SET_ASIDE)
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    assert municipality.national_rules(v.VolunteerTask) == ("DK-DUTY-TO-NOTIFY",)
    decision = _decide(municipality, children={"contact": True, "youngest_age": 8})
    assert "DK-CHILD-CERTIFICATE" not in {f.criterion for f in decision.findings}
    (problem,) = cs.check_conformance(directory, cs.Plugins())
    assert problem.source == str(directory / "criteria.toml")
    assert problem.path == "national[0].set_aside"
    assert problem.message == (
        "national rule 'DK-CHILD-CERTIFICATE' (Lov om indhentelse af børneattest i forbindelse "
        "med ansættelse af personale m.v. (lov nr. 520 af 21. juni 2005), § 2) is set aside "
        "here, though national law applies in every municipality: A trial."
    )
    assert main(["check-config", str(directory)]) == 1
    assert "is set aside here" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("file", "text", "problem"),
    [
        (
            "criteria.toml",
            '\n[[national]]\ncriterion = "O18-4"\ncitation = { document = '
            '"odense-strategi-frivilligt-socialt-arbejde-2009.txt", section = "Samarbejdet" }\n',
            "criteria.toml: national[0].criterion: expected one of 'DK-CHILD-CERTIFICATE', "
            "'DK-DUTY-TO-NOTIFY', got 'O18-4'",
        ),
        (
            "criteria.toml",
            '\n[[criteria]]\nid = "DK-DUTY-TO-NOTIFY"\ntype = "volunteer.affiliation"\n'
            'kind = "discretionary"\nvalid_from = 2009-06-01\ncitation = { document = '
            '"odense-strategi-frivilligt-socialt-arbejde-2009.txt", section = "Samarbejdet" }\n'
            'rule = { da = "x", en = "x" }\n',
            "expected an id not starting 'DK-', which national rules keep, got 'DK-DUTY-TO-NOTIFY'",
        ),
        (
            "criteria.toml",
            '\n[[criteria]]\nid = "DK-NEW"\ntype = "volunteer.affiliation"\n'
            'kind = "discretionary"\nvalid_from = 2009-06-01\ncitation = { document = '
            '"odense-strategi-frivilligt-socialt-arbejde-2009.txt", section = "Samarbejdet" }\n'
            'rule = { da = "x", en = "x" }\n',
            "expected an id not starting 'DK-', which national rules keep, got 'DK-NEW'",
        ),
        (
            "municipality.toml",
            '\n[[documents]]\nfile = "barnets-lov"\ntitle = "Barnets lov"\n',
            "municipality.toml: documents[3].file: expected a name the national rules do not "
            "use, got 'barnets-lov'",
        ),
    ],
)
def test_a_municipality_cannot_shadow_a_national_rule(tmp_path, file, text, problem):
    """A rule of its own under a national id, a law listed again, or a note on a rule
    that is not national is a configuration error naming file and field."""
    directory = copy_municipality(tmp_path)
    _append(directory / file, text)
    with pytest.raises(cs.ConfigError, match=re.escape(problem)):
        cs.load_municipality_dir(directory, cs.Plugins())


def test_a_municipality_may_cite_a_law_the_national_rules_list(tmp_path):
    """The laws the national rules list can be cited by any municipality's rules."""
    directory = copy_municipality(tmp_path)
    path = directory / "criteria.toml"
    text = path.read_text(encoding="utf-8")
    cited = 'citation = { document = "barnets-lov", section = "§ 135" }'
    path.write_text(
        text.replace(
            'citation = { document = "odense-strategi-frivilligt-socialt-arbejde-2009.txt", '
            'section = "Overordnede tildelingskriterier" }',
            cited,
            1,
        ),
        encoding="utf-8",
    )
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    rule = municipality.rulebook.rule("O18-1", date(2025, 1, 1))
    assert rule is not None
    assert rule.citation.title == "Barnets lov (lov nr. 753 af 13. juni 2022)"


def test_any_citation_of_a_law_names_it_by_title(tmp_path):
    """A citation outside the rules (a form's part) names a law by its title too."""
    directory = copy_municipality(tmp_path, "faaborg-midtfyn")
    path = directory / "volunteers.toml"
    text = path.read_text(encoding="utf-8")
    old = 'section = "Spilleregler: Organisering b" }'
    assert old in text
    path.write_text(
        text.replace(
            'citation = { document = "faaborg-midtfyn-frivillig-social-strategi-2018.txt", ' + old,
            'citation = { document = "barnets-lov", section = "§ 135" }',
            1,
        ),
        encoding="utf-8",
    )
    municipality = cs.load_municipality_dir(directory, cs.Plugins())
    section = municipality.section(v.VolunteersFile)
    cited = [
        part.citation for part in section.agreement_parts if part.citation.document == "barnets-lov"
    ]
    assert [c.title for c in cited] == ["Barnets lov (lov nr. 753 af 13. juni 2022)"]
