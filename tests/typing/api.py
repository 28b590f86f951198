"""Uses the public API as a caller would: mypy --strict checks this file, so a change that
breaks a caller's types fails CI. It is type-checked, not run."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import ClassVar

from attrs import field, frozen

import civilsamfund as cs
from civilsamfund import grants
from civilsamfund.grants.facts import VOLUNTEER_SHARE, application_fact


def assess_a_file(slug: str, path: str) -> tuple[cs.Outcome, Decimal, cs.Status, list[str]]:
    """Read, assess and render a batch, as an embedding system does."""
    municipality: cs.Municipality = cs.load_municipality(slug)
    assessor = grants.Assessor(municipality)
    decisions: list[grants.Decision] = [
        assessor.assess(application, on=date(2025, 9, 1))
        for application in grants.read_applications(path)
    ]
    finding: cs.Finding = decisions[0].findings[0]
    title: str | None = finding.citation.title
    documents = [grants.decision_json(decision, "en") for decision in decisions]
    return decisions[0].outcome, decisions[0].amount, finding.status, [*documents, title or ""]


def problems_as_data(directory: str) -> list[dict[str, object]]:
    """Configuration problems are values."""
    return [problem.as_dict() for problem in cs.check_conformance(directory)]


SHIFTS = application_fact(
    "fixed_shifts", cs.Text(da="faste vagter", en="fixed shifts"), convert=bool
)


@frozen(kw_only=True)
class MinimumShare(grants.GrantCheck):
    """A plugin's check, written against the public API."""

    minimum: Decimal = field()

    FACTS = (VOLUNTEER_SHARE, SHIFTS)
    MESSAGES: ClassVar[Mapping[str, cs.Text]] = {
        "ok": cs.Text(da="Nok.", en="Enough."),
    }

    def evaluate(self, facts: cs.Facts[grants.GrantApplication]) -> cs.Verdict:
        share = facts[VOLUNTEER_SHARE]
        if share is None:
            return cs.missing(VOLUNTEER_SHARE)
        status = cs.Status.PASS if share >= self.minimum else cs.Status.FAIL
        return cs.Verdict(status=status, message="ok", facts={"share": str(share)})

    def examples(self, passing: bool, known: cs.Known) -> cs.Examples | None:
        return {VOLUNTEER_SHARE: [Decimal(1) if passing else Decimal(0)]}


@cs.hookimpl
def civilsamfund_criterion_types() -> Mapping[str, type[cs.Check[grants.GrantApplication]]]:
    return {"typing.minimum_share": MinimumShare}


def with_this_plugin() -> cs.Plugins:
    plugins = cs.Plugins()
    plugins.register(__import__(__name__), "typing", "0.1")
    return plugins


def write_a_round(municipality: cs.Municipality, files: list[str], target: str) -> int:
    """A batch written whole or not at all, with limits raised for a large round."""
    limits = cs.Limits(max_items=500_000, max_problems=20)
    try:
        return grants.write_decisions(
            municipality, files, target, format="jsonl", language="en", limits=limits
        )
    except cs.ItemError as exc:
        raise SystemExit(f"{exc.source} {exc.path}: {exc.message}") from exc
    except cs.OutputError:
        return 0
