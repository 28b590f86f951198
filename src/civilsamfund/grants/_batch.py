"""Assessing a batch of applications and writing the decisions, on several cores if asked.

A batch is first structured and checked (every application must name a pool and
reserve in force), then assessed and written one decision at a time. With more than
one job, each contiguous chunk runs in a forked worker that inherits the parsed
documents (nothing is pickled on the way in) and writes its decisions to a file of
its own; the chunks are then written out in order. Every problem in the input is
reported, and nothing is written when there is one.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import TextIO

from attrs import frozen

from civilsamfund._municipality import Municipality
from civilsamfund.core._errors import ApplicationError
from civilsamfund.core._problems import Problem
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._assessment import Assessor, PoolRules
from civilsamfund.grants._decision import Decision
from civilsamfund.grants._reading import RawApplications, structure_applications

Render = Callable[[Decision], str]

_CHUNK = 25_000
"""Applications per job that make an extra process worth starting."""


@frozen(kw_only=True)
class Batch:
    """What to assess, by which rules, and how to write each decision.

    Decisions are written as ``prefix``, the rendered decisions joined by
    ``separator``, then ``suffix``.
    """

    municipality: Municipality
    documents: Sequence[RawApplications]
    on: date | None
    render: Render
    prefix: str = ""
    separator: str = "\n"
    suffix: str = "\n"

    def size(self) -> int:
        """How many applications the batch holds."""
        return sum(len(document.items) for document in self.documents)


def default_jobs(batch: Batch) -> int:
    """One job per 25,000 applications, up to the cores there are (where fork exists)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, batch.size() // _CHUNK))


def run(batch: Batch, out: TextIO, jobs: int = 1) -> int:
    """Assess and write the whole batch; returns how many decisions were written."""
    slices = _slices(batch, max(1, jobs))
    assessor = Assessor(batch.municipality)
    if len(slices) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        prepared = _prepared(batch, assessor, slices[0] if slices else [])
        out.write(batch.prefix)
        _write(batch, assessor, prepared, out)
        out.write(batch.suffix)
        return len(prepared)
    with tempfile.TemporaryDirectory(prefix="civilsamfund-") as directory:
        paths = [str(Path(directory) / f"chunk-{index}") for index in range(len(slices))]
        global _running
        _running = batch, assessor
        try:
            with multiprocessing.get_context("fork").Pool(len(slices)) as pool:
                results = pool.starmap(_work_forked, zip(slices, paths, strict=True))
        finally:
            _running = None
        problems = [problem for _, found in results for problem in found]
        if problems:
            raise ApplicationError(problems)
        out.write(batch.prefix)
        for index, path in enumerate(paths):
            if index:
                out.write(batch.separator)
            _copy(path, out)
        out.write(batch.suffix)
        return sum(count for count, _ in results)


def _copy(path: str, out: TextIO) -> None:
    """Append a chunk file to ``out``: as bytes when ``out`` has them, skipping a re-encode."""
    binary = getattr(out, "buffer", None)
    if binary is None or (getattr(out, "encoding", "") or "").lower().replace("-", "") != "utf8":
        with open(path, encoding="utf-8") as chunk:
            shutil.copyfileobj(chunk, out, 1 << 20)
        return
    out.flush()
    with open(path, "rb") as chunk:
        shutil.copyfileobj(chunk, binary, 1 << 20)
    binary.flush()


_Slice = list[tuple[int, int, int]]
"""Per document touched: its index, the first item, and the item after the last."""

_running: tuple[Batch, Assessor] | None = None
"""The batch forked workers work on, set for the life of the pool."""


def _slices(batch: Batch, jobs: int) -> list[_Slice]:
    """The items split into ``jobs`` contiguous slices of nearly equal size."""
    total = batch.size()
    if total == 0:
        return []
    bounds = [total * job // jobs for job in range(jobs + 1)]
    slices: list[_Slice] = []
    for first, last in pairwise(bounds):
        part: _Slice = []
        offset = 0
        for index, document in enumerate(batch.documents):
            start, stop = max(first - offset, 0), min(last - offset, len(document.items))
            if start < stop:
                part.append((index, start, stop))
            offset += len(document.items)
        if part:
            slices.append(part)
    return slices


_Prepared = list[tuple[PoolRules, GrantApplication]]
"""Each application of a slice, with the rules that decide it."""


def _prepared(batch: Batch, assessor: Assessor, part: _Slice) -> _Prepared:
    """A slice's applications, structured and checked assessable, each with its rules;
    raises every problem."""
    applications: list[GrantApplication] = []
    problems: list[Problem] = []
    for index, start, stop in part:
        try:
            applications.extend(structure_applications(batch.documents[index], start, stop))
        except ApplicationError as exc:
            problems.extend(exc.problems)
    prepared: _Prepared = []
    for application in applications:
        try:
            prepared.append((assessor.rules_for(application, batch.on), application))
        except ApplicationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ApplicationError(problems)
    return prepared


def _write(batch: Batch, assessor: Assessor, prepared: _Prepared, out: TextIO) -> None:
    """Decide and write one application at a time, so no more than one decision is held."""
    decide, render = assessor.decide, batch.render
    for number, (rules, application) in enumerate(prepared):
        if number:
            out.write(batch.separator)
        out.write(render(decide(rules, application)))


def _work_forked(part: _Slice, path: str) -> tuple[int, list[Problem]]:
    """In a forked worker: write one slice's decisions to ``path``, or return its problems."""
    assert _running is not None
    batch, assessor = _running
    try:
        prepared = _prepared(batch, assessor, part)
    except ApplicationError as exc:
        return 0, list(exc.problems)
    with open(path, "w", encoding="utf-8") as out:
        _write(batch, assessor, prepared, out)
    return len(prepared), []
