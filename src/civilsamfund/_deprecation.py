"""The release policy in code: when a deprecated name may go, which cores a plugin
works with, and the module ``__getattr__`` helpers: a renamed name keeps working while
it warns, and a package states its public names while loading each on first use.

docs/releasing.md states the policy. A public name deprecated in release X.Y.Z keeps
working, warning with a :class:`DeprecationWarning` that names its replacement and the
release it goes in, through every X.Y release: before 1.0 it may go in X.(Y+1).0, from
1.0 on only in the next major release. A plugin that runs without a warning on X.Y
therefore runs on every release before X.(Y+2) (from 1.0 on, before the next major).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any, Concatenate, ParamSpec, TypeVar

from attrs import frozen

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")


def _release(version: str) -> tuple[int, int]:
    major, minor = version.split(".")[:2]
    return int(major), int(minor)


def goes_in(since: str) -> str:
    """The first release that may remove a name deprecated in ``since``: the next minor
    before 1.0 (``0.3.0`` gives ``0.4.0``), the next major from 1.0 (``1.2.0`` gives
    ``2.0.0``)."""
    major, minor = _release(since)
    return f"0.{minor + 1}.0" if major == 0 else f"{major + 1}.0.0"


def core_requirement(version: str) -> str:
    """The cores a plugin written for core ``version`` works with, as a requirement.

    From ``version`` itself, the core it was written and tested against, up to (not
    including) the first release that may remove what the next minor deprecates:
    ``0.3.0`` gives ``civilsamfund>=0.3.0,<0.5``, ``1.2.0`` gives ``civilsamfund>=1.2.0,<2``.
    """
    major, minor = _release(version)
    upper = f"0.{minor + 2}" if major == 0 else str(major + 1)
    return f"civilsamfund>={version},<{upper}"


@frozen(kw_only=True)
class Deprecation:
    """A deprecated public name, what replaces it and the release that deprecated it."""

    old: str
    """The name as callers wrote it (``civilsamfund.Kind``, ``Municipality.assess``)."""
    new: str
    """What to use instead, as the warning shows it."""
    since: str

    @property
    def removed_in(self) -> str:
        """The first release that may remove the name."""
        return goes_in(self.since)

    def message(self) -> str:
        """What the warning says: the name, the release it goes in, the replacement."""
        return (
            f"{self.old} is deprecated since civilsamfund {self.since} and goes in "
            f"{self.removed_in}; use {self.new}"
        )

    def warn(self, stacklevel: int = 3) -> None:
        """Warn the caller of the function that calls this (``stacklevel`` frames up)."""
        warnings.warn(self.message(), DeprecationWarning, stacklevel=stacklevel)


DEPRECATED: dict[str, Deprecation] = {}
"""Every deprecation declared in the modules imported so far, by old name: the tests
hold each to the changelog and to the release that removes it."""


def deprecate(old: str, new: str, since: str) -> Deprecation:
    """Declare ``old`` deprecated since release ``since`` in favour of ``new``."""
    deprecation = DEPRECATED[old] = Deprecation(old=old, new=new, since=since)
    return deprecation


def deprecated_names(
    module: str,
    renamed: Mapping[str, tuple[str, str]],
    fallback: Callable[[str], Any] | None = None,
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for names renamed or moved: ``renamed`` maps each old name
    to its replacement's dotted path and the release that deprecated it.

    An old name gives the replacement, warning; any other goes to ``fallback`` (a
    module's own lazy loading), or is the usual :class:`AttributeError`.
    """
    deprecations = {
        name: deprecate(f"{module}.{name}", new, since) for name, (new, since) in renamed.items()
    }

    def __getattr__(name: str) -> Any:
        deprecation = deprecations.get(name)
        if deprecation is not None:
            deprecation.warn()
            parent, _, attribute = deprecation.new.rpartition(".")
            return getattr(import_module(parent), attribute)
        if fallback is not None:
            return fallback(name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__


def lazy_names(
    package: str,
    modules: Mapping[str, tuple[str, ...]],
    submodules: Mapping[str, str] | None = None,
) -> Callable[[str], Any]:
    """The package's module ``__getattr__``: a name listed under a module in ``modules``
    is imported from it, a name in ``submodules`` is that module itself.

    Nothing is kept in the package: each lookup asks the module again, so the face always
    shows what its module holds, a test's patch of the module included.
    """
    where = {name: module for module, names in modules.items() for name in names}
    whole = dict(submodules or {})

    def __getattr__(name: str) -> Any:
        if name in whole:
            return import_module(whole[name])
        if name in where:
            return getattr(import_module(where[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__


def renamed_method(
    new: Callable[Concatenate[S, P], R], *, old: str, since: str
) -> Callable[Concatenate[S, P], R]:
    """The old name of method ``new``, kept while it warns; set it in the class body
    (``check = renamed_method(assess, old="check", since="0.4.0")``).

    It calls the method by its new name, so a subclass that overrides the new name is
    reached through the old one too.
    """
    owner = new.__qualname__.rpartition(".")[0]
    deprecation = deprecate(f"{owner}.{old}", f"{owner}.{new.__name__}", since)

    @functools.wraps(new)
    def alias(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        deprecation.warn()
        method: Callable[P, R] = getattr(self, new.__name__)
        return method(*args, **kwargs)

    alias.__name__ = old
    alias.__qualname__ = f"{owner}.{old}"
    alias.__doc__ = f"Deprecated since {since}: the old name of ``{new.__name__}``."
    return alias


def renamed_parameter(
    old: str, new: str, *, since: str
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A decorator for a function whose keyword parameter ``old`` is now ``new``: the old
    keyword still works, warning; both at once is a :class:`TypeError`."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        name = function.__qualname__
        deprecation = deprecate(f"{name}({old}=...)", f"{name}({new}=...)", since)

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            if old in kwargs:
                if new in kwargs:
                    raise TypeError(f"{name}() got both {old!r} and {new!r}; give {new!r}")
                deprecation.warn()
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return wrapper

    return decorate
