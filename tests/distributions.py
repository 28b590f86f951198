"""Throwaway installed distributions for tests: a package and its ``.dist-info`` in a
folder the test puts on ``sys.path``, found by ``importlib.metadata`` as pip's would be.
Nothing is installed anywhere else."""

from __future__ import annotations

import base64
import hashlib
import shutil
import textwrap
from pathlib import Path

from helpers import MUNICIPALITIES

SHIPS_DIRECTORY = """
from pathlib import Path

from civilsamfund import hookimpl


@hookimpl
def civilsamfund_municipality_dirs():
    return [Path(__file__).parent / "municipality"]
"""
"""A plugin module that ships the configuration beside it, as the bundled plugins do."""


def install(
    site: Path,
    distribution: str,
    version: str,
    entry_point: str,
    module: str,
    code: str = SHIPS_DIRECTORY,
    ships: str | None = None,
) -> Path:
    """Write ``distribution`` ``version`` into ``site``: a ``module`` with ``code``,
    declared under ``entry_point``, shipping a copy of the bundled municipality
    ``ships`` (if given); returns the package's folder."""
    package = site / module
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(code), encoding="utf-8")
    if ships is not None:
        shutil.copytree(MUNICIPALITIES / ships, package / "municipality")
    info = site / f"{distribution.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[civilsamfund]\n{entry_point} = {module}\n", encoding="utf-8"
    )
    lines = [
        f"{path.relative_to(site).as_posix()},sha256={_hash(path)},{path.stat().st_size}"
        for path in sorted((*package.rglob("*"), *info.iterdir()))
        if path.is_file()
    ]
    (info / "RECORD").write_text(
        "\n".join([*lines, f"{info.name}/RECORD,,"]) + "\n", encoding="utf-8"
    )
    return package


def _hash(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
