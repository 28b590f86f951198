"""Subjects that meet a set of rules, or break exactly one of them, for any domain.

Built from what each check declares: the facts it reads (with a way to write each)
and examples of values under which it passes or fails. Whatever cannot be built is
an error when the strategy is made, not when a test draws from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import assume
from hypothesis import strategies as st

from civilsamfund.core.rules import Evaluator, Examples, Fact, Known, Rule, RuleKind, Status

S = TypeVar("S")

Plan = dict[Fact[Any, Any], list[Any]]
"""For each fact to set, the values to choose from."""


def _examples(rule: Rule[Any], passing: bool, known: Known) -> Examples:
    check = rule.check
    try:
        examples = check.examples(passing, known)
    except NotImplementedError:
        raise ValueError(
            f"criterion {rule.id!r}: its check {type(check).__name__} gives no examples() "
            "of its facts, so no strategy can build subjects for it"
        ) from None
    if examples is None:
        state = "pass" if passing else "fail"
        raise ValueError(f"criterion {rule.id!r} can never {state} with its parameters")
    for fact in examples:
        if fact.write is None:
            raise ValueError(
                f"criterion {rule.id!r}: fact {fact.name!r} cannot be written, so no strategy "
                "can build subjects for it"
            )
    return examples


def plan(rules: Sequence[Rule[S]], known: Known, breaking: str | None = None) -> Plan:
    """The facts to set so that every mandatory rule passes and ``breaking`` fails."""
    target = None
    if breaking is not None:
        target = next((rule for rule in rules if rule.id == breaking), None)
        if target is None:
            raise ValueError(f"criterion {breaking!r} is not among the rules in force")
    chosen: Plan = {}
    for rule in rules:
        if rule.kind is not RuleKind.MANDATORY or rule is target:
            continue
        for fact, values in _examples(rule, True, known).items():
            common = [v for v in values if v in chosen.get(fact, values)]
            if not common:
                raise ValueError(
                    f"the mandatory criteria admit no common value for the fact {fact.name!r}"
                )
            chosen[fact] = common
    if target is not None:
        chosen.update({fact: list(v) for fact, v in _examples(target, False, known).items()})
    return chosen


def satisfying(
    rules: Sequence[Rule[S]],
    base: st.SearchStrategy[S],
    known: Known | None = None,
    breaking: str | None = None,
    judge: Callable[[S], dict[str, Status]] | None = None,
) -> st.SearchStrategy[S]:
    """Subjects drawn from ``base`` that meet every mandatory rule of ``rules`` and, if
    ``breaking`` names one of them, fail that one and no other mandatory rule.

    ``known`` gives the configured ids of each kind, for checks whose examples need
    them. ``judge`` returns each rule's status for a subject; by default the rules are
    judged directly.
    """
    chosen = plan(rules, known or {}, breaking)
    mandatory = [rule for rule in rules if rule.kind is RuleKind.MANDATORY]
    evaluator = Evaluator()

    def statuses(subject: S) -> dict[str, Status]:
        return {rule.id: evaluator.judge(rule, subject).status for rule in rules}

    judged = judge or statuses

    @st.composite
    def build(draw: st.DrawFn) -> S:
        subject = draw(base)
        for fact, values in chosen.items():
            assert fact.write is not None
            subject = fact.write(subject, draw(st.sampled_from(values)))
        found = judged(subject)
        failing = {rule.id for rule in mandatory if found.get(rule.id) is Status.FAIL}
        if breaking is None:
            assume(not failing)
        else:
            assume(failing <= {breaking} and found.get(breaking) in (Status.FAIL, Status.FLAG))
            assume(breaking in failing or breaking not in {r.id for r in mandatory})
        return subject

    return build()
