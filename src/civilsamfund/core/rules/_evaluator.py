"""Judging subjects by rules: the one path every check, core or plugin, runs through.

The evaluator reads a rule's declared facts from the subject, reuses the finding
made before for equal facts, and otherwise asks the check. It holds the only memory
of findings, for as long as it lives: configuration values hold none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from civilsamfund.core import PluginError, guard
from civilsamfund.core.rules._check import Verdict
from civilsamfund.core.rules._compiled import Findings, compile_rules
from civilsamfund.core.rules._facts import Fact, Facts
from civilsamfund.core.rules._findings import Finding, RuleKind, Status
from civilsamfund.core.rules._messages import deferred
from civilsamfund.core.rules._rule import CORE, Rule

S = TypeVar("S")


class Memo:
    """The findings of one rule by the facts they were made from, kept while keeping
    them pays.

    A rule whose facts rarely repeat (amounts, dates) would fill memory for nothing:
    after ``TRIAL`` findings, a memo that has found fewer than one in four lets go of
    them and stops looking (``reusing`` is then false); one that pays keeps up to
    ``LIMIT``. A compiled rule set looks up ``findings`` itself and counts its hits.
    """

    TRIAL = 1_000
    LIMIT = 10_000
    __slots__ = ("findings", "hits", "make", "misses", "readers", "reusing")

    def __init__(
        self,
        readers: tuple[Callable[[Any], Any], ...] = (),
        make: Callable[[tuple[Any, ...]], Finding] | None = None,
    ) -> None:
        self.findings: dict[Hashable, Finding] = {}
        self.hits = 0
        self.misses = 0
        self.readers = readers
        """How to read each of the rule's facts from a subject."""
        self.make = make
        """How the rule's finding is made afresh from its facts' values."""
        self.reusing = True

    def find(self, values: tuple[Any, ...]) -> Finding:
        """The finding for these values of the rule's facts, in the order of ``FACTS``:
        the one made before for equal values while reusing pays."""
        make = self.make
        assert make is not None  # every memo an evaluator makes can make its findings
        if not self.reusing:
            return make(values)
        key: Hashable = (
            (str(values[0]) if type(values[0]) is Decimal else values[0])
            if len(values) == 1
            else tuple([str(v) if type(v) is Decimal else v for v in values])
        )
        try:
            finding = self.findings.get(key)
        except TypeError:  # a fact that cannot be hashed: judged afresh, never kept
            return make(values)
        if finding is None:
            self.misses += 1
            finding = make(values)
            self.offer(key, finding)
        else:
            self.hits += 1
        return finding

    def offer(self, key: Hashable, finding: Finding) -> None:
        """Keep ``finding`` for ``key`` if keeping pays."""
        size = len(self.findings)
        if size >= self.TRIAL and 3 * self.hits < self.misses:
            self.reusing = False
            self.findings.clear()
        elif size < self.LIMIT:
            self.findings[key] = finding


