"""Assessing an application: run each criterion in force, then add up the findings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from civilsamfund._municipality import Municipality
from civilsamfund.core._errors import PluginError
from civilsamfund.core.rules._check import Context, Rule
from civilsamfund.core.rules._findings import Finding, RuleKind, Status, outcome
from civilsamfund.core.rules._messages import deferred
from civilsamfund.grants._application import GrantApplication
from civilsamfund.grants._config import AuditorRule, Pool, Window
from civilsamfund.grants._decision import AuditorRequirement, Decision, Round, RoundKind
from civilsamfund.plugins._manager import CORE


def assess(
    municipality: Municipality, application: GrantApplication, on: date | None = None
) -> Decision:
    """Assess ``application`` by ``municipality``'s rules in force on ``on``.

    ``on`` defaults to the day the application was received. Raises
    :class:`ApplicationError` when the application names a pool or reserve that is
    not configured, or not in force on that day.
    """
    rules = municipality.rules_for(application, on)
    pool = rules.pool
    context = rules.context
    findings: list[Finding] = []
    _assess_all(rules.criteria, application, context, findings)
    department_id = pool.department
    candidates: tuple[str, ...] = ()
    if rules.routing is not None:
        _assess_all((rules.routing,), application, context, findings)
        routing = findings[-1]
        routed = routing.facts.get("department")
        department_id = routed if isinstance(routed, str) else None
        found = routing.facts.get("candidates")
        candidates = found if isinstance(found, tuple) else ()
    for department in (department_id,) if department_id else candidates:
        _assess_all(rules.supplementary.get(department, ()), application, context, findings)
    return Decision(
        application=application.id,
        municipality=municipality.slug,
        pool=pool.id,
        outcome=outcome(findings),
        findings=tuple(findings),
        round=_round(pool, application),
        department=rules.departments.get(department_id) if department_id else None,
        department_candidates=candidates,
        auditor=_auditor(rules.auditor, application, rules.auditors),
        appeal=rules.appeal,
        audit=rules.audit,
        legal_bases=rules.legal_bases,
    )


def _assess_all(
    criteria: Iterable[Rule],
    application: GrantApplication,
    context: Context,
    findings: list[Finding],
) -> None:
    """Add each criterion's finding, reusing a known one for an equal key."""
    criterion = None
    try:
        for criterion in criteria:
            key_of = criterion.key_of
            if key_of is None:
                findings.append(_evaluate(criterion, application, context))
                continue
            key = key_of(application)
            memo = criterion.memo
            finding = memo.get(key)
            if finding is None:
                finding = _evaluate(criterion, application, context)
                memo.offer(key, finding)
            findings.append(finding)
    except Exception as exc:
        if criterion is None or criterion.origin == CORE:
            raise
        raise PluginError(criterion.origin, f"criterion {criterion.id!r} failed: {exc!r}") from exc


def _evaluate(criterion: Rule, application: GrantApplication, context: Context) -> Finding:
    verdict = criterion.check.evaluate(application, context)
    status = verdict.status
    if status is Status.FAIL and criterion.kind is not RuleKind.MANDATORY:
        status = Status.FLAG  # only a mandatory rule can reject; the rest ask a caseworker
    return Finding(
        criterion=criterion.id,
        kind=criterion.kind,
        status=status,
        citation=criterion.citation,
        rule=criterion.rule,
        reason=deferred(criterion.templates[verdict.message], verdict.facts),
        facts=verdict.facts,
        missing=verdict.missing,
    )


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
    rule: AuditorRule | None,
    application: GrantApplication,
    auditors: Mapping[str, AuditorRequirement],
) -> AuditorRequirement | None:
    if rule is None:
        return None
    amount = application.amount
    if amount < rule.threshold:
        return auditors[rule.below]
    if amount == rule.threshold:
        return auditors[rule.at_threshold]
    return auditors[rule.above]
