"""Policy cases as data: a subject, a date, and the decision the rules must give."""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names

if TYPE_CHECKING:
    from civilsamfund.cases._cases import (
        CaseFile,
        CaseResult,
        read_case_file,
        run_case,
        run_cases,
        target,
    )

__getattr__ = lazy_names(
    __name__,
    {
        "civilsamfund.cases._cases": (
            "CaseFile",
            "CaseResult",
            "read_case_file",
            "run_case",
            "run_cases",
            "target",
        ),
    },
)
"""Each public name loads from its module on first use, so importing the layer stays light."""

__all__ = [
    "CaseFile",
    "CaseResult",
    "read_case_file",
    "run_case",
    "run_cases",
    "target",
]
