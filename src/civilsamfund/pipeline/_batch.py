"""Running a batch: every item prepared, judged and written, or nothing written.

A domain supplies :class:`Steps`: how to prepare an item (structure it and check it
can be judged, raising an :class:`InputError` naming what is wrong), how to judge and
render a prepared item as bytes, and how to name it in an error. The batch does the
rest the same way for every domain:

* documents (JSON, TOML) are prepared in full before anything is written, so a bad
  item anywhere means no output; with several jobs, contiguous slices run in forked
  workers (see :mod:`._workers`) and their output is joined in order;
* streams (JSON Lines) are prepared and written one item at a time in flat memory; a
  problem stops the writing, the rest is still checked so that every problem is
  reported, and the output ends without its end record;
* a failure while judging an item is an :class:`ItemError` naming file, path and id;
* every result is screened as it is made (:func:`._screen.screened_result`): no CPR
  number and no raw control character is written, whoever put it there.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import IO, Any, Generic, TextIO, TypeVar, cast

from attrs import field, frozen

from civilsamfund.core import (
    CivilsamfundError,
    InputError,
    ItemError,
    Problems,
    describing,
    shown,
    timed,
)
from civilsamfund.pipeline._output import Layout, Sink, atomic_output, binary
from civilsamfund.pipeline._workers import can_fork, in_workers
from civilsamfund.reading import (
    DEFAULT_LIMITS,
    Document,
    Limits,
    is_stream,
    read_document,
    screened_result,
    source_name,
    stream_items,
)

P = TypeVar("P")

_PER_JOB = 25_000
"""Items per job that make an extra process worth starting."""


@frozen(kw_only=True)
class Steps(Generic[P]):
    """What a domain does with each item of a batch."""

    key: str
    """The key a document's list of items may sit under (``applications``)."""
    prepare: Callable[[Any, str, str], P] = field(eq=False)
    """Structure an item given its source and path, and check it can be judged."""
    judge: Callable[[P], bytes] = field(eq=False)
    """Judge a prepared item and render the result."""
    identify: Callable[[P], str] = field(eq=False)
    """The item's id, as an error names it."""
    error: type[InputError] = InputError


@frozen(kw_only=True)
class Inputs:
    """The files of a batch, read as documents or streams by their names."""

    paths: Sequence[str | Path]
    limits: Limits = DEFAULT_LIMITS

    def documents(self, steps: Steps[Any]) -> list[Document] | None:
        """Every input read whole, or ``None`` when one is a stream."""
        if any(is_stream(path) for path in self.paths):
            return None
        return [read_document(path, steps.key, self.limits, steps.error) for path in self.paths]


def default_jobs(documents: Sequence[Document]) -> int:
    """One job per 25,000 items, up to the cores there are (where workers can fork)."""
    if not can_fork():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, sum(len(d.items) for d in documents) // _PER_JOB))


Output = str | Path | IO[bytes] | TextIO | None
"""Where a batch writes: a path (replaced only once every result is written), a binary
or text stream, or ``None`` for standard output."""


def write(
    steps: Steps[Any], inputs: Inputs, output: Output, layout: Layout, jobs: int | None
) -> int:
    """Run the batch into ``output`` in ``layout``; returns the count of results."""
    if output is None or not isinstance(output, str | Path):
        stream = sys.stdout.buffer if output is None else output
        out = (
            binary(cast("TextIO", stream))
            if isinstance(stream, io.TextIOBase)
            else cast("IO[bytes]", stream)
        )
        name = "<stdout>" if output is None else getattr(output, "name", "<output>")
        return run(steps, inputs, Sink(out, layout, str(name)), jobs)
    with atomic_output(output) as file:
        return run(steps, inputs, Sink(file, layout, str(output)), jobs)


def run(steps: Steps[P], inputs: Inputs, sink: Sink, jobs: int | None = None) -> int:
    """Judge every item of ``inputs`` and write each result to ``sink``; returns the count.

    ``jobs`` (default: by size) applies to documents; streams run in this process.
    """
    # the alarm that bounds plugins' checks stays ready for the batch, and an error in it
    # describes as many problems as the limits ask
    with timed(), describing(inputs.limits.max_problems):
        return _run(steps, inputs, sink, jobs)


def _run(steps: Steps[P], inputs: Inputs, sink: Sink, jobs: int | None) -> int:
    documents = inputs.documents(steps)
    if documents is None:
        _run_streams(steps, inputs, sink)
    else:
        jobs = default_jobs(documents) if jobs is None else max(1, jobs)
        _run_documents(steps, documents, sink, jobs, inputs.limits.max_problems)
    sink.close()
    return sink.count


