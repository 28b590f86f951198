"""The library's own exceptions: every problem a user can cause ends in one of these."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

E = TypeVar("E", bound="InputError")


class CivilsamfundError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(CivilsamfundError):
    """A file, document or argument could not be read as what it should be.

    ``problems`` holds one line per problem, each naming the file, the path to the
    field (``pools[1].budget``) and what was expected.
    """

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[str, ...]]]:
        return type(self), (self.problems,)  # so errors cross process boundaries intact

    @classmethod
    def in_file(cls: type[E], source: str, problems: Sequence[str]) -> E:
        """An error for problems found in one file, each line prefixed with its name."""
        return cls([f"{source}: {problem}" for problem in problems])


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
        self.message = message
        super().__init__(f"plugin {plugin!r}: {message}")

    def __reduce__(self) -> tuple[type[PluginError], tuple[str, str]]:
        return type(self), (self.plugin, self.message)


class FieldValueError(ValueError):
    """A model's own check failed on one field; carries the field so paths stay exact."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)
