"""Finding municipalities: by path, in the directories named in ``CIVILSAMFUND_PATH`` or
``--config``, or in installed plugins. Never implicitly in the working directory.

Two sources of one slug are an error naming both, so that no installed package can
replace a municipality's rules unnoticed; the conflict blocks that slug only. Slugs
are compared without case or surrounding space (``ODENSE`` and ``odense `` are
``odense``). Two copies alike to the byte (a checkout's folder beside the plugin that
ships it) are one source, the first found. ``CIVILSAMFUND_PINS`` names the
distribution that may provide a slug; other distributions' copies of it are passed
over.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from attrs import frozen

from civilsamfund.config import MUNICIPALITY, Municipality, load_directory
from civilsamfund.core import (
    ConfigError,
    Distribution,
    PluginError,
    Problem,
    UnknownMunicipalityError,
    shown,
)
from civilsamfund.plugins._manager import PINS_VARIABLE, Plugins, installed, slug_key
from civilsamfund.reading import CONFIG_LIMITS, Limits, parse_toml

PATH_VARIABLE = "CIVILSAMFUND_PATH"
"""Directories to search for municipalities, separated like ``PATH``."""


@frozen(kw_only=True)
class MunicipalitySource:
    """Where a municipality's configuration was found, and what found it there."""

    slug: str
    name: str
    directory: Path
    found_by: str
    plugin: str | None = None
    """The plugin that ships the directory, if one does."""


_Candidate = tuple[Path, str, str | None]
"""A directory that may hold a municipality, what found it, and the plugin that did."""


def _search(root: Path, found_by: str) -> Iterator[_Candidate]:
    if (root / MUNICIPALITY).is_file():
        yield root, found_by, None
    elif root.is_dir():
        for child in sorted(root.iterdir()):
            if (child / MUNICIPALITY).is_file():
                yield child, found_by, None


def _candidates(plugins: Plugins, config: Sequence[Path]) -> Iterator[_Candidate]:
    for directory in config:
        yield from _search(directory, "--config")
    for entry in filter(None, os.environ.get(PATH_VARIABLE, "").split(os.pathsep)):
        yield from _search(Path(entry), PATH_VARIABLE)
    # by plugin name: which copy is first may not depend on the order of installing
    for directory, plugin in sorted(plugins.municipality_dirs(), key=lambda d: (d[1], d[0])):
        if not (directory / MUNICIPALITY).is_file():
            raise PluginError(
                plugin,
                f"names {directory} as a municipality directory, but it has no {MUNICIPALITY}",
            )
        yield directory, plugins.described(plugin), plugin


def _source(directory: Path, found_by: str, plugin: str | None) -> MunicipalitySource:
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
        plugin=plugin,
    )


@frozen(kw_only=True)
class _Found:
    """What discovery found: the sources and the slugs given by two sources, each by its
    slug as compared (:func:`slug_key`)."""

    sources: dict[str, MunicipalitySource]
    conflicts: dict[str, Problem]


def _files(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` by its path inside it, with its bytes."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in directory.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def _same(first: Path, second: Path) -> bool:
    """Whether two directories are one configuration: the same directory, or copies
    alike to the byte (a checkout's folder beside the plugin that ships it)."""
    if first.resolve() == second.resolve():
        return True
    try:
        return _files(first) == _files(second)
    except OSError:
        return False


def _discover(plugins: Plugins, config: Iterable[str | Path]) -> _Found:
    sources: dict[str, MunicipalitySource] = {}
    conflicts = {
        key: Problem.at(f"plugin {key!r}", "", message)
        for key, message in plugins.conflicts().items()
    }
    for directory, found_by, plugin in _candidates(plugins, [Path(c) for c in config]):
        source = _source(directory, found_by, plugin)
        if plugin is not None and not plugins.allows(source.slug, plugin):
            continue  # a pin gives the slug to another distribution
        key = slug_key(source.slug)
        other = sources.setdefault(key, source)
        if other is not source and not _same(other.directory, directory):
            both = sorted(f"{s.found_by} ({s.directory})" for s in (other, source))
            conflicts.setdefault(
                key,
                Problem.at(
                    f"municipality {key!r}",
                    "",
                    f"given by two sources, {both[0]} and {both[1]}; remove one, load a "
                    f"directory by its path, or name the distribution to use in {PINS_VARIABLE}",
                ),
            )
    for key in conflicts:
        sources.pop(key, None)
    return _Found(sources=sources, conflicts=conflicts)


def available_municipalities(
    plugins: Plugins | None = None, config: Iterable[str | Path] = ()
) -> list[MunicipalitySource]:
    """Every municipality that can be loaded by slug, from the directories in ``config``,
    those in ``CIVILSAMFUND_PATH``, and the installed plugins, by slug.

    A slug given by two sources is left out (:func:`municipality_conflicts` names both):
    it blocks that slug only, never the others.
    """
    found = _discover(installed() if plugins is None else plugins, config)
    return sorted(found.sources.values(), key=lambda source: source.slug)


def municipality_conflicts(
    plugins: Plugins | None = None, config: Iterable[str | Path] = ()
) -> list[Problem]:
    """The slugs two sources give, each naming both: none of them loads by slug."""
    found = _discover(installed() if plugins is None else plugins, config)
    return [found.conflicts[slug] for slug in sorted(found.conflicts)]


def _is_path(slug_or_path: str | Path) -> bool:
    text = str(slug_or_path)
    return isinstance(slug_or_path, Path) or os.sep in text or "/" in text or text.startswith(".")


def load_municipality_dir(
    directory: str | Path,
    plugins: Plugins | None = None,
    found_by: str = "given path",
    *,
    distribution: Distribution | None = None,
    limits: Limits = CONFIG_LIMITS,
) -> Municipality:
    """Load and check the configuration in ``directory`` with ``plugins`` (default: the
    installed ones); ``found_by`` and the installed ``distribution`` that shipped it enter
    every decision's audit record.

    Raises :class:`ConfigError` listing every problem found, each naming its file and
    the path to the field, and :class:`PluginError` naming a plugin that misbehaves.
    Each file is read within ``limits``: by default a configuration's own, far below a
    document's (see docs/batches.md, "Limits").
    """
    plugins = installed() if plugins is None else plugins
    return load_directory(directory, plugins, found_by, distribution=distribution, limits=limits)


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
    found = _discover(plugins, config)
    slug = slug_key(str(slug_or_path))
    if slug in found.conflicts:
        raise ConfigError([found.conflicts[slug]])
    if slug in found.sources:
        source = found.sources[slug]
        distribution = None if source.plugin is None else plugins.distribution(source.plugin)
        return load_municipality_dir(
            source.directory, plugins, source.found_by, distribution=distribution
        )
    known = ", ".join(sorted(found.sources)) or "none"
    raise UnknownMunicipalityError(
        f"no municipality {str(slug_or_path)!r} (installed: {known}); give a slug, or the "
        f"path of a directory with {MUNICIPALITY}"
    )
