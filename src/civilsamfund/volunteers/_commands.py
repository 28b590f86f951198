"""The volunteers domain's command: ``volunteers check``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from civilsamfund.cli._command import (
    SUCCESS,
    Command,
    config_option,
    iso_date,
    limits_from,
    limits_options,
)


def _volunteers(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.config._discovery import load_municipality
    from civilsamfund.pipeline._output import binary
    from civilsamfund.volunteers._batch import write_task_decisions

    municipality = load_municipality(args.municipality, config=args.config)
    write_task_decisions(
        municipality,
        args.files,
        args.output if args.output is not None else binary(out),
        format=args.format,
        language=args.lang,
        on=args.on,
        limits=limits_from(args),
    )
    return SUCCESS


def _configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="check volunteer tasks before they start: rules, obligations, outcome"
    )
    check.add_argument(
        "--municipality",
        "-m",
        required=True,
        help="a municipality's slug, or the path of its directory (with a /)",
    )
    config_option(check)
    check.add_argument("files", nargs="+", metavar="FILE", help="tasks: .toml or .json documents")
    check.add_argument(
        "--on", type=iso_date, help="check by the rules in force on this date (default: start)"
    )
    check.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a summary per task; json: a JSON array of task decision documents",
    )
    check.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE, replacing it only once every decision is written",
    )
    limits_options(check)


VOLUNTEER_COMMANDS = (
    Command(
        name="volunteers",
        help="check volunteer tasks against the municipality's rules of play",
        configure=_configure,
        run=_volunteers,
    ),
)
"""The volunteers domain's commands, registered by the built-in plugin."""
