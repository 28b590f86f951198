"""Finding municipalities: by path, on the search path, in ./municipalities, or in plugins."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from civilsamfund._municipality import Municipality
from civilsamfund.config._loader import load_municipality_dir
from civilsamfund.config._toml import parse_toml
from civilsamfund.config._validator import MUNICIPALITY
from civilsamfund.core._errors import UnknownMunicipalityError
from civilsamfund.plugins._manager import Plugins, installed

PATH_VARIABLE = "CIVILSAMFUND_PATH"
"""Directories to search for municipalities, separated like ``PATH``."""


@frozen(kw_only=True)
class MunicipalitySource:
    """Where a municipality's configuration was found."""

    slug: str
    name: str
    directory: Path
    found_by: str


def _candidates(plugins: Plugins) -> Iterator[tuple[Path, str]]:
    for entry in filter(None, os.environ.get(PATH_VARIABLE, "").split(os.pathsep)):
        yield from _search(Path(entry), PATH_VARIABLE)
    yield from _search(Path("municipalities"), "./municipalities")
    for directory, plugin in plugins.municipality_dirs():
        yield directory, f"plugin {plugin}"


def _search(root: Path, found_by: str) -> Iterator[tuple[Path, str]]:
    if (root / MUNICIPALITY).is_file():
        yield root, found_by
    elif root.is_dir():
        for child in sorted(root.iterdir()):
            if (child / MUNICIPALITY).is_file():
                yield child, found_by


def available_municipalities(plugins: Plugins | None = None) -> list[MunicipalitySource]:
    """Every municipality that can be loaded by slug; the first found of a slug wins.

    Searched in order: the directories in ``CIVILSAMFUND_PATH``, ``./municipalities``,
    then the directories plugins ship.
    """
    plugins = installed() if plugins is None else plugins
    found: dict[str, MunicipalitySource] = {}
    for directory, found_by in _candidates(plugins):
        path = directory / MUNICIPALITY
        data = parse_toml(path.read_text(encoding="utf-8"), str(path))
        slug, name = str(data.get("slug", directory.name)), str(data.get("name", ""))
        found.setdefault(
            slug, MunicipalitySource(slug=slug, name=name, directory=directory, found_by=found_by)
        )
    return sorted(found.values(), key=lambda source: source.slug)


def load_municipality(slug_or_path: str | Path, plugins: Plugins | None = None) -> Municipality:
    """Load a municipality by slug (``"odense"``) or by the path of its directory."""
    path = Path(slug_or_path)
    if (path / MUNICIPALITY).is_file():
        return load_municipality_dir(path, plugins)
    for source in available_municipalities(plugins):
        if source.slug == str(slug_or_path):
            return load_municipality_dir(source.directory, plugins)
    known = ", ".join(source.slug for source in available_municipalities(plugins)) or "none"
    raise UnknownMunicipalityError(
        f"no municipality {str(slug_or_path)!r} (installed: {known}); give a slug, or the "
        f"path of a directory with {MUNICIPALITY}"
    )
