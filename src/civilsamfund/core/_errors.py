"""The library's own exceptions: every problem a user can cause ends in one of these."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from civilsamfund.core._problems import Problem
from civilsamfund.core._shown import redacted

E = TypeVar("E", bound="InputError")


class CivilsamfundError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(CivilsamfundError):
    """A file, document or argument could not be read as what it should be.

    ``problems`` holds every problem found, each naming the file, the path to the
    field (``pools[1].budget``) and what was expected; the message has one line each.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Problem, ...]]]:
        return type(self), (self.problems,)  # so errors cross process boundaries intact

    @classmethod
    def at(cls: type[E], source: str, path: str, message: str) -> E:
        """An error for one problem."""
        return cls([Problem.at(source, path, message)])

    @classmethod
    def in_file(cls: type[E], source: str, problems: Sequence[tuple[str, str]]) -> E:
        """An error for problems found in one file, each a path and a message."""
        return cls([Problem.at(source, path, message) for path, message in problems])


class ConfigError(InputError):
    """A municipality's configuration is invalid."""


class ApplicationError(InputError):
    """A grant application document is invalid."""


class UnknownMunicipalityError(CivilsamfundError):
    """No installed or configured municipality has the slug asked for."""


class PluginError(CivilsamfundError):
    """A plugin failed to load or raised inside a hook; the message names the plugin."""

    def __init__(self, plugin: str, message: str) -> None:
        self.plugin = plugin
        self.message = redacted(message)  # it may quote what the plugin was given
        super().__init__(f"plugin {plugin!r}: {self.message}")

    def __reduce__(self) -> tuple[type[PluginError], tuple[str, str]]:
        return type(self), (self.plugin, self.message)


class FieldValueError(ValueError):
    """A model's own check failed on one field; carries the field so paths stay exact."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)
