"""The rules core: checks judge a subject, rules configure them, findings explain them.

The domains, configuration and testing take these names from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names

if TYPE_CHECKING:
    from civilsamfund.core import FactText, FactValue
    from civilsamfund.core.rules._check import MISSING, Check, Examples, Known, Verdict, missing
    from civilsamfund.core.rules._compiled import Findings
    from civilsamfund.core.rules._document import (
        audit_document,
        finding_document,
        finding_lines,
        judged_document,
    )
    from civilsamfund.core.rules._evaluator import Evaluator
    from civilsamfund.core.rules._facts import Fact, Facts, attribute_fact
    from civilsamfund.core.rules._findings import (
        FAIL,
        FLAG,
        INFO,
        NOT_APPLICABLE,
        PASS,
        Finding,
        Outcome,
        RuleKind,
        Status,
        outcome,
    )
    from civilsamfund.core.rules._messages import Names, Template, kroner_text
    from civilsamfund.core.rules._rule import CORE, Rule
    from civilsamfund.core.rules._rulebook import Rulebook
    from civilsamfund.core.rules._yes import YesCheck

__getattr__ = lazy_names(
    __name__,
    {
        "civilsamfund.core": (
            "FactText",
            "FactValue",
        ),
        "civilsamfund.core.rules._check": (
            "Check",
            "Examples",
            "Known",
            "MISSING",
            "Verdict",
            "missing",
        ),
        "civilsamfund.core.rules._document": (
            "audit_document",
            "finding_document",
            "finding_lines",
            "judged_document",
        ),
        "civilsamfund.core.rules._compiled": ("Findings",),
        "civilsamfund.core.rules._evaluator": ("Evaluator",),
        "civilsamfund.core.rules._facts": (
            "Fact",
            "Facts",
            "attribute_fact",
        ),
        "civilsamfund.core.rules._findings": (
            "FAIL",
            "FLAG",
            "INFO",
            "NOT_APPLICABLE",
            "PASS",
            "Finding",
            "Outcome",
            "RuleKind",
            "Status",
            "outcome",
        ),
        "civilsamfund.core.rules._messages": (
            "Names",
            "Template",
            "kroner_text",
        ),
        "civilsamfund.core.rules._rule": (
            "CORE",
            "Rule",
        ),
        "civilsamfund.core.rules._rulebook": ("Rulebook",),
        "civilsamfund.core.rules._yes": ("YesCheck",),
    },
)
"""Each public name loads from its module on first use, so importing the layer stays light."""

__all__ = [
    "CORE",
    "FAIL",
    "FLAG",
    "INFO",
    "MISSING",
    "NOT_APPLICABLE",
    "PASS",
    "Check",
    "Evaluator",
    "Examples",
    "Fact",
    "FactText",
    "FactValue",
    "Facts",
    "Finding",
    "Findings",
    "Known",
    "Names",
    "Outcome",
    "Rule",
    "RuleKind",
    "Rulebook",
    "Status",
    "Template",
    "Verdict",
    "YesCheck",
    "attribute_fact",
    "audit_document",
    "finding_document",
    "finding_lines",
    "judged_document",
    "kroner_text",
    "missing",
    "outcome",
]
