"""The organisation domain's commands, ``organisation check-forum`` and ``organisation
entry-point``, and the schemas ``schema`` prints."""

from __future__ import annotations

import argparse
import json
from datetime import date
from functools import partial
from typing import TextIO

from civilsamfund.core import MAX_AGE
from civilsamfund.organisation._batch import PROPOSAL_BATCH
from civilsamfund.organisation._schema import forum_decision_schema, proposal_schema
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


def _entry_point(args: argparse.Namespace, out: TextIO) -> int:
    from civilsamfund.organisation._document import entry_document, entry_text
    from civilsamfund.organisation._entry import entry_point

    municipality = municipality_of(args)
    answer = entry_point(municipality, args.ages, date.today() if args.on is None else args.on)
    if args.format == "json":
        document = entry_document(answer, args.lang)
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(entry_text(answer, municipality.name, args.lang))
    return SUCCESS


def _organisation(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.organisation._batch import write_forum_decisions

    if args.action == "entry-point":
        return _entry_point(args, out)
    return judge_files(args, out, partial(write_forum_decisions, on=args.on))


def _configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check_parser(
        actions,
        "check-forum",
        help="check proposed forum memberships against the forum's rules",
        items="proposals: .toml or .json documents",
        formats="text: a summary per proposal; json: a JSON array of forum decision documents",
        choices=PROPOSAL_BATCH.formats,
    )
    entry = actions.add_parser(
        "entry-point", help="whom an association contacts, by its target group's ages"
    )
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
    entry.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    entry.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: the contacts as a reader wants them; json: one JSON document",
    )


ORGANISATION_COMMANDS = (
    Command(
        name="organisation",
        help="check forum memberships against their rules, and find a point of entry",
        configure=_configure,
        run=_organisation,
    ),
)
"""The organisation domain\'s commands, declared in its record (``_plugin.py``)."""


ORGANISATION_SCHEMAS = (
    JsonSchema(
        name="forum-proposal",
        help="forum proposals, the input of organisation check-forum",
        build=fixed(proposal_schema),
    ),
    JsonSchema(
        name="forum-decision",
        help="organisation check-forum --format json: the forum decisions",
        build=fixed(forum_decision_schema),
    ),
)
"""The organisation domain\'s JSON Schemas, declared in its record (``_plugin.py``)."""
