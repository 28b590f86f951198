"""The ``civilsamfund`` command: the core's, each domain's and the plugins' subcommands.

Exit codes: 0 success, 1 when a run found problems (``check-config``, failing
policy cases), 2 for bad usage or bad input. Every error the library raises on
purpose is printed as one message per problem, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from civilsamfund._version import __version__
from civilsamfund.cli._command import BAD_INPUT, PROBLEMS, SUCCESS, Command
from civilsamfund.core._errors import CivilsamfundError, PluginError

__all__ = ["BAD_INPUT", "CLOSED_PIPE", "PROBLEMS", "SUCCESS", "Command", "main"]

CLOSED_PIPE = 141
"""The exit code when the reader of the output closed it, as a shell reports SIGPIPE."""


def _parser(commands: Sequence[tuple[Command, str]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civilsamfund",
        description="How Danish municipalities work with civil society: assess, check and "
        "test their rules.",
        epilog="exit codes: 0 success; 1 a run found problems (check-config, failing policy "
        "cases); 2 bad usage or bad input",
    )
    parser.add_argument("--version", action="version", version=f"civilsamfund {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command, _ in commands:
        command.configure(subparsers.add_parser(command.name, help=command.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from civilsamfund.plugins._manager import BUILTIN, installed

    out, err = sys.stdout, sys.stderr
    try:
        commands = installed().cli_commands()
        args = _parser(commands).parse_args(argv)
        command, plugin = next((c, p) for c, p in commands if c.name == args.command)
        try:
            return command.run(args, out, err)
        except CivilsamfundError:
            raise
        except Exception as exc:
            if plugin == BUILTIN:
                raise
            raise PluginError(plugin, f"command {command.name!r} failed: {exc!r}") from exc
    except CivilsamfundError as exc:
        err.write(f"civilsamfund: error: {exc}\n")
        return BAD_INPUT
    except BrokenPipeError:
        # The reader stopped reading (``| head``): end quietly, as the shell's tools do,
        # with stdout pointed away so that Python's own flush at exit does not complain.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return CLOSED_PIPE
