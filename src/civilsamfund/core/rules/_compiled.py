"""Rule sets compiled to one function: each fact read once, every status and the outcome
decided inline, findings made when first read.

As attrs writes a class's ``__init__`` and cattrs its structure hooks, the evaluator
writes Python source once per rule set from what the checks declare
(:func:`~civilsamfund.core.generated_code`, so that a traceback shows the line that
failed). A check that offers ``status(*values)`` is decided by calling it; any other
check is judged as the interpreted evaluator judges it, its finding made at once.
Findings a status stands in for are made from the facts read, by the unchanged check
and a function written with the rule set, only when someone reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, overload

from civilsamfund.core import PluginError, generated_code, guard
from civilsamfund.core.rules._facts import Fact
from civilsamfund.core.rules._findings import Finding, Outcome, RuleKind, Status, outcome
from civilsamfund.core.rules._rule import CORE, Rule

if TYPE_CHECKING:
    from civilsamfund.core.rules._evaluator import Evaluator

S = TypeVar("S")

Make = Callable[[tuple[Any, ...]], tuple[Finding, ...]]
"""How a compiled rule set's record becomes its findings."""


class Findings(Sequence[Finding]):
    """The findings of rules for one subject, in the rules' order, with each rule's
    status and the outcome they add up to.

    From a compiled rule set the statuses and the outcome are known at once and each
    finding is made when the findings are first read (so a plugin's ``evaluate`` that
    fails, fails then); made from findings given, all are there from the start. It is
    a sequence, not a tuple: it compares and hashes as the tuple of its findings and
    pickles as findings given, and ``tuple(findings)`` gives that tuple.
    """

    __slots__ = ("_count", "_made", "_make", "_record", "outcome")
    """``_record`` starts with the statuses; a kept decision's findings hold it alone, one
    object the garbage collector visits, not two."""

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        made = tuple(findings)
        self._count = len(made)
        self._made: tuple[Finding, ...] | None = made
        self._make: Make | None = None
        self._record: tuple[Any, ...] = tuple([finding.status for finding in made])
        self.outcome: Outcome = outcome(made)

    @classmethod
    def later(cls, make: Make, count: int, decided: Outcome, record: tuple[Any, ...]) -> Findings:
        """Findings of ``count`` rules a compiled rule set decided, made from ``record``
        by ``make`` when first read."""
        self = object.__new__(cls)
        self._count = count
        self._made = None
        self._make = make
        self._record = record
        self.outcome = decided
        return self

    @property
    def statuses(self) -> tuple[Status, ...]:
        """Each rule's status, in the rules' order."""
        return self._record[: self._count]

    def _all(self) -> tuple[Finding, ...]:
        made = self._made
        if made is None:
            assert self._make is not None  # only findings made later have no findings yet
            made = self._made = self._make(self._record)
            self._make, self._record = None, self.statuses
        return made

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Finding, ...]: ...
    def __getitem__(self, index: int | slice) -> Finding | tuple[Finding, ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._all())

    def __contains__(self, item: object) -> bool:
        return item in self._all()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings):
            return self._all() == other._all()
        if isinstance(other, tuple):
            return self._all() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())

    def __reduce__(self) -> tuple[type[Findings], tuple[tuple[Finding, ...]]]:
        return (Findings, (self._all(),))


