"""The evaluator's less travelled paths: facts that cannot be hashed, a plugin reader
that raises among several, a verdict naming a missing fact that is not a name, and
single-fact rules keyed by a decimal's written form."""

from __future__ import annotations

import time
import types
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import pytest
from attrs import frozen
from helpers import odense_application, plugin_of, with_supplementary

import civilsamfund as cs
from civilsamfund.core.rules._evaluator import Memo
from civilsamfund.grants import GrantCheck

RULE = "O18-10-SU-1"


def _fact(name: str) -> cs.Fact[Any, Any]:
    """A fact read from a plain namespace standing in for an application."""
    return cs.Fact(
        name=name, label=cs.Text(da=name, en=name), read=lambda subject: getattr(subject, name)
    )


FIRST, SECOND = _fact("first"), _fact("second")


def _counting(facts: tuple[cs.Fact[Any, Any], ...], verdict: Any = None) -> type[GrantCheck]:
    """A plugin check over ``facts`` that counts its evaluations and records ``first``."""

    @frozen(kw_only=True)
    class Counting(GrantCheck):
        FACTS = facts
        MESSAGES: ClassVar[Mapping[str, cs.Text]] = {
            "done": cs.Text(da="Første: {first}.", en="First: {first}.")
        }
        RECORDS = ("first",)
        calls: ClassVar[list[object]] = []

        def evaluate(self, given):
            Counting.calls.append(given[FIRST])
            if verdict is not None:
                return verdict
            return cs.Verdict(
                status=cs.Status.FAIL, message="done", facts={"first": str(given[FIRST])}
            )

    return Counting


def _rule(tmp_path, check: type[GrantCheck], kind: str = "mandatory") -> Any:
    plugins = cs.Plugins()
    plugins.register(plugin_of(civilsamfund_criterion_types=lambda: {"demo.c": check}), "demo")
    directory = with_supplementary(tmp_path, "demo.c")
    if kind != "mandatory":
        criteria = directory / "criteria.toml"
        text = criteria.read_text(encoding="utf-8")
        head, tail = text.rsplit(f'id = "{RULE}"', 1)
        tail = tail.replace('kind = "mandatory"', f'kind = "{kind}"', 1)
        criteria.write_text(f'{head}id = "{RULE}"{tail}', encoding="utf-8")
    municipality = cs.load_municipality_dir(directory, plugins)
    (rule,) = municipality.rulebook.versions(RULE)
    return rule


def _subject(**facts: Any) -> types.SimpleNamespace:
    return types.SimpleNamespace(**facts)


@pytest.mark.parametrize("facts", [(FIRST,), (FIRST, SECOND)], ids=["one fact", "two facts"])
def test_facts_that_cannot_be_hashed_are_judged_afresh_and_never_kept(tmp_path, facts):
    """A list as a fact is judged each time it is seen, correctly, and no finding is kept."""
    check = _counting(facts)
    rule = _rule(tmp_path, check)
    evaluator = cs.Evaluator()
    for _ in range(2):
        finding = evaluator.judge(rule, _subject(first=["a"], second=["b"]))
        assert (finding.status, finding.facts) == (cs.Status.FAIL, {"first": "['a']"})
        assert finding.reason.en == "First: ['a']."
    assert check.calls == [["a"], ["a"]]
    memo = evaluator._memos[rule]
    assert (memo.findings, memo.hits, memo.misses) == ({}, 0, 0)


@pytest.mark.parametrize("facts", [(FIRST,), (FIRST, SECOND)], ids=["one fact", "two facts"])
def test_equal_facts_reuse_one_finding(tmp_path, facts):
    """Facts seen before are not judged again, with one fact or several."""
    check = _counting(facts)
    rule = _rule(tmp_path, check)
    evaluator = cs.Evaluator()
    findings = [evaluator.judge(rule, _subject(first="a", second="b")) for _ in range(3)]
    assert findings[0] is findings[1] is findings[2]
    assert check.calls == ["a"]
    memo = evaluator._memos[rule]
    assert (memo.hits, memo.misses, len(memo.findings)) == (2, 1, 1)


