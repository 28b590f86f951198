"""Policy cases as data: a subject, a date, and the decision the rules must give.

A case file is ``municipalities/<slug>/cases/<name>.toml``::

    [base]                      # optional: facts every case starts from
    pool = "paragraf18"

    [[cases]]
    name = "exactly half the work by volunteers is not primarily"
    on = 2025-09-01             # optional: the rules' date (default: received)
    application = { id = "c1", amount = "5000", ... }   # merged over [base]
    expect = { outcome = "ineligible", criteria = { "O18-7" = "fail" } }

A case gives its subject under the key its domain declares
(:class:`civilsamfund.Cases`): ``application`` (a grant application), ``task`` (a
volunteer task), ``nomination`` (a nomination for an award), ``proposal`` (a proposed
forum membership), ``strategy`` (a strategy by ``id``, on the case's ``on``), or a
plugin domain's own. It is merged over ``base`` table by table (a value in the case
wins; lists are replaced whole); ``replace = ["applicant"]`` takes a table from the case
whole, which is how a case leaves a fact out. ``expect`` names at least one of: the
outcome, the status of any criteria, facts a criterion records, the facts named as
missing, an error the decision must raise, and what the domain's decisions add (its
``Cases.expect``): for an application the department (or the candidates when it is
unsettled), the auditor, the round, the legal bases and the appeal; for a task the ids
of the obligations it gives; for a nomination the award's target group that year; for a
strategy its state on the day.

A test repository of its own targets an installed municipality with a top-level
``municipality = "odense"`` in each case file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from civilsamfund.config import MUNICIPALITY, Municipality
from civilsamfund.core import CivilsamfundError, InputError, Problems, own_or_guarded
from civilsamfund.core.rules import Outcome, Status
from civilsamfund.plugins import (
    Cases,
    Mismatch,
    Plugins,
    installed,
    load_municipality,
    plain,
)
from civilsamfund.reading import (
    DEFAULT_LIMITS,
    decoded,
    parse_toml,
    read_bytes,
    require_values,
    screen_for,
    structure,
)

CASES_DIRECTORY = "cases"


@frozen(kw_only=True)
class _Common:
    """What a case may expect of any decision; anything left out is not checked."""

    outcome: Outcome | None = None
    criteria: Mapping[str, Status] = field(factory=dict)
    missing: tuple[str, ...] | None = None
    """The names of every fact the decision names as missing, in any order."""
    recorded: Mapping[str, Mapping[str, Any]] = field(factory=dict)
    """Facts a criterion's finding must record: ``{"ODV-ENTRY" = {department = "..."}}``."""
    error: str | None = None
    """Text the error message must contain, for a case whose assessment must fail."""


@frozen(kw_only=True)
class Expectation(_Common):
    """What a case expects of the decision: what any decision gives, and in :attr:`more`
    what its domain's decisions add, an instance of its ``Cases.expect``."""

    more: Any = None
    """What the domain's decisions add, as its ``Cases.expect`` reads it; ``None`` for none."""


_COMMON = frozenset(a.name for a in attrs.fields(_Common))


@frozen(kw_only=True)
class _Given:
    """A case as written, less its subject and what its domain's decisions add."""

    name: str
    expect: _Common
    on: date | None = None
    replace: tuple[str, ...] = ()


@frozen(kw_only=True)
class Case:
    """One policy case: its subject as written under the key of its kind (``task``)."""

    name: str
    kind: str
    subject: Mapping[str, Any]
    expect: Expectation
    on: date | None = None
    replace: tuple[str, ...] = ()
    """Tables of the subject that replace the base's whole instead of merging."""


@frozen(kw_only=True)
class _GivenFile:
    cases: tuple[Mapping[str, Any], ...]
    base: Mapping[str, Any] = field(factory=dict)
    municipality: str | None = None


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


def case_kinds(plugins: Plugins | None = None) -> dict[str, tuple[Cases[Any, Any], str]]:
    """Every kind of case the domains declare, with the plugin that gives it, by the key
    a case gives its subject under."""
    plugins = installed() if plugins is None else plugins
    return {
        cases.key: (cases, plugin) for domain, plugin in plugins.domains() for cases in domain.cases
    }


def read_case_file(path: Path, plugins: Plugins | None = None) -> CaseFile:
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
    given = structure(data, _GivenFile, source)
    kinds = {key: kind for key, (kind, _) in case_kinds(plugins).items()}
    found = Problems()
    cases = []
    for index, raw in enumerate(given.cases):
        try:
            cases.append(_case(raw, kinds, source, f"cases[{index}]"))
        except InputError as exc:
            found.extend(exc.problems, exc.more)
    found.raise_as(InputError)
    return CaseFile(cases=tuple(cases), base=given.base, municipality=given.municipality)