def compile_rules(rules: tuple[Rule[S], ...], evaluator: Evaluator) -> Callable[[S], Findings]:
    """One function judging a subject by ``rules``: each declared fact read once, the
    statuses and the outcome decided inline. Written with it, one function making the
    findings from the record it keeps, for when they are read."""
    slots: dict[Fact[Any, Any], int] = {}
    first_reader: dict[Fact[Any, Any], Rule[Any]] = {}
    for rule in rules:
        for fact in rule.check.FACTS:
            slots.setdefault(fact, len(slots))
            if rule.origin == CORE or fact not in first_reader:
                first_reader[fact] = rule  # a plugin's rule only where no core rule reads it
    names: dict[str, Any] = {
        "Decimal": Decimal,
        "FAIL": Status.FAIL,
        "FLAG": Status.FLAG,
        "INELIGIBLE": Outcome.INELIGIBLE,
        "NEEDS": Outcome.NEEDS_ASSESSMENT,
        "ELIGIBLE": Outcome.ELIGIBLE,
        "later": Findings.later,
        "disagreeing": _disagreeing,
    }
    lines = ["def judge(subject):"]
    for fact, slot in slots.items():
        reader = first_reader[fact]
        if reader.origin == CORE and fact.path is not None:
            lines.append(f"    v{slot} = subject.{fact.path}")
        else:
            names[f"read{slot}"] = evaluator.reader(reader, fact)
            lines.append(f"    v{slot} = read{slot}(subject)")
    judged: set[int] = set()
    made: set[int] = set()
    making: list[str] = []
    found: list[str] = []
    for index, rule in enumerate(rules):
        names[f"rule{index}"] = rule
        names[f"memo{index}"] = memo = evaluator.memo(rule)
        names[f"found{index}"] = memo.findings
        values = [slots[fact] for fact in rule.check.FACTS]
        decide = _status(rule, evaluator)
        if decide is None:
            lines += [*_memo_lines(index, values, judged), f"    s{index} = f{index}.status"]
            found.append(f"f{index}")
            continue
        names[f"status{index}"] = decide
        arguments = ", ".join(f"v{slot}" for slot in values)
        lines.append(f"    s{index} = status{index}({arguments})")
        if rule.kind is not RuleKind.MANDATORY:
            lines.append(f"    if s{index} is FAIL: s{index} = FLAG")
        making += [
            *_memo_lines(index, values, made),
            f"    if f{index}.status is not s{index}:",
            f"        raise disagreeing(rule{index}, s{index}, f{index})",
        ]
        found.append("_")
    statuses = [f"s{index}" for index in range(len(rules))]
    mandatory = [i for i, rule in enumerate(rules) if rule.kind is RuleKind.MANDATORY]
    flagged = f"if {' or '.join(f'{s} is FLAG' for s in statuses) or 'False'}:"
    if mandatory:
        failed = " or ".join(f"s{index} is FAIL" for index in mandatory)
        lines += [f"    if {failed}:", "        decided = INELIGIBLE", f"    el{flagged}"]
    else:
        lines.append(f"    {flagged}")
    lines += ["        decided = NEEDS", "    else:", "        decided = ELIGIBLE"]
    kept = [*statuses, *(f"v{slot}" for slot in slots.values())]
    record = _tuple([*kept, *("None" if f == "_" else f for f in found)])
    lines.append(f"    return later(make, {len(rules)}, decided, {record})")
    lines += [
        "def make(record):",
        f"    {_tuple([*kept, *found])} = record",
        *making,
        f"    return {_tuple([f'f{index}' for index in range(len(rules))])}",
    ]
    exec(generated_code("\n".join(lines) + "\n", "rule set"), names)
    judge: Callable[[S], Findings] = names["judge"]
    return judge


def _memo_lines(index: int, values: list[int], keyed: set[int]) -> list[str]:
    """Lines finding rule ``index``'s finding: the one its memo keeps for equal facts (a
    decimal by its written form), else one made; ``keyed`` holds the facts whose keys
    are made already."""
    lines = [
        f"    k{slot} = str(v{slot}) if type(v{slot}) is Decimal else v{slot}"
        for slot in values
        if slot not in keyed
    ]
    keyed.update(values)
    key = f"k{values[0]}" if len(values) == 1 else _tuple([f"k{slot}" for slot in values])
    return [
        *lines,
        "    try:",
        f"        f{index} = found{index}.get({key})",
        "    except TypeError:  # facts that cannot be hashed are judged afresh",
        f"        f{index} = None",
        f"    if f{index} is None:",
        f"        f{index} = memo{index}.find({_tuple([f'v{slot}' for slot in values])})",
        "    else:",
        f"        memo{index}.hits += 1",
    ]


def _disagreeing(rule: Rule[Any], status: Status, finding: Finding) -> PluginError:
    """The error of a check whose ``status`` and ``evaluate`` disagree on the same facts."""
    return PluginError(
        rule.origin,
        f"rule {rule.id!r} (check {type(rule.check).__name__}): its status gives "
        f"{status.value!r} but its evaluate gives {finding.status.value!r} for the same facts",
    )


def _tuple(items: list[str]) -> str:
    """The source of a tuple of ``items``."""
    return f"({', '.join(items)},)" if items else "()"


def _status(rule: Rule[Any], evaluator: Evaluator) -> Callable[..., Status] | None:
    """How the compiled function decides ``rule``'s status, if its check offers ``status``."""
    if not _offers_status(type(rule.check)):
        return None
    decide: Callable[..., Status] = rule.check.status  # type: ignore[attr-defined]
    if rule.origin == CORE:
        return decide
    seconds = evaluator.budget()
    doing = f"deciding the status of rule {rule.id!r}"

    def guarded(*values: Any) -> Status:
        status = guard.call(rule.origin, doing, "check", decide, *values, seconds=seconds)
        if type(status) is not Status:
            raise PluginError(
                rule.origin,
                f"rule {rule.id!r} (check {type(rule.check).__name__}): status must return "
                f"a civilsamfund.Status, got {status!r}",
            )
        return status

    return guarded


def _offers_status(check: type) -> bool:
    """Whether a check offers ``status`` for its own ``evaluate``: one that overrides
    ``evaluate`` below the class giving ``status`` is judged by its ``evaluate``."""
    order = check.__mro__
    gives = [i for i, cls in enumerate(order) if callable(vars(cls).get("status"))]
    judges = [i for i, cls in enumerate(order) if "evaluate" in vars(cls)]
    return bool(gives) and gives[0] <= judges[0]
