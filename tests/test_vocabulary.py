"""One vocabulary for every domain: an assessor with ``assess``, a module ``assess``,
the old verbs kept for one release, and its errors in its own ``_errors.py``, each a
library error (issue 24, point 4)."""

from __future__ import annotations

import importlib
import inspect
import pickle
import typing
from datetime import date

import pytest
from helpers import MUNICIPALITIES

import civilsamfund as cs
from civilsamfund import awards, grants, organisation, strategy, volunteers

ERRORS = {
    "grants": (grants.ApplicationError,),
    "volunteers": (volunteers.TaskError,),
    "awards": (awards.AwardError,),
    "organisation": (organisation.ForumError,),
    "strategy": (strategy.StrategyError, strategy.DesignError),
}


@pytest.mark.parametrize(("domain", "errors"), ERRORS.items())
def test_every_domains_errors_live_in_its_own_errors_module(domain, errors):
    """Each domain's error types are defined in ``civilsamfund.<domain>._errors`` and are
    input errors, so a caller catching the library's base error catches them."""
    for error in errors:
        assert error.__module__ == f"civilsamfund.{domain}._errors"
        assert issubclass(error, cs.InputError)
        assert issubclass(error, cs.CivilsamfundError)


def test_the_grant_error_keeps_its_top_level_name():
    """``civilsamfund.ApplicationError`` is the grants domain's error, one class."""
    assert cs.ApplicationError is grants.ApplicationError
    assert "ApplicationError" in cs.__all__
    assert "ApplicationError" in grants.__all__


@pytest.mark.parametrize("error", [e for errors in ERRORS.values() for e in errors])
def test_a_domain_error_still_crosses_processes_intact(error):
    """A moved error pickles by its new module and comes back with its problems."""
    raised = error.at("tasks.json", "[0].arena", "expected a configured arena")
    again = pickle.loads(pickle.dumps(raised))
    assert type(again) is error
    assert str(again) == "tasks.json: [0].arena: expected a configured arena"


ASSESSORS = {
    "grants": "Assessor",
    "volunteers": "TaskAssessor",
    "awards": "NominationAssessor",
    "organisation": "ForumAssessor",
    "strategy": "StrategyAssessor",
}
"""Each domain's assessor, by name: looked up in the test, so a missing one fails it."""


def _shape(function):
    """The kinds and defaults of ``function``'s parameters, and its parameter hints."""
    parameters = list(inspect.signature(function).parameters.values())
    hints = typing.get_type_hints(function)
    return [(p.name, p.kind, p.default) for p in parameters], hints


@pytest.mark.parametrize(("domain", "name"), ASSESSORS.items())
def test_every_domains_assessor_has_the_same_verb_and_shape(domain, name):
    """``XAssessor(municipality).assess(subject, on=None)`` and the module's
    ``assess(municipality, subject, on=None)`` give the same decision type, in every
    domain."""
    module = importlib.import_module(f"civilsamfund.{domain}")
    assessor = getattr(module, name)
    assert {name, "assess"} <= set(module.__all__)
    init, _ = _shape(assessor.__init__)
    assert [n for n, *_ in init] == ["self", "municipality"]
    method, method_hints = _shape(assessor.assess)
    function, function_hints = _shape(module.assess)
    positional = inspect.Parameter.POSITIONAL_OR_KEYWORD
    empty = inspect.Parameter.empty
    assert [(kind, default) for _, kind, default in method] == [
        (positional, empty),
        (positional, empty),
        (positional, None),
    ]
    assert function[0] == ("municipality", positional, empty)
    assert function[1:] == method[1:]
    assert method[-1][0] == "on"
    subject = method[1][0]
    assert method_hints[subject] == function_hints[subject]
    assert method_hints["on"] == function_hints["on"] == date | None
    assert method_hints["return"] is function_hints["return"]
    assert method_hints["return"].__module__.startswith(f"civilsamfund.{domain}.")


@pytest.fixture(scope="module")
def subjects():
    """One bundled example subject per domain whose verb was ``check``, with its
    municipality."""
    odense = cs.load_municipality_dir(MUNICIPALITIES / "odense", cs.Plugins())
    examples = MUNICIPALITIES / "odense" / "examples"
    return {
        "volunteers": (odense, volunteers.read_tasks(examples / "volunteers" / "tasks.json")[0]),
        "awards": (
            odense,
            awards.read_nominations(examples / "nominations" / "nominations.json")[0],
        ),
        "organisation": (
            odense,
            organisation.read_proposals(examples / "forums" / "samarbejdsforum.toml")[0],
        ),
    }


