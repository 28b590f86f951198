"""Checks that read who applies: a private person or an association, and its accounts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from typing import ClassVar

from attrs import field, frozen

from civilsamfund.core import Text, at_least, finite_non_negative
from civilsamfund.core.rules import (
    FAIL,
    FLAG,
    INFO,
    NOT_APPLICABLE,
    PASS,
    Examples,
    Facts,
    FactValue,
    Known,
    Status,
    Verdict,
    missing,
)
from civilsamfund.grants._application import KIND_NAMES, AssociationKind, GrantApplication
from civilsamfund.grants._check import HUNDREDTH, GrantCheck
from civilsamfund.grants.facts import (
    ANNUAL_RUNNING_COSTS,
    APPLICANT_TYPE,
    ASSOCIATION_KIND,
    EQUITY,
    FOUNDED,
    RECEIVED,
)

_NOT_ASSOCIATION = Text(
    da="Ansøgeren er ikke en forening.", en="The applicant is not an association."
)


@frozen(kw_only=True)
class MunicipalDiscretion(GrantCheck):
    """The municipality decides whether to support at all: the assessment is guidance.

    An association of a kind outside ``expected_kinds`` is flagged: whether the pool
    suits it at all is for a caseworker to judge.
    """

    expected_kinds: tuple[AssociationKind, ...] = (AssociationKind.VOLUNTARY_SOCIAL,)

    FACTS = (ASSOCIATION_KIND,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "guidance": Text(
            da="Vurderingen er vejledende; den endelige afgørelse træffes af en sagsbehandler.",
            en="This assessment is guidance; a caseworker makes the final decision.",
        ),
        "other_kind": Text(
            da="Ansøgeren er en forening af typen {association_kind:names}; en sagsbehandler må "
            "vurdere, om puljen passer til den.",
            en="The applicant is an association of the kind {association_kind:names}; a "
            "caseworker must judge whether the pool suits it.",
        ),
    }
    RECORDS = ("association_kind",)
    NAMES = KIND_NAMES

    def status(self, kind: AssociationKind | None) -> Status:
        return FLAG if kind is not None and kind not in self.expected_kinds else INFO

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        kind = facts[ASSOCIATION_KIND]
        if kind is not None and self.status(kind) is FLAG:
            return Verdict(
                status=FLAG, message="other_kind", facts={"association_kind": kind.value}
            )
        return Verdict(status=INFO, message="guidance")

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {} if passing else None  # it guides and flags, never fails


@frozen(kw_only=True)
class NotAnIndividual(GrantCheck):
    """Support goes to associations, not to private persons."""

    FACTS = (APPLICANT_TYPE,)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "association": Text(da="Ansøgeren er en forening.", en="The applicant is an association."),
        "individual": Text(
            da="Ansøgeren er en privatperson.", en="The applicant is a private person."
        ),
    }

    def status(self, applicant_type: str) -> Status:
        return FAIL if applicant_type == "person" else PASS

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        is_person = self.status(facts[APPLICANT_TYPE]) is FAIL
        return Verdict(
            status=FAIL if is_person else PASS,
            message="individual" if is_person else "association",
            facts={"applicant_type": "person" if is_person else "association"},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {APPLICANT_TYPE: ["association" if passing else "person"]}


@frozen(kw_only=True)
class EquityGuideline(GrantCheck):
    """Equity should not exceed what ordinary running needs.

    ``max_multiple`` is the guideline: equity above that many times the annual
    running costs is more than ordinary running needs.
    """

    max_multiple: Decimal = field(validator=finite_non_negative)

    FACTS = (APPLICANT_TYPE, EQUITY, ANNUAL_RUNNING_COSTS)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "within": Text(
            da="Egenkapitalen på {equity:kr} er højst {max_multiple} gange de årlige "
            "driftsudgifter på {annual_running_costs:kr}.",
            en="Equity of {equity:kr} is at most {max_multiple} times the annual running "
            "costs of {annual_running_costs:kr}.",
        ),
        "above": Text(
            da="Egenkapitalen på {equity:kr} er over {max_multiple} gange de årlige "
            "driftsudgifter på {annual_running_costs:kr}.",
            en="Equity of {equity:kr} is more than {max_multiple} times the annual running "
            "costs of {annual_running_costs:kr}.",
        ),
        "not_association": _NOT_ASSOCIATION,
    }

    def status(self, applicant_type: str, equity: Decimal | None, costs: Decimal | None) -> Status:
        if applicant_type != "association":
            return NOT_APPLICABLE
        if equity is None or costs is None:
            return FLAG
        return PASS if equity <= self.max_multiple * costs else FAIL

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        equity, costs = facts[EQUITY], facts[ANNUAL_RUNNING_COSTS]
        status = self.status(facts[APPLICANT_TYPE], equity, costs)
        if status is NOT_APPLICABLE:
            return Verdict(status=status, message="not_association")
        multiple = str(self.max_multiple)
        if status is FLAG:
            return missing(*facts.absent(EQUITY, ANNUAL_RUNNING_COSTS), max_multiple=multiple)
        return Verdict(
            status=status,
            message="within" if status is PASS else "above",
            facts={
                "equity": str(equity),
                "annual_running_costs": str(costs),
                "max_multiple": multiple,
            },
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        costs = Decimal(100)
        limit = (self.max_multiple * costs).quantize(HUNDREDTH, rounding=ROUND_FLOOR)
        return {
            APPLICANT_TYPE: ["association"],
            ANNUAL_RUNNING_COSTS: [costs],
            EQUITY: [limit, Decimal(0)] if passing else [limit + HUNDREDTH],
        }


def _years_between(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end``, as an age is counted."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


@frozen(kw_only=True)
class StartupSupport(GrantCheck):
    """Support in an association's start-up phase is allowed.

    ``startup_years``: how many years after its founding an association counts as
    starting up; the documents give no number, so it is a reading to configure.
    """

    startup_years: int = field(validator=at_least(0))

    FACTS = (APPLICANT_TYPE, FOUNDED, RECEIVED)
    MESSAGES: ClassVar[Mapping[str, Text]] = {
        "startup": Text(
            da="Foreningen er stiftet {founded:date} og er i opstartsfasen; opstartsstøtte kan "
            "gives.",
            en="The association was founded on {founded:date} and is starting up; start-up support "
            "may be given.",
        ),
        "established": Text(
            da="Foreningen er stiftet {founded:date} og er ikke i opstartsfasen.",
            en="The association was founded on {founded:date} and is past its start-up phase.",
        ),
        "not_association": _NOT_ASSOCIATION,
    }

    def status(self, applicant_type: str, founded: date | None, received: date) -> Status:
        if applicant_type != "association":
            return NOT_APPLICABLE
        if founded is None:
            return FLAG
        if _years_between(founded, received) < self.startup_years:
            return INFO
        return NOT_APPLICABLE

    def evaluate(self, facts: Facts[GrantApplication]) -> Verdict:
        founded = facts[FOUNDED]
        status = self.status(facts[APPLICANT_TYPE], founded, facts[RECEIVED])
        if status is FLAG:
            return missing(FOUNDED, startup_years=self.startup_years)
        if founded is None or facts[APPLICANT_TYPE] != "association":
            return Verdict(status=status, message="not_association")
        recorded: dict[str, FactValue] = {
            "founded": founded.isoformat(),
            "startup_years": self.startup_years,
        }
        message = "startup" if status is INFO else "established"
        return Verdict(status=status, message=message, facts=recorded)

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {} if passing else None  # it permits, never fails
