"""The conformance check every municipality package must pass.

A municipality directory conforms when its configuration loads (every reference
resolving, no overlapping versions), every check type it uses explains itself in
both languages with the same facts, every example assesses without error, and every
installed plugin's hooks exist. ``civilsamfund check-config`` runs it, and so does
the pytest plugin, once per municipality directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from civilsamfund._municipality import Municipality
from civilsamfund.config._loader import load_municipality_dir
from civilsamfund.core._errors import CivilsamfundError, ConfigError, InputError, PluginError
from civilsamfund.grants._reading import read_applications
from civilsamfund.plugins._manager import Plugins, installed

EXAMPLES_DIRECTORY = "examples"


def check_conformance(directory: str | Path, plugins: Plugins | None = None) -> list[str]:
    """Every way the municipality in ``directory`` falls short, one line each."""
    directory = Path(directory)
    try:
        plugins = installed() if plugins is None else plugins
    except PluginError as exc:
        return [str(exc)]
    try:
        municipality = load_municipality_dir(directory, plugins)
    except ConfigError as exc:
        return list(exc.problems)
    except PluginError as exc:
        return [str(exc)]
    return [*_messages(municipality), *_examples(municipality, directory)]


def _messages(municipality: Municipality) -> Iterator[str]:
    seen: set[type] = set()
    for criterion in municipality.criteria:
        check_type = type(criterion.check)
        if check_type in seen:
            continue
        seen.add(check_type)
        for name, template in criterion.templates.items():
            where = f"check type {check_type.__name__} (from {criterion.origin}), message {name!r}"
            text = template.text
            if not text.da.strip() or not text.en.strip():
                yield f"{where}: expected a text in both Danish and English"
            elif template.fields("da") != template.fields("en"):
                yield f"{where}: the Danish and English texts use different facts"


def _examples(municipality: Municipality, directory: Path) -> Iterator[str]:
    examples = directory / EXAMPLES_DIRECTORY
    files = sorted([*examples.glob("*.toml"), *examples.glob("*.json")])
    for path in files:
        try:
            for application in read_applications(path):
                municipality.assess(application)
        except InputError as exc:
            yield from exc.problems
        except CivilsamfundError as exc:
            yield f"{path}: {exc}"
