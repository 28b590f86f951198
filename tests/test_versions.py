"""Versions that mean something: one source per package, dated changelog sections,
"Since" that names a release, plugins that declare the cores they work with, and
decisions that name the releases that made them."""

from __future__ import annotations

import importlib
import json
import re
from datetime import date
from importlib import metadata
from unittest import mock

import pytest
from helpers import REPO, odense_application
from packaging.requirements import Requirement

import civilsamfund as cs
from civilsamfund._deprecation import core_requirement
from civilsamfund.reading._toml import parse_toml

PLUGINS = sorted(folder for folder in (REPO / "plugins").iterdir() if folder.is_dir())
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?$", re.M)


def _project(folder):
    return parse_toml((folder / "pyproject.toml").read_text(encoding="utf-8"), "")


def _released():
    """The changelog's sections below Unreleased: version to date."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    return {m["version"]: m["date"] for m in HEADING.finditer(text) if m["version"] != "Unreleased"}


def _release(version):
    return tuple(int(part) for part in version.split("."))


def test_the_core_reports_its_one_version():
    """The installed metadata's version is the one in _version.py, which hatch reads."""
    pyproject = _project(REPO)
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["hatch"]["version"] == {"path": "src/civilsamfund/_version.py"}
    assert metadata.version("civilsamfund") == cs.__version__


@pytest.mark.parametrize("folder", PLUGINS, ids=lambda folder: folder.name)
def test_each_plugin_reports_its_one_version(folder):
    """A bundled plugin's version is its module's ``__version__`` alone (hatch reads
    it), the installed metadata reports it, and it is the core's release."""
    pyproject = _project(folder)
    name = pyproject["project"]["name"]
    module = name.replace("-", "_")
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["hatch"]["version"] == {"path": f"src/{module}/__init__.py"}
    copies = [
        path
        for path in folder.rglob("*")
        if path.suffix in {".py", ".toml"} and "__version__ = " in path.read_text(encoding="utf-8")
    ]
    assert copies == [folder / "src" / module / "__init__.py"]
    assert metadata.version(name) == importlib.import_module(module).__version__ == cs.__version__


@pytest.mark.parametrize("folder", PLUGINS, ids=lambda folder: folder.name)
def test_each_plugin_requires_the_cores_it_works_with(folder):
    """A bundled plugin admits its own release of the core and the next minor, not the
    0.1.0 core that lacks ``Examples`` nor the 0.2.0 ones that refuse its configuration,
    nor 0.5, which may remove what 0.4 deprecates."""
    (dependency,) = _project(folder)["project"]["dependencies"]
    assert dependency == core_requirement(cs.__version__) == "civilsamfund>=0.3.0,<0.5"
    assert metadata.requires(_project(folder)["project"]["name"]) == [str(Requirement(dependency))]
    admits = Requirement(dependency).specifier.contains
    assert [v for v in ("0.1.0", "0.2.0", "0.3.0", "0.3.7", "0.4.2", "0.5.0") if admits(v)] == [
        "0.3.0",
        "0.3.7",
        "0.4.2",
    ]


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.3.0", "civilsamfund>=0.3.0,<0.5"),
        ("0.3.2", "civilsamfund>=0.3.2,<0.5"),
        ("0.9.1", "civilsamfund>=0.9.1,<0.11"),
        ("1.2.0", "civilsamfund>=1.2.0,<2"),
    ],
)
def test_a_plugin_works_up_to_the_release_that_may_remove_what_the_next_deprecates(
    version, expected
):
    """Before 1.0 the minor after next may remove names; from 1.0 only the next major."""
    assert core_requirement(version) == expected


@pytest.mark.parametrize("version", ["0.7.2", cs.__version__])
def test_the_scaffold_declares_the_cores_for_the_one_that_runs_it(tmp_path, version):
    """``new-municipality`` writes the bundled plugins' range for the running core's
    version, and the new plugin's own version in one place, which hatch reads."""
    with mock.patch("civilsamfund._new.__version__", version):
        cs.new_municipality("demo", "Demo Kommune", tmp_path, on=date(2025, 6, 15))
    folder = tmp_path / "plugins" / "demo"
    project = _project(folder)
    assert project["project"]["dependencies"] == [core_requirement(version)]
    if version == cs.__version__:
        assert project["project"]["dependencies"] == _project(PLUGINS[0])["project"]["dependencies"]
    assert "version" not in project["project"]
    assert project["tool"]["hatch"]["version"] == {"path": "src/civilsamfund_demo/__init__.py"}
    module = (folder / "src" / "civilsamfund_demo" / "__init__.py").read_text(encoding="utf-8")
    assert '\n__version__ = "0.1.0"\n' in module


def test_every_release_in_the_changelog_has_a_version_and_a_date():
    """Below ``[Unreleased]`` each section is ``[X.Y.Z] - YYYY-MM-DD``, newest first, and
    the newest is the version the package reports."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = HEADING.findall(text)
    assert headings[0] == ("Unreleased", "")
    released = headings[1:]
    assert [version for version, day in released if not day] == []
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version, _ in released)
    assert [_release(v) for v, _ in released] == sorted(
        (_release(v) for v, _ in released), reverse=True
    )
    assert [day for _, day in released] == sorted((day for _, day in released), reverse=True)
    assert released[0][0] == cs.__version__
    assert len(re.findall(r"^## ", text, re.M)) == len(headings)


def test_every_since_names_a_release_in_the_changelog():
    """Each "Since X.Y.Z" in the code and the plugin guide names a released section, no
    later than the package's version, or the next minor release, whose changes the
    Unreleased section holds."""
    released = _released()
    major, minor = _release(cs.__version__)[:2]
    released[f"{major}.{minor + 1}.0"] = ""
    texts = [path.read_text(encoding="utf-8") for path in (REPO / "src").rglob("*.py")]
    texts.append((REPO / "docs" / "plugins.md").read_text(encoding="utf-8"))
    since = {v for text in texts for v in re.findall(r"[Ss]ince (\d+\.\d+\.\d+)", text)}
    assert {"0.1.0", "0.2.0", "0.3.0"} <= since
    assert sorted(since - released.keys()) == []
    assert max(map(_release, since)) <= (major, minor + 1, 0)


def test_the_names_added_after_0_2_0_say_so():
    """Distributions in the audit record and pins came in 0.3.0, and say so."""
    assert "Since 0.3.0." in cs.Distribution.__doc__
    assert "(``pins`` since 0.3.0)" in cs.Plugins.from_entry_points.__doc__
    assert "Since 0.3.0." in cs.Plugins.distribution.__doc__


def test_a_decision_names_the_core_release_and_the_plugin_version():
    """A decision's audit record names the installed core's release and the version of
    the plugin package its rules came from, as the JSON document shows them."""
    from civilsamfund import grants

    odense = cs.load_municipality("odense")
    decision = grants.assess(odense, odense_application())
    (document,) = json.loads(grants.decisions_to_json([decision]))
    audit = document["audit"]
    assert audit["library_version"] == metadata.version("civilsamfund") == cs.__version__
    assert audit["distribution"]["name"] == "civilsamfund-odense"
    assert audit["distribution"]["version"] == metadata.version("civilsamfund-odense")
    assert audit["library_version"] in _released()
