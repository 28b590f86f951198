"""Checking the nominations of files in a batch, through the shared pipeline: a result
is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from civilsamfund.awards._assessment import NominationAssessor, NominationDecision
from civilsamfund.awards._document import decision_json, decision_text
from civilsamfund.awards._nomination import Candidacy, Nomination
from civilsamfund.awards._reading import NOMINATIONS
from civilsamfund.config._municipality import Municipality
from civilsamfund.core._text import Language
from civilsamfund.core.rules._rule import Rule
from civilsamfund.pipeline._batch import Output
from civilsamfund.plugins._domain import Batch
from civilsamfund.reading._limits import DEFAULT_LIMITS, Limits

NominationFormat = Literal["text", "json"]
"""``text``: a summary per nomination; ``json``: a JSON array of decision documents."""

Prepared = tuple[tuple[Rule[Candidacy], ...], Candidacy, date]


def _prepare(assessor: NominationAssessor, nomination: Nomination, on: date | None) -> Prepared:
    candidacy = assessor.candidacy(nomination)
    day = candidacy.award.day if on is None else on
    return assessor.rules(candidacy.award, day), candidacy, day


NOMINATION_BATCH: Batch[NominationAssessor, Nomination, Prepared, NominationDecision] = Batch(
    items=NOMINATIONS,
    assessor=NominationAssessor,
    prepare=_prepare,
    decide=lambda assessor, prepared: assessor.decide(*prepared),
    identify=lambda prepared: prepared[1].nomination.id,
    renderers={"text": decision_text, "json": decision_json},
)
"""How a batch checks nominations."""


def write_nomination_decisions(
    municipality: Municipality,
    files: Sequence[str | Path],
    output: Output = None,
    *,
    format: NominationFormat = "json",
    language: Language = "da",
    on: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    """Check the nominations in ``files`` and write every decision; returns the count.

    ``output``: a path, replaced only once every decision is written, or a stream
    (default: standard output). Raises :class:`AwardError` for bad input.
    """
    return NOMINATION_BATCH.write(
        municipality, files, output, format=format, language=language, on=on, limits=limits
    )
