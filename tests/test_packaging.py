"""The packages as shipped: each plugin's sdist carries its municipality and builds the
wheel the checkout builds, every sdist and wheel carries the licence, and the core sdist
carries what the test suite reads (``nox -s build`` runs the suite from it)."""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

import pytest
from builds import contents, read, sdist, wheel, wheel_from_sdist
from helpers import MUNICIPALITIES, REPO

PLUGINS = ("odense", "faaborg-midtfyn", "kolding")
PACKAGES = ("civilsamfund", *PLUGINS)
LICENCE = (REPO / "LICENSE").read_text(encoding="utf-8")


def _project(name: str) -> Path:
    return REPO if name == "civilsamfund" else REPO / "plugins" / name


def _files(directory: Path) -> dict[str, str]:
    """Each file under ``directory`` by its path there, with its SHA-256."""
    return {
        path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _under(names: dict[str, str], folder: str) -> dict[str, str]:
    """The entries of ``names`` under ``folder``, by their path there."""
    return {
        name.removeprefix(folder): digest
        for name, digest in names.items()
        if name.startswith(folder)
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each package's sdist, the wheel built from the sdist, the wheel built from the checkout."""
    packages = {}
    for name in PACKAGES:
        out = tmp_path_factory.mktemp(name)
        archive = sdist(_project(name), out / "sdist")
        from_sdist = wheel_from_sdist(archive, out / "from-sdist")
        packages[name] = (archive, from_sdist, wheel(_project(name), out / "from-checkout"))
    return packages


@pytest.mark.parametrize("name", PACKAGES)
def test_the_wheel_built_from_the_sdist_is_the_checkouts(built, name):
    """Built from its sdist, a package's wheel holds the files of the wheel built from the
    checkout, in the same order and to the byte."""
    _, from_sdist, from_checkout = built[name]
    assert list(contents(from_sdist).items()) == list(contents(from_checkout).items())
    assert from_sdist.read_bytes() == from_checkout.read_bytes()


@pytest.mark.parametrize("slug", PLUGINS)
def test_a_plugins_sdist_and_wheel_carry_its_municipality(built, slug):
    """A plugin's sdist and wheel hold its municipality's configuration inside the package,
    every file of municipalities/SLUG and nothing else."""
    archive, from_sdist, _ = built[slug]
    module = "civilsamfund_" + slug.replace("-", "_")
    configuration = _files(MUNICIPALITIES / slug)
    assert "municipality.toml" in configuration
    assert _under(contents(archive), f"src/{module}/municipality/") == configuration
    assert _under(contents(from_sdist), f"{module}/municipality/") == configuration


@pytest.mark.parametrize("name", PACKAGES)
def test_every_sdist_and_wheel_carries_the_licence(built, name):
    """The licence is in each sdist and wheel, and their metadata name it and MIT."""
    archive, from_sdist, _ = built[name]
    (metadata,) = (n for n in contents(from_sdist) if n.endswith(".dist-info/METADATA"))
    licence = metadata.replace("/METADATA", "/licenses/LICENSE")
    assert read(archive, "LICENSE") == read(from_sdist, licence) == LICENCE
    for text in (read(archive, "PKG-INFO"), read(from_sdist, metadata)):
        assert "\nLicense-Expression: MIT\n" in text
        assert "\nLicense-File: LICENSE\n" in text


def test_one_licence_with_a_copyright_line():
    """The root's MIT licence names its copyright holder; every plugin and the scaffold's
    template carry it unchanged."""
    assert LICENCE.startswith("MIT License\n\nCopyright (c) 2026 the civilsamfund developers\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in LICENCE
    scaffold = files("civilsamfund") / "_scaffold"
    copies = [REPO / "plugins" / slug / "LICENSE" for slug in PLUGINS]
    assert [path.read_text(encoding="utf-8") for path in copies] == [LICENCE] * len(PLUGINS)
    assert (scaffold / "LICENSE.tmpl").read_text(encoding="utf-8") == LICENCE


def test_every_plugin_builds_with_the_scaffolds_hook():
    """The plugins' build hook is the one the scaffold writes, so a fix reaches all."""
    hook = (files("civilsamfund") / "_scaffold" / "hatch_build.py.tmpl").read_text("utf-8")
    for slug in PLUGINS:
        assert (REPO / "plugins" / slug / "hatch_build.py").read_text(encoding="utf-8") == hook


def test_the_core_sdist_carries_what_the_suite_reads(built):
    """The core sdist holds the tests, every municipality's configuration, the docs and the
    plugins' sources, so the suite runs from the unpacked sdist."""
    names = contents(built["civilsamfund"][0])
    assert _under(names, "municipalities/") == _files(MUNICIPALITIES)
    expected = [
        *(path for folder in ("tests", "docs") for path in (REPO / folder).glob("*.*")),
        *(REPO / "plugins").glob("*/*.*"),
        *(REPO / "plugins").glob("*/src/*/*.*"),
    ]
    expected = [path.relative_to(REPO).as_posix() for path in expected if path.is_file()]
    assert "tests/conftest.py" in expected
    assert "docs/index.md" in expected
    assert "plugins/odense/hatch_build.py" in expected
    assert [name for name in expected if name not in names] == []
    assert {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"} <= set(names)
