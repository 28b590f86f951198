"""Policy cases as data: a subject, a date, and the decision the rules must give.

A case file is ``municipalities/<slug>/cases/<name>.toml``::

    [base]                      # optional: facts every case starts from
    pool = "paragraf18"

    [[cases]]
    name = "exactly half the work by volunteers is not primarily"
    on = 2025-09-01             # optional: the rules' date (default: received)
    application = { id = "c1", amount = "5000", ... }   # merged over [base]
    expect = { outcome = "ineligible", criteria = { "O18-7" = "fail" } }

A case gives its subject under the key of its kind: ``application`` (a grant
application), ``task`` (a volunteer task), ``nomination`` (a nomination for an award),
``proposal`` (a proposed forum membership) or ``strategy`` (a strategy by ``id``, on
the case's ``on``). It is merged over ``base`` table by table (a value in the case
wins; lists are replaced whole); ``replace = ["applicant"]`` takes a table from the
case whole, which is how a case leaves a fact out. ``expect``
names at least one of: the outcome, the status of any criteria, facts a criterion
records, the facts named as missing, an error the decision must raise, and what the
kind of decision adds: for an application the department (or the candidates when it is
unsettled), the auditor, the round, the legal bases and the appeal; for a task the ids
of the obligations it gives; for a nomination the award's target group that year; for
a strategy its state on the day.

A test repository of its own targets an installed municipality with a top-level
``municipality = "odense"`` in each case file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from attrs import field, frozen

from civilsamfund._municipality import Municipality
from civilsamfund.awards._assessment import NominationDecision
from civilsamfund.awards._assessment import assess as assess_nomination
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Nomination
from civilsamfund.config._converter import structure
from civilsamfund.config._discovery import load_municipality
from civilsamfund.config._sections import MUNICIPALITY
from civilsamfund.config._toml import parse_toml
from civilsamfund.core._errors import CivilsamfundError, FieldValueError, InputError
from civilsamfund.core._references import refers
from civilsamfund.core.rules._findings import Outcome, Status
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._assessment import assess
from civilsamfund.grants._decision import Decision, RoundKind
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.organisation._assessment import ForumDecision
from civilsamfund.organisation._assessment import assess as assess_proposal
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.pipeline._files import decoded, read_bytes
from civilsamfund.pipeline._limits import DEFAULT_LIMITS, require_values
from civilsamfund.pipeline._screen import screen_for
from civilsamfund.plugins._manager import Plugins
from civilsamfund.strategy._errors import StrategyError
from civilsamfund.strategy._status import StrategyState, StrategyStatus, strategy_status
from civilsamfund.volunteers._assessment import TaskDecision
from civilsamfund.volunteers._assessment import assess as assess_task
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._task import VolunteerTask

CASES_DIRECTORY = "cases"


@frozen(kw_only=True)
class Expectation:
    """What a case expects of the decision; anything left out is not checked."""

    outcome: Outcome | None = None
    criteria: Mapping[str, Status] = field(factory=dict)
    department: str | None = None
    department_candidates: tuple[str, ...] | None = None
    auditor: str | None = None
    round_kind: RoundKind | None = None
    round_year: int | None = None
    legal_bases: tuple[str, ...] | None = None
    appeal: str | None = None
    """Text the appeal statement must contain (in Danish or English); ``""`` for none."""
    missing: tuple[str, ...] | None = None
    """The names of every fact the decision names as missing, in any order."""
    recorded: Mapping[str, Mapping[str, Any]] = field(factory=dict)
    """Facts a criterion's finding must record: ``{"ODV-ENTRY" = {department = "..."}}``."""
    obligations: tuple[str, ...] | None = None
    """The ids of every obligation a task's decision gives, in any order."""
    target_group: str | None = None
    """The award's target group in a nomination's year; ``""`` for none."""
    state: StrategyState | None = None
    """Where a strategy stands on the case's day."""
    error: str | None = None
    """Text the error message must contain, for a case whose assessment must fail."""


_ONLY = {
    "application": (
        "department",
        "department_candidates",
        "auditor",
        "round_kind",
        "round_year",
        "legal_bases",
        "appeal",
    ),
    "task": ("obligations",),
    "nomination": ("target_group",),
    "proposal": (),
    "strategy": ("state",),
}
"""What only one kind of decision gives, by the key of its subject."""


