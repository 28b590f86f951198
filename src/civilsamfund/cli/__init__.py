"""The ``civilsamfund`` command: the core's, each domain's and the plugins' subcommands.

Exit codes: 0 success, 1 when a run found problems (``check-config``, failing
policy cases), 2 for bad usage or bad input, 3 when the output could not be written,
130 and 143 when interrupted (Ctrl-C, SIGTERM), 141 when the reader of the output
closed it. Every error the library raises on purpose is printed as one message per
problem, never as a traceback. Everything a command writes to standard output and
standard error, and argparse's own messages, passes the library's screen (no CPR
number, no raw control character; see docs/security.md).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Iterable, Sequence
from contextlib import suppress
from typing import Any, NoReturn, TextIO, cast

from civilsamfund._version import __version__
from civilsamfund.core import CivilsamfundError, OutputError, guard, screened
from civilsamfund.plugins import BAD_INPUT, LOADED_MUNICIPALITY, PROBLEMS, SUCCESS, Command

__all__ = [
    "BAD_INPUT",
    "CANNOT_WRITE",
    "CLOSED_PIPE",
    "INTERRUPTED",
    "PROBLEMS",
    "SUCCESS",
    "TERMINATED",
    "Command",
    "main",
]

CANNOT_WRITE = 3
"""The exit code when the output could not be written (a full disk, no permission)."""
INTERRUPTED = 130
"""The exit code after Ctrl-C (SIGINT), as a shell reports it."""
CLOSED_PIPE = 141
"""The exit code when the reader of the output closed it, as a shell reports SIGPIPE."""
TERMINATED = 143
"""The exit code after SIGTERM, as a shell reports it."""


class _Parser(argparse.ArgumentParser):
    """argparse's parser, its messages screened: an error quotes the value it refused
    (``invalid choice: '010190-1234'``), and a plugin's command writes its own help."""

    def format_usage(self) -> str:
        return screened(super().format_usage())

    def format_help(self) -> str:
        return screened(super().format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        super().exit(status, None if message is None else screened(message))


_HELD = re.compile(r"\d")
"""A digit within a CPR number's widest gap before a line's end: the line may go on."""


class _Screened:
    """A text stream whose every line is screened before it reaches ``stream``.

    Whole lines are passed on as they come; a line ending near a digit is held until
    the next, as a number may be written across the break (``010190`` newline
    ``1234``). ``flush`` passes on the rest. The stream's binary buffer, where a batch
    writes results it has screened itself, is the stream's own.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        pending = self._pending + text
        cut = pending.rfind("\n") + 1
        while cut and _HELD.search(pending, max(cut - 5, 0), cut):
            cut = pending.rfind("\n", 0, cut - 1) + 1
        if cut:
            self._stream.write(screened(pending[:cut]))
        self._pending = pending[cut:]
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def release(self) -> None:
        """Pass on what is held, leaving ``stream`` to flush it."""
        if self._pending:
            pending, self._pending = self._pending, ""
            self._stream.write(screened(pending))

    def flush(self) -> None:
        self.release()
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _parser(commands: Sequence[tuple[Command, str]]) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="civilsamfund",
        description="How Danish municipalities work with civil society: assess, check and "
        "test their rules.",
        epilog="exit codes: 0 success; 1 a run found problems (check-config, failing policy "
        "cases); 2 bad usage or bad input; 3 the output could not be written; 130/143 "
        "interrupted; 141 the output was closed by its reader",
    )
    parser.add_argument("--version", action="version", version=f"civilsamfund {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command, plugin in commands:
        subparser = subparsers.add_parser(command.name, help=command.help)
        doing = f"command {command.name!r} adding its arguments"
        guard.own_or_guarded(plugin, doing, "hook", command.configure, subparser)
    return parser


def _point_stdout_away() -> None:
    """Send what is left in stdout's buffer nowhere, so that Python's flush at exit
    does not fail again with a traceback."""
    with suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _load_municipality(args: argparse.Namespace) -> None:
    """Load the municipality a command's ``--municipality`` names, for the command: it
    is handed the municipality (``municipality_of(args)``), never finding it itself."""
    if hasattr(args, LOADED_MUNICIPALITY) and args.municipality is not None:
        from civilsamfund.plugins import load_municipality

        loaded = load_municipality(args.municipality, config=args.config)
        setattr(args, LOADED_MUNICIPALITY, loaded)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from civilsamfund.cli._core import CORE_COMMANDS
    from civilsamfund.plugins import installed

    screened_out, screened_err = _Screened(sys.stdout), _Screened(sys.stderr)
    out, err = cast(TextIO, screened_out), cast(TextIO, screened_err)
    try:
        with guard.run_signals():
            commands = installed().cli_commands(CORE_COMMANDS)
            args = _parser(commands).parse_args(argv)
            command, plugin = next((c, p) for c, p in commands if c.name == args.command)
            _load_municipality(args)
            code = guard.own_or_guarded(  # unbounded in time: a command's work is the user's
                plugin,
                f"command {command.name!r}",
                None,
                command.run,
                args,
                out,
                err,
                passing=(CivilsamfundError, OSError),
            )
            out.flush()
            return code
    except OutputError as exc:
        err.write(f"civilsamfund: error: {exc}\n")
        return CANNOT_WRITE
    except CivilsamfundError as exc:  # each problem is bounded, and at most max_problems
        err.write(f"civilsamfund: error: {exc}\n")
        return BAD_INPUT
    except BrokenPipeError:
        # The reader stopped reading (``| head``): end quietly, as the shell's tools do.
        _point_stdout_away()
        return CLOSED_PIPE
    except OSError as exc:  # writing to standard output failed: a full disk, for one
        _point_stdout_away()
        err.write(f"civilsamfund: error: the output cannot be written: {exc.strerror or exc}\n")
        return CANNOT_WRITE
    except KeyboardInterrupt:
        err.write("civilsamfund: interrupted\n")
        return INTERRUPTED
    except guard.Terminated:
        err.write("civilsamfund: terminated\n")
        return TERMINATED
    finally:
        with suppress(OSError, ValueError):
            screened_out.release()
            screened_err.flush()
