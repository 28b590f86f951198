"""Plugins: the hook specifications (:mod:`civilsamfund.plugins.hookspecs`), the manager,
the records a domain declares itself in (:class:`Domain`), commands, and finding
municipalities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import lazy_names

if TYPE_CHECKING:
    from civilsamfund.plugins._command import (
        BAD_INPUT,
        LOADED_MUNICIPALITY,
        PROBLEMS,
        SUCCESS,
        Command,
        JsonSchema,
        answer_options,
        batch_options,
        check_options,
        config_option,
        fixed,
        iso_date,
        judge_files,
        limits_from,
        limits_options,
        municipality_of,
        municipality_options,
        print_answer,
        whole_number,
    )
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
        Checking,
        Domain,
        Items,
        Mismatch,
        decisions_schema,
        document_json,
        plain,
        reads,
    )
    from civilsamfund.plugins._manager import PluginInfo, Plugins, installed
    from civilsamfund.plugins.hookspecs import hookimpl

__getattr__ = lazy_names(
    __name__,
    {
        "civilsamfund.plugins._command": (
            "answer_options",
            "print_answer",
            "fixed",
            "BAD_INPUT",
            "Command",
            "JsonSchema",
            "LOADED_MUNICIPALITY",
            "PROBLEMS",
            "SUCCESS",
            "batch_options",
            "check_options",
            "config_option",
            "iso_date",
            "judge_files",
            "limits_from",
            "limits_options",
            "municipality_of",
            "municipality_options",
            "whole_number",
        ),
        "civilsamfund.plugins._discovery": (
            "MunicipalitySource",
            "available_municipalities",
            "load_municipality",
            "load_municipality_dir",
            "municipality_conflicts",
        ),
        "civilsamfund.plugins._domain": (
            "decisions_schema",
            "Batch",
            "Cases",
            "Checking",
            "Domain",
            "Items",
            "Mismatch",
            "document_json",
            "plain",
            "reads",
        ),
        "civilsamfund.plugins._manager": (
            "PluginInfo",
            "Plugins",
            "installed",
        ),
        "civilsamfund.plugins.hookspecs": ("hookimpl",),
    },
)
"""Each public name loads from its module on first use, so importing the layer stays light."""

__all__ = [
    "BAD_INPUT",
    "LOADED_MUNICIPALITY",
    "PROBLEMS",
    "SUCCESS",
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
    "answer_options",
    "available_municipalities",
    "batch_options",
    "check_options",
    "config_option",
    "decisions_schema",
    "document_json",
    "fixed",
    "hookimpl",
    "installed",
    "iso_date",
    "judge_files",
    "limits_from",
    "limits_options",
    "load_municipality",
    "load_municipality_dir",
    "municipality_conflicts",
    "municipality_of",
    "municipality_options",
    "plain",
    "print_answer",
    "reads",
    "whole_number",
]
