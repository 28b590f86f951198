"""Finding municipalities: by path, in the directories named in ``CIVILSAMFUND_PATH`` or
``--config``, or in installed plugins. Never implicitly in the working directory.

Two sources of one slug are an error naming both, so that no installed package can
replace a municipality's rules unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from attrs import frozen

from civilsamfund._municipality import Municipality
from civilsamfund.config._loader import load_municipality_dir
from civilsamfund.config._sections import MUNICIPALITY
from civilsamfund.config._toml import parse_toml
from civilsamfund.core._errors import ConfigError, PluginError, UnknownMunicipalityError
from civilsamfund.core._shown import shown
from civilsamfund.plugins._manager import Plugins, installed

PATH_VARIABLE = "CIVILSAMFUND_PATH"
"""Directories to search for municipalities, separated like ``PATH``."""


@frozen(kw_only=True)
class MunicipalitySource:
    """Where a municipality's configuration was found, and what found it there."""

    slug: str
    name: str
    directory: Path
    found_by: str


def _search(root: Path, found_by: str) -> Iterator[tuple[Path, str]]:
    if (root / MUNICIPALITY).is_file():
        yield root, found_by
    elif root.is_dir():
        for child in sorted(root.iterdir()):
            if (child / MUNICIPALITY).is_file():
                yield child, found_by


def _candidates(plugins: Plugins, config: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    for directory in config:
        yield from _search(directory, "--config")
    for entry in filter(None, os.environ.get(PATH_VARIABLE, "").split(os.pathsep)):
        yield from _search(Path(entry), PATH_VARIABLE)
    for directory, plugin in plugins.municipality_dirs():
        if not (directory / MUNICIPALITY).is_file():
            raise PluginError(
                plugin,
                f"names {directory} as a municipality directory, but it has no {MUNICIPALITY}",
            )
        version = plugins.version(plugin)
        yield directory, f"plugin {plugin}" + (f" {version}" if version else "")


def _source(directory: Path, found_by: str) -> MunicipalitySource:
    path = directory / MUNICIPALITY
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError.at(str(path), "", f"cannot be read: {exc}") from None
    data = parse_toml(text, str(path), ConfigError)
    slug, name = data.get("slug"), data.get("name")
    if not isinstance(slug, str) or not slug:
        raise ConfigError.at(
            str(path), "slug", f"expected the municipality's slug, got {shown(slug)}"
        )
    return MunicipalitySource(
        slug=slug,
        name=name if isinstance(name, str) else "",
        directory=directory,
        found_by=found_by,
    )


def available_municipalities(
    plugins: Plugins | None = None, config: Iterable[str | Path] = ()
) -> list[MunicipalitySource]:
    """Every municipality that can be loaded by slug, from the directories in ``config``,
    those in ``CIVILSAMFUND_PATH``, and the installed plugins.

    Raises :class:`ConfigError` when two of them give the same slug.
    """
    plugins = installed() if plugins is None else plugins
    found: dict[str, MunicipalitySource] = {}
    for directory, found_by in _candidates(plugins, [Path(c) for c in config]):
        source = _source(directory, found_by)
        other = found.setdefault(source.slug, source)
        if other is not source and other.directory.resolve() != directory.resolve():
            raise ConfigError.at(
                f"municipality {source.slug!r}",
                "",
                f"given by two sources, {other.found_by} ({other.directory}) and "
                f"{found_by} ({directory}); remove one, or load a directory by its path",
            )
    return sorted(found.values(), key=lambda source: source.slug)


def _is_path(slug_or_path: str | Path) -> bool:
    text = str(slug_or_path)
    return isinstance(slug_or_path, Path) or os.sep in text or "/" in text or text.startswith(".")


def load_municipality(
    slug_or_path: str | Path, plugins: Plugins | None = None, config: Iterable[str | Path] = ()
) -> Municipality:
    """Load a municipality by slug (``"odense"``) or by its directory (a :class:`Path`,
    or a string with a ``/``).

    A slug is looked up in ``config`` directories, ``CIVILSAMFUND_PATH`` and the
    installed plugins; a folder of the same name in the working directory is never
    taken for it.
    """
    plugins = installed() if plugins is None else plugins
    if _is_path(slug_or_path):
        return load_municipality_dir(Path(slug_or_path), plugins)
    sources = available_municipalities(plugins, config)
    for source in sources:
        if source.slug == slug_or_path:
            return load_municipality_dir(source.directory, plugins, source.found_by)
    known = ", ".join(source.slug for source in sources) or "none"
    raise UnknownMunicipalityError(
        f"no municipality {str(slug_or_path)!r} (installed: {known}); give a slug, or the "
        f"path of a directory with {MUNICIPALITY}"
    )
