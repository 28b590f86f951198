"""Bilingual text: Danish for the citizen, English for everyone else."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")

Renderer = Callable[[Language, Mapping[str, Any]], str]


class Text:
    """The same sentence in Danish and English.

    A text may also be *deferred*: a renderer and its facts, rendered per language
    only when that language is first read. Decisions use this so a caller who reads
    only Danish never pays for English. Equality and hashing compare the sentences,
    so a deferred text equals the plain text it renders to.
    """

    __slots__ = ("_da", "_en", "_facts", "_render")

    def __init__(self, *, da: str, en: str) -> None:
        self._da: str | None = da
        self._en: str | None = en
        self._render: Renderer | None = None
        self._facts: Mapping[str, Any] = {}

    @classmethod
    def deferred(cls, render: Renderer, facts: Mapping[str, Any]) -> Text:
        """A text whose sentences ``render(language, facts)`` makes on first use."""
        text = cls.__new__(cls)
        text._da = text._en = None
        text._render = render
        text._facts = facts
        return text

    def _rendered(self, language: Language) -> str:
        assert self._render is not None
        return self._render(language, self._facts)

    @property
    def da(self) -> str:
        """The Danish sentence."""
        if self._da is None:
            self._da = self._rendered("da")
        return self._da

    @property
    def en(self) -> str:
        """The English sentence."""
        if self._en is None:
            self._en = self._rendered("en")
        return self._en

    def in_(self, language: Language) -> str:
        """The text in ``language``."""
        return self.da if language == "da" else self.en

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return self.da == other.da and self.en == other.en

    def __hash__(self) -> int:
        return hash((self.da, self.en))

    def __repr__(self) -> str:
        return f"Text(da={self.da!r}, en={self.en!r})"