@frozen(kw_only=True)
class Case:
    """One policy case: its subject is under the key of its kind (``application``,
    ``task``, ``nomination``, ``proposal`` or ``strategy``), whichever it gives."""

    name: str
    expect: Expectation
    application: Mapping[str, Any] | None = None
    task: Mapping[str, Any] | None = None
    nomination: Mapping[str, Any] | None = None
    proposal: Mapping[str, Any] | None = None
    strategy: Mapping[str, Any] | None = None
    on: date | None = None
    replace: tuple[str, ...] = ()
    """Tables of the subject that replace the base's whole instead of merging."""

    def __attrs_post_init__(self) -> None:
        given = [key for key in _KINDS if getattr(self, key) is not None]
        if len(given) != 1:
            raise FieldValueError(
                "application",
                "expected the case's subject: one of `application` (a grant application), "
                "`task` (a volunteer task), `nomination` (a nomination for an award), "
                "`proposal` (a proposed forum membership) or `strategy` (a strategy by id)",
            )
        if self.expect == Expectation():
            raise FieldValueError(
                "expect",
                "expected at least one thing to check (outcome, criteria, recorded, missing, "
                "error, or what the decision adds), got none",
            )
        wrong = [
            name
            for key, names in _ONLY.items()
            if key != self.kind
            for name in names
            if getattr(self.expect, name) is not None
        ]
        if wrong:
            raise FieldValueError(
                f"expect.{wrong[0]}",
                f"expected only what the decision on a case's {self.kind} gives; it has no "
                f"{wrong[0]}",
            )

    @property
    def kind(self) -> str:
        """The key the case gives its subject under: ``application``, ``task``,
        ``nomination``, ``proposal`` or ``strategy``."""
        return next(key for key in _KINDS if getattr(self, key) is not None)

    @property
    def subject(self) -> Mapping[str, Any]:
        """The case's subject as written, before it is merged over the base."""
        subject: Mapping[str, Any] = getattr(self, self.kind)
        return subject


@frozen(kw_only=True)
class CaseFile:
    """A case file: ``base`` facts and the cases.

    ``municipality`` names the municipality the cases are for, by slug (an installed
    one) or by path; without it, the cases are for the municipality directory that
    holds the file's ``cases`` folder.
    """

    cases: tuple[Case, ...]
    base: Mapping[str, Any] = field(factory=dict)
    municipality: str | None = None


@frozen(kw_only=True)
class Mismatch:
    """One way a decision differs from what its case expects."""

    field: str
    expected: object
    got: object


