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

from civilsamfund._version import __version__
from civilsamfund.core._audit import AuditRecord
from civilsamfund.core._errors import (
    ApplicationError,
    CivilsamfundError,
    ConfigError,
    InputError,
    PluginError,
    UnknownMunicipalityError,
)
from civilsamfund.core._money import Kroner, Share, kroner, share
from civilsamfund.core._sources import Citation
from civilsamfund.core._text import Language, Text
from civilsamfund.core.rules._findings import FactValue, Finding, Outcome, RuleKind, Status
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
    AuditorRequirement,
    Decision,
    DepartmentRef,
    Round,
    RoundKind,
)

if TYPE_CHECKING:
    from civilsamfund._conformance import check_conformance
    from civilsamfund._municipality import Municipality
    from civilsamfund._new import new_municipality
    from civilsamfund.cases._cases import CaseResult, Mismatch, run_cases
    from civilsamfund.config._converter import from_json, to_json
    from civilsamfund.config._discovery import (
        MunicipalitySource,
        available_municipalities,
        load_municipality,
    )
    from civilsamfund.config._loader import load_municipality_dir
    from civilsamfund.core._dates import Dated, in_force
    from civilsamfund.core._sources import SourceDocument
    from civilsamfund.core.rules._check import Check, Context, KeyedCheck, Rule, Verdict, missing
    from civilsamfund.grants._assessment import assess
    from civilsamfund.grants._config import (
        ActivityExample,
        AppealStatement,
        AuditorKind,
        AuditorRule,
        Body,
        Committee,
        CriterionEntry,
        Department,
        LegalBasis,
        MunicipalityConfig,
        Obligation,
        Pool,
        Reserve,
        TargetGroupCategory,
        Window,
    )
    from civilsamfund.grants._document import decision_document, decision_json, decisions_to_json
    from civilsamfund.grants._letter import render_text
    from civilsamfund.grants._reading import (
        applications_from_data,
        applications_from_json,
        read_applications,
    )
    from civilsamfund.plugins._manager import PluginInfo, Plugins
    from civilsamfund.plugins.hookspecs import hookimpl

_MODULES: dict[str, tuple[str, ...]] = {
    "civilsamfund._conformance": ("check_conformance",),
    "civilsamfund._municipality": ("Municipality",),
    "civilsamfund._new": ("new_municipality",),
    "civilsamfund.cases._cases": ("CaseResult", "Mismatch", "run_cases"),
    "civilsamfund.config._converter": ("from_json", "to_json"),
    "civilsamfund.config._discovery": (
        "MunicipalitySource",
        "available_municipalities",
        "load_municipality",
    ),
    "civilsamfund.config._loader": ("load_municipality_dir",),
    "civilsamfund.core._dates": ("Dated", "in_force"),
    "civilsamfund.core._sources": ("SourceDocument",),
    "civilsamfund.core.rules._check": (
        "Check",
        "Context",
        "KeyedCheck",
        "Rule",
        "Verdict",
        "missing",
    ),
    "civilsamfund.grants._assessment": ("assess",),
    "civilsamfund.grants._config": (
        "ActivityExample",
        "AppealStatement",
        "AuditorKind",
        "AuditorRule",
        "Body",
        "Committee",
        "CriterionEntry",
        "Department",
        "LegalBasis",
        "MunicipalityConfig",
        "Obligation",
        "Pool",
        "Reserve",
        "TargetGroupCategory",
        "Window",
    ),
    "civilsamfund.grants._document": ("decision_document", "decision_json", "decisions_to_json"),
    "civilsamfund.grants._letter": ("render_text",),
    "civilsamfund.grants._reading": (
        "applications_from_data",
        "applications_from_json",
        "read_applications",
    ),
    "civilsamfund.plugins._manager": ("PluginInfo", "Plugins"),
    "civilsamfund.plugins.hookspecs": ("hookimpl",),
}
_LAZY = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Import the heavier parts of the API on first use."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
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
    "CriterionEntry",
    "Dated",
    "Decision",
    "Department",
    "DepartmentRef",
    "FactValue",
    "Finding",
    "FundingSource",
    "FundingStatus",
    "GrantApplication",
    "InputError",
    "KeyedCheck",
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
    "Rule",
    "RuleKind",
    "Share",
    "SourceDocument",
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
