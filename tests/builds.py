"""Sdists and wheels built in this process with hatchling's builders, as ``python -m
build`` builds them but without a build environment each (quick enough for the suite),
and what is in them."""

from __future__ import annotations

import hashlib
import tarfile
import zipfile
from pathlib import Path

from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder


def sdist(project: Path, out: Path) -> Path:
    """The sdist of the project in ``project``, written to ``out``."""
    (artifact,) = SdistBuilder(str(project.resolve())).build(directory=str(out))
    return Path(artifact)


def wheel(project: Path, out: Path) -> Path:
    """The wheel of the project in ``project``, written to ``out``."""
    (artifact,) = WheelBuilder(str(project.resolve())).build(directory=str(out))
    return Path(artifact)


def unpack(archive: Path, into: Path) -> Path:
    """The project an sdist holds, unpacked under ``into``."""
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
        (top,) = {name.split("/")[0] for name in tar.getnames()}
    return into / top


def wheel_from_sdist(archive: Path, out: Path) -> Path:
    """The wheel built from an sdist, as a frontend builds it: from the unpacked sdist."""
    return wheel(unpack(archive, out / "unpacked"), out)


def contents(artifact: Path) -> dict[str, str]:
    """Each file in a wheel or an sdist (without the sdist's top folder), in archive order,
    with its SHA-256."""
    if artifact.suffix == ".whl":
        with zipfile.ZipFile(artifact) as archive:
            return {
                info.filename: hashlib.sha256(archive.read(info)).hexdigest()
                for info in archive.infolist()
            }
    files = {}
    with tarfile.open(artifact) as archive:
        for member in archive.getmembers():
            data = archive.extractfile(member)
            if data is not None:
                files[member.name.split("/", 1)[1]] = hashlib.sha256(data.read()).hexdigest()
    return files


def read(artifact: Path, name: str) -> str:
    """The text of the file ``name`` in a wheel or an sdist (named as :func:`contents`
    names it)."""
    if artifact.suffix == ".whl":
        with zipfile.ZipFile(artifact) as archive:
            return archive.read(name).decode("utf-8")
    with tarfile.open(artifact) as archive:
        top = archive.getnames()[0].split("/")[0]
        data = archive.extractfile(f"{top}/{name}")
        assert data is not None
        return data.read().decode("utf-8")
