"""The evaluator keeps findings only while keeping them pays, and never a wrong one."""

from __future__ import annotations

from decimal import Decimal

from helpers import odense_application

from civilsamfund import Evaluator
from civilsamfund.core.rules._evaluator import Memo


def _memo(evaluator, rule):
    return evaluator._memos[rule]


def test_facts_that_never_repeat_stop_being_kept(odense):
    """After the trial, a rule whose facts never repeat lets go of its findings and
    stops looking, and its findings stay right."""
    rule = odense.rulebook.rule("O18-3", odense_application().received)
    evaluator = Evaluator()
    for equity in range(Memo.TRIAL + 100):
        application = odense_application(applicant={"equity": Decimal(equity)})
        assert evaluator.judge(rule, application).facts["equity"] == str(equity)
    memo = _memo(evaluator, rule)
    assert (memo.reusing, memo.findings) == (False, {})


def test_facts_that_repeat_are_reused(odense):
    """A rule whose facts repeat reuses one finding for them."""
    rule = odense.rulebook.rule("O18-8", odense_application().received)
    evaluator = Evaluator()
    findings = {id(evaluator.judge(rule, odense_application())) for _ in range(10)}
    assert len(findings) == 1
    assert _memo(evaluator, rule).hits == 9


def test_a_decimal_is_keyed_as_written(odense):
    """0.5 and 0.50 are equal numbers, yet each finding records the one given."""
    rule = odense.rulebook.rule("O18-7", odense_application().received)
    evaluator = Evaluator()
    for written in ("0.5", "0.50"):
        application = odense_application(activity={"volunteer_share": Decimal(written)})
        assert evaluator.judge(rule, application).facts["volunteer_share"] == written
