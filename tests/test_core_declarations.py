"""The rules core's declarations, made at test time: a fact at an attribute path, a
yes/no check's one fact, and a check that gives no examples. The bundled ones are made
when the library is imported, so these tests are what pins their behaviour."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pytest
from attrs import frozen

from civilsamfund import Citation, Outcome, RuleKind, Status, Text
from civilsamfund.core.rules._check import Check
from civilsamfund.core.rules._facts import Facts, attribute_fact
from civilsamfund.core.rules._findings import Finding, outcome
from civilsamfund.core.rules._yes import YesCheck

LABEL = Text(da="andelen", en="the share")


@frozen
class Inner:
    share: int
    other: str = "x"


@frozen
class Outer:
    activity: Inner
    name: str = "y"


def test_a_fact_at_an_attribute_path_reads_and_writes_that_path():
    """It is named after the path's last part, labelled as given, reads the path and
    writes a copy with only that value changed, leaving the subject as it was."""
    fact = attribute_fact("activity.share", LABEL)
    subject = Outer(activity=Inner(share=1))
    assert (fact.name, fact.label) == ("share", LABEL)
    assert fact.read(subject) == 1
    assert fact.write is not None
    assert fact.write(subject, 7) == Outer(activity=Inner(share=7))
    assert subject == Outer(activity=Inner(share=1))


def test_a_fact_may_be_named_apart_from_its_path():
    """``name`` overrides the path's last part; a one-part path is named by it and
    writes at the top; a longer path is named by its last part."""
    assert attribute_fact("name", LABEL).name == "name"
    assert attribute_fact("a.b.c", LABEL).name == "c"
    fact = attribute_fact("name", LABEL, name="title")
    assert fact.name == "title"
    assert fact.write is not None
    assert fact.write(Outer(activity=Inner(share=1)), "z").name == "z"


def test_a_yes_check_reads_its_one_fact_and_nothing_else():
    """Declaring ``FACT`` makes it the whole of ``FACTS``; yes passes, no fails, not
    given names it as missing, and the examples are the value asked for. (The classes
    are made here, not at import, so that what making them does is tested.)"""

    class Signed(YesCheck[Outer]):
        FACT = attribute_fact("activity.share", LABEL, name="signed")
        MESSAGES: ClassVar[Mapping[str, Text]] = {
            "yes": Text(da="ja", en="yes"),
            "no": Text(da="nej", en="no"),
        }

    class Renamed(Signed):
        """A subclass that declares no FACT of its own keeps its parent's."""

    assert Signed.FACTS == (Signed.FACT,)
    assert Renamed.FACTS == (Signed.FACT,)
    assert "FACTS" not in Renamed.__dict__
    check = Signed()
    cases = {True: (Status.PASS, "yes"), False: (Status.FAIL, "no")}
    for value, (status, message) in cases.items():
        verdict = check.evaluate(Facts({Signed.FACT: value}))
        assert (verdict.status, verdict.message, verdict.facts) == (
            status,
            message,
            {"signed": value},
        )
        assert check.examples(value, {}) == {Signed.FACT: [value]}
    verdict = check.evaluate(Facts({Signed.FACT: None}))
    assert (verdict.status, verdict.missing) == (Status.FLAG, ("signed",))


def test_a_check_without_examples_says_which_it_is():
    """The base refuses to invent examples and names the check that gives none."""

    class Quiet(Check[Any]):
        pass

    with pytest.raises(NotImplementedError, match=r"^Quiet gives no examples of its facts$"):
        Quiet().examples(True, {})


def test_reading_an_undeclared_fact_names_it():
    """A check that reads a fact it did not declare is told which one."""
    fact = attribute_fact("activity.share", LABEL)
    with pytest.raises(KeyError, match="reads the fact 'share', which it does not declare"):
        Facts({})[fact]


def _finding(kind, status):
    return Finding(
        criterion="X-1",
        kind=kind,
        status=status,
        citation=Citation(document="d.txt", section="1"),
        rule=LABEL,
        reason=LABEL,
    )


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ([], Outcome.ELIGIBLE),
        ([(RuleKind.MANDATORY, Status.PASS), (RuleKind.PERMISSION, Status.INFO)], Outcome.ELIGIBLE),
        ([(RuleKind.DISCRETIONARY, Status.FLAG)], Outcome.NEEDS_ASSESSMENT),
        ([(RuleKind.DISCRETIONARY, Status.FAIL)], Outcome.NEEDS_ASSESSMENT),
        (
            [(RuleKind.PERMISSION, Status.FAIL), (RuleKind.MANDATORY, Status.PASS)],
            Outcome.NEEDS_ASSESSMENT,
        ),
        (
            [(RuleKind.DISCRETIONARY, Status.FLAG), (RuleKind.MANDATORY, Status.FAIL)],
            Outcome.INELIGIBLE,
        ),
    ],
)
def test_the_outcome_is_decided_by_the_worst_finding(findings, expected):
    """Only a failing mandatory rule makes a subject ineligible; any other failure or a
    flag leaves it for a caseworker to assess."""
    assert outcome(_finding(kind, status) for kind, status in findings) is expected
