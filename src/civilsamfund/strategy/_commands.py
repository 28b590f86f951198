"""The strategy domain's command, ``strategy status``."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TextIO

from civilsamfund.cli._command import SUCCESS, Command, iso_date, municipality_options


def _strategy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.config._discovery import load_municipality
    from civilsamfund.strategy._document import status_document, status_text
    from civilsamfund.strategy._status import strategy_status

    municipality = load_municipality(args.municipality, config=args.config)
    on = date.today() if args.on is None else args.on
    found = strategy_status(municipality, on, args.strategy)
    if args.format == "json":
        documents = [status_document(status, args.lang) for status in found]
        out.write(json.dumps(documents, ensure_ascii=False, indent=2) + "\n")
    elif not found:
        out.write(f"{municipality.name}: no strategy configured\n")
    else:
        out.write("\n".join(status_text(status, args.lang) for status in found))
    return SUCCESS


def _configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = actions.add_parser(
        "status", help="where each strategy stands on a day: in force, due or overdue"
    )
    municipality_options(status)
    status.add_argument("--on", type=iso_date, help="the day (default: today)")
    status.add_argument("--strategy", help="one strategy's id (default: every strategy)")
    status.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    status.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: each strategy's state, schedule and mapping; json: a JSON array",
    )


STRATEGY_COMMANDS = (
    Command(
        name="strategy",
        help="where a strategy stands: its schedule with citations, principles and objectives",
        configure=_configure,
        run=_strategy,
    ),
)
"""The strategy domain's commands, registered by the built-in plugin."""
