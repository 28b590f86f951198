"""Grants: applications to a municipality's pools, assessed criterion by criterion.

Read applications (:func:`read_applications`), assess them with an :class:`Assessor`
(or :func:`assess` for one), and render each :class:`Decision` as the justification of
a decision letter (:func:`render_text`) or as the JSON decision document
(:func:`decision_json`). The application models load with the package; the rest on
first use. The checks are in :mod:`civilsamfund.grants.checks`, the facts they read in
:mod:`civilsamfund.grants.facts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names
from civilsamfund.grants._application import (
    Activity,
    Applicant,
    Association,
    AssociationKind,
    BudgetCategory,
    BudgetLine,
    FundingSource,
    FundingStatus,
    GrantApplication,
    PrivatePerson,
    TargetGroup,
)
from civilsamfund.grants._decision import (
    AmountBasis,
    AuditorRequirement,
    Decision,
    DepartmentRef,
    Round,
    RoundKind,
)
from civilsamfund.grants._errors import ApplicationError

if TYPE_CHECKING:
    from civilsamfund.grants._assessment import Assessor, PoolRules, assess
    from civilsamfund.grants._batch import Format, write_decisions
    from civilsamfund.grants._check import GrantCheck
    from civilsamfund.grants._config import (
        ActivityExample,
        AppealStatement,
        AuditorKind,
        AuditorRule,
        FactDeclaration,
        FactType,
        GrantCatalogue,
        LegalBasis,
        Pool,
        PoolsFile,
        Reserve,
        TargetGroupCategory,
        TargetGroupLimit,
        Window,
    )
    from civilsamfund.grants._document import (
        JsonWriter,
        decision_document,
        decision_json,
        decisions_to_json,
    )
    from civilsamfund.grants._letter import render_text
    from civilsamfund.grants._reading import (
        applications_from_data,
        applications_from_json,
        read_applications,
    )
    from civilsamfund.grants._routing import AgeRoute, AgeRouting, Router, Routing
    from civilsamfund.grants._schema import application_schema, decision_schema

_MODULES: dict[str, tuple[str, ...]] = {
    "civilsamfund.grants._batch": ("Format", "write_decisions"),
    "civilsamfund.grants._assessment": ("Assessor", "PoolRules", "assess"),
    "civilsamfund.grants._config": (
        "FactDeclaration",
        "FactType",
        "ActivityExample",
        "AppealStatement",
        "AuditorKind",
        "AuditorRule",
        "GrantCatalogue",
        "LegalBasis",
        "Pool",
        "PoolsFile",
        "Reserve",
        "TargetGroupCategory",
        "TargetGroupLimit",
        "Window",
    ),
    "civilsamfund.grants._document": (
        "JsonWriter",
        "decision_document",
        "decision_json",
        "decisions_to_json",
    ),
    "civilsamfund.grants._letter": ("render_text",),
    "civilsamfund.grants._reading": (
        "applications_from_data",
        "applications_from_json",
        "read_applications",
    ),
    "civilsamfund.grants._routing": ("AgeRoute", "AgeRouting", "Router", "Routing"),
    "civilsamfund.grants._schema": ("application_schema", "decision_schema"),
    "civilsamfund.grants._check": ("GrantCheck",),
}
__getattr__ = lazy_names(__name__, _MODULES)
"""The heavier parts of the grants API, imported on first use."""


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Activity",
    "ActivityExample",
    "AgeRoute",
    "AgeRouting",
    "AmountBasis",
    "AppealStatement",
    "Applicant",
    "ApplicationError",
    "Assessor",
    "Association",
    "AssociationKind",
    "AuditorKind",
    "AuditorRequirement",
    "AuditorRule",
    "BudgetCategory",
    "BudgetLine",
    "Decision",
    "DepartmentRef",
    "FactDeclaration",
    "FactType",
    "Format",
    "FundingSource",
    "FundingStatus",
    "GrantApplication",
    "GrantCatalogue",
    "GrantCheck",
    "JsonWriter",
    "LegalBasis",
    "Pool",
    "PoolRules",
    "PoolsFile",
    "PrivatePerson",
    "Reserve",
    "Round",
    "RoundKind",
    "Router",
    "Routing",
    "TargetGroup",
    "TargetGroupCategory",
    "TargetGroupLimit",
    "Window",
    "application_schema",
    "applications_from_data",
    "applications_from_json",
    "assess",
    "decision_document",
    "decision_json",
    "decision_schema",
    "decisions_to_json",
    "read_applications",
    "render_text",
    "write_decisions",
]
