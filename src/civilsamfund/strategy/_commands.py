"""The strategy domain's own action, ``strategy status``, and its schema; ``strategy
design`` is its batch's."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from civilsamfund.core import Language
from civilsamfund.plugins import (
    Command,
    JsonSchema,
    answer_options,
    fixed,
    iso_date,
    municipality_of,
    municipality_options,
    print_answer,
)
from civilsamfund.strategy._schema import status_schema


def _status(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.strategy._document import status_document, status_text
    from civilsamfund.strategy._status import strategy_status

    municipality = municipality_of(args)
    on = date.today() if args.on is None else args.on
    found = strategy_status(municipality, on, args.strategy)

    def text(language: Language) -> str:
        if not found:
            return f"{municipality.name}: no strategy configured\n"
        return "\n".join(status_text(status, language) for status in found)

    return print_answer(
        args, out, lambda language: [status_document(s, language) for s in found], text
    )


def _configure_status(status: argparse.ArgumentParser) -> None:
    municipality_options(status)
    status.add_argument("--on", type=iso_date, metavar="DATE", help="the day (default: today)")
    status.add_argument("--strategy", help="one strategy's id (default: every strategy)")
    answer_options(status, "text: each strategy's state, schedule and mapping; json: a JSON array")


STRATEGY_ACTIONS = (
    Command(
        name="status",
        help="where each strategy stands on a day: in force, due or overdue",
        configure=_configure_status,
        run=_status,
    ),
)
"""The strategy command's own actions, declared in its record (``_plugin.py``)."""


STRATEGY_SCHEMAS = (
    JsonSchema(
        name="strategy-status",
        help="strategy status --format json: the strategies on a day",
        build=fixed(status_schema),
    ),
)
"""The strategy domain\'s own JSON Schema, declared in its record (``_plugin.py``)."""
