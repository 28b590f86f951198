"""Worker processes that cannot outlive the run, writing to files that cannot either.

Each worker is forked (it inherits the parsed input; nothing is pickled on the way
in) and writes to an anonymous temporary file made before the fork: the file has no
name, so its space is freed when the last process holding it ends, however it ends.
Each worker also watches a pipe whose writing end only the parent holds; when the
parent dies, even by SIGKILL, the pipe reports end of file and the worker exits.
Those files are the temporary directory's: when it is full, the error names it, not
the output file the run was asked to write.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import IO, Any, TypeVar

from civilsamfund.core import OutputError

R = TypeVar("R")

Work = Callable[[int, IO[bytes]], Any]
"""One worker's share: its number and the file to write to; returns a picklable result."""

_shared: tuple[Work, list[IO[bytes]]] | None = None
"""What forked workers run, set for the life of the pool."""


_HELD = {signal.SIGTERM, signal.SIGINT}
"""Signals a worker holds back until its handlers are its own."""


def can_fork() -> bool:
    """Whether workers can be forked here (not on Windows, for one)."""
    return "fork" in multiprocessing.get_all_start_methods()


def in_workers(work: Callable[[int, IO[bytes]], R], jobs: int) -> list[tuple[R, IO[bytes]]]:
    """Run ``work(0, file)`` to ``work(jobs - 1, file)``, each in its own worker and with
    its own file; returns each result with its file, rewound. The caller closes the files."""
    global _shared
    try:
        files: list[IO[bytes]] = [tempfile.TemporaryFile() for _ in range(jobs)]  # noqa: SIM115
    except OSError as exc:
        raise _no_room(exc) from None
    reading, writing = os.pipe()
    _shared = work, files
    try:
        context = multiprocessing.get_context("fork")
        # A worker is born with SIGTERM and SIGINT held back, until it has set its own
        # handlers: one that came sooner would run the parent's handler in the worker,
        # which would carry on as the parent, or be lost and leave the pool waiting.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
        try:
            pool = context.Pool(jobs, initializer=_watch_parent, initargs=(reading, writing, mask))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        with pool:
            results: list[R] = pool.map(_run, range(jobs))
    except BaseException:
        for file in files:
            file.close()
        raise
    finally:
        _shared = None
        os.close(reading)
        os.close(writing)
    for file in files:
        file.seek(0)
    return list(zip(results, files, strict=True))


def _run(number: int) -> Any:
    assert _shared is not None
    work, files = _shared
    try:
        result = work(number, files[number])
        files[number].flush()
    except OSError as exc:  # judging raises ItemError: only writing the share fails so
        raise _no_room(exc) from None
    return result


def _no_room(exc: OSError) -> OutputError:
    """A worker's file cannot be made or written: the temporary directory is full or
    closed, whatever the output file is."""
    return OutputError(
        f"the temporary directory {tempfile.gettempdir()} cannot be written: "
        f"{exc.strerror or exc} (with --jobs, each job writes its share there first: make "
        "room, set TMPDIR to a directory with room, or use --jobs 1)"
    )


def _watch_parent(reading: int, writing: int, mask: Iterable[signal.Signals]) -> None:
    """In a new worker: end with the parent, and leave signals from the terminal to it;
    then take the signals held back while it was born (a SIGTERM from the pool ends it)."""
    os.close(writing)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)
    threading.Thread(target=_exit_when_closed, args=(reading,), daemon=True).start()


def _exit_when_closed(reading: int) -> None:
    os.read(reading, 1)  # returns only when the parent, the last writer, is gone
    os._exit(1)