def _case(
    raw: Mapping[str, Any], kinds: Mapping[str, Cases[Any, Any]], source: str, at: str
) -> Case:
    """One case: its subject under exactly one kind's key, what it expects split into
    what every decision gives and what its domain's add."""
    keys = [key for key in raw if key in kinds]
    if len(keys) != 1:
        named = [f"`{key}` ({kinds[key].what})" for key in sorted(kinds)]
        listed = f"{', '.join(named[:-1])} or {named[-1]}" if len(named) > 1 else named[0]
        first = keys[0] if keys else min(kinds)
        raise InputError.at(
            source, f"{at}.{first}", f"expected the case's subject: one of {listed}"
        )
    kind = kinds[keys[0]]
    given = {k: v for k, v in raw.items() if k != kind.key}
    own = _fields(kind)
    expect = given.get("expect")
    more = None
    if isinstance(expect, Mapping):
        elsewhere = {name for other in kinds.values() for name in _fields(other)} - own
        for name in expect:
            if name in elsewhere:
                raise InputError.at(
                    source,
                    f"{at}.expect.{name}",
                    f"expected only what the decision on a case's {kind.key} gives; it has "
                    f"no {name}",
                )
        # what no domain knows is left for the reader of what every decision gives to refuse
        given["expect"] = {k: v for k, v in expect.items() if k not in own}
        added = {k: v for k, v in expect.items() if k in own}
        if kind.expect is not None and added:
            more = structure(added, kind.expect, source, f"{at}.expect")
    case = structure(given, _Given, source, at)
    expectation = Expectation(**attrs.asdict(case.expect, recurse=False), more=more)
    if expectation == Expectation():
        raise InputError.at(
            source,
            f"{at}.expect",
            "expected at least one thing to check (outcome, criteria, recorded, missing, "
            "error, or what the decision adds), got none",
        )
    subject = raw[kind.key]
    if not isinstance(subject, Mapping):
        raise InputError.at(source, f"{at}.{kind.key}", f"expected a table, got {subject!r}")
    return Case(
        name=case.name,
        kind=kind.key,
        subject=subject,
        expect=expectation,
        on=case.on,
        replace=case.replace,
    )


def _fields(kind: Cases[Any, Any]) -> set[str]:
    """What a kind's decisions add that a case may expect."""
    return set() if kind.expect is None else {a.name for a in attrs.fields(kind.expect)}


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


def run_case(
    municipality: Municipality,
    path: Path,
    index: int,
    case_file: CaseFile,
    plugins: Plugins | None = None,
) -> CaseResult:
    """Decide one case and compare the decision with what it expects."""
    case = case_file.cases[index]
    expect = case.expect
    base = {k: v for k, v in case_file.base.items() if k not in case.replace}
    data = merged(base, case.subject)
    kind, plugin = case_kinds(plugins)[case.kind]
    doing = f"deciding the case {case.name!r}"
    try:
        subject = structure(data, kind.model, str(path), f"cases[{index}].{case.kind}", kind.error)
        decision = own_or_guarded(
            plugin,
            doing,
            None,
            kind.decide,
            municipality,
            subject,
            case.on,
            passing=(CivilsamfundError,),
        )
        mismatches = list(_compare(expect, decision))
        more = expect.more
        if more is not None:
            mismatches += own_or_guarded(plugin, doing, None, kind.mismatches, more, decision)
    except CivilsamfundError as exc:
        message = str(exc)
        if expect.error is not None and expect.error in message:
            return CaseResult(file=path, name=case.name)
        return CaseResult(
            file=path,
            name=case.name,
            mismatches=(Mismatch(field="error", expected=expect.error, got=message),),
        )
    return CaseResult(file=path, name=case.name, mismatches=tuple(mismatches))


def _compare(expect: Expectation, decision: Any) -> Iterator[Mismatch]:
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
            got = plain(recorded.get(criterion, {}).get(name))
            if got != plain(value):
                yield Mismatch(field=f"recorded.{criterion}.{name}", expected=value, got=got)
    if expect.missing is not None:
        named = sorted({fact for finding in decision.findings for fact in finding.missing})
        if sorted(expect.missing) != named:
            yield Mismatch(field="missing", expected=sorted(expect.missing), got=named)


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
            case_file = read_case_file(file, plugins)
            key = target(file, case_file)
            municipality = loaded.get(key)
            if municipality is None:
                municipality = loaded[key] = load_municipality(key, plugins)
            results.extend(
                run_case(municipality, file, index, case_file, plugins)
                for index in range(len(case_file.cases))
            )
    return results
