"""The commands every domain shares: municipalities, plugins, check-config, test,
new-municipality, and schema (which prints the schemas the domains give)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from civilsamfund.core import InputError
from civilsamfund.plugins import (
    BAD_INPUT,
    PROBLEMS,
    SUCCESS,
    Command,
    config_option,
    iso_date,
    municipality_of,
    municipality_options,
)


def _municipalities(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.plugins import available_municipalities, municipality_conflicts

    sources = available_municipalities(config=args.config)
    conflicts = municipality_conflicts(config=args.config)
    for source in sources:
        out.write(f"{source.slug}\t{source.name}\t{source.directory}\t({source.found_by})\n")
    for conflict in conflicts:
        out.write(f"CONFLICT: {conflict}\n")
    if not sources and not conflicts:
        out.write("no municipalities found\n")
    return SUCCESS


def _plugins(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.plugins import available_municipalities, installed, municipality_conflicts

    plugins = installed()
    for info in plugins.info():
        version = info.version or "(no version)"
        if info.error:
            out.write(f"{info.name} {version}: BROKEN: {info.error}\n")
        else:
            out.write(f"{info.name} {version}: {', '.join(info.hooks)}\n")
    for source in available_municipalities(plugins):
        out.write(f"municipality {source.slug}: {source.directory} ({source.found_by})\n")
    for conflict in municipality_conflicts(plugins):
        out.write(f"CONFLICT: {conflict}\n")
    return SUCCESS


def _check_config(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund._conformance import check_conformance
    from civilsamfund.config import MUNICIPALITY
    from civilsamfund.core import Problem

    found, code = [], SUCCESS
    for directory in args.directories:
        if (Path(directory) / MUNICIPALITY).is_file():
            problems = check_conformance(directory)
            code = max(code, PROBLEMS if problems else SUCCESS)
        else:
            code = BAD_INPUT
            problems = [
                Problem.at(
                    str(directory), "", f"expected a municipality directory with {MUNICIPALITY}"
                )
            ]
        found.extend(problems)
        if args.output == "text":
            if problems:
                err.write("".join(f"{problem}\n" for problem in problems))
            else:
                out.write(f"{directory}: ok\n")
    if args.output == "json":
        out.write(json.dumps([p.as_dict() for p in found], ensure_ascii=False, indent=2) + "\n")
    return code


def _test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.cases import run_cases

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


def _new_municipality(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund._new import new_municipality
    from civilsamfund.plugins import available_municipalities

    for path in new_municipality(args.slug, args.name, args.dir, on=args.on):
        out.write(f"wrote {path}\n")
    for source in available_municipalities():
        if source.slug == args.slug:
            err.write(
                f"warning: a municipality {args.slug!r} is already installed ({source.found_by}); "
                "load the new one by its directory's path, or give it another slug\n"
            )
    return SUCCESS


def _configure_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directories", nargs="+", metavar="DIR", help="municipality directories")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        dest="output",
        help="text: one line per problem; json: a list of problems (source, path, message, "
        "expected, got)",
    )


def _configure_test(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        type=Path,
        help="a municipality directory, a cases directory, or a case file",
    )


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.core import CivilsamfundError, guard
    from civilsamfund.plugins import installed

    schemas = {schema.name: (schema, plugin) for schema, plugin in installed().json_schemas()}
    given, plugin = schemas[args.which]
    doing = f"JSON Schema {given.name!r}"
    schema = guard.own_or_guarded(
        plugin,
        doing,
        "hook",
        given.build,
        None if args.municipality is None else municipality_of(args),
        passing=(CivilsamfundError,),
    )
    out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return SUCCESS


def _configure_schema(parser: argparse.ArgumentParser) -> None:
    from civilsamfund.plugins import installed

    schemas = [schema for schema, _ in installed().json_schemas()]
    parser.add_argument(
        "which",
        choices=[schema.name for schema in schemas],
        help="; ".join(f"{schema.name}: {schema.help}" for schema in schemas),
    )
    municipality_options(
        parser,
        required=False,
        help="include what this municipality configures (slug or path), for the schemas that "
        "depend on it (application: its declared facts)",
    )


def _configure_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", help="short name: lowercase letters, digits and hyphens")
    parser.add_argument("--name", required=True, help="the municipality's name")
    parser.add_argument("--dir", default=".", type=Path, help="where to write (default: here)")
    parser.add_argument(
        "--on",
        type=iso_date,
        metavar="DATE",
        help="the day the examples are dated (default: today); the rules start on 1 January "
        "of its year",
    )


CORE_COMMANDS = (
    Command(
        name="municipalities",
        help="list the municipalities that can be loaded, and where from",
        configure=config_option,
        run=_municipalities,
    ),
    Command(
        name="check-config",
        help="check municipality directories: configuration, plugins and examples",
        configure=_configure_check,
        run=_check_config,
    ),
    Command(
        name="test",
        help="run policy cases (cases/*.toml): N passed, N failed",
        configure=_configure_test,
        run=_test,
    ),
    Command(
        name="new-municipality",
        help="write a configuration directory and plugin package to start from",
        configure=_configure_new,
        run=_new_municipality,
    ),
    Command(
        name="schema",
        help="print the JSON Schema of a domain's input or output documents",
        configure=_configure_schema,
        run=_schema,
    ),
    Command(
        name="plugins",
        help="list installed plugins, their hooks, and the municipalities they ship",
        configure=lambda parser: None,
        run=_plugins,
    ),
)
"""The commands of the core, which the command line puts before every other."""
