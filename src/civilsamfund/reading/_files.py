"""Opening an input file: only a regular file, never more than the limit, UTF-8 only.

A FIFO would block forever and ``/dev/zero`` never ends, so anything but a regular
file is refused before a byte is read (opening does not wait on a FIFO), and a read
stops one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from civilsamfund.core import InputError

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular(path: Path, error: type[InputError] = InputError) -> BinaryIO:
    """The regular file at ``path``, open for reading bytes; raises ``error`` naming it."""
    source = str(path)
    try:
        descriptor = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise error.at(source, "", "no such file") from None
    except OSError as exc:
        raise error.at(source, "", f"cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise error.at(source, "", "expected a regular file, not a directory, device or pipe")
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def read_bytes(
    path: Path,
    max_bytes: int,
    error: type[InputError] = InputError,
    hint: str = "raise the limit with --max-file-size or Limits.max_file_bytes",
) -> bytes:
    """The bytes of the regular file at ``path``, refused beyond ``max_bytes`` with a
    message ending in ``hint``, how to raise the limit."""
    with open_regular(path, error) as file:
        try:
            data = file.read(max_bytes + 1)
        except OSError as exc:
            raise error.at(str(path), "", f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise error.at(
            str(path),
            "",
            f"expected at most {max_bytes:,} bytes ({hint})",
        )
    return data


def decoded(data: bytes, source: str, where: str = "", error: type[InputError] = InputError) -> str:
    """``data`` as UTF-8 text (a leading byte order mark is allowed)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error.at(source, where, f"expected UTF-8 text, byte {exc.start:,} is not") from None
