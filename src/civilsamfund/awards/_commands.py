"""The awards domain's own action, ``awards list``; ``awards check`` is its batch's."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from civilsamfund.plugins import (
    Command,
    answer_options,
    municipality_of,
    municipality_options,
    print_answer,
)


def year(text: str) -> int:
    """A command-line year the catalogue can hold."""
    from civilsamfund.awards._catalogue import FIRST_YEAR, LAST_YEAR

    if not (text.isascii() and text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise argparse.ArgumentTypeError(
            f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {text[:40]!r}"
        )
    return int(text)


def _list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.awards._catalogue import AwardsFile
    from civilsamfund.awards._document import catalogue_document, catalogue_text
    from civilsamfund.awards._year import catalogue

    municipality = municipality_of(args)
    year = date.today().year if args.year is None else args.year
    found = catalogue(municipality, year)
    section = municipality.section(AwardsFile)
    return print_answer(
        args,
        out,
        lambda language: catalogue_document(found, section, language),
        lambda language: catalogue_text(found, section, language),
    )


def _configure_list(listing: argparse.ArgumentParser) -> None:
    municipality_options(listing)
    listing.add_argument("--year", type=year, help="the year to list (default: the current year)")
    answer_options(listing, "text: a table per programme; json: the catalogue as one JSON document")


AWARD_ACTIONS = (
    Command(
        name="list",
        help="the awards of a year: when, how many, to whom, theme and target group",
        configure=_configure_list,
        run=_list,
    ),
)
"""The awards command's own actions, declared in its record (``_plugin.py``)."""
