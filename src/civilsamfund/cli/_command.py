"""A subcommand of ``civilsamfund``: the core's, a domain's or a plugin's, all alike."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from attrs import field, frozen

SUCCESS, PROBLEMS, BAD_INPUT = 0, 1, 2
"""Exit codes: success; a run found problems; bad usage or bad input."""

Run = Callable[[argparse.Namespace, TextIO, TextIO], int]
"""Runs the command with its parsed arguments, output and error streams; returns the
exit code."""


@frozen(kw_only=True)
class Command:
    """A subcommand: its name, one line of help, its arguments and what it runs.

    ``configure`` adds the command's arguments to its parser; ``run`` raises
    :class:`civilsamfund.CivilsamfundError` for bad input, which the command line
    prints as one message per problem with exit code 2.
    """

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None] = field(eq=False)
    run: Run = field(eq=False)


def config_option(parser: argparse.ArgumentParser) -> None:
    """``--config DIR``: where else to look for municipalities, explicitly."""
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="also look for municipalities in DIR (repeatable); the working directory is "
        "never searched unasked",
    )