RENAMED = [
    ("volunteers", "TaskAssessor", "check_task"),
    ("awards", "NominationAssessor", "check_nomination"),
    ("organisation", "ForumAssessor", "check_forum"),
]


@pytest.mark.parametrize(("domain", "assessor", "function"), RENAMED)
def test_the_old_method_check_still_assesses_warning_of_assess(
    subjects, domain, assessor, function
):
    """``XAssessor.check`` decides as ``assess`` does, warning that it goes in 0.5.0 and
    naming ``assess``."""
    municipality, subject = subjects[domain]
    made = getattr(importlib.import_module(f"civilsamfund.{domain}"), assessor)(municipality)
    message = (
        rf"^{assessor}\.check is deprecated since civilsamfund 0\.4\.0 and goes in 0\.5\.0; "
        rf"use {assessor}\.assess$"
    )
    with pytest.warns(DeprecationWarning, match=message):
        decision = made.check(subject)
    assert decision == made.assess(subject)


@pytest.mark.parametrize(("domain", "assessor", "function"), RENAMED)
def test_the_old_module_function_is_assess_with_a_warning(subjects, domain, assessor, function):
    """``check_task``, ``check_nomination`` and ``check_forum`` are their domain's
    ``assess``, warning, and are no longer listed as public."""
    module = importlib.import_module(f"civilsamfund.{domain}")
    message = (
        rf"^civilsamfund\.{domain}\.{function} is deprecated since civilsamfund 0\.4\.0 and "
        rf"goes in 0\.5\.0; use civilsamfund\.{domain}\.assess$"
    )
    with pytest.warns(DeprecationWarning, match=message):
        old = getattr(module, function)
    assert old is module.assess
    assert function not in module.__all__
    municipality, subject = subjects[domain]
    assert old(municipality, subject) == module.assess(municipality, subject)


def test_a_name_never_defined_is_still_an_attribute_error():
    """The deprecated names' lookup answers only for them."""
    with pytest.raises(AttributeError, match="has no attribute 'check_everything'"):
        _ = volunteers.check_everything


@pytest.fixture(scope="module")
def odense():
    """Odense, whose strategies are adopted, known in force, and in the making."""
    return cs.load_municipality_dir(MUNICIPALITIES / "odense", cs.Plugins())


def test_a_strategy_is_assessed_by_id_or_as_configured_as_its_status_says(odense):
    """``strategy.assess`` gives the status ``strategy_status`` gives for that strategy
    on that day, whether given its id or the configured strategy."""
    day = date(2011, 1, 1)
    (expected,) = strategy.strategy_status(odense, day, "strategi_frivilligt_socialt_arbejde_2009")
    assessor = strategy.StrategyAssessor(odense)
    assert assessor.assess("strategi_frivilligt_socialt_arbejde_2009", day) == expected
    assert assessor.assess(expected.strategy, day) == expected
    assert strategy.assess(odense, "strategi_frivilligt_socialt_arbejde_2009", day) == expected


@pytest.mark.parametrize(
    ("strategy_id", "day"),
    [
        ("strategi_frivilligt_socialt_arbejde_2009", date(2009, 6, 1)),
        ("civilsamfundsstrategi", date(2024, 3, 21)),
    ],
)
def test_a_strategy_is_assessed_by_default_on_the_day_it_is_known_in_force_from(
    odense, strategy_id, day
):
    """Without a day, a strategy is assessed on its adoption day, else on its
    ``in_force_by``: its own day, as a task's is the day it starts."""
    status = strategy.assess(odense, strategy_id)
    assert status.on == day
    assert status == strategy.assess(odense, strategy_id, day)


def test_a_strategy_with_no_day_of_its_own_needs_one(odense):
    """A strategy in the making, neither adopted nor known in force, is not assessed on
    a day nobody gave: the error names the strategy and asks for ``on``."""
    with pytest.raises(strategy.StrategyError) as raised:
        strategy.assess(odense, "revision_civilsamfundsstrategi")
    assert str(raised.value) == (
        "strategy 'revision_civilsamfundsstrategi': on: expected a day: the strategy states "
        "neither the day it was adopted nor a day it is in force by"
    )


def test_an_unknown_strategy_is_named_with_those_configured(odense):
    """An id no strategy has is refused, listing the configured ones."""
    with pytest.raises(strategy.StrategyError) as raised:
        strategy.assess(odense, "nope", date(2024, 1, 1))
    assert str(raised.value) == (
        "<strategy>: strategy: expected a configured strategy (strategi_frivilligt_socialt_"
        "arbejde_2009, civilsamfundsstrategi, revision_civilsamfundsstrategi), got 'nope'"
    )
