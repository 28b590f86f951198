"""The compiled core's own paths: facts read once, findings made when read, a plugin's
``status`` within its budget, and findings that read as the tuple they stand for."""

from __future__ import annotations

import linecache
import pickle
import time
import traceback
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import pytest
from attrs import frozen
from helpers import odense_application
from test_evaluator_paths import FIRST, RULE, SECOND, _counting, _rule, _subject

import civilsamfund as cs
from civilsamfund.core import _generated
from civilsamfund.core.rules import Findings, _compiled, _evaluator, attribute_fact
from civilsamfund.core.rules._evaluator import Memo
from civilsamfund.grants import GrantCheck

PASS, FAIL, FLAG = cs.Status.PASS, cs.Status.FAIL, cs.Status.FLAG


def _statused(status: Any, evaluated: cs.Status = FAIL) -> type[GrantCheck]:
    """A plugin check that offers ``status`` (a value, or a function of the fact)."""

    @frozen(kw_only=True)
    class Statused(GrantCheck):
        FACTS = (FIRST,)
        MESSAGES: ClassVar[Mapping[str, cs.Text]] = {
            "done": cs.Text(da="Første: {first}.", en="First: {first}.")
        }
        RECORDS = ("first",)
        calls: ClassVar[list[object]] = []

        def status(self, first: object) -> object:
            Statused.calls.append(first)
            return status(first) if callable(status) else status

        def evaluate(self, given: Any) -> cs.Verdict:
            return cs.Verdict(status=evaluated, message="done", facts={"first": given[FIRST]})

    return Statused


def test_a_fact_two_rules_read_is_read_once(tmp_path):
    """Two rules reading one fact: a compiled set reads it once per subject."""

    class Subject:
        reads = 0

        @property
        def first(self) -> str:
            Subject.reads += 1
            return "x"

    one = _rule(tmp_path / "a", _counting((FIRST,)))
    other = _rule(tmp_path / "b", _counting((FIRST,)))
    findings = cs.Evaluator().findings((one, other), Subject())
    assert Subject.reads == 1
    assert findings.statuses == (FAIL, FAIL)
    assert findings.outcome is cs.Outcome.INELIGIBLE


def test_equal_facts_reuse_one_finding_through_a_compiled_set(tmp_path):
    """The compiled set looks up the memo itself, counts its hits and shares findings."""
    check = _counting((FIRST, SECOND))
    rule = _rule(tmp_path, check)
    evaluator = cs.Evaluator()
    judged = [evaluator.findings((rule,), _subject(first="a", second="b")) for _ in range(3)]
    assert judged[0][0] is judged[1][0] is judged[2][0]
    assert check.calls == ["a"]
    memo = evaluator.memo(rule)
    assert (memo.hits, memo.misses) == (2, 1)
    evaluator.findings((rule,), _subject(first="c", second="d"))
    assert (memo.hits, memo.misses) == (2, 2)


def test_facts_that_cannot_be_hashed_are_judged_afresh_by_a_compiled_set(tmp_path):
    check = _counting((FIRST,))
    rule = _rule(tmp_path, check)
    evaluator = cs.Evaluator()
    for _ in range(2):
        (finding,) = evaluator.findings((rule,), _subject(first=["a"]))
        assert finding.facts == {"first": "['a']"}
    assert (check.calls, evaluator.memo(rule).findings) == ([["a"], ["a"]], {})


@pytest.mark.parametrize("kind", ["mandatory", "discretionary"])
def test_a_plugin_status_decides_and_its_finding_is_made_when_read(tmp_path, kind):
    """A check's status decides at once; evaluate runs only when the finding is read,
    and only a mandatory rule's failure rejects."""
    check = _statused(FAIL)
    rule = _rule(tmp_path, check, kind)
    findings = cs.Evaluator().findings((rule,), _subject(first="a"))
    failed = FAIL if kind == "mandatory" else FLAG
    assert (findings.statuses, check.calls) == ((failed,), ["a"])
    assert findings.outcome is (
        cs.Outcome.INELIGIBLE if kind == "mandatory" else cs.Outcome.NEEDS_ASSESSMENT
    )
    (finding,) = findings
    assert (finding.status, finding.facts, finding.reason.en) == (
        failed,
        {"first": "a"},
        "First: a.",
    )


def test_a_status_that_is_not_a_status_is_the_plugins_error(tmp_path):
    rule = _rule(tmp_path, _statused("pass"))
    with pytest.raises(cs.PluginError) as raised:
        cs.Evaluator().findings((rule,), _subject(first="a"))
    assert str(raised.value) == (
        f"plugin 'demo': rule {RULE!r} (check Statused): status must return a "
        "civilsamfund.Status, got 'pass'"
    )


