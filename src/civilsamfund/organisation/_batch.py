"""Checking the forum proposals of files in a batch, through the shared pipeline: a
result is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from civilsamfund._municipality import Municipality
from civilsamfund.config._converter import structurer
from civilsamfund.core._text import Language
from civilsamfund.core.rules._rule import Rule
from civilsamfund.organisation._assessment import ForumAssessor
from civilsamfund.organisation._document import decision_json, decision_text
from civilsamfund.organisation._errors import ForumError
from civilsamfund.organisation._proposal import ForumProposal
from civilsamfund.pipeline._batch import Inputs, Output, Steps, write
from civilsamfund.pipeline._limits import DEFAULT_LIMITS, Limits
from civilsamfund.pipeline._output import layout_for

ForumFormat = Literal["text", "json"]
"""``text``: a summary per proposal; ``json``: a JSON array of forum decision documents."""

Prepared = tuple[tuple[Rule[ForumProposal], ...], ForumProposal, date]


def proposal_steps(
    assessor: ForumAssessor, on: date | None, format: ForumFormat, language: Language
) -> Steps[Prepared]:
    """How a batch prepares, judges and names a forum proposal."""
    read = structurer(ForumProposal, ForumError)
    render = decision_text if format == "text" else decision_json

    def prepare(item: Any, source: str, path: str) -> Prepared:
        proposal = read(item, source, path)
        day = proposal.on if on is None else on
        try:
            admitted = assessor.admit(proposal)
            return assessor.rules(admitted, day), admitted, day
        except ForumError as exc:  # an unknown seat, or a day when no rule is in force
            raise exc.within(source, path) from None

    def judge(prepared: Prepared) -> bytes:
        return render(assessor.decide(*prepared), language).encode()

    return Steps(
        key="proposals",
        prepare=prepare,
        judge=judge,
        identify=lambda prepared: prepared[1].id,
        error=ForumError,
    )


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
    layout = layout_for(format, ("text", "json"))
    steps = proposal_steps(ForumAssessor(municipality), on, format, language)
    return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)
