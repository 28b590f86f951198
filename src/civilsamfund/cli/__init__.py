"""The ``civilsamfund`` command: list, assess, check configuration, show plugins.

Exit codes: 0 success, 1 when a run found problems (``check-config``, failing
policy cases), 2 for bad usage or bad input. Every error the library raises on purpose
is printed as one message per
problem, never as a traceback.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from civilsamfund._version import __version__
from civilsamfund.core._errors import CivilsamfundError, InputError

SUCCESS, PROBLEMS, BAD_INPUT = 0, 1, 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return int(text)


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="also look for municipalities in DIR (repeatable); the working directory is "
        "never searched unasked",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civilsamfund",
        description="Assess grant applications by Danish municipalities' rules for civil society.",
        epilog="exit codes: 0 success; 1 a run found problems (check-config, failing policy "
        "cases); 2 bad usage or bad input",
    )
    parser.add_argument("--version", action="version", version=f"civilsamfund {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("municipalities", help="list the municipalities that can be loaded")

    assess = commands.add_parser("assess", help="assess the applications in TOML or JSON files")
    assess.add_argument(
        "--municipality",
        "-m",
        required=True,
        help="a municipality's slug, or the path of its directory (with a /)",
    )
    _config_option(assess)
    assess.add_argument("files", nargs="+", metavar="FILE", help="applications (.toml or .json)")
    assess.add_argument(
        "--on", type=_date, help="assess by the rules in force on this date (default: received)"
    )
    assess.add_argument("--lang", choices=("da", "en"), default="da", help="language of reasons")
    assess.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="output",
        help="text: decision letters' justifications; json: the JSON decision documents",
    )
    assess.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        help="processes to use (default: one per 25,000 applications, up to the cores)",
    )

    check = commands.add_parser("check-config", help="validate municipality directories")
    check.add_argument("directories", nargs="+", metavar="DIR", help="municipality directories")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="output",
        help="text: one line per problem; json: a list of problems (source, path, message, "
        "expected, got)",
    )

    commands.add_parser("plugins", help="list installed plugins and the hooks they implement")

    new = commands.add_parser(
        "new-municipality", help="write a configuration directory and plugin package to start from"
    )
    new.add_argument("slug", help="short name: lowercase letters, digits and hyphens")
    new.add_argument("--name", required=True, help="the municipality's name")
    new.add_argument("--dir", default=".", type=Path, help="where to write (default: here)")

    schema = commands.add_parser("schema", help="print the JSON Schema of an input or output")
    schema.add_argument(
        "which", choices=("application", "decision"), help="the input or the output format"
    )
    schema.add_argument(
        "--municipality",
        "-m",
        help="for an application: include the facts this municipality declares (slug or path)",
    )
    _config_option(schema)

    test = commands.add_parser("test", help="run policy cases (cases/*.toml)")
    test.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="a municipality directory, its cases directory, or a case file",
    )
    return parser


def _municipalities(out: TextIO) -> int:
    from civilsamfund.config._discovery import available_municipalities

    sources = available_municipalities()
    for source in sources:
        out.write(f"{source.slug}\t{source.name}\t{source.directory}\t({source.found_by})\n")
    if not sources:
        out.write("no municipalities found\n")
    return SUCCESS


def _assess(args: argparse.Namespace, out: TextIO) -> int:
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
    run(batch, out, args.jobs or default_jobs(batch))
    return SUCCESS


def _check_config(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import json

    from civilsamfund._conformance import check_conformance
    from civilsamfund.config._sections import MUNICIPALITY

    found = []
    for directory in args.directories:
        if not (Path(directory) / MUNICIPALITY).is_file():
            raise InputError.at(
                str(directory), "", f"expected a municipality directory with {MUNICIPALITY}"
            )
        problems = check_conformance(directory)
        found.extend(problems)
        if args.output == "text":
            if problems:
                err.write("".join(f"{problem}\n" for problem in problems))
            else:
                out.write(f"{directory}: ok\n")
    if args.output == "json":
        out.write(json.dumps([p.as_dict() for p in found], ensure_ascii=False, indent=2) + "\n")
    return PROBLEMS if found else SUCCESS


def _test(args: argparse.Namespace, out: TextIO) -> int:
    from civilsamfund.cases._cases import run_cases

    results = run_cases(args.paths)
    if not results:
        raise InputError.at(
            ", ".join(map(str, args.paths)), "", "expected policy cases, found none"
        )
    for result in results:
        out.write("".join(f"{line}\n" for line in result.lines()))
    failed = sum(not result.passed for result in results)
    out.write(f"{len(results) - failed} passed, {failed} failed\n")
    return PROBLEMS if failed else SUCCESS


def _new_municipality(args: argparse.Namespace, out: TextIO) -> int:
    from civilsamfund._new import new_municipality

    for path in new_municipality(args.slug, args.name, args.dir):
        out.write(f"wrote {path}\n")
    return SUCCESS


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    import json

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


def _plugins(out: TextIO) -> int:
    from civilsamfund.config._discovery import available_municipalities
    from civilsamfund.plugins._manager import installed

    plugins = installed()
    for info in plugins.info():
        version = info.version or "(no version)"
        if info.error:
            out.write(f"{info.name} {version}: BROKEN: {info.error}\n")
        else:
            out.write(f"{info.name} {version}: {', '.join(info.hooks)}\n")
    for source in available_municipalities(plugins):
        out.write(f"municipality {source.slug}: {source.directory} ({source.found_by})\n")
    return SUCCESS


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "municipalities":
            return _municipalities(out)
        if args.command == "assess":
            with _without_cycle_collection():
                return _assess(args, out)
        if args.command == "check-config":
            return _check_config(args, out, err)
        if args.command == "test":
            return _test(args, out)
        if args.command == "new-municipality":
            return _new_municipality(args, out)
        if args.command == "schema":
            return _schema(args, out)
        return _plugins(out)
    except CivilsamfundError as exc:
        err.write(f"civilsamfund: error: {exc}\n")
        return BAD_INPUT