def test_a_status_that_raises_is_the_plugins_error(tmp_path):
    def broken(first: object) -> object:
        raise ValueError("no status")

    rule = _rule(tmp_path, _statused(broken))
    with pytest.raises(cs.PluginError) as raised:
        cs.Evaluator().findings((rule,), _subject(first="a"))
    assert str(raised.value) == (
        f"plugin 'demo': deciding the status of rule {RULE!r} failed: ValueError('no status')"
    )


def test_a_status_that_evaluate_contradicts_is_found_when_read(tmp_path):
    """status and evaluate must agree: the finding says otherwise, so reading it fails."""
    rule = _rule(tmp_path, _statused(PASS, evaluated=FAIL))
    findings = cs.Evaluator().findings((rule,), _subject(first="a"))
    assert findings.statuses == (PASS,)
    with pytest.raises(cs.PluginError) as raised:
        tuple(findings)
    assert str(raised.value) == (
        f"plugin 'demo': rule {RULE!r} (check Statused): its status gives 'pass' but its "
        "evaluate gives 'fail' for the same facts"
    )


def test_findings_read_compare_and_hash_as_their_tuple(odense):
    decision = cs.grants.assess(odense, odense_application())
    findings = decision.findings
    assert isinstance(findings, Findings)
    assert len(findings) == len(findings.statuses) == 14
    made = tuple(findings)
    assert findings == made
    assert made == findings
    assert findings != list(made)
    with pytest.raises(TypeError):  # a finding's facts are a mapping, as a tuple's would be
        hash(findings)
    assert findings[0] is made[0]
    assert findings[1:3] == made[1:3]
    assert made[2] in findings
    assert repr(findings) == repr(made)
    assert findings.statuses == tuple(f.status for f in made)
    assert findings == Findings(made)
    assert Findings(made).outcome is decision.outcome
    copied = pickle.loads(pickle.dumps(decision))
    assert copied == decision
    assert tuple(copied.findings) == made


def test_findings_given_add_up_to_their_outcome():
    assert (Findings().outcome, Findings().statuses, len(Findings())) == (
        cs.Outcome.ELIGIBLE,
        (),
        0,
    )


def test_an_empty_rule_set_is_eligible_with_no_findings():
    findings = cs.Evaluator().findings((), _subject())
    assert (findings.outcome, findings.statuses, tuple(findings)) == (cs.Outcome.ELIGIBLE, (), ())


def test_a_compiled_set_shows_its_source_in_a_traceback(monkeypatch):
    """A core check's reader failing inside the generated function names its line (its
    source compiled afresh, not found compiled by an earlier test)."""
    monkeypatch.setattr(_generated, "_CODES", {})
    fact = attribute_fact("missing.part", cs.Text(da="x", en="x"))
    assert fact.path == "missing.part"
    core = _core_rule(_counting((fact,))())
    with pytest.raises(AttributeError) as raised:
        cs.Evaluator().findings((core,), _subject())
    frame = traceback.extract_tb(raised.value.__traceback__)[-1]
    assert frame.filename.startswith("<civilsamfund rule set ")
    assert frame.line == "v0 = subject.missing.part"
    assert linecache.getline(frame.filename, 1) == "def judge(subject):\n"


def _core_rule(check: GrantCheck) -> cs.Rule[Any]:
    return cs.Rule(
        id="X",
        kind=cs.RuleKind.MANDATORY,
        citation=cs.Citation(document="d", section="s"),
        rule=cs.Text(da="x", en="x"),
        check=check,
        templates={},
    )


def test_a_fact_a_plugin_reads_by_path_is_read_within_its_budget(tmp_path):
    """A plugin's attribute fact is not inlined: its failure is the plugin's error."""
    fact = attribute_fact("missing.part", cs.Text(da="x", en="x"))
    rule = _rule(tmp_path, _counting((fact,)))
    with pytest.raises(cs.PluginError, match=f"reading the fact 'part' of rule {RULE!r} failed"):
        cs.Evaluator().findings((rule,), _subject())


def test_a_fact_a_core_rule_reads_is_read_as_the_cores(tmp_path):
    """Read once for a plugin's rule and a core rule, a fact is read as the core reads
    it, whichever rule comes first: its failure stays the library's traceback."""
    fact = attribute_fact("missing.part", cs.Text(da="x", en="x"))
    check = _counting((fact,))
    plugin, core = _rule(tmp_path, check), _core_rule(check())
    with pytest.raises(AttributeError):
        cs.Evaluator().findings((plugin, core), _subject())


