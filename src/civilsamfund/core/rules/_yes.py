"""The commonest check shape of every domain: one yes/no fact that should be yes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from civilsamfund.core import Text
from civilsamfund.core.rules._check import Check, Examples, Known, Verdict, missing
from civilsamfund.core.rules._facts import Fact, Facts
from civilsamfund.core.rules._findings import Status

S = TypeVar("S")


class YesCheck(Check[S]):
    """One yes/no fact that should be yes: yes passes, no fails (a discretionary rule
    flags it), not given is named as missing. Subclasses name ``FACT`` and the messages
    ``yes`` and ``no``; a domain mixes in its own check class for the subject."""

    FACT: ClassVar[Fact[Any, bool | None]]
    MESSAGES: ClassVar[Mapping[str, Text]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "FACT" in cls.__dict__:
            cls.FACTS = (cls.FACT,)  # the one fact is all the check reads

    def evaluate(self, facts: Facts[S]) -> Verdict:
        value = facts[self.FACT]
        if value is None:
            return missing(self.FACT)
        return Verdict(
            status=Status.PASS if value else Status.FAIL,
            message="yes" if value else "no",
            facts={self.FACT.name: value},
        )

    def examples(self, passing: bool, known: Known) -> Examples | None:
        return {self.FACT: [passing]}
