"""``civilsamfund new-municipality``: a configuration and a plugin package to start from."""

from __future__ import annotations

import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
from importlib.resources import files
from pathlib import Path
from string import Template

from civilsamfund._deprecation import core_requirement
from civilsamfund._version import __version__
from civilsamfund.core import InputError, Problem

_REVISION_YEARS = 4
"""How often the example strategy is revised (``every`` of its revision criterion)."""

_FIRST_YEAR, _LAST_YEAR = MINYEAR + 1, MAXYEAR - _REVISION_YEARS
"""The years a scaffold can be dated in: its schedule reaches a year back and the revision's
year ahead."""

_SLUG = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

# template name -> where it goes, relative to the target directory
_LAYOUT = {
    "municipality.toml.tmpl": "municipalities/{slug}/municipality.toml",
    "criteria.toml.tmpl": "municipalities/{slug}/criteria.toml",
    "pools.toml.tmpl": "municipalities/{slug}/pools.toml",
    "organisation.toml.tmpl": "municipalities/{slug}/organisation.toml",
    "strategy.toml.tmpl": "municipalities/{slug}/strategy.toml",
    "volunteers.toml.tmpl": "municipalities/{slug}/volunteers.toml",
    "awards.toml.tmpl": "municipalities/{slug}/awards.toml",
    "applications.toml.tmpl": "municipalities/{slug}/examples/applications.toml",
    "cases.toml.tmpl": "municipalities/{slug}/cases/basic.toml",
    "strategy-cases.toml.tmpl": "municipalities/{slug}/cases/strategy.toml",
    "tasks.json.tmpl": "municipalities/{slug}/examples/volunteers/tasks.json",
    "volunteer-cases.toml.tmpl": "municipalities/{slug}/cases/volunteers.toml",
    "nominations.json.tmpl": "municipalities/{slug}/examples/nominations/nominations.json",
    "award-cases.toml.tmpl": "municipalities/{slug}/cases/awards.toml",
    "pyproject.toml.tmpl": "plugins/{slug}/pyproject.toml",
    "hatch_build.py.tmpl": "plugins/{slug}/hatch_build.py",
    "LICENSE.tmpl": "plugins/{slug}/LICENSE",
    "README.md.tmpl": "plugins/{slug}/README.md",
    "plugin.py.tmpl": "plugins/{slug}/src/{module}/__init__.py",
    "test_plugin.py.tmpl": "plugins/{slug}/tests/test_{module}.py",
}


def new_municipality(
    slug: str, name: str, directory: str | Path = ".", on: date | None = None
) -> list[Path]:
    """Write a municipality's configuration and plugin package under ``directory``.

    ``on`` (default: today) is the day the examples are dated. The rules start on
    1 January of its year, so the examples, the year's award day and the strategy's
    schedule all fall inside them whatever the day: the files pass the conformance
    check and their own tests as written. Existing files are never overwritten.
    Returns the files written.
    """
    if not _SLUG.fullmatch(slug):
        raise InputError.at(
            "slug", "", f"expected lowercase letters, digits and single hyphens, got {slug!r}"
        )
    if not name.strip():
        raise InputError.at("--name", "", "expected the municipality's name, got ''")
    on = date.today() if on is None else on
    if not _FIRST_YEAR <= on.year <= _LAST_YEAR:
        raise InputError.at(
            "--on", "", f"expected a day in the years {_FIRST_YEAR} to {_LAST_YEAR}, got {on}"
        )
    module = "civilsamfund_" + slug.replace("-", "_")
    start = date(on.year, 1, 1)
    values = {
        "slug": slug,
        "name": name,
        "module": module,
        "prefix": slug.upper().replace("-", ""),
        "on": on.isoformat(),
        "start": start.isoformat(),
        "year": str(on.year),
        "before_start": (start - timedelta(days=1)).isoformat(),
        "revision_years": str(_REVISION_YEARS),
        "revision_due": date(on.year + _REVISION_YEARS, 1, 1).isoformat(),
        "requirement": core_requirement(__version__),
    }
    root = Path(directory)
    targets = {
        template: root / place.format(slug=slug, module=module)
        for template, place in _LAYOUT.items()
    }
    existing = [str(path) for path in targets.values() if path.exists()]
    if existing:
        raise InputError(
            Problem.at(path, "", "already exists; nothing was written") for path in existing
        )
    templates = files(__package__) / "_scaffold"
    for template, target in targets.items():
        text = Template((templates / template).read_text(encoding="utf-8")).substitute(values)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return list(targets.values())
