"""The library's own plugin: the core's sections, and the grants domain's checks and
sections, registered through the same hooks as any other plugin's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from civilsamfund.config._sections import CORE_SECTIONS, Section
from civilsamfund.core.rules._check import Check
from civilsamfund.plugins.hookspecs import hookimpl


@hookimpl
def civilsamfund_criterion_types() -> Mapping[str, type[Check[Any]]]:
    """The grant checks."""
    from civilsamfund.grants.checks import GRANT_CHECKS

    return GRANT_CHECKS


@hookimpl
def civilsamfund_config_sections() -> Sequence[Section[Any]]:
    """The core's sections, then the grants domain's."""
    from civilsamfund.grants._sections import GRANT_SECTIONS

    return (*CORE_SECTIONS, *GRANT_SECTIONS)
