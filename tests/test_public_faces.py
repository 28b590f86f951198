"""Public faces: each layer states its public names, and other layers import only those.

lint-imports (.ci/run, pyproject.toml) holds the layers' order; these tests hold what
crosses between them to each layer's ``__all__``, for every import the source holds
(inside functions and under TYPE_CHECKING too).
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import civilsamfund

PACKAGE = Path(civilsamfund.__file__).parent
ROOT = Path(__file__).parent.parent
FACES = (
    "civilsamfund.core.rules",
    "civilsamfund.core",
    *sorted(
        f"civilsamfund.{path.parent.name}"
        for path in PACKAGE.glob("*/__init__.py")
        if path.parent.name not in ("core", "_scaffold")
    ),
)
"""Every unit with a face: the rules core, the core, and each subpackage."""


def _unit(module: str) -> str | None:
    """The face a module belongs to, or None for the package's top-level modules."""
    return next((f for f in FACES if module == f or module.startswith(f + ".")), None)


def _name(path: Path, base: Path) -> str:
    parts = path.relative_to(base).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _reaches(module: str, imported: str) -> Iterator[str]:
    """Each private module or name that ``from module import imported`` takes from
    another unit than ``module``'s own, as ``module:name``."""
    unit = _unit(module)
    if unit is None:
        return
    inside = module[len(unit) :].split(".")
    if any(part.startswith("_") for part in inside) or imported.startswith("_"):
        yield f"{module}:{imported}"


def _crossings(path: Path, importer: str | None) -> Iterator[str]:
    """Every import in ``path`` (the module ``importer``, None outside the library) that
    reaches past another unit's face, with the line it is on."""
    where = importer or path.relative_to(ROOT).as_posix()
    own = _unit(importer) if importer else None
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            targets = [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [tuple(alias.name.rpartition(".")[::2]) for alias in node.names]
        else:
            continue
        for module, name in targets:
            if module.startswith("civilsamfund") and _unit(module) != own:
                yield from (f"{where}:{node.lineno} {r}" for r in _reaches(module, name))


def _sources() -> Iterator[tuple[Path, str | None]]:
    """The library's modules by name, then the plugins' and the toy domain's (outside)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, _name(path, PACKAGE.parent)
    for folder in (ROOT / "plugins", ROOT / "tests" / "plugins"):
        for path in sorted(folder.rglob("*.py")):
            yield path, None


def test_no_module_imports_another_layers_private_module():
    """An import between layers names only the other layer's face and its public names."""
    found = [crossing for path, name in _sources() for crossing in _crossings(path, name)]
    assert found == []


def test_the_check_sees_a_private_import():
    """A domain reaching into the core's private module, or a private name, is found."""
    assert list(_reaches("civilsamfund.core._text", "Text")) == ["civilsamfund.core._text:Text"]
    assert list(_reaches("civilsamfund.core", "_guard")) == ["civilsamfund.core:_guard"]
    assert list(_reaches("civilsamfund.core.rules", "Rule")) == []
    assert list(_reaches("civilsamfund.grants.facts", "AMOUNT")) == []


@pytest.mark.parametrize("face", FACES)
def test_every_name_a_face_states_exists(face: str):
    """Each name in a face's __all__ resolves, loading its module if it loads lazily."""
    module = importlib.import_module(face)
    assert module.__all__, f"{face} states no public names"
    assert [name for name in module.__all__ if not hasattr(module, name)] == []
