"""The library's own exceptions: every problem a user can cause ends in one of these."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
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

    def __init__(self, problems: Iterable[Problem], more: int = 0) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.more = more
        """How many further problems were found but not kept (see ``Limits.max_problems``)."""
        lines = list(map(str, self.problems))
        if more:
            lines.append(f"… and {more:,} more problem{'s' if more > 1 else ''}")
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Problem, ...], int]]:
        return type(self), (self.problems, self.more)  # errors cross processes intact

    def within(self: E, source: str, path: str) -> E:
        """The same error about part of a larger input: in ``source``, below ``path``."""
        return type(self)([problem.within(source, path) for problem in self.problems], self.more)

    @classmethod
    def at(cls: type[E], source: str, path: str, message: str) -> E:
        """An error for one problem."""
        return cls([Problem.at(source, path, message)])

    @classmethod
    def in_file(cls: type[E], source: str, problems: Sequence[tuple[str, str]]) -> E:
        """An error for problems found in one file, each a path and a message."""
        return cls([Problem.at(source, path, message) for path, message in problems])


_DESCRIBED: ContextVar[int] = ContextVar("civilsamfund_described", default=100)


def described() -> int:
    """How many problems one error describes in full (``Limits.max_problems`` while a
    reader runs, else 100; 0 once a batch has described all it may); further ones are
    counted, not built."""
    return _DESCRIBED.get()


@contextmanager
def describing(limit: int) -> Iterator[None]:
    """Within this block, errors describe ``limit`` problems in full: what a reader's
    limits ask of every step that finds problems in one item, however deep."""
    token = _DESCRIBED.set(limit)
    try:
        yield
    finally:
        _DESCRIBED.reset(token)


class Problems:
    """Problems as they are found: the first ``limit`` kept (default: :func:`described`),
    the rest only counted, so that a file of a million bad items costs no more than a
    file of a hundred."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = described() if limit is None else limit
        self.kept: list[Problem] = []
        self.more = 0

    def add(self, problem: Problem) -> None:
        """Keep ``problem``, or count it once ``limit`` are kept."""
        if len(self.kept) < self.limit:
            self.kept.append(problem)
        else:
            self.more += 1

    def at(self, source: str, path: str, message: str) -> None:
        """Keep the problem ``message`` at ``path`` in ``source``, made only when kept;
        else count it."""
        if len(self.kept) < self.limit:
            self.kept.append(Problem.at(source, path, message))
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem], more: int = 0) -> None:
        """Keep or count each of ``problems``, and count ``more`` besides."""
        for problem in problems:
            self.add(problem)
        self.more += more

    def __bool__(self) -> bool:
        return bool(self.kept or self.more)  # a limit of 0 keeps none, yet counts

    @property
    def full(self) -> bool:
        """Whether ``limit`` problems are kept, so further ones are only counted."""
        return len(self.kept) >= self.limit

    def raise_as(self, error: type[InputError]) -> None:
        """Raise ``error`` with the problems found, if there are any."""
        if self.kept or self.more:
            raise error(self.kept, self.more)


class ConfigError(InputError):
    """A municipality's configuration is invalid."""


class OutputError(CivilsamfundError):
    """The output could not be written (a full disk, no permission); nothing partial was
    left in place of the file asked for."""


class ItemError(CivilsamfundError):
    """Assessing one item of a batch failed (a plugin raised, for instance); names the
    file, the item's path and its id. The batch stops and its output is not written."""

    def __init__(self, source: str, path: str, item: str, message: str) -> None:
        self.source, self.path, self.item = source, path, item
        self.message = redacted(message)
        super().__init__(f"{source}: {path} (id {item}): {self.message}")

    def __reduce__(self) -> tuple[type[ItemError], tuple[str, str, str, str]]:
        return type(self), (self.source, self.path, self.item, self.message)


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


class InvalidValueError(CivilsamfundError, ValueError):
    """A value given in code is not one the library takes (an amount of kroner as a
    float, an age of 200). A ``ValueError`` too, so code that caught that still does."""


class FieldValueError(InvalidValueError):
    """A model's own check failed on one field; carries the field so paths stay exact."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)
