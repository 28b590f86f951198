"""Loading a municipality directory into a :class:`Municipality`, reporting every problem."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from civilsamfund._municipality import Municipality
from civilsamfund.config._converter import structure
from civilsamfund.config._toml import parse_toml
from civilsamfund.config._validator import CRITERIA, MUNICIPALITY, ORGANISATION, POOLS, problems
from civilsamfund.core._errors import ConfigError, InputError, PluginError
from civilsamfund.core.rules._check import MISSING, MISSING_TEXT, Check, Rule
from civilsamfund.core.rules._messages import Names, Template
from civilsamfund.grants._config import (
    CriteriaFile,
    CriterionEntry,
    MunicipalityConfig,
    MunicipalityFile,
    OrganisationFile,
    PoolsFile,
)
from civilsamfund.grants._routing import AgeRouting
from civilsamfund.grants.checks._all import TargetGroupInList
from civilsamfund.plugins._manager import CORE, CheckType, Plugins, installed

_FILES: Mapping[str, type] = {
    MUNICIPALITY: MunicipalityFile,
    CRITERIA: CriteriaFile,
    POOLS: PoolsFile,
    ORGANISATION: OrganisationFile,
}


def load_municipality_dir(directory: str | Path, plugins: Plugins | None = None) -> Municipality:
    """Load and check the configuration in ``directory``.

    Raises :class:`ConfigError` listing every problem found, each naming its file and
    the path to the field.
    """
    directory = Path(directory)
    plugins = installed() if plugins is None else plugins
    if not (directory / MUNICIPALITY).is_file():
        raise ConfigError([f"{directory}: expected a municipality directory with {MUNICIPALITY}"])
    found: list[str] = []
    parsed: dict[str, Any] = {}
    digest = hashlib.sha256()
    for name, kind in _FILES.items():
        path = directory / name
        if not path.is_file():
            parsed[name] = kind()
            continue
        raw = path.read_bytes()
        digest.update(name.encode() + b"\0" + raw + b"\0")
        try:
            text = raw.decode("utf-8")
            parsed[name] = structure(parse_toml(text, str(path)), kind, str(path))
        except UnicodeDecodeError:
            found.append(f"{path}: expected UTF-8 text")
        except InputError as exc:
            found.extend(exc.problems)
    types = plugins.check_types()
    checks: list[tuple[CheckType, Check]] = []
    if CRITERIA in parsed:
        for index, entry in enumerate(parsed[CRITERIA].criteria):
            try:
                checks.append(_check(entry, index, types, str(directory / CRITERIA)))
            except InputError as exc:
                found.extend(exc.problems)
    if found:
        raise ConfigError(found)
    config = MunicipalityConfig(
        municipality=parsed[MUNICIPALITY],
        criteria=parsed[CRITERIA],
        pools=parsed[POOLS],
        organisation=parsed[ORGANISATION],
    )
    shown = {name: str(directory / name) for name in _FILES}
    found.extend(problems(config, shown))
    for index, (_, check) in enumerate(checks):
        found.extend(
            f"{shown[CRITERIA]}: {problem}"
            for problem in _check_references(check, config, f"criteria[{index}].params")
        )
    if found:
        raise ConfigError(found)
    names = _names(config)
    criteria = tuple(
        _criterion(entry, check_type, check, names)
        for entry, (check_type, check) in zip(config.criteria.criteria, checks, strict=True)
    )
    for origin in sorted({criterion.origin for criterion in criteria} - {CORE}):
        info = next((p for p in plugins.info() if p.name == origin), None)
        digest.update(f"plugin {origin}=={info.version if info else '?'}\0".encode())
    return Municipality(
        config=config,
        directory=directory,
        criteria=criteria,
        fingerprint=f"sha256:{digest.hexdigest()}",
    )


def _check(
    entry: CriterionEntry, index: int, types: Mapping[str, CheckType], source: str
) -> tuple[CheckType, Check]:
    """The check a criterion entry configures, its params structured and validated."""
    where = f"criteria[{index}]"
    check_type = types.get(entry.type)
    if check_type is None:
        known = ", ".join(sorted(types))
        raise ConfigError.in_file(
            source,
            [
                f"{where}.type: expected a known check type ({known}), got {entry.type!r}; "
                "is the plugin that provides it installed?"
            ],
        )
    params = dict(entry.params)
    check = structure(params, check_type.cls, source, f"{where}.params", error=ConfigError)
    return check_type, check


def _criterion(entry: CriterionEntry, check_type: CheckType, check: Check, names: Names) -> Rule:
    return Rule(
        id=entry.id,
        kind=entry.kind,
        citation=entry.citation,
        rule=entry.rule,
        reading=entry.reading,
        check=check,
        templates=dict(_templates(check_type, names)),
        origin=check_type.origin,
        valid_from=entry.valid_from,
        valid_until=entry.valid_until,
    )


def _templates(check_type: CheckType, names: Names) -> Iterator[tuple[str, Template]]:
    """Each message of the check, compiled, with the municipality's names for ids."""
    messages = {**getattr(check_type.cls, "MESSAGES", {}), MISSING: MISSING_TEXT}
    for name, message in messages.items():
        try:
            yield name, Template(message, names)
        except (ValueError, AttributeError) as exc:
            if check_type.origin == CORE:
                raise
            raise PluginError(
                check_type.origin, f"check type {check_type.name!r}, message {name!r}: {exc}"
            ) from exc


def _names(config: MunicipalityConfig) -> Names:
    """What ids of departments and target groups are called, for reasons to name them."""
    return {
        **{category.id: category.name for category in config.municipality.target_groups},
        **{department.id: department.name for department in config.organisation.departments},
    }


def _check_references(check: object, config: MunicipalityConfig, where: str) -> Iterator[str]:
    if isinstance(check, AgeRouting):
        for i, route in enumerate(check.routes):
            if config.department(route.department) is None:
                yield (
                    f"{where}.routes[{i}].department: expected the id of a configured "
                    f"department, got {route.department!r}"
                )
    if isinstance(check, TargetGroupInList):
        categories = {category.id for category in config.municipality.target_groups}
        for i, category in enumerate(check.allowed):
            if category not in categories:
                yield (
                    f"{where}.allowed[{i}]: expected the id of a target group in "
                    f"{MUNICIPALITY}, got {category!r}"
                )
