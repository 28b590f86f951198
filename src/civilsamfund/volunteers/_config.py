"""The volunteers part of a municipality's configuration: ``volunteers.toml``.

It lists the criteria that judge volunteer tasks (each a rule in ``criteria.toml``,
dated there), the arenas tasks take place in, the ids tasks and checks use for the
parts of a collaboration agreement and the tools that welcome volunteers, and the parts
of the forms a coordinator fills in: a role description's parts, the questions to ask
before acting and the logics an activity can start by.
"""

from __future__ import annotations

from attrs import field, frozen

from civilsamfund.core import Citation, Text, entries, refers


@frozen(kw_only=True)
class Arena:
    """Where a collaboration takes place, as the municipality's policy divides it. Which
    arenas keep the municipality's core tasks is the ``volunteer.core_tasks_stay``
    rule's to say (its ``arenas``)."""

    id: str
    name: Text
    description: Text
    citation: Citation


@frozen(kw_only=True)
class Named:
    """Something tasks and checks name by ``id``: a part of an agreement, a tool."""

    id: str
    name: Text
    citation: Citation | None = None


@frozen(kw_only=True)
class VolunteersFile:
    """``volunteers.toml``."""

    criteria: tuple[str, ...] = field(default=(), metadata=refers("criterion", covered=True))
    """The rules a volunteer task is judged by, in the order findings are given."""
    arenas: tuple[Arena, ...] = field(default=(), metadata=entries("arena"))
    agreement_parts: tuple[Named, ...] = field(default=(), metadata=entries("agreement_part"))
    tools: tuple[Named, ...] = field(default=(), metadata=entries("tool"))
    role_parts: tuple[Named, ...] = field(default=(), metadata=entries("role_part"))
    questions: tuple[Named, ...] = field(default=(), metadata=entries("question"))
    start_logics: tuple[Named, ...] = field(default=(), metadata=entries("start_logic"))
