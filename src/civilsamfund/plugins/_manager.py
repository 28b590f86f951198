"""Finding, loading and calling plugins, behind a typed facade.

Callers never touch ``manager.hook`` directly: :class:`Plugins` has one typed method
per hook. Hooks are called through pluggy's hook callers, so implementations run in
the order pluggy documents. Each implementation is registered through a thin proxy
that tags its result with the plugin's name and names the plugin when it raises.
"""

from __future__ import annotations

import functools
import os
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import pluggy
from attrs import frozen

from civilsamfund.core._errors import PluginError
from civilsamfund.plugins import hookspecs

if TYPE_CHECKING:
    from civilsamfund.cli._command import Command, JsonSchema

T = TypeVar("T")


class _Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=_Named)

ENTRY_POINT_GROUP = "civilsamfund"
ALLOWLIST_VARIABLE = "CIVILSAMFUND_PLUGINS"
"""Comma-separated entry-point names to load; unset loads all, empty loads none."""

BUILTIN = "civilsamfund"
"""The name the library's own plugin is registered under."""


@frozen(kw_only=True)
class PluginInfo:
    """An installed plugin, as ``civilsamfund plugins`` lists it.

    ``error`` says why a plugin that is installed could not be loaded.
    """

    name: str
    version: str | None
    hooks: tuple[str, ...]
    error: str | None = None


@frozen
class Attributed(Generic[T]):
    """A hook's result, with the plugin that gave it."""

    plugin: str
    value: T


