"""Checking the forum proposals of files in a batch, through the shared pipeline: a
result is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from datetime import date
from typing import Literal

from civilsamfund.core.rules import Rule
from civilsamfund.organisation._assessment import ForumAssessor, ForumDecision
from civilsamfund.organisation._document import decision_json, decision_text
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.organisation._reading import PROPOSALS
from civilsamfund.plugins import Batch

ForumFormat = Literal["text", "json", "jsonl"]
"""``text``: a summary per proposal; ``json``: a JSON array of forum decision documents;
``jsonl``: one document per line, then the end record."""

Prepared = tuple[tuple[Rule[ForumProposal], ...], ForumProposal, date]

PROPOSAL_BATCH: Batch[ForumAssessor, ForumProposal, Prepared, ForumDecision] = Batch(
    items=PROPOSALS,
    assessor=ForumAssessor,
    decision=ForumDecision,
    renderers={"text": decision_text, "json": decision_json},
)
"""How a batch checks forum proposals."""

write_forum_decisions = PROPOSAL_BATCH.write
