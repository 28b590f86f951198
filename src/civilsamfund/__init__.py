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
from civilsamfund.core import (
    CivilsamfundError,
    ConfigError,
    FieldValueError,
    InputError,
    InvalidValueError,
    ItemError,
    Kroner,
    Language,
    OutputError,
    PluginError,
    Problem,
    Share,
    Text,
    UnknownMunicipalityError,
    kroner,
    share,
)

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
    from civilsamfund.cases import CaseResult, run_cases
    from civilsamfund.config import (
        CriterionEntry,
        Municipality,
        MunicipalityInfo,
        ReferencePlan,
        RulesSource,
        Section,
    )
    from civilsamfund.core import (
        AuditRecord,
        Citation,
        Dated,
        Distribution,
        SourceDocument,
        Versions,
        entries,
        in_force,
        refers,
    )
    from civilsamfund.core.rules import (
        Check,
        Evaluator,
        Examples,
        Fact,
        Facts,
        FactValue,
        Finding,
        Findings,
        Known,
        Outcome,
        Rule,
        Rulebook,
        RuleKind,
        Status,
        Verdict,
        attribute_fact,
        missing,
        outcome,
    )
    from civilsamfund.plugins import (
        Batch,
        Cases,
        Checking,
        Command,
        Domain,
        Items,
        JsonSchema,
        Mismatch,
        MunicipalitySource,
        PluginInfo,
        Plugins,
        available_municipalities,
        document_json,
        hookimpl,
        load_municipality,
        load_municipality_dir,
        municipality_conflicts,
        reads,
    )
    from civilsamfund.reading import Limits, from_json, to_json

_MODULES: dict[str, tuple[str, ...]] = {
    "civilsamfund._conformance": ("check_conformance",),
    "civilsamfund.config": (
        "CriterionEntry",
        "Municipality",
        "MunicipalityInfo",
        "ReferencePlan",
        "RulesSource",
        "Section",
    ),
    "civilsamfund._new": ("new_municipality",),
    "civilsamfund.cases": (
        "CaseResult",
        "run_cases",
    ),
    "civilsamfund.plugins": (
        "Batch",
        "Cases",
        "Checking",
        "Command",
        "Domain",
        "Items",
        "JsonSchema",
        "Mismatch",
        "MunicipalitySource",
        "PluginInfo",
        "Plugins",
        "available_municipalities",
        "document_json",
        "hookimpl",
        "load_municipality",
        "load_municipality_dir",
        "municipality_conflicts",
        "reads",
    ),
    "civilsamfund.reading": (
        "Limits",
        "from_json",
        "to_json",
    ),
    "civilsamfund.core": (
        "AuditRecord",
        "Citation",
        "Dated",
        "Distribution",
        "SourceDocument",
        "Versions",
        "entries",
        "in_force",
        "refers",
    ),
    "civilsamfund.core.rules": (
        "Check",
        "Evaluator",
        "Examples",
        "Fact",
        "FactValue",
        "Facts",
        "Finding",
        "Findings",
        "Known",
        "Outcome",
        "Rule",
        "RuleKind",
        "Rulebook",
        "Status",
        "Verdict",
        "attribute_fact",
        "missing",
        "outcome",
    ),
    "civilsamfund.grants": ("ApplicationError",),
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
    "Checking",
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
    "Findings",
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
    "reads",
    "refers",
    "report",
    "run_cases",
    "share",
    "strategy",
    "testing",
    "to_json",
    "volunteers",
]
