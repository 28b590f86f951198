"""civilsamfund: how Danish municipalities work with civil society, as typed, citable code.

Load a municipality, read applications, assess them, render the decisions::

    import civilsamfund as cs

    odense = cs.load_municipality("odense")
    for application in cs.read_applications("applications.toml"):
        print(cs.render_text(odense.assess(application), "en"))

The application and decision models load with the package; everything else
(configuration, the engine, cattrs, pluggy, the CLI) loads on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._application import (
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
from ._decision import (
    AuditorRequirement,
    AuditRecord,
    Citation,
    Decision,
    DepartmentRef,
    Fact,
    Finding,
    Kind,
    Outcome,
    Round,
    RoundKind,
    Status,
)
from ._errors import (
    ApplicationError,
    CivilsamfundError,
    ConfigError,
    InputError,
    PluginError,
    UnknownMunicipalityError,
)
from ._money import Kroner, Share, kroner, share
from ._text import Language, Text
from ._version import __version__

if TYPE_CHECKING:
    from ._cases import CaseResult, Mismatch, run_cases
    from ._config import (
        ActivityExample,
        AppealStatement,
        AuditorKind,
        AuditorRule,
        Body,
        Committee,
        CriterionEntry,
        Department,
        Document,
        LegalBasis,
        MunicipalityConfig,
        Obligation,
        Pool,
        Reserve,
        TargetGroupCategory,
        Window,
    )
    from ._conformance import check_conformance
    from ._converter import from_json, to_json
    from ._criteria import Check, Context, Criterion, KeyedCheck, Verdict, missing
    from ._dates import Dated, in_force
    from ._discovery import MunicipalitySource, available_municipalities, load_municipality
    from ._document import decision_document, decision_json, decisions_to_json
    from ._engine import assess
    from ._hookspecs import hookimpl
    from ._letter import render_text
    from ._loading import load_municipality_dir
    from ._municipality import Municipality
    from ._new import new_municipality
    from ._plugins import PluginInfo, Plugins
    from ._reading import applications_from_data, applications_from_json, read_applications

_LAZY = {
    **dict.fromkeys(
        [
            "ActivityExample",
            "AppealStatement",
            "AuditorKind",
            "AuditorRule",
            "Body",
            "Committee",
            "CriterionEntry",
            "Department",
            "Document",
            "LegalBasis",
            "Mismatch",
            "MunicipalityConfig",
            "Obligation",
            "Pool",
            "Reserve",
            "TargetGroupCategory",
            "Window",
        ],
        "._config",
    ),
    **dict.fromkeys(
        ["Check", "Context", "Criterion", "KeyedCheck", "Verdict", "missing"], "._criteria"
    ),
    **dict.fromkeys(["Dated", "in_force"], "._dates"),
    "Municipality": "._municipality",
    **dict.fromkeys(["decision_document", "decision_json", "decisions_to_json"], "._document"),
    "render_text": "._letter",
    "CaseResult": "._cases",
    "Mismatch": "._cases",
    "run_cases": "._cases",
    "check_conformance": "._conformance",
    "new_municipality": "._new",
    "from_json": "._converter",
    "to_json": "._converter",
    "MunicipalitySource": "._discovery",
    "available_municipalities": "._discovery",
    "load_municipality": "._discovery",
    "assess": "._engine",
    "hookimpl": "._hookspecs",
    "load_municipality_dir": "._loading",
    "PluginInfo": "._plugins",
    "Plugins": "._plugins",
    "applications_from_data": "._reading",
    "applications_from_json": "._reading",
    "read_applications": "._reading",
}


def __getattr__(name: str) -> Any:
    """Import the heavier parts of the API on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Activity",
    "ActivityExample",
    "AppealStatement",
    "Applicant",
    "ApplicationError",
    "Association",
    "AssociationKind",
    "AuditRecord",
    "AuditorKind",
    "AuditorRequirement",
    "AuditorRule",
    "Body",
    "BudgetCategory",
    "BudgetLine",
    "CaseResult",
    "Check",
    "Citation",
    "CivilsamfundError",
    "Committee",
    "ConfigError",
    "Context",
    "Criterion",
    "CriterionEntry",
    "Dated",
    "Decision",
    "Department",
    "DepartmentRef",
    "Document",
    "Fact",
    "Finding",
    "FundingSource",
    "FundingStatus",
    "GrantApplication",
    "InputError",
    "KeyedCheck",
    "Kind",
    "Kroner",
    "Language",
    "LegalBasis",
    "Mismatch",
    "Municipality",
    "MunicipalityConfig",
    "MunicipalitySource",
    "Obligation",
    "Outcome",
    "PluginError",
    "PluginInfo",
    "Plugins",
    "Pool",
    "PrivatePerson",
    "Reserve",
    "Round",
    "RoundKind",
    "Share",
    "Status",
    "TargetGroup",
    "TargetGroupCategory",
    "Text",
    "UnknownMunicipalityError",
    "Verdict",
    "Window",
    "__version__",
    "applications_from_data",
    "applications_from_json",
    "assess",
    "available_municipalities",
    "check_conformance",
    "decision_document",
    "decision_json",
    "decisions_to_json",
    "from_json",
    "hookimpl",
    "in_force",
    "kroner",
    "load_municipality",
    "load_municipality_dir",
    "missing",
    "new_municipality",
    "read_applications",
    "render_text",
    "run_cases",
    "share",
    "to_json",
]
