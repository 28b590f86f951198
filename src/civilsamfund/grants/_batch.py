"""Assessing a batch of application files and writing the decisions, whole or not at all.

The grants domain's part of a batch: how an application is prepared (structured, and
checked to name a pool, reserve, target groups and facts in force) and how its
decision is rendered. Reading, limits, workers, the output file and the end record
are the pipeline's (:mod:`civilsamfund.pipeline`), the same for every domain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from civilsamfund.config import Municipality
from civilsamfund.core import Language
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._assessment import Assessor, PoolRules
from civilsamfund.grants._decision import Decision
from civilsamfund.grants._errors import ApplicationError
from civilsamfund.pipeline import Inputs, Output, Steps, layout_for, write
from civilsamfund.reading import DEFAULT_LIMITS, Limits, structurer

Format = Literal["text", "json", "jsonl"]
"""``text``: decision letters' justifications; ``json``: a JSON array of decision
documents; ``jsonl``: one decision document per line, then the end record."""

Prepared = tuple[PoolRules, GrantApplication]


def grant_steps(
    assessor: Assessor, on: date | None, render: Callable[[Decision], bytes]
) -> Steps[Prepared]:
    """How a batch prepares, judges and names a grant application."""

    read = structurer(GrantApplication, ApplicationError)

    def prepare(item: Any, source: str, path: str) -> Prepared:
        application = read(item, source, path)
        try:
            return assessor.rules_for(application, on), application
        except ApplicationError as exc:
            raise exc.within(source, path) from None

    decide = assessor.decide

    def judge(prepared: Prepared) -> bytes:
        return render(decide(*prepared))

    return Steps(
        key="applications",
        prepare=prepare,
        judge=judge,
        identify=lambda prepared: prepared[1].id,
        error=ApplicationError,
    )


def renderer(
    format: Format, language: Language, compact: bool = False
) -> Callable[[Decision], bytes]:
    """How a decision is written in ``format``, as UTF-8 (``compact``: see
    :class:`JsonWriter`)."""
    if format == "text":
        from civilsamfund.grants._letter import render_text

        return lambda decision: render_text(decision, language).encode()
    from civilsamfund.grants._document import JsonWriter

    return JsonWriter(language, compact).encode_bytes


def write_decisions(
    municipality: Municipality,
    files: Sequence[str | Path],
    output: Output = None,
    *,
    format: Format = "json",
    language: Language = "da",
    on: date | None = None,
    jobs: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    compact: bool = False,
) -> int:
    """Assess the applications in ``files`` and write every decision; returns the count.

    ``files`` are ``.json``/``.toml`` documents or ``.jsonl`` streams (``-`` is standard
    input). ``output`` is a path, written under a temporary name and renamed into place
    only when every decision is written (a failure leaves it as it was), or a stream,
    binary or text (default: standard output). Raises :class:`ApplicationError` for bad
    input, :class:`ItemError` when assessing one application fails, and
    :class:`OutputError` when the output cannot be written. ``compact`` gives the
    findings that passed by criterion id only (JSON formats).
    """
    layout = layout_for(format)
    steps = grant_steps(Assessor(municipality), on, renderer(format, language, compact))
    return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs)
