"""The ``civilsamfund`` command: the core's, each domain's and the plugins' subcommands.

Exit codes: 0 success, 1 when a run found problems (``check-config``, failing
policy cases), 2 for bad usage or bad input, 3 when the output could not be written,
130 and 143 when interrupted (Ctrl-C, SIGTERM), 141 when the reader of the output
closed it. Every error the library raises on purpose is printed as one message per
problem, never as a traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from contextlib import suppress

from civilsamfund._version import __version__
from civilsamfund.cli._command import BAD_INPUT, PROBLEMS, SUCCESS, Command
from civilsamfund.core import _guard
from civilsamfund.core._errors import CivilsamfundError, OutputError
from civilsamfund.core._shown import redacted

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


def _parser(commands: Sequence[tuple[Command, str]]) -> argparse.ArgumentParser:
    from civilsamfund.plugins._manager import BUILTIN

    parser = argparse.ArgumentParser(
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
        if plugin == BUILTIN:
            command.configure(subparser)
        else:
            doing = f"command {command.name!r} adding its arguments"
            _guard.call(plugin, doing, "hook", command.configure, subparser)
    return parser


def _point_stdout_away() -> None:
    """Send what is left in stdout's buffer nowhere, so that Python's flush at exit
    does not fail again with a traceback."""
    with suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from civilsamfund.plugins._manager import BUILTIN, installed

    out, err = sys.stdout, sys.stderr
    try:
        with _guard.run_signals():
            commands = installed().cli_commands()
            args = _parser(commands).parse_args(argv)
            command, plugin = next((c, p) for c, p in commands if c.name == args.command)
            if plugin == BUILTIN:
                code = command.run(args, out, err)
            else:  # unbounded in time: a command's work is the user's
                code = _guard.call(
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
        err.write(f"civilsamfund: error: {redacted(str(exc))}\n")
        return CANNOT_WRITE
    except CivilsamfundError as exc:
        err.write(f"civilsamfund: error: {redacted(str(exc))}\n")
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
    except _guard.Terminated:
        err.write("civilsamfund: terminated\n")
        return TERMINATED
