"""Facts: what a check reads from its subject, declared once.

A check names the facts it reads; the evaluator reads them and hands the check
nothing else. From that one declaration follow the memo key (equal facts give equal
findings), how a missing fact is named in both languages, and how
:mod:`civilsamfund.testing` makes a subject that meets or breaks the check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from keyword import iskeyword
from operator import attrgetter
from typing import Any, Generic, TypeVar

import attrs
from attrs import frozen

from civilsamfund.core import Text

S = TypeVar("S")
T = TypeVar("T")


@frozen(kw_only=True, eq=False)
class Fact(Generic[S, T]):
    """A fact a check reads from a subject of type ``S``, with a value of type ``T``.

    ``name`` is how findings record it and how a missing fact is listed; ``label``
    is how reasons name it. ``read`` takes it from a subject without changing it;
    ``write``, where given, makes a copy of a subject with another value, which is
    what lets :mod:`civilsamfund.testing` build subjects for a rule. Facts compare
    by identity: declare each once, as a module constant.
    """

    name: str
    label: Text
    read: Callable[[S], T] = attrs.field(repr=False)
    write: Callable[[S, T], S] | None = attrs.field(default=None, repr=False)
    path: str | None = attrs.field(default=None, repr=False)
    """The attribute path ``read`` follows, where that is all it does: a compiled rule
    set reads the fact inline."""


def attribute_fact(path: str, label: Text, name: str | None = None) -> Fact[S, T]:
    """A fact found at an attribute path of the subject, such as ``activity.volunteer_share``.

    Read by following the path; written by copying each attrs value along it with
    :func:`attrs.evolve`. Named after the path's last part unless ``name`` is given.
    A path says no type, so the declaration does: ``SHARE: Fact[Application, Share |
    None] = attribute_fact(...)``; without one, mypy asks for it.
    """
    parts = tuple(path.split("."))

    def write(subject: S, value: T) -> S:
        evolved: S = _evolved(subject, parts, value)
        return evolved

    read: Callable[[S], T] = attrgetter(path)
    inline = path if all(p.isidentifier() and not iskeyword(p) for p in parts) else None
    return Fact(name=name or parts[-1], label=label, read=read, write=write, path=inline)


def _evolved(subject: Any, parts: tuple[str, ...], value: Any) -> Any:
    head, *rest = parts
    new = _evolved(getattr(subject, head), tuple(rest), value) if rest else value
    return attrs.evolve(subject, **{head: new})


class Facts(Generic[S]):
    """The declared facts of one subject, as a check's ``evaluate`` receives them."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[Fact[S, Any], Any]) -> None:
        self._values = values

    def __getitem__(self, fact: Fact[S, T]) -> T:
        try:
            value: T = self._values[fact]
        except KeyError:
            raise KeyError(
                f"the check reads the fact {fact.name!r}, which it does not declare in FACTS"
            ) from None
        return value

    def absent(self, *facts: Fact[S, Any]) -> tuple[Fact[S, Any], ...]:
        """Those of ``facts`` that the subject does not give (``None``)."""
        return tuple(fact for fact in facts if self[fact] is None)
