"""civilsamfund: how Danish municipalities work with civil society, as typed, citable code.

The top level holds what every domain shares: the rules core (checks, facts, rules,
findings), configuration sections, municipalities, plugins, errors, text and money.
Each domain is a subpackage: :mod:`civilsamfund.grants` assesses grant applications::

    import civilsamfund as cs
    from civilsamfund import grants

    odense = cs.load_municipality("odense")
    assessor = grants.Assessor(odense)
    for application in grants.read_applications("applications.toml"):
        print(grants.render_text(assessor.assess(application), "en"))

Only the shared errors, text and money load with the package; everything else (the rules
core, configuration, cattrs, pluggy, the domains) loads on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from civilsamfund._deprecation import deprecated_names
from civilsamfund._version import __version__
from civilsamfund.core._errors import (
    CivilsamfundError,
    ConfigError,
    FieldValueError,
    InputError,
    InvalidValueError,
    ItemError,
    OutputError,
    PluginError,
    UnknownMunicipalityError,
)
from civilsamfund.core._money import Kroner, Share, kroner, share
from civilsamfund.core._problems import Problem
from civilsamfund.core._text import Language, Text

if TYPE_CHECKING:
    from civilsamfund import (
        awards,
        grants,
        organisation,
        report,
        strategy,
        testing,
        volunteers,
    )
    from civilsamfund._conformance import check_conformance
    from civilsamfund._new import new_municipality
    from civilsamfund.cases._cases import CaseResult, run_cases
    from civilsamfund.config._municipality import Municipality, RulesSource
    from civilsamfund.config._sections import CriterionEntry, MunicipalityInfo, Section
    from civilsamfund.config._validator import ReferencePlan
    from civilsamfund.core._audit import AuditRecord, Distribution
    from civilsamfund.core._dates import Dated, Versions, in_force
    from civilsamfund.core._references import entries, refers
    from civilsamfund.core._sources import Citation, SourceDocument
    from civilsamfund.core.rules._check import Check, Examples, Known, Verdict, missing
    from civilsamfund.core.rules._evaluator import Evaluator
    from civilsamfund.core.rules._facts import Fact, Facts, attribute_fact
    from civilsamfund.core.rules._findings import (
        FactValue,
        Finding,
        Outcome,
        RuleKind,
        Status,
        outcome,
    )
    from civilsamfund.core.rules._rule import Rule
    from civilsamfund.core.rules._rulebook import Rulebook
    from civilsamfund.plugins._command import Command, JsonSchema
    from civilsamfund.plugins._discovery import (
        MunicipalitySource,
        available_municipalities,
        load_municipality,
        load_municipality_dir,
        municipality_conflicts,
    )
    from civilsamfund.plugins._domain import (
        Batch,
        Cases,
        Domain,
        Items,
        Mismatch,
        document_json,
    )
    from civilsamfund.plugins._manager import PluginInfo, Plugins
    from civilsamfund.plugins.hookspecs import hookimpl
    from civilsamfund.reading._converter import from_json, to_json
    from civilsamfund.reading._limits import Limits

_MODULES: dict[str, tuple[str, ...]] = {
    "civilsamfund._conformance": ("check_conformance",),
    "civilsamfund.config._municipality": ("Municipality", "RulesSource"),
    "civilsamfund._new": ("new_municipality",),
    "civilsamfund.cases._cases": ("CaseResult", "run_cases"),
    "civilsamfund.plugins._domain": (
        "Batch",
        "Cases",
        "Domain",
        "Items",
        "Mismatch",
        "document_json",
    ),
    "civilsamfund.plugins._command": ("Command", "JsonSchema"),
    "civilsamfund.reading._converter": ("from_json", "to_json"),
    "civilsamfund.plugins._discovery": (
        "MunicipalitySource",
        "available_municipalities",
        "load_municipality",
        "load_municipality_dir",
        "municipality_conflicts",
    ),
    "civilsamfund.reading._limits": ("Limits",),
    "civilsamfund.config._sections": ("CriterionEntry", "MunicipalityInfo", "Section"),
    "civilsamfund.config._validator": ("ReferencePlan",),
    "civilsamfund.core._audit": ("AuditRecord", "Distribution"),
    "civilsamfund.core._dates": ("Dated", "Versions", "in_force"),
    "civilsamfund.core._references": ("entries", "refers"),
    "civilsamfund.core._sources": ("Citation", "SourceDocument"),
    "civilsamfund.core.rules._check": ("Check", "Examples", "Known", "Verdict", "missing"),
    "civilsamfund.core.rules._evaluator": ("Evaluator",),
    "civilsamfund.core.rules._facts": ("Fact", "Facts", "attribute_fact"),
    "civilsamfund.core.rules._findings": (
        "FactValue",
        "Finding",
        "Outcome",
        "RuleKind",
        "Status",
        "outcome",
    ),
    "civilsamfund.core.rules._rule": ("Rule",),
    "civilsamfund.core.rules._rulebook": ("Rulebook",),
    "civilsamfund.grants._errors": ("ApplicationError",),
    "civilsamfund.plugins._manager": ("PluginInfo", "Plugins"),
    "civilsamfund.plugins.hookspecs": ("hookimpl",),
}
_LAZY = {name: module for module, names in _MODULES.items() for name in names}
_SUBPACKAGES = ("awards", "grants", "organisation", "report", "strategy", "testing", "volunteers")


def _load(name: str) -> Any:
    """Import the heavier parts of the API, and the domain subpackages, on first use."""
    if name in _SUBPACKAGES:
        value = import_module(f"{__name__}.{name}")
    elif name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__getattr__ = deprecated_names(
    __name__,
    {
        "Criterion": ("civilsamfund.Rule", "0.3.0"),
        "Document": ("civilsamfund.SourceDocument", "0.3.0"),
        "Kind": ("civilsamfund.RuleKind", "0.3.0"),
    },
    fallback=_load,
)
"""The names 0.2.0 renamed without a warning still resolve, warning, until 0.4.0."""


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ApplicationError",
    "AuditRecord",
    "Batch",
    "CaseResult",
    "Cases",
    "Check",
    "Citation",
    "CivilsamfundError",
    "Command",
    "ConfigError",
    "CriterionEntry",
    "Dated",
    "Distribution",
    "Domain",
    "Evaluator",
    "Examples",
    "Fact",
    "FactValue",
    "Facts",
    "FieldValueError",
    "Finding",
    "InputError",
    "InvalidValueError",
    "ItemError",
    "Items",
    "JsonSchema",
    "Known",
    "Kroner",
    "Language",
    "Limits",
    "Mismatch",
    "Municipality",
    "MunicipalityInfo",
    "MunicipalitySource",
    "Outcome",
    "OutputError",
    "PluginError",
    "PluginInfo",
    "Plugins",
    "Problem",
    "ReferencePlan",
    "Rule",
    "RuleKind",
    "Rulebook",
    "RulesSource",
    "Section",
    "Share",
    "SourceDocument",
    "Status",
    "Text",
    "UnknownMunicipalityError",
    "Verdict",
    "Versions",
    "__version__",
    "attribute_fact",
    "available_municipalities",
    "awards",
    "check_conformance",
    "document_json",
    "entries",
    "from_json",
    "grants",
    "hookimpl",
    "in_force",
    "kroner",
    "load_municipality",
    "load_municipality_dir",
    "missing",
    "municipality_conflicts",
    "new_municipality",
    "organisation",
    "outcome",
    "refers",
    "report",
    "run_cases",
    "share",
    "strategy",
    "testing",
    "to_json",
    "volunteers",
]
