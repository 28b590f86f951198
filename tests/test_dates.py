"""Dated rules: an assessment uses the version of each setting in force on its date."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from helpers import MUNICIPALITIES, odense_application, status_of

from civilsamfund import Plugins, in_force, load_municipality_dir, share
from civilsamfund.grants import PoolsFile, TargetGroup, assess
from civilsamfund.grants._config import LegalBasis


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    """Odense with a stricter O18-7 and a higher auditor threshold from 2026."""
    target = tmp_path_factory.mktemp("dated") / "odense"
    shutil.copytree(MUNICIPALITIES / "odense", target)
    criteria = (target / "criteria.toml").read_text(encoding="utf-8")
    start = criteria.index('id = "O18-7"')
    end = criteria.index("[[criteria]]", start)
    version = criteria[criteria.rindex("[[criteria]]", 0, start) : end]
    criteria = criteria.replace(
        version,
        version.replace(
            "valid_from = 2009-06-01", "valid_from = 2009-06-01\nvalid_until = 2025-12-31"
        ),
    )
    criteria += "\n" + version.replace(
        "valid_from = 2009-06-01", "valid_from = 2026-01-01"
    ).replace('minimum = "0.5"', 'minimum = "0.6"')
    (target / "criteria.toml").write_text(criteria, encoding="utf-8")
    pools = (target / "pools.toml").read_text(encoding="utf-8")
    rule = pools[pools.index("[[pools.auditor]]") :]
    pools = pools.replace(
        rule,
        rule.replace(
            "valid_from = 2009-06-01", "valid_from = 2009-06-01\nvalid_until = 2025-12-31"
        ),
    )
    pools += "\n" + rule.replace("valid_from = 2009-06-01", "valid_from = 2026-01-01").replace(
        "threshold = 100000", "threshold = 150000"
    )
    (target / "pools.toml").write_text(pools, encoding="utf-8")
    return load_municipality_dir(target, Plugins())


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2025, 12, 31), "pass"),
        (date(2026, 1, 1), "fail"),
    ],
)
def test_a_criterion_changes_on_its_date(revised, on, expected):
    """55 % volunteers meets 'more than 50 %' in 2025 but not 'more than 60 %' in 2026."""
    application = odense_application(activity={"volunteer_share": share("0.55")})
    assert status_of(assess(revised, application, on=on), "O18-7") == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2025, 12, 31), "professional"),
        (date(2026, 1, 1), "elected"),
    ],
)
def test_a_threshold_changes_on_its_date(revised, on, expected):
    """120,000 kr needs a professional auditor under the old threshold, not the new one."""
    from civilsamfund import kroner

    application = odense_application(amount=kroner("120000"))
    assert assess(revised, application, on=on).auditor.id == expected


def test_the_rules_date_defaults_to_the_day_received(revised):
    """Without --on, the rules in force when the application arrived apply."""
    application = odense_application(
        received=date(2026, 3, 1), activity={"volunteer_share": share("0.55")}
    )
    decision = assess(revised, application)
    assert decision.audit.rules_date == date(2026, 3, 1)
    assert status_of(decision, "O18-7") == "fail"


def test_legal_bases_are_dated(odense):
    """Barnets lov joins Serviceloven § 18 as a legal basis from 1 January 2024."""
    pool = odense.section(PoolsFile).pools[0]

    def laws(on):
        return [basis.law for basis in pool.legal_bases if basis.in_force(on)]

    assert laws(date(2023, 12, 31)) == ["Serviceloven § 18"]
    assert laws(date(2024, 1, 1)) == ["Serviceloven § 18", "Barnets lov"]


@pytest.mark.parametrize(
    ("received", "laws"),
    [
        (date(2023, 12, 31), ("Serviceloven § 18",)),
        (date(2024, 1, 1), ("Serviceloven § 18", "Barnets lov")),
    ],
)
def test_decisions_name_the_legal_bases_in_force(odense, received, laws):
    """A decision for children names the laws its pool rests on, on the rules' date."""
    children = (TargetGroup(category="children_youth", min_age=10, max_age=17),)
    application = odense_application(received=received, activity={"target_groups": children})
    assert assess(odense, application).legal_bases == laws


def test_in_force_picks_the_version_holding_on_a_day():
    """in_force finds the one version whose period holds the day, ends included."""
    old = LegalBasis(law="old", valid_until=date(2025, 6, 30))
    new = LegalBasis(law="new", valid_from=date(2025, 7, 1))
    assert in_force([old, new], date(2025, 6, 30)) is old
    assert in_force([old, new], date(2025, 7, 1)) is new
