"""The library's own plugin: the core's sections and commands, and each domain's checks,
sections and commands, registered through the same hooks as any plugin's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from civilsamfund.cli._command import Command, JsonSchema
from civilsamfund.config._sections import CORE_SECTIONS, Section
from civilsamfund.core.rules._check import Check
from civilsamfund.plugins.hookspecs import hookimpl


@hookimpl
def civilsamfund_criterion_types() -> Mapping[str, type[Check[Any]]]:
    """The grant checks, the volunteer task checks, the award checks, the forum
    composition checks, then the strategy lifecycle checks."""
    from civilsamfund.awards.checks import AWARD_CHECKS
    from civilsamfund.grants.checks import GRANT_CHECKS
    from civilsamfund.organisation.checks import FORUM_CHECKS
    from civilsamfund.strategy.checks import STRATEGY_CHECKS
    from civilsamfund.volunteers.checks import VOLUNTEER_CHECKS

    return {**GRANT_CHECKS, **VOLUNTEER_CHECKS, **AWARD_CHECKS, **FORUM_CHECKS, **STRATEGY_CHECKS}


@hookimpl
def civilsamfund_cli_commands() -> Sequence[Command]:
    """The core's commands, then each domain's."""
    from civilsamfund.awards._commands import AWARD_COMMANDS
    from civilsamfund.cli._core import CORE_COMMANDS
    from civilsamfund.grants._commands import GRANT_COMMANDS
    from civilsamfund.organisation._commands import ORGANISATION_COMMANDS
    from civilsamfund.report._commands import REPORT_COMMANDS
    from civilsamfund.strategy._commands import STRATEGY_COMMANDS
    from civilsamfund.volunteers._commands import VOLUNTEER_COMMANDS

    return (
        *CORE_COMMANDS,
        *GRANT_COMMANDS,
        *VOLUNTEER_COMMANDS,
        *AWARD_COMMANDS,
        *ORGANISATION_COMMANDS,
        *STRATEGY_COMMANDS,
        *REPORT_COMMANDS,
    )


@hookimpl
def civilsamfund_config_sections() -> Sequence[Section[Any]]:
    """The core's sections, then each domain's."""
    from civilsamfund.awards._sections import AWARD_SECTIONS
    from civilsamfund.grants._sections import GRANT_SECTIONS
    from civilsamfund.organisation._sections import ORGANISATION_SECTIONS
    from civilsamfund.strategy._sections import STRATEGY_SECTIONS
    from civilsamfund.volunteers._sections import VOLUNTEER_SECTIONS

    return (
        *CORE_SECTIONS,
        *ORGANISATION_SECTIONS,
        *STRATEGY_SECTIONS,
        *GRANT_SECTIONS,
        *VOLUNTEER_SECTIONS,
        *AWARD_SECTIONS,
    )


@hookimpl
def civilsamfund_json_schemas() -> Sequence[JsonSchema]:
    """Each domain's input and output schemas."""
    from civilsamfund.awards._commands import AWARD_SCHEMAS
    from civilsamfund.grants._commands import GRANT_SCHEMAS
    from civilsamfund.organisation._commands import ORGANISATION_SCHEMAS
    from civilsamfund.report._commands import REPORT_SCHEMAS
    from civilsamfund.strategy._commands import STRATEGY_SCHEMAS
    from civilsamfund.volunteers._commands import VOLUNTEER_SCHEMAS

    return (
        *GRANT_SCHEMAS,
        *VOLUNTEER_SCHEMAS,
        *AWARD_SCHEMAS,
        *ORGANISATION_SCHEMAS,
        *STRATEGY_SCHEMAS,
        *REPORT_SCHEMAS,
    )
