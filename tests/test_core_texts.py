"""The rules core's texts in Danish as well as English: a finding's line, the decision
document's findings and names, percentages and comparisons, and a rulebook's size."""

from __future__ import annotations

from decimal import Decimal

import pytest
from helpers import ELIGIBLE, MUNICIPALITIES

from civilsamfund import Plugins, Text, load_municipality_dir
from civilsamfund.core.rules._document import finding_lines, judged_document
from civilsamfund.core.rules._messages import Template
from civilsamfund.grants import assess


@pytest.fixture(scope="module")
def odense():
    return load_municipality_dir(MUNICIPALITIES / "odense", Plugins())


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_decision_is_written_in_the_language_asked_for(odense, language):
    """Each finding's line and document give its reason, and the names give each id's
    name, in the language asked for, not the other one."""
    decision = assess(odense, ELIGIBLE)
    lines = finding_lines(decision.findings, language)
    document = judged_document(decision, language)
    for finding, line, written in zip(decision.findings, lines, document["findings"], strict=True):
        assert f" {finding.criterion}: {finding.reason.in_(language)} (" in line
        assert written["reason"] == finding.reason.in_(language)
        assert written["rule"] == finding.rule.in_(language)
    assert document["names"] == {k: v.in_(language) for k, v in decision.names.items()}
    assert any(name.da != name.en for name in decision.names.values())


@pytest.mark.parametrize(
    ("value", "da", "en"),
    [
        (Decimal("0.125"), "12,5 %", "12.5%"),
        (Decimal("0.5"), "50 %", "50%"),
        (Decimal("12.5"), "1.250 %", "1,250%"),
    ],
)
def test_a_share_is_written_as_a_percentage_in_each_language(value, da, en):
    """A decimal comma and a spaced sign in Danish; a point and no space in English."""
    template = Template(Text(da="{share:pct}", en="{share:pct}"))
    assert (template.render("da", {"share": value}), template.render("en", {"share": value})) == (
        da,
        en,
    )


@pytest.mark.parametrize(
    ("inclusive", "da", "en"), [(True, "mindst", "at least"), (False, "mere end", "more than")]
)
def test_a_comparison_says_whether_the_bound_is_included(inclusive, da, en):
    template = Template(Text(da="{inclusive:cmp}", en="{inclusive:cmp}"))
    given = {"inclusive": inclusive}
    assert (template.render("da", given), template.render("en", given)) == (da, en)


def test_a_rulebook_counts_every_version_of_every_rule(odense):
    """Its size is the number of rule versions it holds, which is what iterating gives."""
    rulebook = odense.rulebook
    ids = {rule.id for rule in rulebook}
    assert len(rulebook) == len(list(rulebook)) == sum(len(rulebook.versions(i)) for i in ids)
    assert len(rulebook) > 0


def _both(template, facts):
    return template.render("da", facts), template.render("en", facts)


def test_ids_are_named_and_other_values_written_as_they_are():
    """A configured id is written by its name in each language; a value with no name
    (an association's own words) as it is."""
    names = {"aeldre": Text(da="ældre", en="older people")}
    template = Template(Text(da="For {groups:names}.", en="For {groups:names}."), names)
    assert _both(template, {"groups": ("aeldre", "Ensomme 1")}) == (
        "For ældre og Ensomme 1.",
        "For older people and Ensomme 1.",
    )


def test_a_fact_not_given_is_a_question_mark():
    """A template whose fact is missing says so with ``?``, never ``None``."""
    template = Template(Text(da="Beløb: {amount:kr}.", en="Amount: {amount:kr}."))
    assert _both(template, {}) == ("Beløb: ?.", "Amount: ?.")
    assert _both(template, {"amount": None}) == ("Beløb: ?.", "Amount: ?.")


def test_literal_braces_stay_braces():
    """Doubled braces in a message are literal braces, with facts or without."""
    template = Template(Text(da="{{a}} {x} {{b}}", en="{{a}} {x}}}"))
    assert _both(template, {"x": 1}) == ("{a} 1 {b}", "{a} 1}")
    plain = Template(Text(da="{{ingen}}", en="{{none}}"))
    assert _both(plain, {}) == ("{ingen}", "{none}")


def test_an_unknown_format_is_refused_naming_it_and_the_template():
    """A typo in a format is an error when the template is made, never a silent plain
    value."""
    with pytest.raises(ValueError, match=r"^unknown format 'kroner' in template '\{x:kroner\}'$"):
        Template(Text(da="{x:kroner}", en="{x:kr}"))
