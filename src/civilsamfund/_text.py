"""Bilingual text: Danish for the citizen, English for everyone else."""

from __future__ import annotations

from typing import Literal

from attrs import frozen

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")


@frozen(kw_only=True)
class Text:
    """The same sentence in Danish and English."""

    da: str
    en: str

    def in_(self, language: Language) -> str:
        """The text in ``language``."""
        return self.da if language == "da" else self.en
