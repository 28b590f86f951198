"""Writing results so that they are whole or absent.

A file named by ``--output`` is written beside itself under a temporary name and
renamed over the target only once every result is written and flushed to disk: a
failed, interrupted or killed run leaves the target as it was. A JSON Lines stream
ends with an end record giving the count of results and the SHA-256 digest of every
byte before it, so that a reader can tell a whole stream from a cut one.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

from attrs import frozen

from civilsamfund._version import __version__
from civilsamfund.core import InvalidValueError, OutputError

_COPY = 1 << 20


@frozen(kw_only=True)
class Layout:
    """How results are laid out: ``opening``, the results joined by ``between``, then
    ``ending`` (if there are any), ``closing``, and the end record if ``end_record``.
    ``json``: each result is a JSON value, and is screened as one."""

    opening: bytes = b""
    between: bytes = b"\n"
    ending: bytes = b"\n"
    closing: bytes = b""
    end_record: bool = False
    json: bool = False


JSON_ARRAY = Layout(opening=b"[\n", between=b",\n", ending=b"\n", closing=b"]\n", json=True)
JSON_LINES = Layout(end_record=True, json=True)
TEXT = Layout(between=b"\n\n")

LAYOUTS = {"text": TEXT, "json": JSON_ARRAY, "jsonl": JSON_LINES}
"""Each ``--format`` by name."""


def layout_for(format: str, formats: Iterable[str] = LAYOUTS) -> Layout:
    """The layout of ``format``, which must be one of ``formats``."""
    formats = tuple(formats)
    if format not in formats:
        raise InvalidValueError(f"expected a format of {', '.join(formats)}, got {format!r}")
    return LAYOUTS[format]


def end_record(count: int, sha256: str) -> dict[str, object]:
    """The last line of a JSON Lines output: how many results came before, and the
    SHA-256 of their bytes (each line with its newline)."""
    return {"end": {"count": count, "sha256": sha256, "library_version": __version__}}


END_RECORD_SCHEMA: dict[str, Any] = {
    "description": "The last line of a JSON Lines output: how many results the lines before "
    "it hold, and the SHA-256 (lowercase hex) of those lines' bytes, each with its newline. "
    "A stream without it, or whose count or digest differs, is incomplete.",
    "type": "object",
    "properties": {
        "end": {
            "type": "object",
            "properties": {
                "count": {"type": "integer", "minimum": 0},
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "library_version": {"type": "string"},
            },
            "required": ["count", "sha256", "library_version"],
            "additionalProperties": False,
        }
    },
    "required": ["end"],
    "additionalProperties": False,
}
"""The JSON Schema of the end record."""


class Sink:
    """Writes results to ``out`` in a layout, counting them and, for an end record,
    hashing every byte; a failed write becomes an :class:`OutputError` naming ``name``."""

    def __init__(self, out: IO[bytes], layout: Layout, name: str) -> None:
        self._out = out
        self._layout = layout
        self._name = name
        self._digest = hashlib.sha256() if layout.end_record else None
        self.count = 0
        self._opened = False

    def _put(self, data: bytes) -> None:
        if not data:
            return
        try:
            self._out.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise cannot_write(self._name, exc) from None
        if self._digest is not None:
            self._digest.update(data)

    @property
    def between(self) -> bytes:
        """What separates two results."""
        return self._layout.between

    @property
    def json(self) -> bool:
        """Whether each result is a JSON value."""
        return self._layout.json

    def _open(self) -> None:
        """Write the opening, first thing and only once: nothing at all is written
        before the first result, so a batch that fails early leaves no trace."""
        if not self._opened:
            self._opened = True
            self._put(self._layout.opening)

    def add(self, result: bytes) -> None:
        """Write one result."""
        self._open()
        if self.count:
            self._put(self._layout.between)
        self._put(result)
        self.count += 1

    def add_joined(self, file: IO[bytes], count: int) -> None:
        """Write ``count`` results that ``file`` holds already joined (a worker's share)."""
        if not count:
            return
        self._open()
        if self.count:
            self._put(self._layout.between)
        while chunk := file.read(_COPY):
            self._put(chunk)
        self.count += count

    def close(self) -> None:
        """Write the ending, closing and end record, and flush."""
        layout = self._layout
        self._open()
        if self.count:
            self._put(layout.ending)
        self._put(layout.closing)
        if self._digest is not None:
            record = end_record(self.count, self._digest.hexdigest())
            self._put(json.dumps(record, separators=(",", ":")).encode() + b"\n")
        try:
            self._out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise cannot_write(self._name, exc) from None


class _Encoding:
    """Bytes written to a text stream that has no binary buffer (an ``io.StringIO``)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._decode = codecs.getincrementaldecoder("utf-8")().decode
        self.name = getattr(out, "name", "<output>")

    def write(self, data: bytes) -> int:
        self._out.write(self._decode(data))
        return len(data)

    def flush(self) -> None:
        self._out.flush()


def binary(out: TextIO) -> IO[bytes]:
    """Where to write bytes for the text stream ``out``: its buffer, or ``out`` itself."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        return _Encoding(out)  # type: ignore[return-value]
    out.flush()
    return cast("IO[bytes]", buffer)


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` only if the ``with`` block completes.

    Written beside ``path`` as ``.NAME.*.part`` and renamed over it after an ``fsync``;
    on any exception the partial file is removed and ``path`` is untouched. A path
    that is not a regular file (``/dev/null``, a pipe) is written directly.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise cannot_write(target, exc) from None
    if mode is not None and not stat.S_ISREG(mode):
        try:
            direct = open(target, "wb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise cannot_write(target, exc) from None
        with direct:
            yield direct
        return
    try:
        descriptor, partial = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as exc:
        raise cannot_write(target, exc) from None
    try:
        os.chmod(partial, stat.S_IMODE(mode) if mode is not None else _default_mode())
        with os.fdopen(descriptor, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise cannot_write(target, exc) from None
        raise


def cannot_write(name: object, exc: OSError) -> OutputError:
    """The error for an output that cannot be written, naming it and why."""
    return OutputError(f"{name}: cannot be written: {exc.strerror or exc}")


def _default_mode() -> int:
    """What a new file's mode would be under the process's umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
