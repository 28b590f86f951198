"""The report command, ``civilsamfund report``, and the schema ``schema`` prints."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

from civilsamfund.awards import year
from civilsamfund.plugins import (
    SUCCESS,
    Command,
    JsonSchema,
    fixed,
    limits_from,
    limits_options,
    municipality_of,
    municipality_options,
)
from civilsamfund.report._schema import report_schema


def _shown_from(chart: Path, output: Path | None) -> str:
    """The chart's path as the Markdown links it: relative to the report's folder."""
    if output is None:
        return chart.as_posix()
    return Path(os.path.relpath(chart.resolve(), output.resolve().parent)).as_posix()


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.pipeline import atomic_output
    from civilsamfund.reading import screened_result
    from civilsamfund.report._build import annual_report
    from civilsamfund.report._chart import chart_format, draw_chart
    from civilsamfund.report._document import report_json
    from civilsamfund.report._markdown import report_markdown
    from civilsamfund.report._records import GrantRecord, NominationRecord, read_records

    municipality = municipality_of(args)
    limits = limits_from(args)
    slug = municipality.slug
    decisions = read_records(args.decisions, GrantRecord, "decisions", slug, limits)
    nominations = read_records(args.awards, NominationRecord, "decisions", slug, limits)
    report = annual_report(municipality, args.year, decisions, nominations)
    chart = None
    if args.chart is not None:
        kind = chart_format(args.chart)
        with atomic_output(args.chart) as file:
            draw_chart(report, file, kind, args.lang)
        chart = _shown_from(args.chart, args.output)
    if args.format == "json":
        text = report_json(report, args.lang)
    else:
        text = report_markdown(report, municipality.name, args.lang, chart)
    if args.output is None:
        out.write(text)  # screened as every command's output
    else:
        with atomic_output(args.output) as file:
            file.write(screened_result(text.encode(), json=args.format == "json"))
    return SUCCESS


def _configure(parser: argparse.ArgumentParser) -> None:
    municipality_options(parser)
    parser.add_argument("--year", type=year, required=True, help="the year to report on")
    parser.add_argument(
        "decisions",
        nargs="*",
        metavar="DECISIONS",
        help="grant decisions: the .json files assess --format json wrote",
    )
    parser.add_argument(
        "--awards",
        action="append",
        default=[],
        metavar="FILE",
        help="nomination decisions: a .json file awards check --format json wrote (repeatable)",
    )
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="language of texts")
    parser.add_argument(
        "--format",
        choices=("markdown", "json"),
        default="markdown",
        help="markdown: a report for the committees; json: one JSON document",
    )
    parser.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write to FILE, replacing it only once the report is whole (default: standard output)",
    )
    parser.add_argument(
        "--chart",
        type=Path,
        metavar="FILE",
        help="also draw the applications by pool and outcome to FILE (.png or .svg), "
        "linked from the Markdown; needs civilsamfund[chart]",
    )
    limits_options(parser)


REPORT_COMMANDS = (
    Command(
        name="report",
        help="the annual report: grants by pool, outcome and department, awards, and the "
        "strategies' objectives and status",
        configure=_configure,
        run=_report,
    ),
)
"""The report command, given by the report's plugin (``_plugin.py``)."""


REPORT_SCHEMAS = (
    JsonSchema(
        name="annual-report",
        help="report --format json: the annual report",
        build=fixed(report_schema),
    ),
)
"""The report's JSON Schema, given by the report's plugin (``_plugin.py``)."""
