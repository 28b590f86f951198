"""The grants domain's command, ``assess``, and the schemas ``schema`` prints."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from civilsamfund.grants._schema import decision_line_schema, decision_schema
from civilsamfund.plugins import (
    SUCCESS,
    Command,
    JsonSchema,
    batch_options,
    fixed,
    limits_from,
    limits_options,
    municipality_of,
    whole_number,
)

if TYPE_CHECKING:
    from civilsamfund.config import Municipality


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
    from civilsamfund.grants._batch import write_decisions
    from civilsamfund.pipeline import binary

    municipality = municipality_of(args)
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


GRANT_COMMANDS = (
    Command(
        name="assess",
        help="assess the grant applications in TOML or JSON files",
        configure=_configure_assess,
        run=_assess,
    ),
)
"""The grants domain\'s commands, declared in its record (``_plugin.py``)."""


def _application(municipality: Municipality | None) -> dict[str, Any]:
    from civilsamfund.grants._config import GrantCatalogue
    from civilsamfund.grants._schema import application_schema

    if municipality is None:
        return application_schema()
    return application_schema(municipality.section(GrantCatalogue).application_facts)


GRANT_SCHEMAS = (
    JsonSchema(
        name="application",
        help="grant applications, the input of assess (with -m, the facts it declares)",
        build=_application,
    ),
    JsonSchema(
        name="decision", help="assess --format json: the decisions", build=fixed(decision_schema)
    ),
    JsonSchema(
        name="decision-line",
        help="one line of assess --format jsonl: a decision, or the end record",
        build=fixed(decision_line_schema),
    ),
)
"""The grants domain\'s JSON Schemas, declared in its record (``_plugin.py``)."""
