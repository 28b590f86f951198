"""The strategy domain's commands, ``strategy status`` and ``strategy design``, and the
schemas ``schema`` prints."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TextIO

from civilsamfund.plugins import (
    SUCCESS,
    Command,
    JsonSchema,
    check_parser,
    fixed,
    iso_date,
    judge_files,
    municipality_of,
    municipality_options,
)
from civilsamfund.strategy._design_batch import MEETING_BATCH
from civilsamfund.strategy._schema import meetings_schema, status_schema, summary_schema


def _strategy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.strategy._design_batch import write_meeting_summaries
    from civilsamfund.strategy._document import status_document, status_text
    from civilsamfund.strategy._status import strategy_status

    if args.action == "design":
        return judge_files(args, out, write_meeting_summaries)
    municipality = municipality_of(args)
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
    status.add_argument("--on", type=iso_date, metavar="DATE", help="the day (default: today)")
    status.add_argument("--strategy", help="one strategy's id (default: every strategy)")
    status.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    status.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: each strategy's state, schedule and mapping; json: a JSON array",
    )
    check_parser(
        actions,
        "design",
        help="sum up design meetings: points papers ranked, evaluations counted",
        items="meeting records: .toml or .json documents",
        formats="text: a summary per meeting; json: a JSON array of meeting summaries",
        dated=False,
        choices=MEETING_BATCH.formats,
    )


STRATEGY_COMMANDS = (
    Command(
        name="strategy",
        help="where a strategy stands (its schedule, principles and objectives), and how "
        "its design meetings went",
        configure=_configure,
        run=_strategy,
    ),
)
"""The strategy domain\'s commands, declared in its record (``_plugin.py``)."""


STRATEGY_SCHEMAS = (
    JsonSchema(
        name="strategy-status",
        help="strategy status --format json: the strategies on a day",
        build=fixed(status_schema),
    ),
    JsonSchema(
        name="design-meeting",
        help="design meeting records, the input of strategy design",
        build=fixed(meetings_schema),
    ),
    JsonSchema(
        name="design-summary",
        help="strategy design --format json: the meeting summaries",
        build=fixed(summary_schema),
    ),
)
"""The strategy domain\'s JSON Schemas, declared in its record (``_plugin.py``)."""