_Slice = list[tuple[int, int, int]]
"""Per document touched: its index, the first item, and the item after the last."""


def _slices(documents: Sequence[Document], jobs: int) -> list[_Slice]:
    """The items split into ``jobs`` contiguous slices of nearly equal size."""
    total = sum(len(document.items) for document in documents)
    bounds = [total * job // jobs for job in range(jobs + 1)]
    slices: list[_Slice] = []
    for first, last in pairwise(bounds):
        part: _Slice = []
        offset = 0
        for index, document in enumerate(documents):
            start, stop = max(first - offset, 0), min(last - offset, len(document.items))
            if start < stop:
                part.append((index, start, stop))
            offset += len(document.items)
        if part:
            slices.append(part)
    return slices


def _prepared(
    steps: Steps[P], documents: Sequence[Document], part: _Slice, max_problems: int
) -> list[tuple[Document, int, P]]:
    """A slice's items, prepared; raises every problem (up to ``max_problems``)."""
    prepared: list[tuple[Document, int, P]] = []
    found = Problems(max_problems)
    for index, start, stop in part:
        document = documents[index]
        items, source = document.items, document.source
        for number in range(start, stop):
            try:
                item = _prepare(steps, found, items[number], source, document.where(number))
                prepared.append((document, number, item))
            except InputError as exc:
                found.extend(exc.problems, exc.more)
    found.raise_as(steps.error)
    return prepared


def _prepare(steps: Steps[P], found: Problems, item: Any, source: str, where: str) -> P:
    """``item`` prepared; once ``found`` holds all the problems the error describes,
    those of the item are only counted, never described."""
    if not found.full:
        return steps.prepare(item, source, where)
    with describing(0):
        return steps.prepare(item, source, where)


def _judged(steps: Steps[P], prepared: P, source: str, path: str, json: bool) -> bytes:
    try:
        result = steps.judge(prepared)
    except BrokenPipeError:
        raise
    except Exception as exc:
        raise ItemError(source, path, shown(steps.identify(prepared)), _said(exc)) from exc
    return screened_result(result, json)


def _said(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, CivilsamfundError) else f"{type(exc).__name__}: {exc}"


def _run_documents(
    steps: Steps[P], documents: Sequence[Document], sink: Sink, jobs: int, max_problems: int
) -> None:
    slices = _slices(documents, jobs)
    if len(slices) <= 1 or not can_fork():
        for part in slices:
            for document, number, prepared in _prepared(steps, documents, part, max_problems):
                sink.add(
                    _judged(steps, prepared, document.source, document.where(number), sink.json)
                )
        return

    def work(number: int, file: IO[bytes]) -> tuple[int, InputError | None]:
        try:
            prepared = _prepared(steps, documents, slices[number], max_problems)
        except InputError as exc:
            return 0, exc
        between = sink.between
        for written, (document, index, item) in enumerate(prepared):
            if written:
                file.write(between)
            file.write(_judged(steps, item, document.source, document.where(index), sink.json))
        return len(prepared), None

    shares = in_workers(work, len(slices))
    try:
        found = Problems(max_problems)
        for (_, problem), _file in shares:
            if problem is not None:
                found.extend(problem.problems, problem.more)
        found.raise_as(steps.error)
        for (count, _), file in shares:
            sink.add_joined(file, count)
    finally:
        for _, file in shares:
            file.close()


def _run_streams(steps: Steps[P], inputs: Inputs, sink: Sink) -> None:
    found = Problems(inputs.limits.max_problems)
    try:
        for source, where, item in _items(steps, inputs):
            try:
                prepared = _prepare(steps, found, item, source, where)
            except InputError as exc:
                found.extend(exc.problems, exc.more)
                continue
            if not found:
                sink.add(_judged(steps, prepared, source, where, sink.json))
    except InputError as exc:  # the stream itself is broken: no item after this one
        found.extend(exc.problems, exc.more)
    found.raise_as(steps.error)


def _items(steps: Steps[Any], inputs: Inputs) -> Iterator[tuple[str, str, Any]]:
    """Every item of every input in order, with its source and path."""
    for path in inputs.paths:
        if is_stream(path):
            source = source_name(path)
            for where, item in stream_items(path, inputs.limits, steps.error):
                yield source, where, item
        else:
            document = read_document(path, steps.key, inputs.limits, steps.error)
            for index, item in enumerate(document.items):
                yield document.source, document.where(index), item
