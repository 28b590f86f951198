"""A subcommand of ``civilsamfund``: the core's, a domain's or a plugin's, all alike."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from attrs import field, frozen

if TYPE_CHECKING:
    from civilsamfund.config import Municipality
    from civilsamfund.core import Language
    from civilsamfund.reading import Limits

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


@frozen(kw_only=True)
class JsonSchema:
    """A JSON Schema that ``civilsamfund schema NAME`` prints: a domain's input or output.

    ``build`` makes it; it is given the municipality named with ``-m`` (or ``None``),
    for a schema that depends on what the municipality configures.
    """

    name: str
    help: str
    build: Callable[[Municipality | None], dict[str, Any]] = field(eq=False)


def fixed(make: Callable[[], dict[str, Any]]) -> Callable[[Municipality | None], dict[str, Any]]:
    """A :class:`JsonSchema`'s ``build`` for a schema no municipality changes."""
    return lambda municipality: make()


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


LOADED_MUNICIPALITY = "loaded_municipality"
"""Where the command line puts the municipality ``--municipality`` names, loaded before
the command runs (``--municipality`` itself keeps the slug or path as given)."""


def municipality_options(
    parser: argparse.ArgumentParser, required: bool = True, help: str | None = None
) -> None:
    """``--municipality`` and ``--config``: which municipality, from where. The command
    line loads it before the command runs: :func:`municipality_of` gives it."""
    parser.add_argument(
        "--municipality",
        "-m",
        required=required,
        help=help or "a municipality's slug, or the path of its directory (with a /)",
    )
    parser.set_defaults(**{LOADED_MUNICIPALITY: None})
    config_option(parser)


def municipality_of(args: argparse.Namespace) -> Municipality:
    """The municipality the command line loaded for ``--municipality``; loaded here
    when the command runs outside the command line (called with parsed arguments)."""
    loaded: Municipality | None = getattr(args, LOADED_MUNICIPALITY, None)
    if loaded is None:
        from civilsamfund.plugins._discovery import load_municipality

        loaded = load_municipality(args.municipality, config=getattr(args, "config", ()))
    return loaded


def batch_options(parser: argparse.ArgumentParser, items: str, dated: bool = True) -> None:
    """What every command that judges files takes: ``--municipality``, ``--config``,
    the files, ``--on`` (where rules are ``dated``), ``--lang`` and ``--output``;
    ``items`` says what the files hold."""
    municipality_options(parser)
    parser.add_argument("files", nargs="+", metavar="FILE", help=items)
    if dated:
        parser.add_argument(
            "--on",
            type=iso_date,
            metavar="DATE",
            help="judge by the rules in force on this date (default: the item's own date)",
        )
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE, replacing it only once every result is written (default: "
        "standard output)",
    )


_SIZES = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def _size(text: str) -> int:
    """A number of bytes, optionally with K, M or G (``64M``)."""
    number, unit = (text[:-1], text[-1].lower()) if text[-1:].isalpha() else (text, "")
    if not (number.isascii() and number.isdigit()) or unit not in _SIZES or int(number) < 1:
        raise argparse.ArgumentTypeError(
            f"expected a size such as 4096, 512K or 64M, got {text[:40]!r}"
        )
    return int(number) * _SIZES[unit]


def iso_date(text: str) -> date:
    """A command-line date, exactly ``YYYY-MM-DD``."""
    if len(text) == 10 and text.isascii() and text[4] == text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text[:40]!r}")


def whole_number(text: str) -> int:
    """A command-line whole number of 1 or more."""
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text[:40]!r}")
    return int(text)


def limits_options(parser: argparse.ArgumentParser) -> None:
    """``--max-*``: raise or lower the reading limits (see ``civilsamfund.Limits``)."""
    from civilsamfund.reading import DEFAULT_LIMITS as limits

    group = parser.add_argument_group("limits", "what an input may hold before it is refused")
    options = (
        ("--max-file-size", _size, limits.max_file_bytes, "SIZE", "bytes in a JSON or TOML file"),
        ("--max-line-size", _size, limits.max_line_bytes, "SIZE", "bytes on a JSON Lines line"),
        ("--max-items", whole_number, limits.max_items, "N", "items in a JSON or TOML file"),
        ("--max-values", whole_number, limits.max_values, "N", "values in a JSON or TOML file"),
        (
            "--max-entries",
            whole_number,
            limits.max_entries,
            "N",
            "entries in one list or table of an item",
        ),
        ("--max-depth", whole_number, limits.max_depth, "N", "levels of nesting"),
        ("--max-string", whole_number, limits.max_string, "N", "characters in one text"),
        ("--max-problems", whole_number, limits.max_problems, "N", "problems listed in full"),
    )
    for option, kind, default, metavar, what in options:
        group.add_argument(
            option,
            type=kind,
            default=default,
            metavar=metavar,
            help=f"{what} (default: {default:,})",
        )


def limits_from(args: argparse.Namespace) -> Limits:
    """The limits the ``--max-*`` options ask for."""
    from civilsamfund.reading import Limits

    return Limits(
        max_file_bytes=args.max_file_size,
        max_line_bytes=args.max_line_size,
        max_items=args.max_items,
        max_values=args.max_values,
        max_entries=args.max_entries,
        max_depth=args.max_depth,
        max_string=args.max_string,
        max_problems=args.max_problems,
    )


class BatchWriter(Protocol):
    """A domain's batch writer: judges the items of files, writes every decision.
    A writer of dated rules is given ``--on`` bound (``functools.partial``)."""

    def __call__(
        self,
        municipality: Municipality,
        files: Sequence[str | Path],
        output: Any,
        *,
        format: Any,
        language: Any,
        limits: Limits,
    ) -> int: ...


def answer_options(parser: argparse.ArgumentParser, formats: str) -> None:
    """What an action that prints one answer takes: ``--lang``, and ``--format`` (text,
    the default, or json) as ``formats`` describes them."""
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    parser.add_argument("--format", choices=("text", "json"), default="text", help=formats)


def print_answer(
    args: argparse.Namespace,
    out: TextIO,
    document: Callable[[Language], object],
    text: Callable[[Language], str],
) -> int:
    """Print one answer as ``--format`` and ``--lang`` ask: an indented JSON document,
    or text."""
    if args.format == "json":
        out.write(json.dumps(document(args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(text(args.lang))
    return SUCCESS


def check_options(
    parser: argparse.ArgumentParser,
    items: str,
    formats: str,
    dated: bool = True,
    choices: Sequence[str] = ("text", "json"),
) -> None:
    """What a command that judges files takes: the batch options, ``--format`` (one of
    ``choices``, the first the default, as ``formats`` describes them) and the limits."""
    batch_options(parser, items, dated)
    if "jsonl" in choices:
        formats += "; jsonl: one document per line, then an end record"
    parser.add_argument("--format", choices=choices, default=choices[0], help=formats)
    limits_options(parser)


def judge_files(args: argparse.Namespace, out: TextIO, write: BatchWriter) -> int:
    """Run ``write`` on the municipality, files and options the command line gives;
    decisions go to ``--output``, or to standard output."""
    from civilsamfund.pipeline import binary

    write(
        municipality_of(args),
        args.files,
        args.output if args.output is not None else binary(out),
        format=args.format,
        language=args.lang,
        limits=limits_from(args),
    )
    return SUCCESS
