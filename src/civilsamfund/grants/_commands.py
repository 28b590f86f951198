"""The grants domain's commands: ``assess`` and ``schema``."""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TextIO

from civilsamfund.cli._command import SUCCESS, Command, config_option


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector for a batch.

    A batch allocates millions of short- and long-lived objects that never form
    cycles (frozen models, dicts of scalars); scanning them again and again roughly
    doubles the run time while freeing nothing that reference counting does not.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.config._discovery import load_municipality
    from civilsamfund.grants._batch import Batch, default_jobs, run
    from civilsamfund.grants._document import JsonWriter
    from civilsamfund.grants._letter import render_text
    from civilsamfund.grants._reading import parse_applications

    municipality = load_municipality(args.municipality, config=args.config)
    documents = [parse_applications(path) for path in args.files]
    language = args.lang
    render, prefix, separator, suffix = {
        "json": (JsonWriter(language).encode, "[\n", ",\n", "\n]\n"),
        "text": (lambda decision: render_text(decision, language), "", "\n\n", "\n"),
    }[args.output]
    batch = Batch(
        municipality=municipality,
        documents=documents,
        on=args.on,
        render=render,
        prefix=prefix,
        separator=separator,
        suffix=suffix,
    )
    with _without_cycle_collection():
        run(batch, out, args.jobs or default_jobs(batch))
    return SUCCESS


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.grants._schema import application_schema, decision_schema

    if args.which == "decision":
        schema = decision_schema()
    elif args.municipality is None:
        schema = application_schema()
    else:
        from civilsamfund.config._discovery import load_municipality
        from civilsamfund.grants._config import GrantCatalogue

        municipality = load_municipality(args.municipality, config=args.config)
        schema = application_schema(municipality.section(GrantCatalogue).application_facts)
    out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return SUCCESS


def _configure_assess(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--municipality",
        "-m",
        required=True,
        help="a municipality's slug, or the path of its directory (with a /)",
    )
    config_option(parser)
    parser.add_argument("files", nargs="+", metavar="FILE", help="applications (.toml or .json)")
    parser.add_argument(
        "--on", type=_date, help="assess by the rules in force on this date (default: received)"
    )
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="language of reasons")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="output",
        help="text: decision letters' justifications; json: the JSON decision documents",
    )
    parser.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        help="processes to use (default: one per 25,000 applications, up to the cores)",
    )


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "which", choices=("application", "decision"), help="the input or the output format"
    )
    parser.add_argument(
        "--municipality",
        "-m",
        help="for an application: include the facts this municipality declares (slug or path)",
    )
    config_option(parser)


GRANT_COMMANDS = (
    Command(
        name="assess",
        help="assess the grant applications in TOML or JSON files",
        configure=_configure_assess,
        run=_assess,
    ),
    Command(
        name="schema",
        help="print the JSON Schema of grant applications or of decisions",
        configure=_configure_schema,
        run=_schema,
    ),
)
"""The grants domain's commands, registered by the built-in plugin."""
