"""The auditor requirement is read from the amount applied for until a decision holds a
granted amount, and every decision says so (issue 20)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from helpers import odense_application

from civilsamfund import kroner
from civilsamfund.grants import AmountBasis, assess, decision_json, decision_schema, render_text

SAID = {
    "da": "Regnskabet skal påtegnes af statsautoriseret eller registreret revisor. Kravet til "
    "revisor er læst ud fra det ansøgte beløb, da der endnu ikke er bevilget et beløb.",
    "en": "The accounts must be signed by a state-authorised or registered auditor. The "
    "auditor requirement is read from the amount applied for, as no amount has been "
    "granted yet.",
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_letter_says_the_auditor_is_read_from_the_amount_applied_for(odense, language):
    """The letter names the auditor and, in the same place, the amount it was read from."""
    decision = assess(odense, odense_application(amount=kroner("150000")))
    assert decision.auditor is not None
    assert decision.auditor.read_from is AmountBasis.APPLIED_FOR
    assert SAID[language] in render_text(decision, language).splitlines()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_json_decision_says_which_amount_the_auditor_was_read_from(odense, language):
    """The JSON decision's auditor adds read_from and the sentence, in its language."""
    decision = assess(odense, odense_application(amount=kroner("150000")))
    document = json.loads(decision_json(decision, language))
    auditor = document["auditor"]
    assert auditor["id"] == "professional"
    assert auditor["read_from"] == "applied_for"
    assert auditor["explanation"] == SAID[language].split(". ", 1)[1]
    jsonschema.Draft202012Validator(decision_schema()).validate([document])
