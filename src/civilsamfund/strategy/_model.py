"""A municipality's strategies in ``strategy.toml``: who adopted each and when (or the
day it is known to be in force), when it ends and what supersedes it, what it revises,
its period, vision and values, its arenas, principles and objectives, action plans,
declarations of intent, what has been done of its schedule, and the criteria that say
when a status review, a report or a revision is due."""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen

from civilsamfund.core import Citation, Span, Text, entries, refers


class Milestone(str, enum.Enum):
    """What a strategy's schedule asks for."""

    RECOMMENDATIONS = "recommendations"
    """Recommendations for the strategy approved, such as a committee's for a revision."""
    DRAFT = "draft"
    WRITTEN = "written"
    """The strategy written, ready to be put forward; not adopted."""
    ADOPTION = "adoption"
    STATUS_REVIEW = "status_review"
    REPORT = "report"
    EVALUATION = "evaluation"
    REVISION = "revision"


class Stakeholder(str, enum.Enum):
    """Those whose value an action plan is judged by."""

    CITIZENS = "citizens"
    VOLUNTEERS = "volunteers"
    ASSOCIATIONS = "associations"
    MUNICIPALITY = "municipality"


@frozen(kw_only=True)
class Principle:
    """A principle every meeting between civil society and the municipality follows."""

    id: str
    name: Text
    citation: Citation


@frozen(kw_only=True)
class Objective:
    """An objective, its focus area, and the principle it serves (``None``: none)."""

    id: str
    name: Text
    citation: Citation
    focus_area: Text | None = None
    principle: str | None = field(default=None, metadata=refers("principle"))


@frozen(kw_only=True)
class ActionPlan:
    """A plan for an objective over a period, with goals and success criteria judged
    by the value they create for ``judged_by``."""

    id: str
    objective: str = field(metadata=refers("objective"))
    start: date
    end: date
    goals: tuple[Text, ...] = ()
    success_criteria: tuple[Text, ...] = ()
    judged_by: tuple[Stakeholder, ...] = ()


@frozen(kw_only=True)
class Declaration:
    """A declaration of intent that others can sign; signatories are organisations."""

    id: str
    text: Text
    signatories: tuple[str, ...] = ()


@frozen(kw_only=True)
class Done:
    """A milestone of the schedule done on a day, such as a status review held."""

    milestone: Milestone = field(converter=Milestone)
    on: date
    note: Text | None = None


@frozen(kw_only=True)
class Strategy:
    """A strategy and its schedule.

    ``criteria`` are the lifecycle rules (``strategy.*`` checks in ``criteria.toml``)
    that say when each milestone is due; ``done`` records what has been done.
    ``heard``: the forums and councils heard before a revision; ``informed``: the
    committees a revision or report goes to. ``arenas`` names the arenas the strategy
    frames, defined once where tasks are placed in them (``volunteers.toml``).

    ``in_force_by``: a day the documents show the strategy in force when they do not
    give the day it was adopted (before it, whether it was in force is not known).
    ``ends_on``: the last day it is in force; ``superseded_by``: the strategy in force
    after it. ``revises``: the strategy a strategy in the making revises.
    """

    id: str
    title: Text
    citation: Citation
    adopted_by: Text | None = None
    adopted_on: date | None = None
    in_force_by: date | None = None
    ends_on: date | None = None
    superseded_by: str | None = field(default=None, metadata=refers("strategy"))
    revises: str | None = field(default=None, metadata=refers("strategy"))
    period_start: date | None = None
    period_end: date | None = None
    vision: Text | None = None
    values: tuple[Text, ...] = ()
    heard: tuple[str, ...] = ()
    informed: tuple[str, ...] = field(default=(), metadata=refers("committee"))
    criteria: tuple[str, ...] = field(default=(), metadata=refers("criterion", covered=True))
    done: tuple[Done, ...] = ()
    arenas: tuple[str, ...] = field(default=(), metadata=refers("arena"))
    principles: tuple[Principle, ...] = field(default=(), metadata=entries("principle"))
    objectives: tuple[Objective, ...] = field(default=(), metadata=entries("objective"))
    action_plans: tuple[ActionPlan, ...] = field(default=(), metadata=entries("action_plan"))
    declarations: tuple[Declaration, ...] = field(default=(), metadata=entries("declaration"))
    reading: Text | None = None

    def span(self) -> Span | None:
        """From its adoption (or the day the documents show it in force) to its last day,
        which its criteria must cover; ``None`` for a strategy in the making."""
        start = self.adopted_on or self.in_force_by
        return None if start is None and self.ends_on is None else (start, self.ends_on)


@frozen(kw_only=True)
class StrategyFile:
    """``strategy.toml``."""

    strategies: tuple[Strategy, ...] = field(default=(), metadata=entries("strategy"))
