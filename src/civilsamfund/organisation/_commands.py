"""The organisation domain's own action, ``organisation entry-point``; ``organisation
check-forum`` is its batch's."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from civilsamfund.core import MAX_AGE
from civilsamfund.plugins import (
    Command,
    answer_options,
    iso_date,
    municipality_of,
    municipality_options,
    print_answer,
)


def ages(text: str) -> tuple[int, int]:
    """A target group's ages as written on the command line: ``65-`` (65 and over),
    ``18-59``, ``-17`` (up to 17) or ``60`` (exactly 60)."""
    from civilsamfund.core import span

    low, dash, high = text.partition("-")
    ends = [low, high] if dash else [low, low]
    if not all(end == "" or (end.isascii() and end.isdigit()) for end in ends) or ends == ["", ""]:
        raise argparse.ArgumentTypeError(
            f"expected ages as FROM-TO, FROM- or -TO in whole years, got {text[:40]!r}"
        )
    numbers = [None if end == "" else int(end) for end in ends]
    if any(n is not None and n > MAX_AGE for n in numbers):
        raise argparse.ArgumentTypeError(f"expected ages of at most {MAX_AGE}, got {text[:40]!r}")
    if numbers[0] is not None and numbers[1] is not None and numbers[0] > numbers[1]:
        raise argparse.ArgumentTypeError(f"expected FROM no greater than TO, got {text[:40]!r}")
    return span(numbers[0], numbers[1])


def _entry_point(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.organisation._document import entry_document, entry_text
    from civilsamfund.organisation._entry import entry_point

    municipality = municipality_of(args)
    answer = entry_point(municipality, args.ages, date.today() if args.on is None else args.on)
    return print_answer(
        args,
        out,
        lambda language: entry_document(answer, language),
        lambda language: entry_text(answer, municipality.name, language),
    )


def _configure_entry_point(entry: argparse.ArgumentParser) -> None:
    municipality_options(entry)
    entry.add_argument(
        "--ages",
        type=ages,
        action="append",
        required=True,
        metavar="AGES",
        help="the target group's ages: 65- (65 and over), 18-59, -17 or 60; repeat for a "
        "group of several spans",
    )
    entry.add_argument(
        "--on",
        type=iso_date,
        metavar="DATE",
        help="the day: departments as they are called then, and who answers (default: today)",
    )
    answer_options(entry, "text: the contacts as a reader wants them; json: one JSON document")


ORGANISATION_ACTIONS = (
    Command(
        name="entry-point",
        help="whom an association contacts, by its target group's ages",
        configure=_configure_entry_point,
        run=_entry_point,
    ),
)
"""The organisation command's own actions, declared in its record (``_plugin.py``)."""
