"""Each volunteers, awards, organisation and strategy check's own examples: the passing
ones pass and the failing ones fail, with the message expected, in both languages."""

from __future__ import annotations

import itertools

import pytest
from helpers import MUNICIPALITIES

import civilsamfund as cs
from civilsamfund.core.rules._facts import Facts

DOMAINS = (
    "civilsamfund.volunteers.",
    "civilsamfund.awards.",
    "civilsamfund.organisation.",
    "civilsamfund.strategy.",
)
SLUGS = ("odense", "faaborg-midtfyn", "kolding")

EXPECTED = {
    "AddsToStaffWork": ("yes", "fail", "no"),
    "Affiliation": ("yes", "fail", "no"),
    "AgreementParts": ("complete", "fail", "none"),
    "BroadMix": ("covered", "fail", "uncovered"),
    "ChildCertificate": ("ready", "fail", "not_ready"),
    "CoreTasksStay": ("supplements", "fail", "core_task"),
    "CriminalRecordDialogue": ("yes", "fail", "no"),
    "DueBetween": ({"upcoming", "upcoming_on", "done"}, "fail", "overdue"),
    "DutyToNotify": ("yes", "fail", "no"),
    "EveryYears": ("upcoming", "fail", "overdue"),
    "FixedSeats": ("held", "fail", {"absent", "doubled", "others"}),
    "InMunicipality": ("yes", "fail", "no"),
    "MeetingPlan": ({"planned", "planned_count"}, "fail", {"count", "absent"}),
    "NoReporting": ("no_reporting", "fail", "reporting"),
    "NoStatutoryWork": ("allowed", "fail", "not_for_volunteers"),
    "NomineeKindCheck": ("allowed", "fail", "not_allowed"),
    "PointOfEntry": ("routed", "flag", "unsettled"),
    "RolesAgreed": ("yes", "fail", "no"),
    "SeatCount": ({"fits", "exactly", "enough"}, "fail", {"outside", "not_exactly", "too_few"}),
    "SeatHolders": ({"allowed", "none_excluded"}, "fail", {"not_allowed", "excluded"}),
    "SociallyVulnerable": ("yes", "fail", "no"),
    "ThemeFocus": ("yes", "fail", "no"),
    "ThroughAssociation": ("through_association", "fail", "by_municipality"),
    "Toolbox": ("all", "fail", "lacking"),
    "VoluntarySocial": ("yes", "fail", "no"),
    "YearsTargetGroup": ("serves", "fail", "no_groups"),
}
"""For each check that gives examples: the passing message, the failing status and message
(or the messages its parameters choose among)."""


def _rules():
    for slug in SLUGS:
        municipality = cs.load_municipality_dir(MUNICIPALITIES / slug, cs.Plugins())
        known = {kind: tuple(ids) for kind, ids in municipality.known.items()}
        for rule in municipality.rulebook:
            check = rule.check
            if not type(check).__module__.startswith(DOMAINS):
                continue
            try:
                check.examples(True, known)
            except NotImplementedError:
                continue
            yield pytest.param(rule, known, id=f"{slug}-{rule.id}-{rule.valid_from}")


@pytest.mark.parametrize(("rule", "known"), list(_rules()))
@pytest.mark.parametrize("passing", [True, False])
def test_a_checks_examples_give_the_result_they_promise(rule, known, passing):
    """Every combination of a check's example values gives the promised status and message,
    which renders in both languages."""
    check = rule.check
    pass_message, fail_status, fail_message = EXPECTED[type(check).__name__]
    status, messages = ("pass", pass_message) if passing else (fail_status, fail_message)
    examples = check.examples(passing, known)
    assert examples
    choices = [[(fact, value) for value in values] for fact, values in examples.items()]
    for chosen in itertools.product(*choices):
        values = dict.fromkeys(type(check).FACTS)
        values.update(dict(chosen))
        verdict = check.evaluate(Facts(values))
        assert verdict.status.value == status, chosen
        assert verdict.message in ({messages} if isinstance(messages, str) else messages), chosen
        assert verdict.missing == ()
        template = rule.templates[verdict.message]
        da, en = (template.render(language, verdict.facts) for language in ("da", "en"))
        assert da
        assert en != da
        assert "{" not in da + en


def test_every_check_with_examples_has_its_expected_messages():
    """The table of expected messages names exactly the bundled checks that give examples."""
    assert {type(p.values[0].check).__name__ for p in _rules()} == set(EXPECTED)
