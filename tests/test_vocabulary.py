"""One vocabulary for every domain: its errors in its own ``_errors.py``, each a library
error (issue 24, point 4)."""

from __future__ import annotations

import pickle

import pytest

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