class Evaluator:
    """Judges subjects by rules, reusing findings for equal facts while it lives.

    :meth:`findings` judges by a rule set compiled once into one function (see
    :mod:`civilsamfund.core.rules._compiled`); ``Evaluator(compiled=False)`` judges
    rule by rule instead, the reference the compiled sets are tested against.

    The memo key is the rule's declared facts, a decimal by its written form (``0.5``
    and ``0.50`` are equal numbers, yet a finding records which was given). Make one
    evaluator for a batch and drop it after: it keeps findings by rule.

    A plugin's rule reads each fact and evaluates within the check budget
    (``CIVILSAMFUND_PLUGIN_BUDGET``, read once per evaluator), and whatever its code
    raises is a :class:`PluginError` naming the plugin; the library's own rules are
    called directly.
    """

    __slots__ = ("_compiled", "_compiled_sets", "_memos", "_seconds", "_sets")

    SETS = 1_000
    """Compiled rule sets an evaluator keeps."""
    COMPILED = True
    """Whether an evaluator compiles rule sets unless told: what the assessors of every
    domain make; a test sets it false to judge them by the reference."""

    def __init__(self, *, compiled: bool | None = None) -> None:
        self._memos: dict[Rule[Any], Memo] = {}
        self._seconds: float | None = None
        self._compiled = self.COMPILED if compiled is None else compiled
        self._compiled_sets: dict[tuple[Rule[Any], ...], Callable[[Any], Findings]] = {}
        self._sets: dict[int, tuple[tuple[Rule[Any], ...], Callable[[Any], Findings]]] = {}

    def findings(self, rules: tuple[Rule[S], ...], subject: S) -> Findings:
        """The findings of ``rules`` for ``subject``, with their statuses and outcome."""
        if not self._compiled:
            made: list[Finding] = []
            self.judge_all(rules, subject, made)
            return Findings(made)
        known = self._sets.get(id(rules))  # by identity: hashing every rule costs more
        if known is not None and known[0] is rules:
            return known[1](subject)
        judge = self._compiled_sets.get(rules)
        if judge is None:
            if len(self._compiled_sets) >= self.SETS:
                self._compiled_sets.clear()
            judge = self._compiled_sets[rules] = compile_rules(rules, self)
        if len(self._sets) >= self.SETS:
            self._sets.clear()
        self._sets[id(rules)] = (rules, judge)  # holding the tuple keeps its id its own
        return judge(subject)

    def judge(self, rule: Rule[S], subject: S) -> Finding:
        """The finding of ``rule`` for ``subject``."""
        findings: list[Finding] = []
        self.judge_all((rule,), subject, findings)
        return findings[0]

    def judge_all(self, rules: Iterable[Rule[S]], subject: S, findings: list[Finding]) -> None:
        """Add the finding of each of ``rules`` for ``subject`` to ``findings``, rule by
        rule: each reads its facts and looks up the finding made before for them."""
        for rule in rules:
            readers = self.memo(rule).readers
            findings.append(self.find(rule, tuple([read(subject) for read in readers])))

    def find(self, rule: Rule[S], values: tuple[Any, ...]) -> Finding:
        """The finding of ``rule`` for these values of its facts, in the order of
        ``FACTS``: the one made before for equal values while reusing pays."""
        return self.memo(rule).find(values)

    def memo(self, rule: Rule[Any]) -> Memo:
        """The findings kept for ``rule``, and how they are made."""
        memo = self._memos.get(rule)
        if memo is None:
            seconds = None if rule.origin == CORE else self.budget()
            memo = self._memos[rule] = Memo(
                tuple(self.reader(rule, f) for f in rule.check.FACTS),
                partial(evaluated, rule, seconds=seconds),
            )
        return memo

    def budget(self) -> float:
        """The seconds each call of a plugin's check may take."""
        if self._seconds is None:
            self._seconds = guard.budget().check
        return self._seconds

    def reader(self, rule: Rule[Any], fact: Fact[Any, Any]) -> Callable[[Any], Any]:
        """How ``rule`` reads ``fact``: a plugin's rule within its budget."""
        if rule.origin == CORE:
            return fact.read
        seconds = self.budget()
        doing = f"reading the fact {fact.name!r} of rule {rule.id!r}"
        return lambda subject: guard.call(
            rule.origin, doing, "check", fact.read, subject, seconds=seconds
        )


def evaluated(rule: Rule[S], values: tuple[Any, ...], seconds: float | None) -> Finding:
    """The finding of ``rule`` for these values of its facts, made afresh: a plugin's
    check within ``seconds``, its verdict checked."""
    check = rule.check
    facts = Facts(dict(zip(check.FACTS, values, strict=True)))
    if rule.origin == CORE:
        verdict = check.evaluate(facts)  # the library's own bugs stay tracebacks
    else:
        doing = f"evaluating rule {rule.id!r}"
        verdict = guard.call(rule.origin, doing, "check", check.evaluate, facts, seconds=seconds)
        _require_sound(rule, verdict)
    status = verdict.status
    if status is Status.FAIL and rule.kind is not RuleKind.MANDATORY:
        status = Status.FLAG  # only a mandatory rule can reject; the rest ask a caseworker
    return Finding(
        criterion=rule.id,
        kind=rule.kind,
        status=status,
        citation=rule.citation,
        rule=rule.rule,
        reason=deferred(rule.templates[verdict.message], verdict.facts),
        facts=verdict.facts,
        missing=verdict.missing,
    )


def _require_sound(rule: Rule[Any], verdict: object) -> None:
    """A plugin's verdict must be one the engine and the JSON document can take."""
    problem = _unsound(rule, verdict)
    if problem:
        raise PluginError(rule.origin, f"rule {rule.id!r} (check {_type(rule)}): {problem}")


def _unsound(rule: Rule[Any], verdict: object) -> str | None:
    if not isinstance(verdict, Verdict):
        return f"evaluate must return a Verdict, got {verdict!r}"
    if not isinstance(verdict.status, Status):
        return f"a verdict's status must be a civilsamfund.Status, got {verdict.status!r}"
    if verdict.message not in rule.templates:
        return f"the verdict names the message {verdict.message!r}, which MESSAGES lacks"
    if not isinstance(verdict.facts, Mapping):
        return f"a verdict's facts must be a mapping, got {verdict.facts!r}"
    for name, value in verdict.facts.items():
        if not _is_fact_value(value):
            return (
                f"fact {name!r} is {value!r}; facts must be text, whole numbers, true/false, "
                "None or a tuple of texts"
            )
    if not (
        isinstance(verdict.missing, tuple) and all(isinstance(m, str) for m in verdict.missing)
    ):
        return f"a verdict's missing facts must be a tuple of names, got {verdict.missing!r}"
    return None


def _is_fact_value(value: object) -> bool:
    if value is None or type(value) in (str, int, bool):
        return True
    return type(value) is tuple and all(type(item) is str for item in value)


def _type(rule: Rule[Any]) -> str:
    return type(rule.check).__name__
