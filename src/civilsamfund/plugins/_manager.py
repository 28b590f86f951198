"""Finding, loading and calling plugins, behind a typed facade.

Callers never touch ``manager.hook`` directly: :class:`Plugins` has one typed method
per hook. Hooks are called through pluggy's hook callers, so implementations run in
the order pluggy documents. Each implementation is registered through a thin proxy
that tags its result with the plugin's name, and runs it within its budget, naming
the plugin whatever it raises (see :mod:`civilsamfund.core._guard`).

One name, one source: two installed distributions that declare one entry-point name
(compared without case or surrounding space) load neither, and the name is a conflict
naming both, whatever order they are installed in, unless ``CIVILSAMFUND_PINS`` says
which distribution may provide it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import types
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import import_module, metadata
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import pluggy
from attrs import frozen

from civilsamfund.core import (
    BUILTIN,
    Attributed,
    ConfigError,
    Distribution,
    PluginError,
    guard,
    shown,
)
from civilsamfund.plugins import hookspecs

if TYPE_CHECKING:
    from civilsamfund.plugins._command import Command, JsonSchema
    from civilsamfund.plugins._domain import Domain

T = TypeVar("T")


class _Named(Protocol):
    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=_Named)

BUILTIN_PLUGINS = (
    "civilsamfund.plugins._builtin",
    "civilsamfund.organisation._plugin",
    "civilsamfund.strategy._plugin",
    "civilsamfund.grants._plugin",
    "civilsamfund.volunteers._plugin",
    "civilsamfund.awards._plugin",
    "civilsamfund.report._plugin",
)
"""The library's own plugins, registered by module name and called in this order, as
pytest and datasette register theirs: the core's sections (named ``civilsamfund``), then
each domain (named by its package, ``civilsamfund.grants``), a domain after those whose
configuration it refers to, then the annual report."""

ENTRY_POINT_GROUP = "civilsamfund"
ALLOWLIST_VARIABLE = "CIVILSAMFUND_PLUGINS"
"""Comma-separated entry-point names to load; unset loads all, empty loads none."""
PINS_VARIABLE = "CIVILSAMFUND_PINS"
"""Comma-separated ``slug=distribution`` pairs: only that distribution may provide the
slug, by its entry-point name or a configuration it ships. Since 0.3.0."""


@frozen(kw_only=True)
class PluginInfo:
    """An installed plugin, as ``civilsamfund plugins`` lists it.

    ``error`` says why a plugin that is installed could not be loaded.
    """

    name: str
    version: str | None
    hooks: tuple[str, ...]
    error: str | None = None
    builtin: bool = False
    """Whether it is one of the library's own."""


def _attributed(plugin: str, hook: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps the marker and the signature pluggy reads
    def call(*args: Any) -> Any:
        result = guard.own_or_guarded(plugin, hook, "hook", function, *args)
        return None if result is None else Attributed(plugin, result)

    return call


def slug_key(name: str) -> str:
    """A slug or entry-point name as it is compared: ``ODENSE`` and ``odense `` are
    ``odense``."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _distribution_key(name: str) -> str:
    """A distribution's name as packaging compares it (``Civilsamfund_Odense`` is
    ``civilsamfund-odense``)."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def _allowed() -> Callable[[str], bool]:
    value = os.environ.get(ALLOWLIST_VARIABLE)
    if value is None:
        return lambda _: True
    names = {slug_key(name) for name in value.split(",") if name.strip()}
    return lambda name: slug_key(name) in names


def _pins_from_environment() -> dict[str, str]:
    value = os.environ.get(PINS_VARIABLE, "")
    pins = {}
    for item in filter(str.strip, value.split(",")):
        slug, equals, distribution = item.partition("=")
        if not (equals and slug.strip() and distribution.strip()):
            raise ConfigError.at(
                PINS_VARIABLE,
                "",
                f"expected slug=distribution pairs separated by commas, got {shown(item)}",
            )
        pins[slug] = distribution
    return pins


def _named(entry_point: EntryPoint) -> str:
    """The distribution that declares ``entry_point``, with its version."""
    dist = entry_point.dist
    return "an unknown distribution" if dist is None else f"{dist.name} {dist.version}"


def fingerprint(dist: metadata.Distribution) -> str:
    """The fingerprint of the files ``dist`` installed (those its ``RECORD`` lists with
    a hash, but the installer's own notes), from their bytes as they are now."""
    digest = hashlib.sha256()
    for file in sorted(dist.files or (), key=str):
        if file.hash is None or (
            file.parent.name.endswith(".dist-info") and file.name in _INSTALLER_NOTES
        ):
            continue
        try:
            content = hashlib.sha256(Path(str(dist.locate_file(file))).read_bytes()).hexdigest()
        except OSError:
            content = "missing"
        digest.update(f"{file.as_posix()}\0{content}\0".encode())
    return f"sha256:{digest.hexdigest()}"


_INSTALLER_NOTES = frozenset({"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"})
"""Files an installer writes beside a distribution's own, different for each install."""


