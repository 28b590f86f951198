"""The annual report as the library registers it: a command and its schema, over what
the domains decided."""

from __future__ import annotations

from collections.abc import Sequence

from civilsamfund.plugins import Command, JsonSchema, hookimpl
from civilsamfund.report._commands import REPORT_COMMANDS, REPORT_SCHEMAS


@hookimpl
def civilsamfund_cli_commands() -> Sequence[Command]:
    """``civilsamfund report``."""
    return REPORT_COMMANDS


@hookimpl
def civilsamfund_json_schemas() -> Sequence[JsonSchema]:
    """The report's JSON Schema."""
    return REPORT_SCHEMAS
