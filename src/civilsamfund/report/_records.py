"""Reading what other commands wrote: grant decisions (``assess --format json``) and
nomination decisions (``awards check --format json``), keeping only what a report
counts. Read through the pipeline's readers (regular files within the limits, strict
JSON); every problem names the file and the path to the field."""

from __future__ import annotations

import types
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Protocol,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    get_type_hints,
)

import attrs
from attrs import field, frozen

from civilsamfund.core import InputError, Kroner, Problem, Problems, describing, shown
from civilsamfund.core.rules import Outcome
from civilsamfund.reading import DEFAULT_LIMITS, Limits, read_document, screen_for, structurer

if TYPE_CHECKING:
    from civilsamfund.awards import NominationDecision
    from civilsamfund.grants import Decision


class _Record(Protocol):
    """What every record gives: whose decision it is, and what identifies it."""

    @property
    def municipality(self) -> str: ...

    @property
    def key(self) -> str: ...


R = TypeVar("R", bound=_Record)


PLACE = "place"
"""The field of a record that says where it was read: never read from a document."""


class ReportError(InputError):
    """A decision a report cannot count: not one of ours, another municipality's, or
    counted twice."""


@frozen(kw_only=True)
class Ref:
    """What a decision says of a department: its id."""

    id: str


@frozen(kw_only=True)
class RulesDay:
    """What a decision's audit record says of the day whose rules judged it."""

    rules_date: date


@frozen(kw_only=True)
class GrantRecord:
    """A grant decision as a report counts it: its pool, outcome, the amount applied
    for, the department it went to (``None``: not settled) and the day judged."""

    application: str
    municipality: str
    pool: str
    outcome: Outcome
    amount: Kroner
    audit: RulesDay
    department: Ref | None = None
    place: tuple[str, str] | None = field(default=None, eq=False, repr=False)
    """Where the decision was read, as a problem names it: its file (or list) and path;
    ``None`` for a record made in code."""

    @property
    def key(self) -> str:
        return self.application

    @property
    def year(self) -> int:
        """The year a report counts the decision in: that of the day whose rules
        judged it (the day received, unless assessed with ``--on``)."""
        return self.audit.rules_date.year


@frozen(kw_only=True)
class NominationRecord:
    """A nomination decision as a report counts it: its award, year and outcome."""

    nomination: str
    municipality: str
    award: str
    year: int
    outcome: Outcome
    place: tuple[str, str] | None = field(default=None, eq=False, repr=False)
    """Where the decision was read (see :attr:`GrantRecord.place`)."""

    @property
    def key(self) -> str:
        return self.nomination


def _inner(hint: Any) -> type | None:
    """The attrs class a field holds, directly or as an optional."""
    if get_origin(hint) in (Union, types.UnionType):
        return next((arg for arg in get_args(hint) if attrs.has(arg)), None)
    return hint if isinstance(hint, type) and attrs.has(hint) else None


def _only(data: object, model: type | None) -> object:
    """``data`` with only the keys ``model`` reads, at every level: a decision document
    carries much more than a report counts."""
    if model is None or not isinstance(data, dict):
        return data
    hints = get_type_hints(model)
    return {
        field.name: _only(data[field.name], _inner(hints[field.name]))
        for field in attrs.fields(cast(Any, model))
        if field.name in data and field.name != PLACE  # the reader's to say, not the file's
    }


def read_records(
    paths: Sequence[str | Path],
    model: type[R],
    key: str,
    municipality: str,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[R, ...]:
    """The records in the decision documents ``paths`` (JSON arrays, or objects with a
    ``key`` list): each of ``municipality``, each once. Raises :class:`ReportError`
    naming every problem.

    Only the fields a record reads are kept, and those are screened for CPR numbers as
    any input is; the rest of a decision is not, as a configuration's fingerprint can
    look like one.
    """
    read, screen = structurer(model, ReportError), screen_for(limits)
    found = Problems(limits.max_problems)
    records: list[R] = []
    seen: dict[str, str] = {}
    for path in paths:
        document = read_document(path, key, limits, ReportError, personal=False)
        for index, item in enumerate(document.items):
            where = document.where(index)
            kept = _only(item, model)
            try:
                screen.require(kept, document.source, where, ReportError, limits.max_problems)
                with describing(limits.max_problems):
                    record = read(kept, document.source, where)
            except ReportError as exc:
                found.extend(exc.problems, exc.more)
                continue
            if _admitted(record, municipality, document.source, where, seen, found):
                records.append(_placed(record, document.source, where))
    found.raise_as(ReportError)
    return tuple(records)


def _admitted(
    record: _Record,
    municipality: str,
    source: str,
    where: str,
    seen: dict[str, str],
    found: Problems,
) -> bool:
    """Whether a report counts ``record``: one of ``municipality``'s decisions, not
    ``seen`` before; else the problem is ``found``."""
    name, identity = record.municipality, record.key
    if name != municipality:
        message = f"expected a decision of {municipality!r}, got one of {shown(name)}"
        found.add(Problem.at(source, f"{where}.municipality", message))
    elif identity in seen:
        message = f"expected each decision once, got {shown(identity)} again ({seen[identity]})"
        found.add(Problem.at(source, where, message))
    else:
        seen[identity] = f"first in {source} at {where}"
        return True
    return False


def _placed(record: R, source: str, where: str) -> R:
    """``record`` knowing where it was read, for a problem found with it later."""
    return cast(R, attrs.evolve(cast(Any, record), place=(source, where)))


def _admitted_all(records: Iterable[R], municipality: str, source: str) -> tuple[R, ...]:
    """``records`` made in memory, refused as :func:`read_records` refuses them in files:
    each problem named by ``source`` and the decision's place in it."""
    found = Problems(DEFAULT_LIMITS.max_problems)
    seen: dict[str, str] = {}
    kept = tuple(
        _placed(record, source, f"[{index}]")
        for index, record in enumerate(records)
        if _admitted(record, municipality, source, f"[{index}]", seen, found)
    )
    found.raise_as(ReportError)
    return kept


def records_of_decisions(
    decisions: Iterable[Decision], municipality: str
) -> tuple[GrantRecord, ...]:
    """The records of grant decisions made in memory (:func:`civilsamfund.grants.assess`),
    to report on without writing them to files first: each of ``municipality``, each
    once, as :func:`read_records` requires. Raises :class:`ReportError` naming each
    problem by the decision's place in ``decisions``."""
    records = (
        GrantRecord(
            application=d.application,
            municipality=d.municipality,
            pool=d.pool,
            outcome=d.outcome,
            amount=d.amount,
            audit=RulesDay(rules_date=d.audit.rules_date),
            department=None if d.department is None else Ref(id=d.department.id),
        )
        for d in decisions
    )
    return _admitted_all(records, municipality, "decisions")


def records_of_nominations(
    decisions: Iterable[NominationDecision], municipality: str
) -> tuple[NominationRecord, ...]:
    """The records of nomination decisions made in memory
    (:func:`civilsamfund.awards.assess`), as :func:`records_of_decisions` gives
    those of grants."""
    records = (
        NominationRecord(
            nomination=d.nomination,
            municipality=d.municipality,
            award=d.award,
            year=d.year,
            outcome=d.outcome,
        )
        for d in decisions
    )
    return _admitted_all(records, municipality, "nominations")
