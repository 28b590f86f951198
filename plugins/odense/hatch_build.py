"""Puts the municipality's configuration in the plugin's sdist and wheel.

The configuration lives in the repository's top-level ``municipalities/SLUG``, outside
this package's folder. Built from a checkout, the sdist gets it as
``src/MODULE/municipality`` and the wheel as ``MODULE/municipality``; built from the
sdist, it is already inside the package, so both wheels carry the same files.
SLUG and MODULE are the plugin's ``civilsamfund`` entry point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class MunicipalityHook(BuildHookInterface[BuilderConfig]):
    """Includes ``municipalities/SLUG`` from the checkout when the package lacks it."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        ((slug, module),) = self.metadata.core.entry_points["civilsamfund"].items()
        root = Path(self.root)
        if (root / "src" / module / "municipality").is_dir():
            return  # an unpacked sdist: the package has it
        checkout = root.parent.parent / "municipalities" / slug
        if not checkout.is_dir():
            raise FileNotFoundError(
                f"{root}: the configuration is neither in src/{module}/municipality (an sdist) "
                f"nor in {checkout} (a checkout)"
            )
        inside = f"src/{module}" if self.target_name == "sdist" else module
        build_data["force_include"][str(checkout)] = f"{inside}/municipality"
