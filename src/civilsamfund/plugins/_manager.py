"""Finding, loading and calling plugins, behind a typed facade.

Callers never touch ``manager.hook`` directly: :class:`Plugins` has one typed method per
hook, calls each implementation on its own and names the plugin when one fails.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, cast

import pluggy
from attrs import frozen

from civilsamfund.core._errors import PluginError
from civilsamfund.core.rules._check import Check
from civilsamfund.grants._routing import AgeRouting
from civilsamfund.grants.checks._all import CORE_CHECKS
from civilsamfund.plugins import hookspecs as _hookspecs

ENTRY_POINT_GROUP = "civilsamfund"
ALLOWLIST_VARIABLE = "CIVILSAMFUND_PLUGINS"
"""Comma-separated entry-point names to load; unset loads all, empty loads none."""

CORE = "civilsamfund"


@frozen(kw_only=True)
class PluginInfo:
    """An installed plugin, as ``civilsamfund plugins`` lists it."""

    name: str
    version: str | None
    hooks: tuple[str, ...]


@frozen(kw_only=True)
class CheckType:
    """A check type and the plugin that supplied it."""

    name: str
    cls: type[Check]
    origin: str


def _allowed() -> Callable[[str], bool]:
    value = os.environ.get(ALLOWLIST_VARIABLE)
    if value is None:
        return lambda _: True
    names = {name.strip() for name in value.split(",") if name.strip()}
    return names.__contains__


class Plugins:
    """The plugins in use, with one typed method per hook."""

    def __init__(self) -> None:
        self._manager = pluggy.PluginManager(_hookspecs.PROJECT)
        self._manager.add_hookspecs(_hookspecs)
        self._versions: dict[str, str | None] = {}

    @classmethod
    def from_entry_points(cls) -> Plugins:
        """Load the plugins installed under the ``civilsamfund`` entry-point group."""
        plugins = cls()
        allowed = _allowed()
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            if not allowed(entry_point.name):
                continue
            try:
                module = entry_point.load()
            except Exception as exc:
                raise PluginError(entry_point.name, f"failed to load: {exc}") from exc
            version = entry_point.dist.version if entry_point.dist else None
            plugins.register(module, entry_point.name, version)
        return plugins

    def register(self, plugin: object, name: str, version: str | None = None) -> None:
        """Add ``plugin`` under ``name`` and check that every hook it implements exists."""
        if self._manager.has_plugin(name):
            raise PluginError(name, "a plugin of that name is already registered")
        try:
            self._manager.register(plugin, name=name)
            self._manager.check_pending()
        except pluggy.PluginValidationError as exc:
            if self._manager.has_plugin(name):
                self._manager.unregister(name=name)
            raise PluginError(name, str(exc)) from exc
        self._versions[name] = version

    def unregister(self, name: str) -> None:
        """Remove the plugin registered under ``name``."""
        self._manager.unregister(name=name)
        self._versions.pop(name, None)

    def info(self) -> list[PluginInfo]:
        """The registered plugins with their versions and the hooks each implements."""
        return [
            PluginInfo(
                name=name,
                version=self._versions.get(name),
                hooks=tuple(
                    sorted(caller.name for caller in self._manager.get_hookcallers(plugin) or ())
                ),
            )
            for name, plugin in sorted(self._manager.list_name_plugin())
        ]

    def _results(self, hook: str, **kwargs: Any) -> Iterator[tuple[str, Any]]:
        for impl in getattr(self._manager.hook, hook).get_hookimpls():
            try:
                result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
            except Exception as exc:
                raise PluginError(impl.plugin_name, f"{hook} raised {exc!r}") from exc
            if result is not None:
                yield impl.plugin_name, result

    def check_types(self) -> dict[str, CheckType]:
        """Every check type a criterion may name: the core's and the plugins'."""
        types = {name: CheckType(name=name, cls=cls, origin=CORE) for name, cls in _core_types()}
        for plugin, mapping in self._results("civilsamfund_criterion_types"):
            if not isinstance(mapping, Mapping):
                raise PluginError(plugin, "civilsamfund_criterion_types must return a mapping")
            for name, cls in mapping.items():
                if name in types:
                    raise PluginError(
                        plugin, f"check type {name!r} is already given by {types[name].origin!r}"
                    )
                if not (isinstance(cls, type) and callable(getattr(cls, "evaluate", None))):
                    raise PluginError(plugin, f"check type {name!r} has no evaluate method")
                types[name] = CheckType(name=name, cls=cast("type[Check]", cls), origin=plugin)
        return types

    def municipality_dirs(self) -> list[tuple[Path, str]]:
        """Municipality directories the plugins ship, each with the plugin's name."""
        return [
            (Path(directory), plugin)
            for plugin, directories in self._results("civilsamfund_municipality_dirs")
            for directory in directories
        ]


def _core_types() -> Iterator[tuple[str, type[Check]]]:
    yield from CORE_CHECKS.items()
    yield "age_routing", AgeRouting


@cache
def installed() -> Plugins:
    """The installed plugins, loaded once per process."""
    return Plugins.from_entry_points()
