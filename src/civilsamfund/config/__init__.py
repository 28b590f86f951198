"""A municipality's configuration: its sections, the national rules, loading a directory
and validating what it declares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names

if TYPE_CHECKING:
    from civilsamfund.config._loader import load_directory
    from civilsamfund.config._municipality import Municipality, RulesSource
    from civilsamfund.config._national import national_rules
    from civilsamfund.config._sections import (
        CORE_SECTIONS,
        MUNICIPALITY,
        RULES,
        CriterionEntry,
        MunicipalityInfo,
        RulesFile,
        Section,
    )
    from civilsamfund.config._validator import ReferencePlan

__getattr__ = lazy_names(
    __name__,
    {
        "civilsamfund.config._loader": ("load_directory",),
        "civilsamfund.config._municipality": (
            "Municipality",
            "RulesSource",
        ),
        "civilsamfund.config._national": ("national_rules",),
        "civilsamfund.config._sections": (
            "CORE_SECTIONS",
            "CriterionEntry",
            "MUNICIPALITY",
            "MunicipalityInfo",
            "RULES",
            "RulesFile",
            "Section",
        ),
        "civilsamfund.config._validator": ("ReferencePlan",),
    },
)
"""Each public name loads from its module on first use, so importing the layer stays light."""

__all__ = [
    "CORE_SECTIONS",
    "MUNICIPALITY",
    "RULES",
    "CriterionEntry",
    "Municipality",
    "MunicipalityInfo",
    "ReferencePlan",
    "RulesFile",
    "RulesSource",
    "Section",
    "load_directory",
    "national_rules",
]