def test_a_memo_that_stopped_reusing_judges_several_facts_afresh(tmp_path):
    """After a memo gives up, a rule with several facts is judged anew each time."""
    check = _counting((FIRST, SECOND))
    rule = _rule(tmp_path, check)
    evaluator = cs.Evaluator()
    evaluator.judge(rule, _subject(first="a", second="b"))
    memo = evaluator._memos[rule]
    memo.reusing = False
    memo.findings.clear()
    second = evaluator.judge(rule, _subject(first="a", second="b"))
    assert second.facts == {"first": "a"}
    assert (check.calls, memo.findings, memo.misses) == (["a", "a"], {}, 1)


def test_a_memo_lets_go_only_when_keeping_does_not_pay():
    """After the trial a memo that finds one in four keeps its findings; fewer lets go."""
    paying = Memo()
    paying.findings = dict.fromkeys(range(Memo.TRIAL))
    paying.misses, paying.hits = 3 * 250, 250
    paying.offer("new", "finding")
    assert (paying.reusing, len(paying.findings)) == (True, Memo.TRIAL + 1)
    losing = Memo()
    losing.findings = dict.fromkeys(range(Memo.TRIAL))
    losing.misses, losing.hits = 3 * 250 + 1, 250
    losing.offer("new", "finding")
    assert (losing.reusing, losing.findings) == (False, {})
    full = Memo()
    full.findings = dict.fromkeys(range(Memo.LIMIT))
    full.hits = Memo.LIMIT
    full.offer("new", "finding")
    assert (full.reusing, "new" in full.findings) == (True, False)


def test_a_reader_that_raises_among_several_names_the_plugin_and_fact(tmp_path):
    """The second of two facts failing to read is a PluginError naming plugin, fact and
    rule."""

    def broken(subject):
        raise ValueError("unreadable")

    check = _counting((FIRST, cs.Fact(name="broken", label=cs.Text(da="x", en="x"), read=broken)))
    rule = _rule(tmp_path, check)
    with pytest.raises(cs.PluginError) as raised:
        cs.Evaluator().judge(rule, _subject(first="a"))
    assert str(raised.value) == (
        f"plugin 'demo': reading the fact 'broken' of rule {RULE!r} failed: "
        "ValueError('unreadable')"
    )


@pytest.mark.parametrize(
    ("missing", "shown"),
    [(("a", 1), "('a', 1)"), (["a"], "['a']"), ((1,), "(1,)")],
)
def test_missing_facts_that_are_not_a_tuple_of_names_are_a_plugin_error(tmp_path, missing, shown):
    """A verdict's missing facts must be a tuple whose every item is a name."""
    verdict = cs.Verdict(status=cs.Status.FLAG, message="done", missing=missing)
    rule = _rule(tmp_path, _counting((FIRST,), verdict))
    with pytest.raises(cs.PluginError) as raised:
        cs.Evaluator().judge(rule, _subject(first="a"))
    assert str(raised.value) == (
        f"plugin 'demo': rule {RULE!r} (check Counting): a verdict's missing facts must be "
        f"a tuple of names, got {shown}"
    )


@pytest.mark.parametrize(
    ("facts", "shown"),
    [
        ({"first": ("a", 1)}, "fact 'first' is ('a', 1)"),
        ({"first": ["a"]}, "fact 'first' is ['a']"),
        ({"first": Decimal("1")}, "fact 'first' is Decimal('1')"),
    ],
)
def test_recorded_facts_of_another_type_are_a_plugin_error(tmp_path, facts, shown):
    """A recorded fact must be text, a whole number, true/false, None or texts."""
    verdict = cs.Verdict(status=cs.Status.PASS, message="done", facts=facts)
    rule = _rule(tmp_path, _counting((FIRST,), verdict))
    with pytest.raises(cs.PluginError) as raised:
        cs.Evaluator().judge(rule, _subject(first="a"))
    assert str(raised.value) == (
        f"plugin 'demo': rule {RULE!r} (check Counting): {shown}; facts must be text, "
        "whole numbers, true/false, None or a tuple of texts"
    )


def test_facts_that_are_not_a_mapping_are_a_plugin_error(tmp_path):
    """A verdict's facts must be a mapping of names to values."""
    verdict = cs.Verdict(status=cs.Status.PASS, message="done", facts=("first",))
    rule = _rule(tmp_path, _counting((FIRST,), verdict))
    with pytest.raises(cs.PluginError, match=r"facts must be a mapping, got \('first',\)$"):
        cs.Evaluator().judge(rule, _subject(first="a"))


