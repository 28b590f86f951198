"""Checking the nominations of files in a batch, through the shared pipeline: a result
is whole or absent, every input gets a clear answer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from civilsamfund._municipality import Municipality
from civilsamfund.awards._assessment import NominationAssessor
from civilsamfund.awards._document import decision_json, decision_text
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Candidacy, Nomination
from civilsamfund.config._converter import structurer
from civilsamfund.core._text import Language
from civilsamfund.core.rules._rule import Rule
from civilsamfund.pipeline._batch import Inputs, Output, Steps, write
from civilsamfund.pipeline._limits import DEFAULT_LIMITS, Limits
from civilsamfund.pipeline._output import layout_for

NominationFormat = Literal["text", "json"]
"""``text``: a summary per nomination; ``json``: a JSON array of decision documents."""

Prepared = tuple[tuple[Rule[Candidacy], ...], Candidacy, date]


def nomination_steps(
    assessor: NominationAssessor, on: date | None, format: NominationFormat, language: Language
) -> Steps[Prepared]:
    """How a batch prepares, judges and names a nomination."""
    read = structurer(Nomination, AwardError)
    render = decision_text if format == "text" else decision_json

    def prepare(item: Any, source: str, path: str) -> Prepared:
        nomination = read(item, source, path)
        try:
            candidacy = assessor.candidacy(nomination)
        except AwardError as exc:
            raise exc.within(source, path) from None
        day = candidacy.award.day if on is None else on
        return assessor.rules(candidacy.award, day), candidacy, day

    def judge(prepared: Prepared) -> bytes:
        return render(assessor.decide(*prepared), language).encode()

    return Steps(
        key="nominations",
        prepare=prepare,
        judge=judge,
        identify=lambda prepared: prepared[1].nomination.id,
        error=AwardError,
    )


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
    layout = layout_for(format, ("text", "json"))
    steps = nomination_steps(NominationAssessor(municipality), on, format, language)
    return write(steps, Inputs(paths=files, limits=limits), output, layout, jobs=1)
