"""The volunteers domain's own action, ``volunteers review``; ``volunteers check`` is its
batch's."""

from __future__ import annotations

import argparse
from typing import TextIO

from civilsamfund.plugins import Command, batch_options, judge_files, limits_options


def _review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civilsamfund.volunteers._review import write_reviews

    kind = args.kind
    return judge_files(
        args,
        out,
        lambda municipality, files, output, **options: write_reviews(
            municipality, kind, files, output, **options
        ),
    )


def _configure_review(review: argparse.ArgumentParser) -> None:
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


VOLUNTEER_ACTIONS = (
    Command(
        name="review",
        help="say what a role description, a checklist or a collaboration agreement lacks",
        configure=_configure_review,
        run=_review,
    ),
)
"""The volunteers command's own actions, declared in its record (``_plugin.py``)."""
