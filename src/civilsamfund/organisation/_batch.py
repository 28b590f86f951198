"""Checking the forum proposals of files in a batch, through the shared pipeline: a
result is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from civilsamfund.config._municipality import Municipality
from civilsamfund.core._text import Language
from civilsamfund.core.rules._rule import Rule
from civilsamfund.organisation._assessment import ForumAssessor, ForumDecision
from civilsamfund.organisation._document import decision_json, decision_text
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.organisation._reading import PROPOSALS
from civilsamfund.pipeline._batch import Output
from civilsamfund.plugins._domain import Batch
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits

ForumFormat = Literal["text", "json"]
"""``text``: a summary per proposal; ``json``: a JSON array of forum decision documents."""

Prepared = tuple[tuple[Rule[ForumProposal], ...], ForumProposal, date]


def _prepare(assessor: ForumAssessor, proposal: ForumProposal, on: date | None) -> Prepared:
    """An unknown seat, or a day when no rule is in force, is the proposal's error."""
    day = proposal.on if on is None else on
    admitted = assessor.admit(proposal)
    return assessor.rules(admitted, day), admitted, day


PROPOSAL_BATCH: Batch[ForumAssessor, ForumProposal, Prepared, ForumDecision] = Batch(
    items=PROPOSALS,
    assessor=ForumAssessor,
    prepare=_prepare,
    decide=lambda assessor, prepared: assessor.decide(*prepared),
    identify=lambda prepared: prepared[1].id,
    renderers={"text": decision_text, "json": decision_json},
)
"""How a batch checks forum proposals."""


def write_forum_decisions(
    municipality: Municipality,
    files: Sequence[str | Path],
    output: Output = None,
    *,
    format: ForumFormat = "json",
    language: Language = "da",
    on: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    """Check the forum proposals in ``files`` and write every decision; returns the count.

    ``output``: a path, replaced only once every decision is written, or a stream
    (default: standard output). Raises :class:`ForumError` for bad input.
    """
    return PROPOSAL_BATCH.write(
        municipality, files, output, format=format, language=language, on=on, limits=limits
    )