@frozen(kw_only=True)
class CaseResult:
    """A case run: passed when there is no mismatch."""

    file: Path
    name: str
    mismatches: tuple[Mismatch, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether the decision met every expectation."""
        return not self.mismatches

    def lines(self) -> list[str]:
        """One line per mismatch: case, field, expected, got."""
        return [
            f"{self.file}::{self.name}: {m.field}: expected {m.expected!r}, got {m.got!r}"
            for m in self.mismatches
        ]


def read_case_file(path: Path) -> CaseFile:
    """Read and check a case file's shape; raises :class:`InputError` naming every problem."""
    source = str(path)
    text = decoded(read_bytes(path, DEFAULT_LIMITS.max_file_bytes), source)
    require_values(text, DEFAULT_LIMITS.max_values, source, InputError, toml=True)
    data = parse_toml(text, source, depth=DEFAULT_LIMITS.max_depth)
    # Bounded like any input, but not screened for CPR numbers: a case may hold one to
    # show that the reader of its subject refuses it.
    screen_for(DEFAULT_LIMITS, personal=False).require(
        data, source, "", InputError, DEFAULT_LIMITS.max_problems
    )
    return structure(data, CaseFile, source)


def merged(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """``overrides`` over ``base``, table by table; neither is changed."""
    result = dict(base)
    for key, value in overrides.items():
        below = result.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            result[key] = merged(below, value)
        else:
            result[key] = value
    return result


def run_case(municipality: Municipality, path: Path, index: int, case_file: CaseFile) -> CaseResult:
    """Decide one case and compare the decision with what it expects."""
    case = case_file.cases[index]
    expect = case.expect
    base = {k: v for k, v in case_file.base.items() if k not in case.replace}
    data = merged(base, case.subject)
    kind = _KINDS[case.kind]
    try:
        subject = structure(data, kind.model, str(path), f"cases[{index}].{case.kind}", kind.error)
        decision = kind.decide(municipality, subject, case.on)
    except CivilsamfundError as exc:
        message = str(exc)
        if expect.error is not None and expect.error in message:
            return CaseResult(file=path, name=case.name)
        return CaseResult(
            file=path,
            name=case.name,
            mismatches=(Mismatch(field="error", expected=expect.error, got=message),),
        )
    mismatches = (*_compare(expect, decision), *kind.compare(expect, decision))
    return CaseResult(file=path, name=case.name, mismatches=mismatches)


Decided = Decision | TaskDecision | NominationDecision | ForumDecision | StrategyStatus


@frozen(kw_only=True)
class _Kind:
    """How cases of one kind of subject are read, decided and compared."""

    model: type[Any]
    error: type[InputError]
    decide: Callable[[Municipality, Any, date | None], Any]
    compare: Callable[[Expectation, Any], Iterator[Mismatch]]


def _compare(expect: Expectation, decision: Decided) -> Iterator[Mismatch]:
    """What every kind of decision is compared by: the error, the outcome, the criteria."""
    if expect.error is not None:
        yield Mismatch(field="error", expected=expect.error, got=None)
    outcome = getattr(decision, "outcome", None)  # a strategy's status has a state instead
    if expect.outcome is not None and outcome is not expect.outcome:
        got = None if outcome is None else outcome.value
        yield Mismatch(field="outcome", expected=expect.outcome.value, got=got)
    statuses = {finding.criterion: finding.status.value for finding in decision.findings}
    for criterion, status in expect.criteria.items():
        if statuses.get(criterion) != status.value:
            yield Mismatch(
                field=f"criteria.{criterion}", expected=status.value, got=statuses.get(criterion)
            )
    recorded = {finding.criterion: finding.facts for finding in decision.findings}
    for criterion, facts in expect.recorded.items():
        for name, value in facts.items():
            got = _plain(recorded.get(criterion, {}).get(name))
            if got != _plain(value):
                yield Mismatch(field=f"recorded.{criterion}.{name}", expected=value, got=got)
    if expect.missing is not None:
        named = sorted({fact for finding in decision.findings for fact in finding.missing})
        if sorted(expect.missing) != named:
            yield Mismatch(field="missing", expected=sorted(expect.missing), got=named)


def _plain(value: object) -> object:
    """A recorded value as TOML writes it: tuples as lists."""
    return [_plain(item) for item in value] if isinstance(value, tuple | list) else value


def _compare_task(expect: Expectation, decision: TaskDecision) -> Iterator[Mismatch]:
    given = sorted(obligation.id for obligation in decision.obligations)
    if expect.obligations is not None and sorted(expect.obligations) != given:
        yield Mismatch(field="obligations", expected=sorted(expect.obligations), got=given)


def _compare_nomination(expect: Expectation, decision: NominationDecision) -> Iterator[Mismatch]:
    group = decision.target_group or ""
    if expect.target_group is not None and expect.target_group != group:
        yield Mismatch(field="target_group", expected=expect.target_group, got=group)


def _compare_strategy(expect: Expectation, status: StrategyStatus) -> Iterator[Mismatch]:
    if expect.state is not None and status.state is not expect.state:
        yield Mismatch(field="state", expected=expect.state.value, got=status.state.value)


@frozen(kw_only=True)
class StrategyCase:
    """A strategy case's subject: the strategy, by id; the day is the case's ``on``."""

    id: str = field(metadata=refers("strategy"))


def _strategy_on(municipality: Municipality, case: StrategyCase, on: date | None) -> StrategyStatus:
    if on is None:
        raise StrategyError.at("", "on", "expected the day a strategy case asks about")
    (status,) = strategy_status(municipality, on, case.id)
    return status


def _compare_grant(expect: Expectation, decision: Decision) -> Iterator[Mismatch]:
    department = decision.department.id if decision.department else None
    if expect.department is not None and department != expect.department:
        yield Mismatch(field="department", expected=expect.department, got=department)
    candidates = decision.department_candidates
    if expect.department_candidates is not None and candidates != expect.department_candidates:
        yield Mismatch(
            field="department_candidates",
            expected=list(expect.department_candidates),
            got=list(candidates),
        )
    auditor = decision.auditor.id if decision.auditor else None
    if expect.auditor is not None and auditor != expect.auditor:
        yield Mismatch(field="auditor", expected=expect.auditor, got=auditor)
    round_ = decision.round
    kind = round_.kind if round_ else None
    if expect.round_kind is not None and kind is not expect.round_kind:
        yield Mismatch(
            field="round_kind", expected=expect.round_kind.value, got=kind.value if kind else None
        )
    year = round_.year if round_ else None
    if expect.round_year is not None and year != expect.round_year:
        yield Mismatch(field="round_year", expected=expect.round_year, got=year)
    if expect.legal_bases is not None and decision.legal_bases != expect.legal_bases:
        yield Mismatch(
            field="legal_bases", expected=list(expect.legal_bases), got=list(decision.legal_bases)
        )
    if expect.appeal is not None and not _appeal_matches(expect.appeal, decision):
        appeal = decision.appeal.en if decision.appeal else None
        yield Mismatch(field="appeal", expected=expect.appeal, got=appeal)


def _appeal_matches(expected: str, decision: Decision) -> bool:
    appeal = decision.appeal
    if not expected:
        return appeal is None
    return appeal is not None and (expected in appeal.da or expected in appeal.en)


_KINDS: Mapping[str, _Kind] = {
    "application": _Kind(
        model=GrantApplication, error=ApplicationError, decide=assess, compare=_compare_grant
    ),
    "task": _Kind(model=VolunteerTask, error=TaskError, decide=assess_task, compare=_compare_task),
    "nomination": _Kind(
        model=Nomination, error=AwardError, decide=assess_nomination, compare=_compare_nomination
    ),
    "proposal": _Kind(
        model=ForumProposal, error=ForumError, decide=assess_proposal, compare=lambda *_: iter(())
    ),
    "strategy": _Kind(
        model=StrategyCase, error=StrategyError, decide=_strategy_on, compare=_compare_strategy
    ),
}


def case_files(path: Path) -> Iterator[Path]:
    """The case files under ``path``: a municipality directory, a cases directory (in a
    municipality or in a test repository of its own), or one case file."""
    if path.is_file():
        yield path
    elif (path / MUNICIPALITY).is_file():
        yield from sorted((path / CASES_DIRECTORY).glob("*.toml"))
    elif path.is_dir():
        yield from sorted(path.glob("*.toml"))
    else:
        raise InputError.at(
            str(path), "", "expected a municipality directory, a cases directory or a case file"
        )


def target(file: Path, case_file: CaseFile) -> str | Path:
    """What the cases of ``file`` are for: the slug or path it names, or the municipality
    directory that holds its ``cases`` folder."""
    if case_file.municipality is not None:
        return case_file.municipality
    directory = file.parent.parent
    if not (directory / MUNICIPALITY).is_file():
        raise InputError.at(
            str(file),
            "municipality",
            "expected the slug of the municipality the cases are for, as the file is not in a "
            "municipality directory's cases folder",
        )
    return directory


def run_cases(paths: Iterable[str | Path], plugins: Plugins | None = None) -> list[CaseResult]:
    """Run every case under ``paths`` (municipality directories, case directories or files)."""
    loaded: dict[str | Path, Municipality] = {}
    results: list[CaseResult] = []
    for path in paths:
        for file in case_files(Path(path)):
            case_file = read_case_file(file)
            key = target(file, case_file)
            municipality = loaded.get(key)
            if municipality is None:
                municipality = loaded[key] = load_municipality(key, plugins)
            results.extend(
                run_case(municipality, file, index, case_file)
                for index in range(len(case_file.cases))
            )
    return results
