"""The awards domain's commands, ``awards list`` and ``awards check``, and the schemas
``schema`` prints."""

from __future__ import annotations

import argparse
import json
from datetime import date
from functools import partial
from typing import TextIO

from civilsamfund.awards._batch import NOMINATION_BATCH
from civilsamfund.awards._schema import nomination_decision_schema, nomination_schema
from civilsamfund.plugins import (
    SUCCESS,
    Command,
    JsonSchema,
    check_parser,
    fixed,
    judge_files,
    municipality_of,
    municipality_options,
)


def year(text: str) -> int:
    """A command-line year the catalogue can hold."""
    from civilsamfund.awards._catalogue import FIRST_YEAR, LAST_YEAR

    if not (text.isascii() and text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise argparse.ArgumentTypeError(
            f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {text[:40]!r}"
        )
    return int(text)


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from civilsamfund.awards._catalogue import AwardsFile
    from civilsamfund.awards._document import catalogue_document, catalogue_text
    from civilsamfund.awards._year import catalogue

    municipality = municipality_of(args)
    year = date.today().year if args.year is None else args.year
    found = catalogue(municipality, year)
    section = municipality.section(AwardsFile)
    if args.format == "json":
        document = catalogue_document(found, section, args.lang)
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(catalogue_text(found, section, args.lang))
    return SUCCESS


def _awards(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.awards._batch import write_nomination_decisions

    if args.action == "list":
        return _list(args, out)
    return judge_files(args, out, partial(write_nomination_decisions, on=args.on))


def _configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", help="the awards of a year: when, how many, to whom, theme and target group"
    )
    municipality_options(listing)
    listing.add_argument("--year", type=year, help="the year to list (default: the current year)")
    listing.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    listing.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a table per programme; json: the catalogue as one JSON document",
    )
    check_parser(
        actions,
        "check",
        help="check nominations against the award's rules in its year",
        items="nominations: .toml or .json documents",
        formats="text: a summary per nomination; json: a JSON array of decision documents",
        choices=NOMINATION_BATCH.formats,
    )


AWARD_COMMANDS = (
    Command(
        name="awards",
        help="list a year's awards and check nominations against their rules",
        configure=_configure,
        run=_awards,
    ),
)
"""The awards domain\'s commands, declared in its record (``_plugin.py``)."""


AWARD_SCHEMAS = (
    JsonSchema(
        name="nomination",
        help="nominations, the input of awards check",
        build=fixed(nomination_schema),
    ),
    JsonSchema(
        name="nomination-decision",
        help="awards check --format json: the nomination decisions",
        build=fixed(nomination_decision_schema),
    ),
)
"""The awards domain\'s JSON Schemas, declared in its record (``_plugin.py``)."""
