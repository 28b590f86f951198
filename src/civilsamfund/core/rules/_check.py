"""Checks and verdicts: the logic of one kind of rule, for one type of subject.

A *check* is an attrs class whose fields are the parameters a municipality sets in
its configuration; cattrs converts them by the fields' annotations and the fields'
validators range-check them. It declares the type of subject it judges, the facts it
reads and its messages, and from those facts alone it returns a :class:`Verdict`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from attrs import field, frozen

from civilsamfund.core import FactValue, Text
from civilsamfund.core.rules._facts import Fact, Facts
from civilsamfund.core.rules._findings import Status

S = TypeVar("S")

MISSING = "missing"
"""The message every check has for facts its subject does not give."""

MISSING_TEXT = Text(
    da="Der mangler oplysninger om {missing:facts}.",
    en="No information is given on {missing:facts}.",
)

Examples = Mapping[Fact[Any, Any], Sequence[Any]]
"""Values for some of a check's facts, each a choice of values that all give one result."""

Known = Mapping[str, tuple[str, ...]]
"""The ids a municipality configures, by kind: ``{"target_group": ("children_youth", ...)}``."""


@frozen(kw_only=True)
class Verdict:
    """What a check concludes: a status, the message that explains it and the facts used."""

    status: Status
    message: str
    facts: Mapping[str, FactValue] = field(factory=dict)
    missing: tuple[str, ...] = ()


def missing(*facts: Fact[Any, Any], **known: FactValue) -> Verdict:
    """A flag for facts the subject does not give; never a silent default."""
    names = tuple(fact.name for fact in facts)
    return Verdict(
        status=Status.FLAG,
        message=MISSING,
        facts={**known, **dict.fromkeys(names), "missing": names},
        missing=names,
    )


class Check(Generic[S]):
    """The logic of one kind of rule, judging subjects of type ``S``.

    Subclasses are attrs classes (``@frozen(kw_only=True)``) and declare:

    - ``SUBJECT``: the type of subject judged, such as a grant application;
    - ``FACTS``: every fact ``evaluate`` reads; it is given those and nothing else;
    - ``MESSAGES``: each message a verdict may name, as a template in Danish and
      English over the verdict's facts (``missing`` is always there);
    - ``RECORDS``: names of further facts a verdict records, besides the declared
      facts and the parameters, so that templates can be checked when loading;
    - ``MISSING_MESSAGE``: the message for facts not given, if the default does not
      suit the subject;
    - ``NAMES``: what values the check records are called (the kinds of an
      association), for the ``names`` format; configured ids are named already, and
      in the check's own messages its names come before theirs.
    """

    SUBJECT: ClassVar[type[Any]]
    FACTS: ClassVar[tuple[Fact[Any, Any], ...]]
    MESSAGES: ClassVar[Mapping[str, Text]]
    RECORDS: ClassVar[tuple[str, ...]] = ()
    MISSING_MESSAGE: ClassVar[Text] = MISSING_TEXT
    NAMES: ClassVar[Mapping[str, Text]] = {}

    def evaluate(self, facts: Facts[S]) -> Verdict:
        """Judge one subject from its declared facts."""
        raise NotImplementedError

    def examples(self, passing: bool, known: Known) -> Examples | None:
        """Values of this check's facts under which it does not fail (or fails).

        ``known`` holds the configured ids of each kind (``known["target_group"]``).
        ``None`` when no values make it so (a check that never fails). Used by
        :mod:`civilsamfund.testing` to build subjects that meet or break a rule; a
        check that does not override this cannot be used there.
        """
        raise NotImplementedError(f"{type(self).__name__} gives no examples of its facts")
