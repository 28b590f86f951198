"""The grants domain's commands: ``assess`` and ``schema``."""

from __future__ import annotations

import argparse
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from civilsamfund.cli._command import (
    SUCCESS,
    Command,
    batch_options,
    config_option,
    limits_from,
    limits_options,
    whole_number,
)


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
    from civilsamfund.grants._batch import write_decisions
    from civilsamfund.pipeline._output import binary

    municipality = load_municipality(args.municipality, config=args.config)
    with _without_cycle_collection():
        write_decisions(
            municipality,
            args.files,
            args.output if args.output is not None else binary(out),
            format=args.format,
            language=args.lang,
            on=args.on,
            jobs=args.jobs,
            limits=limits_from(args),
            compact=args.compact,
        )
    return SUCCESS


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.grants._schema import (
        application_schema,
        decision_line_schema,
        decision_schema,
    )

    if args.which == "decision":
        schema = decision_schema()
    elif args.which == "decision-line":
        schema = decision_line_schema()
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
    batch_options(
        parser,
        "applications: .toml or .json documents, .jsonl streams (- for standard input)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text: decision letters' justifications; json: a JSON array of decision "
        "documents; jsonl: one decision document per line, then an end record",
    )
    parser.add_argument(
        "--compact",
        action="store_true",
        help="json and jsonl: give findings that passed by criterion id only, under passed",
    )
    parser.add_argument(
        "--jobs",
        type=whole_number,
        help="processes to use for JSON and TOML files (default: one per 25,000 "
        "applications, up to the cores); JSON Lines streams in one",
    )
    limits_options(parser)


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "which",
        choices=("application", "decision", "decision-line"),
        help="the input, the output as a JSON array, or one line of JSON Lines output",
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
