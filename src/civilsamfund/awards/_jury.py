"""The jury's choice: the winners of an award in a year, with the committee's reasons
per winner, checked against the nominations' decisions and carrying the audit record
every decision carries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund.awards._assessment import NominationDecision
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._year import award_in
from civilsamfund.config import Municipality
from civilsamfund.core import AuditRecord, not_empty, shown
from civilsamfund.core.rules import Outcome


@frozen(kw_only=True)
class Winner:
    """A winning nomination, by id, and why the committee chose it, in its own words."""

    nomination: str
    reasons: str


@frozen(kw_only=True)
class JuryDecision:
    """Who won ``award`` in ``year``: decided by ``committee`` on ``decided_on``."""

    municipality: str
    award: str
    year: int
    committee: str
    decided_on: date
    winners: tuple[Winner, ...] = field(validator=not_empty)
    audit: AuditRecord


def record_jury_decision(
    municipality: Municipality,
    award: str,
    year: int,
    *,
    committee: str,
    decided_on: date,
    winners: Sequence[Winner],
    decisions: Iterable[NominationDecision],
) -> JuryDecision:
    """The committee's choice, once it is sure to be one the rules allow.

    Raises :class:`AwardError` when the award is not given that year, when a winner
    has no decision among ``decisions``, is for another award or year, or was found
    ineligible, or when a nomination wins twice. A nomination that needs assessment
    may win: the committee is who assesses it.
    """
    given = award_in(municipality, award, year)
    decided = {decision.nomination: decision for decision in decisions}
    wrong: list[tuple[str, str]] = []
    seen: set[str] = set()
    for index, winner in enumerate(winners):
        path = f"winners[{index}].nomination"
        decision = decided.get(winner.nomination)
        if winner.nomination in seen:
            wrong.append((path, f"expected each winner once, {shown(winner.nomination)} twice"))
        elif decision is None:
            wrong.append((path, f"expected a checked nomination, got {shown(winner.nomination)}"))
        elif (decision.award, decision.year) != (award, year):
            wrong.append(
                (
                    path,
                    f"expected a nomination for {award} {year}, got one for "
                    f"{decision.award} {decision.year}",
                )
            )
        elif decision.outcome is Outcome.INELIGIBLE:
            wrong.append((path, "expected an eligible nomination; the rules found it ineligible"))
        seen.add(winner.nomination)
    if wrong:
        raise AwardError.in_file(f"jury decision {shown(award)} {year}", wrong)
    return JuryDecision(
        municipality=municipality.slug,
        award=award,
        year=year,
        committee=committee,
        decided_on=decided_on,
        winners=tuple(winners),
        audit=municipality.audit(given.day),
    )
