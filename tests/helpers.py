"""Test helpers: the repository's paths, a complete eligible Odense application to vary
one fact at a time, and the bundled examples run through the command line."""

from __future__ import annotations

import json
import shutil
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from civilsamfund import hookimpl, kroner, share
from civilsamfund.cli import main
from civilsamfund.grants import (
    Activity,
    Applicant,
    Association,
    BudgetCategory,
    BudgetLine,
    FundingSource,
    GrantApplication,
    TargetGroup,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # the library's own reader on 3.10 (civilsamfund.reading._toml), for the tests
    import tomli as tomllib  # noqa: F401

REPO = Path(__file__).resolve().parents[1]
MUNICIPALITIES = REPO / "municipalities"

ELIGIBLE = GrantApplication(
    id="test-1",
    pool="paragraf18",
    amount=kroner("50000"),
    received=date(2025, 9, 1),
    applicant=Association(
        name="Testforeningen",
        cvr="10000009",
        founded=date(2010, 1, 1),
        equity=kroner("10000"),
        annual_running_costs=kroner("20000"),
    ),
    activity=Activity(
        purpose="Besøgsvenner",
        target_groups=(TargetGroup(category="excluded", min_age=18, max_age=59),),
        volunteer_share=share("0.9"),
        social_aim=True,
        local_share=share("0.9"),
        focus_areas=("prevention",),
    ),
    budget=(
        BudgetLine(
            description="Aktiviteter", category=BudgetCategory.ACTIVITIES, amount=kroner("50000")
        ),
    ),
    other_funding=(FundingSource(name="Fond"),),
)


def odense_application(
    activity: dict[str, Any] | None = None,
    applicant: dict[str, Any] | Applicant | None = None,
    **changes: Any,
) -> GrantApplication:
    """The eligible application with some activity, applicant or top-level facts changed."""
    if activity:
        changes["activity"] = attrs.evolve(ELIGIBLE.activity, **activity)
    if isinstance(applicant, dict):
        changes["applicant"] = attrs.evolve(ELIGIBLE.applicant, **applicant)
    elif applicant is not None:
        changes["applicant"] = applicant
    return attrs.evolve(ELIGIBLE, **changes)


def items_of(count: int, changes: dict[int, dict[str, Any]] | None = None) -> list[Any]:
    """``count`` copies of the eligible application as JSON data, ids ``app-0``...,
    item ``i`` with ``changes[i]`` applied."""
    from civilsamfund import to_json

    base = json.loads(to_json(ELIGIBLE))
    items = []
    for index in range(count):
        item = json.loads(json.dumps(base))
        item["id"] = f"app-{index}"
        item.update((changes or {}).get(index, {}))
        items.append(item)
    return items


def plugin_of(**hooks: Any) -> Any:
    """A plugin object implementing ``hooks`` (name: function)."""
    return types.SimpleNamespace(**{name: hookimpl(fn) for name, fn in hooks.items()})


DOCUMENT = "odense-strategi-frivilligt-socialt-arbejde-2009.txt"


def with_supplementary(
    tmp_path: Path, criterion_type: str, department: str = "social_og_arbejdsmarked"
) -> Path:
    """Odense's configuration with one supplementary criterion for one department (O18-10)."""
    target = tmp_path / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    with (target / "criteria.toml").open("a", encoding="utf-8") as criteria:
        criteria.write(f'''
[[criteria]]
id = "O18-10-SU-1"
type = "{criterion_type}"
kind = "mandatory"
citation = {{ document = "{DOCUMENT}", section = "Overordnede tildelingskriterier" }}
rule = {{ da = "Udvalgets tillægskriterium.", en = "The committee's supplementary criterion." }}
''')
    organisation = (target / "organisation.toml").read_text(encoding="utf-8")
    marker = f'id = "{department}"\n'
    organisation = organisation.replace(marker, marker + 'criteria = ["O18-10-SU-1"]\n')
    (target / "organisation.toml").write_text(organisation, encoding="utf-8")
    return target


def status_of(decision: Any, criterion: str) -> str:
    """The status of one criterion's finding in a decision."""
    (finding,) = [f for f in decision.findings if f.criterion == criterion]
    return str(finding.status.value)


EXAMPLES = {
    "odense": MUNICIPALITIES / "odense" / "examples" / "applications.toml",
    "faaborg-midtfyn": MUNICIPALITIES / "faaborg-midtfyn" / "examples" / "applications.json",
}


def assess_examples_json(capsys: Any, slug: str, lang: str) -> Any:
    """The decisions `civilsamfund assess --format json` writes for a municipality's examples."""
    code = main(
        [
            "assess",
            "-m",
            str(MUNICIPALITIES / slug),
            str(EXAMPLES[slug]),
            "--format",
            "json",
            "--lang",
            lang,
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def copy_municipality(tmp_path: Path, slug: str = "odense", name: str | None = None) -> Path:
    """A writable copy of a bundled municipality's configuration, under ``name``."""
    target = tmp_path / (name or slug)
    shutil.copytree(MUNICIPALITIES / slug, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file, which must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_problems(directory: Path, plugins: Any = None) -> list[str]:
    """The problems loading ``directory`` reports, each as its line."""
    from civilsamfund import ConfigError, Plugins, load_municipality_dir

    with pytest.raises(ConfigError) as caught:
        load_municipality_dir(directory, plugins or Plugins())
    return [str(problem) for problem in caught.value.problems]
