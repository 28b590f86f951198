"""Assessing a volunteer task: the rules in force on the day it starts, their findings,
the outcome, and the obligations the findings give."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from attrs import field, frozen

from civilsamfund._deprecation import renamed_method
from civilsamfund.config import Municipality, ReferencePlan
from civilsamfund.core import AuditRecord, PluginError, Problem, Text, guard, shown
from civilsamfund.core.rules import CORE, Evaluator, Finding, Outcome, Rule
from civilsamfund.volunteers._check import TaskCheck
from civilsamfund.volunteers._config import VolunteersFile
from civilsamfund.volunteers._errors import TaskError
from civilsamfund.volunteers._obligations import Obligation
from civilsamfund.volunteers._task import VolunteerTask


@frozen(kw_only=True)
class TaskDecision:
    """What the rules say about one volunteer task.

    ``outcome``: ``eligible`` (the volunteers may do the task as described, with the
    obligations listed), ``needs_assessment`` (a flag or a missing fact for someone to
    look at) or ``ineligible`` (a mandatory rule fails: not as described).
    ``obligations`` are what must be in place before the start and kept in mind after.
    """

    task: str
    municipality: str
    outcome: Outcome
    findings: Sequence[Finding]
    obligations: tuple[Obligation, ...]
    audit: AuditRecord
    names: Mapping[str, Text] = field(factory=dict)
    """What the ids the findings name are called, and the titles of the cited documents."""


class TaskAssessor:
    """Assesses volunteer tasks by one municipality's rules; make one for many tasks."""

    __slots__ = ("_evaluator", "_plan", "_rules", "municipality")

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._evaluator = Evaluator()
        self._plan = ReferencePlan(VolunteerTask)
        self._rules: dict[date, tuple[Rule[VolunteerTask], ...]] = {}

    def rules(self, on: date) -> tuple[Rule[VolunteerTask], ...]:
        """The task rules in force on ``on``: the national rules, then the municipality's
        in the configured order (a national rule it lists keeps its place there)."""
        rules = self._rules.get(on)
        if rules is None:
            municipality = self.municipality
            listed = municipality.section(VolunteersFile).criteria
            national = (i for i in municipality.national_rules(VolunteerTask) if i not in listed)
            rules = self._rules[on] = municipality.rulebook.in_force((*national, *listed), on)
        return rules

    def rules_for(
        self, task: VolunteerTask, on: date | None = None
    ) -> tuple[Rule[VolunteerTask], ...]:
        """The rules that judge ``task`` on ``on`` (default: the day it starts).

        Raises :class:`TaskError` when the task names an arena, agreement part or tool
        the municipality does not configure, or no task rules are in force that day.
        """
        on = task.starts if on is None else on
        wrong = list(self._plan.problems(task, self.municipality.known))
        rules = self.rules(on)
        if not rules:
            wrong.append(("", f"expected rules for volunteer tasks in force on {on.isoformat()}"))
        if wrong:
            source = f"task {shown(task.id)}"
            raise TaskError(Problem.at(source, path, message) for path, message in wrong)
        return rules

    def prepare(
        self, task: VolunteerTask, on: date | None = None
    ) -> tuple[tuple[Rule[VolunteerTask], ...], VolunteerTask, date]:
        """What :meth:`decide` takes for ``task`` on ``on`` (default: the day it starts):
        its rules, the task and the day. Raises as :meth:`rules_for`."""
        return self.rules_for(task, on), task, task.starts if on is None else on

    def assess(self, task: VolunteerTask, on: date | None = None) -> TaskDecision:
        """Assess ``task`` by the rules in force on ``on`` (default: the day it starts)."""
        return self.decide(*self.prepare(task, on))

    check = renamed_method(assess, old="check", since="0.4.0")

    def decide(
        self, rules: tuple[Rule[VolunteerTask], ...], task: VolunteerTask, on: date
    ) -> TaskDecision:
        """Judge ``task`` by ``rules``, which :meth:`rules_for` gave for it on ``on``."""
        findings = self._evaluator.findings(rules, task)
        obligations = tuple(
            obligation
            for rule, finding in zip(rules, findings, strict=True)
            for obligation in _obligations(rule, finding)
        )
        municipality = self.municipality
        section = municipality.section(VolunteersFile)
        return TaskDecision(
            task=task.id,
            municipality=municipality.slug,
            outcome=findings.outcome,
            findings=findings,
            obligations=obligations,
            audit=municipality.audit(on),
            names={
                **municipality.titles(rule.citation.document for rule in rules),
                **{arena.id: arena.name for arena in section.arenas},
                **{entry.id: entry.name for entry in (*section.agreement_parts, *section.tools)},
            },
        )


def _obligations(rule: Rule[VolunteerTask], finding: Finding) -> tuple[Obligation, ...]:
    """The obligations ``finding`` gives; a plugin's failure or nonsense named by its plugin."""
    check = rule.check
    if not isinstance(check, TaskCheck):
        return ()
    if rule.origin == CORE:
        given = tuple(check.obligations(finding))
    else:  # within the check budget, whatever it raises named by its plugin
        doing = f"giving the obligations of rule {rule.id!r}"
        given = guard.call(rule.origin, doing, "check", lambda: tuple(check.obligations(finding)))
    wrong = next((item for item in given if not isinstance(item, Obligation)), None)
    if wrong is not None:
        raise PluginError(
            rule.origin,
            f"rule {rule.id!r}: obligations must be civilsamfund.volunteers.Obligation "
            f"values, got {wrong!r}",
        )
    return given


def assess(municipality: Municipality, task: VolunteerTask, on: date | None = None) -> TaskDecision:
    """Assess one volunteer task by ``municipality``'s rules in force on ``on`` (default:
    the day it starts). For many tasks, make one :class:`TaskAssessor`."""
    return TaskAssessor(municipality).assess(task, on)
