"""A problem with an input, as a value: which source, where in it, and what was wrong."""

from __future__ import annotations

import re
from typing import Any

from attrs import evolve, field, frozen
from attrs.converters import optional

from civilsamfund.core._shown import redacted

_EXPECTED = re.compile(r"^expected (?P<expected>.+?), got (?P<got>.+)$", re.DOTALL)


@frozen(kw_only=True)
class Problem:
    """One problem: the source (a file, or an application by id), the path to the field
    (``pools[1].budget``), what is wrong, and what was expected and given where known.

    Path and message never hold a CPR-like number (it is blanked out) and are cut when
    very long, whoever wrote them.
    """

    source: str
    path: str = field(converter=redacted)
    message: str = field(converter=redacted)
    expected: str | None = field(default=None, converter=optional(redacted))
    got: str | None = field(default=None, converter=optional(redacted))

    @classmethod
    def at(cls, source: str, path: str, message: str) -> Problem:
        """A problem whose message may read ``expected X, got Y``: both are kept apart too."""
        message = redacted(message)
        match = _EXPECTED.match(message)
        if match is None:
            return cls(source=source, path=path, message=message)
        return cls(
            source=source,
            path=path,
            message=message,
            expected=match["expected"],
            got=match["got"],
        )

    def within(self, source: str, path: str) -> Problem:
        """This problem as part of a larger input: in ``source``, below ``path``."""
        inner = self.path
        if not path or not inner:
            joined = path or inner
        else:
            joined = f"{path}{inner}" if inner.startswith("[") else f"{path}.{inner}"
        return evolve(self, source=source, path=joined)

    def __str__(self) -> str:
        return ": ".join(part for part in (self.source, self.path, self.message) if part)

    def as_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready object."""
        return {
            "source": self.source,
            "path": self.path,
            "message": self.message,
            "expected": self.expected,
            "got": self.got,
        }