def test_a_path_with_a_keyword_is_read_by_its_reader():
    assert attribute_fact("a.class", cs.Text(da="x", en="x")).path is None
    assert attribute_fact("a.b", cs.Text(da="x", en="x")).path == "a.b"


def test_evaluators_keep_a_bounded_number_of_sets(tmp_path, monkeypatch):
    rule = _rule(tmp_path, _counting((FIRST,)))
    monkeypatch.setattr(cs.Evaluator, "SETS", 2)
    evaluator = cs.Evaluator()
    sets = [(rule,) * n for n in range(1, 5)]
    for rules in sets:
        assert evaluator.findings(rules, _subject(first="a")).statuses == (FAIL,) * len(rules)
    assert len(evaluator._sets) <= 2
    assert len(evaluator._compiled_sets) <= 2
    again = tuple(sets[-1])  # equal, not the same: found by its rules
    assert evaluator.findings(again, _subject(first="a")).statuses == (FAIL,) * 4


def test_the_reference_is_what_evaluators_make_when_told(monkeypatch):
    monkeypatch.setattr(cs.Evaluator, "COMPILED", False)
    findings = cs.Evaluator().findings((), _subject())
    assert findings._make is None


def test_a_plugin_overriding_evaluate_alone_is_judged_by_its_evaluate(tmp_path, odense):
    """A subclass of a check that offers status, overriding only evaluate, is judged by
    its own evaluate: the inherited status would answer for another rule."""
    from civilsamfund.grants.checks import EquityGuideline

    @frozen(kw_only=True)
    class Lenient(EquityGuideline):
        def evaluate(self, facts: Any) -> cs.Verdict:
            return cs.Verdict(status=PASS, message="not_association")

    @frozen(kw_only=True)
    class Stricter(EquityGuideline):
        def status(self, *values: Any) -> cs.Status:
            return FAIL  # offered below evaluate: it answers

    application = odense_application(applicant={"equity": cs.kroner(10_000_000)})
    assert _offers(Lenient) is False
    assert _offers(Stricter) is True
    assert _offers(EquityGuideline) is True
    rule = odense.rulebook.rule("O18-3", application.received)
    lenient = attrs.evolve(rule, check=Lenient(max_multiple=rule.check.max_multiple))
    findings = cs.Evaluator().findings((lenient,), application)
    reference = cs.Evaluator(compiled=False).findings((lenient,), application)
    assert (findings.outcome, findings.statuses) == (cs.Outcome.ELIGIBLE, (PASS,))
    assert tuple(findings) == tuple(reference)


def test_a_plugin_evaluate_that_fails_fails_when_its_findings_are_read(tmp_path):
    """A check that offers status is evaluated when its findings are read: a failing
    evaluate is the plugin's error then."""

    def broken(first: object) -> object:
        raise ValueError("late")

    check = _statused(PASS)
    check.evaluate = lambda self, given: broken(given)  # type: ignore[method-assign]
    rule = _rule(tmp_path, check)
    findings = cs.Evaluator().findings((rule,), _subject(first="a"))
    assert findings.outcome is cs.Outcome.ELIGIBLE
    with pytest.raises(cs.PluginError, match=f"evaluating rule {RULE!r} failed: ValueError"):
        list(findings)


def test_a_decision_kept_keeps_no_evaluator(odense):
    """Findings made later are made by a function holding nothing of the evaluator's
    but its memos, and once made they let go of it all."""
    findings = cs.grants.assess(odense, odense_application()).findings
    held = findings._make.__globals__.values()
    assert sum(isinstance(value, Memo) for value in held) == 14  # one for each rule
    assert not any(isinstance(value, cs.Evaluator) for value in held)
    assert not any(getattr(value, "__self__", None).__class__ is cs.Evaluator for value in held)
    statuses = findings.statuses
    tuple(findings)
    assert (findings._make, findings._record) == (None, statuses)  # the facts let go


def test_compiled_sources_are_bounded_and_shown_again_after_a_cache_clear(monkeypatch):
    monkeypatch.setattr(_generated, "CODES", 1)
    monkeypatch.setattr(_generated, "_CODES", {})
    first = _generated.generated_code("x = 1\n", "test")
    (name,) = [filename for filename, _ in _generated._CODES.values()]
    assert name.startswith("<civilsamfund test ")
    linecache.clearcache()
    assert _generated.generated_code("x = 1\n", "test") is first
    assert linecache.getline(name, 1) == "x = 1\n"
    _generated.generated_code("x = 2\n", "test")
    assert name not in linecache.cache
    assert len(_generated._CODES) == 1
    linecache.clearcache()  # a source let go whose lines are gone already
    _generated.generated_code("x = 3\n", "test")
    assert len(_generated._CODES) == 1


