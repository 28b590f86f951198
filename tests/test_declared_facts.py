"""A municipality's own facts: declared with types in its configuration, given by
applications under ``facts``, checked, in the JSON Schema and in the strategies."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
from helpers import MUNICIPALITIES, odense_application
from hypothesis import given, settings
from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import testing as cst
from civilsamfund.grants import (
    GrantApplication,
    GrantCatalogue,
    application_schema,
    applications_from_json,
    assess,
)


def test_an_undeclared_fact_is_bad_input(odense):
    """A fact the municipality does not declare is an error naming it, not ignored."""
    with pytest.raises(cs.ApplicationError) as caught:
        assess(odense, odense_application(facts={"contact_with_childern": True}))
    (problem,) = caught.value.problems
    assert problem.path == "facts.contact_with_childern"
    assert "expected a declared fact ('contact_with_children_under_15')" in problem.message


@pytest.mark.parametrize("value", ["yes", 1, "true"])
def test_a_fact_of_the_wrong_type_is_bad_input(odense, value):
    """A yes/no fact takes true or false only."""
    with pytest.raises(
        cs.ApplicationError, match=r"facts\.contact_with_children_under_15: expected true or"
    ):
        assess(odense, odense_application(facts={"contact_with_children_under_15": value}))


def test_a_criterion_reading_an_undeclared_fact_does_not_load(tmp_path):
    """A plugin's check may read only facts the configuration declares."""
    import civilsamfund_odense

    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    municipality_file = target / "municipality.toml"
    text = municipality_file.read_text(encoding="utf-8")
    start = text.index("[[application_facts]]")
    end = text.index("[[activity_examples]]")
    municipality_file.write_text(text[:start] + text[end:], encoding="utf-8")
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write(
            '\n[[criteria]]\nid = "X-1"\ntype = "odense.child_certificate"\n'
            'kind = "discretionary"\n'
            'citation = { document = "odense-strategi-frivilligt-socialt-arbejde-2009.txt", '
            'section = "Administration" }\nrule = { da = "x", en = "x" }\n'
        )
    plugins = cs.Plugins()
    plugins.register(civilsamfund_odense, "odense")
    with pytest.raises(
        cs.ConfigError,
        match="the fact 'contact_with_children_under_15', which criterion 'X-1' reads",
    ):
        cs.load_municipality_dir(target, plugins)


def test_facts_survive_json_exactly():
    """Declared facts are read as written: a decimal number stays the text it was."""
    (application,) = applications_from_json(
        json.dumps(
            [
                {
                    "id": "a",
                    "pool": "p",
                    "amount": "1",
                    "received": "2025-01-01",
                    "applicant": {"type": "person"},
                    "activity": {},
                    "facts": {"share_of_evenings": 0.50, "members": 12, "club": "x"},
                }
            ]
        ).replace("0.5,", "0.50,")
    )
    assert application.facts == {"share_of_evenings": "0.50", "members": 12, "club": "x"}
    assert cs.from_json(cs.to_json(application), GrantApplication) == application


def test_the_schema_of_a_municipality_names_its_facts(odense):
    """`schema application -m SLUG` holds exactly the declared facts, with their types."""
    schema = application_schema(odense.section(GrantCatalogue).application_facts)
    validator = jsonschema.Draft202012Validator(schema)
    good = json.loads(
        cs.to_json(odense_application(facts={"contact_with_children_under_15": True}))
    )
    validator.validate([good])
    for facts in ({"contact_with_children_under_15": "yes"}, {"other": True}):
        with pytest.raises(jsonschema.ValidationError):
            validator.validate([{**good, "facts": facts}])


@settings(max_examples=20)
@given(data=st.data())
def test_strategies_give_every_declared_fact(odense, data):
    """applications_for gives each declared fact a value of its type, which assesses."""
    application = data.draw(cst.applications_for(odense))
    assert set(application.facts) == {"contact_with_children_under_15"}
    assert isinstance(application.facts["contact_with_children_under_15"], bool)
    assess(odense, application)
