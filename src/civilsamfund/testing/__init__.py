"""Hypothesis strategies for civilsamfund: models, and subjects that meet or break rules.

Needs the ``test`` extra (``pip install civilsamfund[test]``). The model strategies are
registered with Hypothesis through its entry point, so ``st.from_type(GrantApplication)``
works in any test. :func:`satisfying` builds subjects of any domain that meet a set of
rules, or break exactly one, from what each check declares; :func:`applications_for`
and :func:`tasks_for` do so for a municipality's grant pools and volunteer tasks, and
:func:`violating` for any one of its criteria.
"""

from __future__ import annotations

# Imported first: Hypothesis's entry point imports this package's strategy modules
# while Hypothesis itself loads, which must not happen halfway through one of them.
import hypothesis  # noqa: F401

from civilsamfund.testing._awards import (
    award_versions,
    jury_decisions,
    nomination_decisions,
    nominations,
    nominators,
    nominees,
    years,
)
from civilsamfund.testing._domains import register_strategies, violating
from civilsamfund.testing._grants import applications_for
from civilsamfund.testing._models import (
    activities,
    applicants,
    applications,
    associations,
    audit_records,
    auditor_requirements,
    budget_lines,
    citations,
    cvr_numbers,
    dates,
    decisions,
    department_refs,
    facts,
    findings,
    funding_sources,
    kroner,
    names,
    persons,
    rounds,
    shares,
    target_groups,
    texts,
)
from civilsamfund.testing._organisation import (
    age_spans,
    contacts,
    entry_answers,
    forum_decisions,
    forum_proposals,
    meetings,
    members,
)
from civilsamfund.testing._prose import (
    Rendered,
    message_faults,
    prose_faults,
    rendered_messages,
)
from civilsamfund.testing._report import (
    annual_reports,
    award_lines,
    grant_records,
    grant_sections,
    nomination_records,
    objective_lines,
    strategy_lines,
)
from civilsamfund.testing._rules import plan, satisfying
from civilsamfund.testing._strategy import (
    design_meetings,
    done_records,
    evaluation_summaries,
    evaluations,
    meeting_summaries,
    points_papers,
    rankings,
    strategy_models,
    strategy_statuses,
)
from civilsamfund.testing._volunteers import (
    age_ranges,
    obligations,
    task_decisions,
    tasks_for,
    volunteer_tasks,
)

__all__ = [
    "Rendered",
    "activities",
    "age_ranges",
    "age_spans",
    "annual_reports",
    "applicants",
    "applications",
    "applications_for",
    "associations",
    "audit_records",
    "auditor_requirements",
    "award_lines",
    "award_versions",
    "budget_lines",
    "citations",
    "contacts",
    "cvr_numbers",
    "dates",
    "decisions",
    "department_refs",
    "design_meetings",
    "done_records",
    "entry_answers",
    "evaluation_summaries",
    "evaluations",
    "facts",
    "findings",
    "forum_decisions",
    "forum_proposals",
    "funding_sources",
    "grant_records",
    "grant_sections",
    "jury_decisions",
    "kroner",
    "meeting_summaries",
    "meetings",
    "members",
    "message_faults",
    "names",
    "nomination_decisions",
    "nomination_records",
    "nominations",
    "nominators",
    "nominees",
    "objective_lines",
    "obligations",
    "persons",
    "plan",
    "points_papers",
    "prose_faults",
    "rankings",
    "register_strategies",
    "rendered_messages",
    "rounds",
    "satisfying",
    "shares",
    "strategy_lines",
    "strategy_models",
    "strategy_statuses",
    "target_groups",
    "task_decisions",
    "tasks_for",
    "texts",
    "violating",
    "volunteer_tasks",
    "years",
]