def _offers(check: type) -> bool:
    return _compiled._offers_status(check)


class _Counted(tuple):  # type: ignore[type-arg]
    """A rule set that counts how often it is hashed."""

    hashed = 0

    def __hash__(self) -> int:
        _Counted.hashed += 1
        return super().__hash__()


def test_a_set_seen_before_is_found_by_identity_and_an_equal_one_by_its_rules(
    tmp_path, monkeypatch
):
    """The same tuple is found without hashing its rules; an equal tuple is found by them
    and not compiled again."""
    compiled: list[object] = []
    compile_rules = _evaluator.compile_rules
    monkeypatch.setattr(
        _evaluator, "compile_rules", lambda *a: compiled.append(a) or compile_rules(*a)
    )
    rule = _rule(tmp_path, _counting((FIRST,)))
    evaluator = cs.Evaluator()
    rules = _Counted((rule,))
    _Counted.hashed = 0
    for _ in range(3):
        assert evaluator.findings(rules, _subject(first="a")).statuses == (FAIL,)
    assert (_Counted.hashed, len(compiled)) == (2, 1)  # looked up and kept, when first seen
    assert evaluator._sets == {id(rules): (rules, evaluator._compiled_sets[rules])}
    equal = _Counted((rule,))
    assert evaluator.findings(equal, _subject(first="a")).statuses == (FAIL,)
    assert (_Counted.hashed, len(compiled)) == (4, 1)  # one more by the assertion above


def test_evaluators_let_go_of_sets_past_their_limit(tmp_path, monkeypatch):
    rule = _rule(tmp_path, _counting((FIRST,)))
    monkeypatch.setattr(cs.Evaluator, "SETS", 2)
    evaluator = cs.Evaluator()
    sizes = []
    for n in range(1, 5):
        evaluator.findings((rule,) * n, _subject(first="a"))
        sizes.append((len(evaluator._sets), len(evaluator._compiled_sets)))
    assert sizes == [(1, 1), (2, 2), (1, 1), (2, 2)]


@pytest.fixture
def asked(monkeypatch) -> list[object]:
    """The values each memo is asked to find a finding for, as they are asked."""
    asked: list[object] = []
    find = Memo.find
    monkeypatch.setattr(
        Memo, "find", lambda self, values: asked.append(values) or find(self, values)
    )
    return asked


@pytest.mark.parametrize("facts", [(FIRST,), (FIRST, SECOND)], ids=["one fact", "two facts"])
def test_a_compiled_set_finds_a_kept_finding_itself(tmp_path, asked, facts):
    """Facts seen before are found in the memo by the compiled function, keyed as the
    memo keys them, without asking the memo again."""
    rule = _rule(tmp_path, _counting(facts))
    evaluator = cs.Evaluator()
    for _ in range(3):
        evaluator.findings((rule,), _subject(first="a", second="b"))
    assert len(asked) == 1
    assert evaluator.memo(rule).hits == 2


def test_a_plugin_status_keeps_the_budget_read_when_compiled(tmp_path, monkeypatch):
    """A plugin's status runs within the check budget the evaluator read first, and the
    error says which budget to raise."""

    def slow(first: object) -> object:
        time.sleep(0.3)
        return PASS

    monkeypatch.setenv("CIVILSAMFUND_PLUGIN_BUDGET", "check=0.05")
    rule = _rule(tmp_path, _statused(slow))
    evaluator = cs.Evaluator()
    assert evaluator.budget() == 0.05
    monkeypatch.setenv("CIVILSAMFUND_PLUGIN_BUDGET", "check=10")
    with pytest.raises(cs.PluginError) as raised:
        evaluator.findings((rule,), _subject(first="a"))
    assert str(raised.value) == (
        f"plugin 'demo': deciding the status of rule {RULE!r} failed: it took longer than "
        "its budget of 0.05 s and was stopped; if it needs longer, raise the budget with "
        "CIVILSAMFUND_PLUGIN_BUDGET=check=<seconds>"
    )


def test_findings_a_status_stood_in_for_are_found_in_the_memo_when_read(tmp_path, asked):
    """Reading the findings of a rule decided by its status looks up the memo for equal
    facts itself, counting the hit, and asks the memo only for facts not seen."""
    rule = _rule(tmp_path, _statused(FAIL))
    evaluator = cs.Evaluator()
    read = [evaluator.findings((rule,), _subject(first=first))[0] for first in ("a", "a", "b", "a")]
    assert asked == [("a",), ("b",)]
    assert evaluator.memo(rule).hits == 2
    assert read[0] is read[1] is read[3]
    assert read[2].facts == {"first": "b"}