@pytest.mark.parametrize(
    "first",
    ["text", 3, True, None, ("a", "b"), ()],
    ids=["text", "int", "bool", "none", "texts", "empty"],
)
def test_a_sound_verdict_keeps_what_it_records(tmp_path, first):
    """Every kind of value a fact may be passes the soundness check unchanged."""
    verdict = cs.Verdict(
        status=cs.Status.FLAG, message="done", facts={"first": first}, missing=("first",)
    )
    rule = _rule(tmp_path, _counting((FIRST,), verdict))
    finding = cs.Evaluator().judge(rule, _subject(first="a"))
    assert (finding.status, finding.facts, finding.missing) == (
        cs.Status.FLAG,
        {"first": first},
        ("first",),
    )


@pytest.mark.parametrize(
    ("kind", "status"), [("mandatory", cs.Status.FAIL), ("discretionary", cs.Status.FLAG)]
)
def test_only_a_mandatory_rule_rejects(tmp_path, kind, status):
    """A failing verdict fails a mandatory rule and flags any other, keeping its reason."""
    rule = _rule(tmp_path, _counting((FIRST,)), kind)
    finding = cs.Evaluator().judge(rule, _subject(first="a"))
    assert (finding.criterion, finding.status, finding.reason.da) == (RULE, status, "Første: a.")
    assert finding.kind is cs.RuleKind(kind)
    assert finding.rule.en == "The committee's supplementary criterion."


def test_a_single_fact_decimal_is_keyed_as_written(odense):
    """0.5 and 0.50 given to a one-fact rule are two findings, each recording its own."""
    rule = odense.rulebook.rule("O18-9", odense_application().received)
    evaluator = cs.Evaluator()
    for written in ("0.5", "0.50", "0.5"):
        application = odense_application(activity={"local_share": Decimal(written)})
        finding = evaluator.judge(rule, application)
        assert finding.facts["local_share"] == written
    assert evaluator._memos[rule].hits == 1


def _sleeping(facts: tuple[cs.Fact[Any, Any], ...], seconds: float) -> type[GrantCheck]:
    """A plugin check that takes ``seconds`` to evaluate after its first evaluation."""

    @frozen(kw_only=True)
    class Slow(GrantCheck):
        FACTS = facts
        MESSAGES: ClassVar[Mapping[str, cs.Text]] = {"done": cs.Text(da="x.", en="x.")}
        calls: ClassVar[list[int]] = []

        def evaluate(self, given):
            if Slow.calls:
                time.sleep(seconds)
            Slow.calls.append(1)
            return cs.Verdict(status=cs.Status.PASS, message="done")

    return Slow


def _slow_fact(seconds: float) -> cs.Fact[Any, Any]:
    """A fact that takes ``seconds`` to read when the subject asks for it."""

    def read(subject):
        if subject.slow:
            time.sleep(seconds)
        return subject.first

    return cs.Fact(name="slow", label=cs.Text(da="x", en="x"), read=read)


def test_the_budget_is_read_once_per_evaluator(tmp_path, monkeypatch):
    """A budget lowered after an evaluator's first plugin call does not bind it; a new
    evaluator keeps to the lowered one, for the check and for its facts."""
    monkeypatch.setenv("CIVILSAMFUND_PLUGIN_BUDGET", "check=5")
    rule = _rule(tmp_path, _sleeping((_slow_fact(0.3),), 0.3))
    evaluator = cs.Evaluator()
    evaluator.judge(rule, _subject(first="a", slow=False))
    monkeypatch.setenv("CIVILSAMFUND_PLUGIN_BUDGET", "check=0.05")
    assert evaluator.judge(rule, _subject(first="b", slow=True)).status is cs.Status.PASS
    with pytest.raises(cs.PluginError) as raised:
        cs.Evaluator().judge(rule, _subject(first="c", slow=True))
    assert str(raised.value) == (
        f"plugin 'demo': reading the fact 'slow' of rule {RULE!r} failed: it took longer "
        "than its budget of 0.05 s and was stopped; if it needs longer, raise the budget "
        "with CIVILSAMFUND_PLUGIN_BUDGET=check=<seconds>"
    )
