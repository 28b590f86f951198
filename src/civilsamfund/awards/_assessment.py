"""Assessing a nomination: the award as given in its year, the rules in force on that
year's award day, their findings and the outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund._deprecation import renamed_method
from civilsamfund.awards._catalogue import AwardsFile
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Candidacy, Nomination
from civilsamfund.awards._year import AwardYear, award_in
from civilsamfund.config import Municipality, ReferencePlan
from civilsamfund.core import AuditRecord, Text, shown
from civilsamfund.core.rules import Evaluator, Finding, Outcome, Rule


@frozen(kw_only=True)
class NominationDecision:
    """What the rules say about one nomination.

    ``outcome``: ``eligible`` (the jury may choose it), ``needs_assessment`` (a flag or
    a missing fact for someone to look at) or ``ineligible`` (a mandatory rule fails).
    ``target_group`` is the award's target group that year, if it has one.
    """

    nomination: str
    award: str
    year: int
    target_group: str | None
    municipality: str
    outcome: Outcome
    findings: Sequence[Finding]
    audit: AuditRecord
    names: Mapping[str, Text] = field(factory=dict)
    """What the ids the decision names are called, and the titles of the cited documents."""


class NominationAssessor:
    """Assesses nominations by one municipality's award catalogue and rules; make one for
    many nominations."""

    __slots__ = ("_evaluator", "_plan", "_rules", "municipality")

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._evaluator = Evaluator()
        self._plan = ReferencePlan(Nomination)
        self._rules: dict[tuple[str, int, date], tuple[Rule[Candidacy], ...]] = {}

    def rules(self, award: AwardYear, on: date | None = None) -> tuple[Rule[Candidacy], ...]:
        """The rules that judge nominations for ``award``: its version's criteria in
        force on ``on`` (default: the year's award day), in the configured order."""
        day = award.day if on is None else on
        key = (award.award, award.year, day)
        rules = self._rules.get(key)
        if rules is None:
            criteria = award.version.criteria
            rules = self._rules[key] = self.municipality.rulebook.in_force(criteria, day)
        return rules

    def candidacy(self, nomination: Nomination) -> Candidacy:
        """``nomination`` with its award as given in its year.

        Raises :class:`AwardError` when it names an award or target group the
        municipality does not configure, or an award not given that year.
        """
        found = self._plan.found(nomination, self.municipality.known)
        if not found:
            try:
                return Candidacy(
                    nomination=nomination,
                    award=award_in(self.municipality, nomination.award, nomination.year),
                )
            except AwardError as exc:
                for problem in exc.problems:
                    found.at("", "year", problem.message)
        source = f"nomination {shown(nomination.id)}"
        raise AwardError(found.kept, found.more).within(source, "")

    def prepare(
        self, nomination: Nomination, on: date | None = None
    ) -> tuple[tuple[Rule[Candidacy], ...], Candidacy, date]:
        """What :meth:`decide` takes for ``nomination`` on ``on`` (default: the award day
        of its year): its rules, its candidacy and the day. Raises as :meth:`candidacy`."""
        candidacy = self.candidacy(nomination)
        day = candidacy.award.day if on is None else on
        return self.rules(candidacy.award, day), candidacy, day

    def assess(self, nomination: Nomination, on: date | None = None) -> NominationDecision:
        """Assess ``nomination`` by its award's rules in force on ``on`` (default: the
        award day of its year)."""
        return self.decide(*self.prepare(nomination, on))

    check = renamed_method(assess, old="check", since="0.4.0")

    def decide(
        self, rules: tuple[Rule[Candidacy], ...], candidacy: Candidacy, on: date
    ) -> NominationDecision:
        """Judge ``candidacy`` by ``rules``, which :meth:`rules` gave for it on ``on``."""
        findings = self._evaluator.findings(rules, candidacy)
        municipality = self.municipality
        award = candidacy.award
        groups = municipality.section(AwardsFile).groups
        return NominationDecision(
            nomination=candidacy.nomination.id,
            award=award.award,
            year=award.year,
            target_group=award.target_group,
            municipality=municipality.slug,
            outcome=findings.outcome,
            findings=findings,
            audit=municipality.audit(on),
            names={
                **municipality.titles(rule.citation.document for rule in rules),
                award.award: award.version.name,
                **{group.id: group.name for group in groups},
            },
        )


def assess(
    municipality: Municipality, nomination: Nomination, on: date | None = None
) -> NominationDecision:
    """Assess one nomination by ``municipality``'s award rules in force on ``on``
    (default: its year's award day). For many, make one :class:`NominationAssessor`."""
    return NominationAssessor(municipality).assess(nomination, on)
