"""The hooks a civilsamfund plugin can implement: this module is their reference.

A plugin is a module (or object) found through the ``civilsamfund`` entry-point group.
Its hook implementations carry the ``civilsamfund_`` prefix and the :data:`hookimpl`
marker; anything else in the module is ignored. Hooks are called through pluggy, so
``tryfirst`` and ``trylast`` order the implementations as pluggy documents; hook
wrappers are refused, as the library attributes every result to its plugin. Hooks
only ever gain arguments, and an implementation may accept fewer than the
specification names. The library's own checks and sections come through the same
hooks, from its built-in plugin named ``civilsamfund``. A plugin's implementation
runs within the hook budget (``CIVILSAMFUND_PLUGIN_BUDGET``), and whatever it raises,
``SystemExit`` included, is a :class:`civilsamfund.PluginError` naming the plugin.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from civilsamfund.config import Section
    from civilsamfund.core.rules import Check
    from civilsamfund.plugins._command import Command, JsonSchema
    from civilsamfund.plugins._domain import Domain

PROJECT = "civilsamfund"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's function as the implementation of the hook it is named after."""


@hookspec
def civilsamfund_criterion_types() -> Mapping[str, type[Check[Any]]]:
    """Add check types that ``criteria.toml`` can name in ``type``.

    Return a mapping from type name to a subclass of :class:`civilsamfund.Check`: an
    attrs class whose fields are the ``params`` it takes, declaring ``SUBJECT``,
    ``FACTS`` and ``MESSAGES``. Prefix names with the plugin's own
    (``"odense.child_certificate"``); a name already taken is an error.

    All implementations are called and their mappings merged. Since 0.1.0.
    """
    raise NotImplementedError


@hookspec
def civilsamfund_municipality_dirs() -> Sequence[Path]:
    """Name the municipality configuration directories this plugin ships.

    Each directory holds ``municipality.toml`` and its sibling files. All
    implementations are called; two sources of one municipality are an error.
    Since 0.1.0.
    """
    raise NotImplementedError


@hookspec
def civilsamfund_config_sections() -> Sequence[Section[Any]]:
    """Add configuration sections: the keys of a file that a model of the plugin reads.

    A loaded municipality then holds the section's value (``municipality.section(Model)``),
    checked like every other: citations, texts in both languages, unique ids,
    versions and the references declared on its fields. All implementations are
    called; two sections may not take the same key of one file. Since 0.2.0.
    """
    raise NotImplementedError


@hookspec
def civilsamfund_cli_commands() -> Sequence[Command]:
    """Add subcommands to ``civilsamfund``: each a :class:`civilsamfund.Command` with its
    name, help, arguments and what it runs.

    A name already taken is an error naming the plugin; an exception other than the
    library's own from a plugin's command is reported as a :class:`PluginError`
    naming the plugin. All implementations are called. Since 0.2.0.
    """
    raise NotImplementedError


@hookspec
def civilsamfund_json_schemas() -> Sequence[JsonSchema]:
    """Add JSON Schemas that ``civilsamfund schema NAME`` prints: each a
    :class:`civilsamfund.JsonSchema` with its name, help and how to build it.

    A name already taken is an error naming the plugin. All implementations are
    called. Since 0.2.0.
    """
    raise NotImplementedError


@hookspec
def civilsamfund_domains() -> Sequence[Domain]:
    """Add domains: each a :class:`civilsamfund.Domain` declaring its subject, error,
    sections, check types, commands, schemas, examples, policy cases and test strategies.

    The library builds a domain's batch commands, ``schema``, policy cases,
    conformance and Hypothesis registration from its record; the library's own domains
    come through this hook too. A key already taken is an error naming the plugin. All
    implementations are called. Since 0.4.0.
    """
    raise NotImplementedError