def _attributed(plugin: str, hook: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps the marker and the signature pluggy reads
    def call(*args: Any) -> Any:
        try:
            result = function(*args)
        except Exception as exc:
            if plugin == BUILTIN:
                raise  # the library's own bug, not a plugin's
            raise PluginError(plugin, f"{hook} raised {exc!r}") from exc
        return None if result is None else Attributed(plugin, result)

    return call


def _allowed() -> Callable[[str], bool]:
    value = os.environ.get(ALLOWLIST_VARIABLE)
    if value is None:
        return lambda _: True
    names = {name.strip() for name in value.split(",") if name.strip()}
    return names.__contains__


class Plugins:
    """The plugins in use, with one typed method per hook.

    A new instance holds the library's built-in plugin only; add others with
    :meth:`register`, or load the installed ones with :meth:`from_entry_points`.
    """

    def __init__(self) -> None:
        self._manager = pluggy.PluginManager(hookspecs.PROJECT)
        self._manager.add_hookspecs(hookspecs)
        self._versions: dict[str, str | None] = {}
        self._broken: dict[str, tuple[str | None, str]] = {}
        from civilsamfund import _version
        from civilsamfund.plugins import _builtin

        self.register(_builtin, BUILTIN, _version.__version__)

    @classmethod
    def from_entry_points(cls) -> Plugins:
        """Load the plugins installed under the ``civilsamfund`` entry-point group.

        A plugin that fails to load is kept aside, named with its error: see
        :meth:`info` and :meth:`require_loaded`. A name in ``CIVILSAMFUND_PLUGINS``
        that no installed plugin has is an error.
        """
        plugins = cls()
        allowed = _allowed()
        installed_names = set()
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            installed_names.add(entry_point.name)
            if not allowed(entry_point.name):
                continue
            version = entry_point.dist.version if entry_point.dist else None
            try:
                module = entry_point.load()
                plugins.register(module, entry_point.name, version)
            except PluginError as exc:
                plugins._broken[entry_point.name] = (version, exc.message)
            except Exception as exc:  # an import failure inside the plugin's own code
                plugins._broken[entry_point.name] = (version, f"failed to load: {exc!r}")
        listed = os.environ.get(ALLOWLIST_VARIABLE)
        if listed:
            for name in (n.strip() for n in listed.split(",")):
                if name and name not in installed_names:
                    known = ", ".join(sorted(installed_names)) or "none"
                    raise PluginError(
                        name,
                        f"is named in {ALLOWLIST_VARIABLE} but not installed (installed: {known})",
                    )
        return plugins

    def register(self, plugin: object, name: str, version: str | None = None) -> None:
        """Add ``plugin`` under ``name``, checking that every hook it implements exists.

        Hook wrappers are refused: every result must come from one plugin.
        """
        if self._manager.has_plugin(name):
            raise PluginError(name, "a plugin of that name is already registered")
        proxy = types.SimpleNamespace(__name__=getattr(plugin, "__name__", name))
        for attribute in dir(plugin):
            options = self._manager.parse_hookimpl_opts(plugin, attribute)
            if options is None:
                continue
            if options.get("wrapper") or options.get("hookwrapper"):
                raise PluginError(
                    name, f"{attribute} is a hook wrapper; civilsamfund hooks take no wrappers"
                )
            setattr(proxy, attribute, _attributed(name, attribute, getattr(plugin, attribute)))
        try:
            self._manager.register(proxy, name=name)
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

    def version(self, name: str) -> str | None:
        """The version of the plugin registered under ``name``."""
        return self._versions.get(name)

    def info(self) -> list[PluginInfo]:
        """The plugins with their versions and the hooks each implements, and those that
        failed to load with their errors."""
        loaded = [
            PluginInfo(
                name=name,
                version=self._versions.get(name),
                hooks=tuple(
                    sorted(caller.name for caller in self._manager.get_hookcallers(plugin) or ())
                ),
            )
            for name, plugin in self._manager.list_name_plugin()
        ]
        broken = [
            PluginInfo(name=name, version=version, hooks=(), error=error)
            for name, (version, error) in self._broken.items()
        ]
        return sorted([*loaded, *broken], key=lambda info: info.name)

    def require_loaded(self) -> None:
        """Raise :class:`PluginError` naming the first installed plugin that failed to load."""
        for name, (_, error) in sorted(self._broken.items()):
            raise PluginError(name, error)

    def _call(
        self, hook: str, kind: type | tuple[type, ...], what: str
    ) -> Iterator[Attributed[Any]]:
        """Every result of ``hook``, in pluggy's order, each checked to be a ``kind``."""
        for result in getattr(self._manager.hook, hook)():
            if not isinstance(result, Attributed):
                raise PluginError("(unknown)", f"{hook} returned {result!r} without a plugin")
            if not isinstance(result.value, kind):
                raise PluginError(result.plugin, f"{hook} must return {what}, got {result.value!r}")
            yield result

    def criterion_types(self) -> list[Attributed[Mapping[str, Any]]]:
        """Each plugin's mapping of check type names to check classes, unchecked."""
        return list(self._call("civilsamfund_criterion_types", Mapping, "a mapping"))

    def municipality_dirs(self) -> list[tuple[Path, str]]:
        """Municipality directories the plugins ship, each with the plugin's name."""
        found = []
        for result in self._call(
            "civilsamfund_municipality_dirs", (list, tuple), "a list of paths"
        ):
            for directory in result.value:
                if not isinstance(directory, str | os.PathLike):
                    raise PluginError(
                        result.plugin,
                        f"civilsamfund_municipality_dirs must return paths, got {directory!r}",
                    )
                found.append((Path(directory), result.plugin))
        return found

    def cli_commands(self) -> list[tuple[Command, str]]:
        """Every plugin's commands with the plugin's name, the built-in plugin's first; a
        name given twice is an error."""
        from civilsamfund.cli._command import Command

        return self._named("civilsamfund_cli_commands", Command, "command")

    def json_schemas(self) -> list[tuple[JsonSchema, str]]:
        """Every plugin's JSON Schemas with the plugin's name, the built-in plugin's first;
        a name given twice is an error."""
        from civilsamfund.cli._command import JsonSchema

        return self._named("civilsamfund_json_schemas", JsonSchema, "JSON Schema")

    def _named(self, hook: str, kind: type[N], what: str) -> list[tuple[N, str]]:
        """Each plugin's named values of ``hook`` (``kind`` with a ``name``), by name."""
        found: dict[str, tuple[N, str]] = {}
        results = self._call(hook, (list, tuple), f"a list of {what}s")
        for result in sorted(results, key=lambda result: result.plugin != BUILTIN):
            for value in result.value:
                if not isinstance(value, kind):
                    raise PluginError(result.plugin, f"expected a {kind.__name__}, got {value!r}")
                name = value.name
                if name in found:
                    raise PluginError(
                        result.plugin, f"{what} {name!r} is already given by {found[name][1]!r}"
                    )
                found[name] = (value, result.plugin)
        return list(found.values())

    def config_sections(self) -> list[Attributed[Sequence[Any]]]:
        """Each plugin's configuration sections, unchecked."""
        return list(self._call("civilsamfund_config_sections", (list, tuple), "a list of sections"))


@cache
def installed() -> Plugins:
    """The installed plugins, loaded once per process."""
    return Plugins.from_entry_points()
