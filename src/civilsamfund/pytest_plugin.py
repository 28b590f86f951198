"""civilsamfund's pytest plugin: policy cases as test items, and fixtures for plugin authors.

Loaded through the ``pytest11`` entry point. It collects every ``cases/*.toml`` file
of a municipality directory (one holding ``municipality.toml``), one test item per
case, so a municipality's repository runs its cases with plain ``pytest``. Kept small:
civilsamfund itself is imported only when a case file is collected or a fixture used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from civilsamfund.cases import CaseFile, CaseResult
    from civilsamfund.config import Municipality
    from civilsamfund.core import Problem


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect ``cases/*.toml`` files (of a municipality directory, or naming their
    municipality), and each municipality directory's conformance."""
    if file_path.name == "municipality.toml":
        return MunicipalityCollector.from_parent(parent, path=file_path)
    in_cases = file_path.suffix == ".toml" and file_path.parent.name == "cases"
    if in_cases and (
        (file_path.parent.parent / "municipality.toml").is_file() or _names_municipality(file_path)
    ):
        return CaseFileCollector.from_parent(parent, path=file_path)
    return None


def _names_municipality(path: Path) -> bool:
    """Whether a TOML file says which municipality its cases are for."""
    return any(
        line.replace(" ", "").startswith("municipality=")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    )


class PolicyFailure(Exception):
    """A failure reported as its message alone: the lines already say what and where."""


class CaseFailedError(PolicyFailure):
    """A case whose decision differs from what it expects."""

    def __init__(self, result: CaseResult) -> None:
        self.result = result
        super().__init__("\n".join(result.lines()))


class _PolicyItem(pytest.Item):
    """An item whose policy failures are shown as their lines, without a traceback."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, PolicyFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


_LOADED = pytest.StashKey[dict[Any, "Municipality"]]()
"""The municipalities loaded for this test session, by slug or directory."""


def _municipality(config: pytest.Config, key: str | Path) -> Municipality:
    from civilsamfund.plugins import load_municipality

    loaded = config.stash.setdefault(_LOADED, {})
    if key not in loaded:
        loaded[key] = load_municipality(key)
    return loaded[key]


class CaseFileCollector(pytest.File):
    """A case file: one item per case."""

    def collect(self) -> Iterator[pytest.Item]:
        from civilsamfund.cases import read_case_file
        from civilsamfund.core import InputError

        try:
            case_file = read_case_file(self.path)
        except InputError as exc:
            raise self.CollectError(str(exc)) from None
        for index, case in enumerate(case_file.cases):
            yield CaseItem.from_parent(self, name=case.name, index=index, case_file=case_file)


class CaseItem(_PolicyItem):
    """One policy case."""

    def __init__(self, *, index: int, case_file: CaseFile, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.case_file = case_file

    def runtest(self) -> None:
        from civilsamfund.cases import run_case, target

        municipality = _municipality(self.config, target(self.path, self.case_file))
        result = run_case(municipality, self.path, self.index, self.case_file)
        if not result.passed:
            raise CaseFailedError(result)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"case: {self.name}"


class MunicipalityCollector(pytest.File):
    """A municipality directory, collected by its ``municipality.toml``."""

    def collect(self) -> Iterator[pytest.Item]:
        yield ConformanceItem.from_parent(self, name="conformance")


class ConformanceItem(_PolicyItem):
    """The conformance check of one municipality directory."""

    def runtest(self) -> None:
        from civilsamfund._conformance import check_conformance

        problems = check_conformance(self.path.parent)
        if problems:
            raise NonConformingError(problems)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"conformance of {self.path.parent}"


class NonConformingError(PolicyFailure):
    """A municipality directory that fails the conformance check."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))


@pytest.fixture
def civilsamfund_conformance() -> Callable[..., list[Problem]]:
    """The conformance check: call it with a municipality directory; [] means it conforms."""
    from civilsamfund._conformance import check_conformance

    return check_conformance


@pytest.fixture
def civilsamfund_register_plugin() -> Iterator[Callable[..., None]]:
    """Register a plugin with the installed plugins for one test; removed afterwards.

    Call it as ``civilsamfund_register_plugin(module_or_object, "name")``.
    """
    from civilsamfund.plugins import installed

    plugins = installed()
    names: list[str] = []

    def register(plugin: object, name: str, version: str | None = None) -> None:
        plugins.register(plugin, name, version)
        names.append(name)

    yield register
    for name in names:
        plugins.unregister(name)


@pytest.fixture
def civilsamfund_load() -> Callable[[str | Path], Municipality]:
    """Load a municipality from a directory (or by slug) with the plugins in use."""
    from civilsamfund.plugins import load_municipality

    return load_municipality
