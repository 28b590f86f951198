"""Checking the nominations of files in a batch, through the shared pipeline: a result
is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from civilsamfund.awards._assessment import NominationAssessor, NominationDecision
from civilsamfund.awards._document import decision_json, decision_text
from civilsamfund.awards._nomination import Candidacy, Nomination
from civilsamfund.awards._reading import NOMINATIONS
from civilsamfund.core.rules import Rule
from civilsamfund.plugins import Batch

NominationFormat = Literal["text", "json", "jsonl"]
"""``text``: a summary per nomination; ``json``: a JSON array of decision documents;
``jsonl``: one document per line, then the end record."""

Prepared = tuple[tuple[Rule[Candidacy], ...], Candidacy, date]

NOMINATION_BATCH: Batch[NominationAssessor, Nomination, Prepared, NominationDecision] = Batch(
    items=NOMINATIONS,
    assessor=NominationAssessor,
    identify=lambda prepared: prepared[1].nomination.id,
    decision=NominationDecision,
    renderers={"text": decision_text, "json": decision_json},
)
"""How a batch checks nominations."""

write_nomination_decisions = NOMINATION_BATCH.write
