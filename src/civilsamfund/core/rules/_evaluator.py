"""Judging subjects by rules: the one path every check, core or plugin, runs through.

The evaluator reads a rule's declared facts from the subject, reuses the finding
made before for equal facts, and otherwise asks the check. It holds the only memory
of findings, for as long as it lives: configuration values hold none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from civilsamfund.core import PluginError, guard
from civilsamfund.core.rules._check import Verdict
from civilsamfund.core.rules._facts import Facts
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
    ``LIMIT``.
    """

    TRIAL = 1_000
    LIMIT = 10_000
    __slots__ = ("findings", "hits", "lookups", "read", "readers", "reusing")

    def __init__(self, readers: tuple[Callable[[Any], Any], ...] = ()) -> None:
        self.findings: dict[Hashable, Finding] = {}
        self.lookups = 0
        self.hits = 0
        self.readers = readers
        """How to read each of the rule's facts from a subject."""
        self.read = readers[0] if len(readers) == 1 else None
        """The one reader of a rule with one fact, the common case."""
        self.reusing = True

    def offer(self, key: Hashable, finding: Finding) -> None:
        """Keep ``finding`` for ``key`` if keeping pays."""
        size = len(self.findings)
        if size >= self.TRIAL and 4 * self.hits < self.lookups:
            self.reusing = False
            self.findings.clear()
        elif size < self.LIMIT:
            self.findings[key] = finding


_UNHASHABLE = object()
"""The key of facts that cannot be hashed, whose findings are never kept."""


class Evaluator:
    """Judges subjects by rules, reusing findings for equal facts while it lives.

    The memo key is the rule's declared facts, a decimal by its written form (``0.5``
    and ``0.50`` are equal numbers, yet a finding records which was given). Make one
    evaluator for a batch and drop it after: it keeps findings by rule.

    A plugin's rule reads each fact and evaluates within the check budget
    (``CIVILSAMFUND_PLUGIN_BUDGET``, read once per evaluator), and whatever its code
    raises is a :class:`PluginError` naming the plugin; the library's own rules are
    called directly.
    """

    __slots__ = ("_memos", "_seconds")

    def __init__(self) -> None:
        self._memos: dict[Rule[Any], Memo] = {}
        self._seconds: float | None = None

    def judge(self, rule: Rule[S], subject: S) -> Finding:
        """The finding of ``rule`` for ``subject``."""
        findings: list[Finding] = []
        self.judge_all((rule,), subject, findings)
        return findings[0]

    def judge_all(self, rules: Iterable[Rule[S]], subject: S, findings: list[Finding]) -> None:
        """Add the finding of each of ``rules`` for ``subject`` to ``findings``.

        The hot path of every assessment: one dictionary lookup per rule when its facts
        were seen before.
        """
        memos = self._memos
        for rule in rules:
            memo = memos.get(rule)
            if memo is None:
                memo = memos[rule] = Memo(self._readers(rule))
            if memo.read is not None:  # one fact: no tuple to build
                value = memo.read(subject)
                values: tuple[Any, ...] | None = None
                key: Hashable = str(value) if type(value) is Decimal else value
            else:
                values = tuple([read(subject) for read in memo.readers])
                key = (
                    tuple([str(v) if type(v) is Decimal else v for v in values])
                    if memo.reusing
                    else _UNHASHABLE
                )
            finding = None
            if memo.reusing:
                try:
                    finding = memo.findings.get(key)
                except TypeError:  # a fact that cannot be hashed: judged afresh, never kept
                    key = _UNHASHABLE
                memo.lookups += 1
            if finding is None:
                finding = self._evaluate(rule, (value,) if values is None else values)
                if memo.reusing and key is not _UNHASHABLE:
                    memo.offer(key, finding)
            else:
                memo.hits += 1
            findings.append(finding)

    def _budget(self) -> float:
        """The seconds each call of a plugin's check may take."""
        if self._seconds is None:
            self._seconds = guard.budget().check
        return self._seconds

    def _readers(self, rule: Rule[Any]) -> tuple[Callable[[Any], Any], ...]:
        """How to read each of ``rule``'s facts: a plugin's rule within its budget."""
        facts = rule.check.FACTS
        if rule.origin == CORE:
            return tuple(fact.read for fact in facts)
        seconds = self._budget()

        def guarded(read: Callable[[Any], Any], name: str) -> Callable[[Any], Any]:
            doing = f"reading the fact {name!r} of rule {rule.id!r}"
            return lambda subject: guard.call(
                rule.origin, doing, "check", read, subject, seconds=seconds
            )

        return tuple(guarded(fact.read, fact.name) for fact in facts)

    def _evaluate(self, rule: Rule[S], values: tuple[Any, ...]) -> Finding:
        check = rule.check
        facts = Facts(dict(zip(check.FACTS, values, strict=True)))
        if rule.origin == CORE:
            verdict = check.evaluate(facts)  # the library's own bugs stay tracebacks
        else:
            doing = f"evaluating rule {rule.id!r}"
            verdict = guard.call(
                rule.origin, doing, "check", check.evaluate, facts, seconds=self._budget()
            )
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