class Plugins:
    """The plugins in use, with one typed method per hook.

    A new instance holds the library's own plugins only (:data:`BUILTIN_PLUGINS`); add
    others with :meth:`register`, or load the installed ones with
    :meth:`from_entry_points`.
    """

    def __init__(self) -> None:
        self._manager = pluggy.PluginManager(hookspecs.PROJECT)
        self._manager.add_hookspecs(hookspecs)
        self._versions: dict[str, str | None] = {}
        self._builtin: set[str] = set()
        self._domains: list[tuple[Domain, str]] | None = None
        self._broken: dict[str, tuple[str | None, str]] = {}
        self._distributions: dict[str, metadata.Distribution] = {}
        self._fingerprints: dict[str, Distribution] = {}
        self._conflicts: dict[str, str] = {}
        self._pins: dict[str, str] = {}
        from civilsamfund import _version

        for module in reversed(BUILTIN_PLUGINS):  # pluggy calls the last registered first
            name = BUILTIN if module == BUILTIN_PLUGINS[0] else module.rpartition(".")[0]
            self.register(import_module(module), name, _version.__version__, builtin=True)

    @classmethod
    def from_entry_points(cls, pins: Mapping[str, str] | None = None) -> Plugins:
        """Load the plugins installed under the ``civilsamfund`` entry-point group.

        A plugin that fails to load is kept aside, named with its error: see
        :meth:`info` and :meth:`require_loaded`. A name in ``CIVILSAMFUND_PLUGINS``
        that no installed plugin has is an error. A name two distributions declare
        loads from neither (see :meth:`conflicts`), unless ``pins`` (by default
        ``CIVILSAMFUND_PINS``) maps it to the distribution that may provide it
        (``pins`` since 0.3.0).
        """
        plugins = cls()
        given = _pins_from_environment() if pins is None else pins
        plugins._pins = {slug_key(s): _distribution_key(d) for s, d in given.items()}
        allowed = _allowed()
        by_name: dict[str, list[EntryPoint]] = {}
        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            by_name.setdefault(slug_key(entry_point.name), []).append(entry_point)
        for key in sorted(by_name):
            if not allowed(key):
                continue
            candidates = by_name[key]
            pinned = plugins._pins.get(key)
            if pinned is not None:
                candidates = [ep for ep in candidates if plugins._declares(ep, pinned)]
            if len(candidates) > 1:
                plugins._conflicts[key] = plugins._two(key, candidates)
            elif candidates:
                plugins._load(candidates[0])
        plugins._require_listed(by_name)
        return plugins

    @staticmethod
    def _declares(entry_point: EntryPoint, distribution: str) -> bool:
        dist = entry_point.dist
        return dist is not None and _distribution_key(dist.name) == distribution

    @staticmethod
    def _two(key: str, candidates: Sequence[EntryPoint]) -> str:
        named = sorted(_named(entry_point) for entry_point in candidates)
        return (
            f"given by {len(named)} installed distributions, {', '.join(named[:-1])} and "
            f"{named[-1]}, each declaring the entry point {key!r}; uninstall all but one, "
            f"or name the one to use in {PINS_VARIABLE} ({key}=<distribution>)"
        )

    def _load(self, entry_point: EntryPoint) -> None:
        """Import and register one installed plugin, or keep it aside with its error."""
        name, dist = entry_point.name, entry_point.dist
        version = dist.version if dist else None
        try:
            module = guard.call(name, "loading", "hook", entry_point.load)
            self.register(module, name, version)
        except PluginError as exc:
            self._broken[name] = (version, exc.message)
            return
        if dist is not None:
            self._distributions[name] = dist

    def _require_listed(self, installed: Mapping[str, Sequence[EntryPoint]]) -> None:
        """Every name ``CIVILSAMFUND_PLUGINS`` lists, and every distribution a pin names,
        must be installed."""
        listed = os.environ.get(ALLOWLIST_VARIABLE)
        if listed:
            for name in (n.strip() for n in listed.split(",")):
                if name and slug_key(name) not in installed:
                    known = ", ".join(sorted(installed)) or "none"
                    raise PluginError(
                        name,
                        f"is named in {ALLOWLIST_VARIABLE} but not installed (installed: {known})",
                    )
        dists = {
            _distribution_key(ep.dist.name)
            for eps in installed.values()
            for ep in eps
            if ep.dist is not None
        }
        for slug, distribution in sorted(self._pins.items()):
            if distribution not in dists:
                known = ", ".join(sorted(dists)) or "none"
                raise PluginError(
                    slug,
                    f"{PINS_VARIABLE} pins it to the distribution {distribution!r}, which is "
                    f"not installed with a civilsamfund plugin (installed: {known})",
                )

    def register(
        self, plugin: object, name: str, version: str | None = None, *, builtin: bool = False
    ) -> None:
        """Add ``plugin`` under ``name``, checking that every hook it implements exists.

        Hook wrappers are refused: every result must come from one plugin. The library's
        own (``builtin``) are attributed to the library.
        """
        if any(slug_key(name) == slug_key(taken) for taken in self._versions):
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
            given_by = BUILTIN if builtin else name
            setattr(proxy, attribute, _attributed(given_by, attribute, getattr(plugin, attribute)))
        try:
            self._manager.register(proxy, name=name)
            self._manager.check_pending()
        except pluggy.PluginValidationError as exc:
            if self._manager.has_plugin(name):
                self._manager.unregister(name=name)
            raise PluginError(name, str(exc)) from exc
        self._versions[name] = version
        self._domains = None
        if builtin:
            self._builtin.add(name)

    def unregister(self, name: str) -> None:
        """Remove the plugin registered under ``name``."""
        self._manager.unregister(name=name)
        self._versions.pop(name, None)
        self._domains = None
        self._distributions.pop(name, None)

    def version(self, name: str) -> str | None:
        """The version of the plugin registered under ``name``."""
        return self._versions.get(name)

    def distribution(self, name: str) -> Distribution | None:
        """The installed distribution the plugin ``name`` was loaded from, with the
        fingerprint of its files; ``None`` for a plugin registered in code. Since 0.3.0."""
        dist = self._distributions.get(name)
        if dist is None:
            return None
        if name not in self._fingerprints:
            self._fingerprints[name] = Distribution(
                name=dist.name, version=dist.version, fingerprint=fingerprint(dist)
            )
        return self._fingerprints[name]

    def described(self, name: str) -> str:
        """The plugin ``name`` as a rules source names it: with its distribution and
        version when installed, with its version when registered in code. Since 0.3.0."""
        dist = self._distributions.get(name)
        if dist is not None:
            return f"plugin {name} from {dist.name} {dist.version}"
        version = self._versions.get(name)
        return f"plugin {name}" + (f" {version}" if version else "")

    def allows(self, slug: str, name: str) -> bool:
        """Whether the plugin ``name`` may provide the municipality ``slug``: when a pin
        names the distribution that may, only a plugin installed from it can."""
        pinned = self._pins.get(slug_key(slug))
        dist = self._distributions.get(name)
        return pinned is None or dist is None or _distribution_key(dist.name) == pinned

    def conflicts(self) -> dict[str, str]:
        """The entry-point names two installed distributions declare, each with a
        message naming both: neither was loaded."""
        return dict(self._conflicts)

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
                builtin=name in self._builtin,
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
        """Each plugin's mapping of check type names to check classes, unchecked, then
        each domain's."""
        given = list(self._call("civilsamfund_criterion_types", Mapping, "a mapping"))
        return [*given, *self._of_domains("checks")]

    def domains(self) -> list[tuple[Domain, str]]:
        """Every plugin's domains with the plugin's name, the library's first, asked for
        once until a plugin is registered or removed; a key, or a policy case's key,
        given twice is an error naming the plugin."""
        from civilsamfund.plugins._domain import Domain

        if self._domains is None:
            given = self._call("civilsamfund_domains", (list, tuple), "a list of domains")
            domains = self._named(given, Domain, "domain")
            cases: dict[str, str] = {}
            for domain, plugin in domains:
                for kind in domain.cases:
                    if kind.key in cases:
                        raise PluginError(
                            plugin,
                            f"policy case key {kind.key!r} is already given by {cases[kind.key]!r}",
                        )
                    cases[kind.key] = plugin
            self._domains = domains
        return list(self._domains)

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

    def cli_commands(self, first: Sequence[Command] = ()) -> list[tuple[Command, str]]:
        """The library's own commands (``first``, the command line's), each domain's,
        then every plugin's, each with the plugin's name; a name given twice is an error."""
        from civilsamfund.plugins._command import Command

        given = self._call("civilsamfund_cli_commands", (list, tuple), "a list of commands")
        results = [Attributed(BUILTIN, tuple(first)), *self._of_domains("cli_commands"), *given]
        return self._named(results, Command, "command")

    def json_schemas(self) -> list[tuple[JsonSchema, str]]:
        """Each domain's JSON Schemas, then every plugin's, with the plugin's name; a
        name given twice is an error."""
        from civilsamfund.plugins._command import JsonSchema

        given = self._call("civilsamfund_json_schemas", (list, tuple), "a list of JSON Schemas")
        return self._named([*self._of_domains("json_schemas"), *given], JsonSchema, "JSON Schema")

    def _of_domains(self, part: str) -> list[Attributed[Any]]:
        """Each domain's ``part`` (its commands, schemas or sections), with its plugin."""
        return [Attributed(plugin, getattr(domain, part)) for domain, plugin in self.domains()]

    def _named(
        self, results: Iterable[Attributed[Any]], kind: type[N], what: str
    ) -> list[tuple[N, str]]:
        """Each plugin's named values (``kind`` with a ``name``), by name."""
        found: dict[str, tuple[N, str]] = {}
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
        """Each plugin's configuration sections, unchecked, then each domain's."""
        given = self._call("civilsamfund_config_sections", (list, tuple), "a list of sections")
        return [*given, *self._of_domains("sections")]


@cache
def installed() -> Plugins:
    """The installed plugins, loaded once per process."""
    return Plugins.from_entry_points()
