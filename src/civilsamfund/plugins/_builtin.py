"""The library's own core plugin: the sections every municipality has
(``municipality.toml``, the rules), registered through the same hook as any plugin's.
Each domain registers itself in its own plugin module (``civilsamfund.grants._plugin``
…), the core's commands in ``civilsamfund.cli._core``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from civilsamfund.config import CORE_SECTIONS, Section
from civilsamfund.plugins.hookspecs import hookimpl


@hookimpl
def civilsamfund_config_sections() -> Sequence[Section[Any]]:
    """The core's sections."""
    return CORE_SECTIONS
