"""Assessing an application: run each criterion in force, then add up the findings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ._application import GrantApplication
from ._config import AuditorRule, MunicipalityConfig, Pool, Window
from ._criteria import Context, Criterion
from ._decision import (
    AuditorRequirement,
    AuditRecord,
    Decision,
    Finding,
    Kind,
    Outcome,
    Round,
    RoundKind,
    Status,
)
from ._errors import PluginError
from ._messages import render
from ._municipality import Municipality, application_error
from ._plugins import CORE
from ._version import __version__


def assess(
    municipality: Municipality, application: GrantApplication, on: date | None = None
) -> Decision:
    """Assess ``application`` by ``municipality``'s rules in force on ``on``.

    ``on`` defaults to the day the application was received. Raises
    :class:`ApplicationError` when the application names a pool or reserve that is
    not configured, or not in force on that day.
    """
    on = application.received if on is None else on
    try:
        rules = municipality.rules(application.pool, on)
    except LookupError as exc:
        raise application_error(application, str(exc.args[0])) from None
    pool = rules.pool
    if application.reserve is not None and not any(
        reserve.id == application.reserve for reserve in pool.reserves
    ):
        known = ", ".join(repr(reserve.id) for reserve in pool.reserves) or "none"
        raise application_error(
            application, f"reserve: expected one of {known}, got {application.reserve!r}"
        )
    context = rules.context
    findings = [_finding(criterion, application, context) for criterion in rules.criteria]
    department_id = pool.department
    candidates: tuple[str, ...] = ()
    if rules.routing is not None:
        routing = _finding(rules.routing, application, context)
        findings.append(routing)
        routed = routing.facts.get("department")
        department_id = routed if isinstance(routed, str) else None
        found = routing.facts.get("candidates")
        candidates = found if isinstance(found, tuple) else ()
    for department in (department_id,) if department_id else candidates:
        findings.extend(
            _finding(criterion, application, context)
            for criterion in rules.supplementary.get(department, ())
        )
    return Decision(
        application=application.id,
        municipality=municipality.slug,
        pool=pool.id,
        outcome=outcome(findings),
        findings=tuple(findings),
        round=_round(pool, application),
        department=rules.departments.get(department_id) if department_id else None,
        department_candidates=candidates,
        auditor=_auditor(rules.auditor, application, municipality.config),
        appeal=rules.appeal,
        audit=AuditRecord(
            library_version=__version__,
            municipality=municipality.slug,
            rules_date=on,
            config_fingerprint=municipality.fingerprint,
        ),
    )


def _finding(criterion: Criterion, application: GrantApplication, context: Context) -> Finding:
    try:
        verdict = criterion.check.evaluate(application, context)
        template = criterion.templates[verdict.message]
    except Exception as exc:
        if criterion.origin == CORE:
            raise
        raise PluginError(criterion.origin, f"criterion {criterion.id!r} failed: {exc!r}") from exc
    status = verdict.status
    if status is Status.FAIL and criterion.kind is not Kind.MANDATORY:
        status = Status.FLAG  # only a mandatory rule can reject; the rest ask a caseworker
    return Finding(
        criterion=criterion.id,
        kind=criterion.kind,
        status=status,
        citation=criterion.citation,
        reason=render(template, verdict.facts),
        facts=verdict.facts,
        missing=verdict.missing,
    )


def outcome(findings: Iterable[Finding]) -> Outcome:
    """Ineligible if a mandatory criterion fails; else needs assessment if any flags."""
    flagged = False
    for finding in findings:
        if finding.status is Status.FAIL and finding.kind is Kind.MANDATORY:
            return Outcome.INELIGIBLE
        flagged = flagged or finding.status is Status.FLAG or finding.status is Status.FAIL
    return Outcome.NEEDS_ASSESSMENT if flagged else Outcome.ELIGIBLE


def _round(pool: Pool, application: GrantApplication) -> Round | None:
    reserve = next((r for r in pool.reserves if r.id == application.reserve), None)
    window: Window | None = pool.window if reserve is None else reserve.window or pool.window
    if window is None:
        return None
    if window.kind is RoundKind.ALL_YEAR:
        return Round(kind=RoundKind.ALL_YEAR, reserve=application.reserve)
    received = application.received
    deadline = window.deadline_in(received.year)
    if received > deadline:
        deadline = window.deadline_in(received.year + 1)
    return Round(
        kind=RoundKind.YEARLY, year=deadline.year, deadline=deadline, reserve=application.reserve
    )


def _auditor(
    rule: AuditorRule | None, application: GrantApplication, config: MunicipalityConfig
) -> AuditorRequirement | None:
    if rule is None:
        return None
    amount = application.amount
    if amount < rule.threshold:
        kind = rule.below
    elif amount == rule.threshold:
        kind = rule.at_threshold
    else:
        kind = rule.above
    name = next(a.name for a in config.municipality.auditors if a.id == kind)
    return AuditorRequirement(id=kind, name=name)
