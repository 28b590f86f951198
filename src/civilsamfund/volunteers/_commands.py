"""The volunteers domain's command, ``volunteers check``, and the schemas ``schema`` prints."""

from __future__ import annotations

import argparse
from functools import partial
from typing import TextIO

from civilsamfund.plugins import (
    Command,
    JsonSchema,
    batch_options,
    check_parser,
    fixed,
    judge_files,
    limits_options,
)
from civilsamfund.volunteers._batch import TASK_BATCH
from civilsamfund.volunteers._schema import task_decision_schema, task_schema


def _volunteers(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.volunteers._batch import write_task_decisions
    from civilsamfund.volunteers._review import write_reviews

    if args.action == "review":
        kind = args.kind
        return judge_files(
            args,
            out,
            lambda municipality, files, output, **options: write_reviews(
                municipality, kind, files, output, **options
            ),
        )
    return judge_files(args, out, partial(write_task_decisions, on=args.on))


def _configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    check_parser(
        actions,
        "check",
        help="check volunteer tasks before they start: rules, obligations, outcome",
        items="tasks: .toml or .json documents",
        formats="text: a summary per task; json: a JSON array of task decision documents",
        choices=TASK_BATCH.formats,
    )
    review = actions.add_parser(
        "review",
        help="say what a role description, a checklist or a collaboration agreement lacks",
    )
    review.add_argument(
        "kind",
        choices=("role", "checklist", "agreement"),
        help="role: a role description by its parts (and the commitment to offer); "
        "checklist: the questions before acting and the start logic; agreement: a "
        "collaboration agreement by its parts",
    )
    batch_options(review, "forms: .toml or .json documents (under roles, checklists or agreements)")
    review.add_argument("--format", choices=("text", "json"), default="text")
    limits_options(review)


VOLUNTEER_COMMANDS = (
    Command(
        name="volunteers",
        help="check volunteer tasks against the municipality's rules of play",
        configure=_configure,
        run=_volunteers,
    ),
)
"""The volunteers domain\'s commands, declared in its record (``_plugin.py``)."""


VOLUNTEER_SCHEMAS = (
    JsonSchema(
        name="volunteer-task",
        help="volunteer tasks, the input of volunteers check",
        build=fixed(task_schema),
    ),
    JsonSchema(
        name="task-decision",
        help="volunteers check --format json: the task decisions",
        build=fixed(task_decision_schema),
    ),
)
"""The volunteers domain\'s JSON Schemas, declared in its record (``_plugin.py``)."""
