"""The award checks that ``criteria.toml`` can name in ``type``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civilsamfund.awards.checks._eligibility import (
    InMunicipality,
    NomineeKindCheck,
    SociallyVulnerable,
    ThemeFocus,
    VoluntarySocial,
    YearsTargetGroup,
)
from civilsamfund.core.rules import Check

AWARD_CHECKS: Mapping[str, type[Check[Any]]] = {
    "award.nominee_kind": NomineeKindCheck,
    "award.in_municipality": InMunicipality,
    "award.voluntary_social": VoluntarySocial,
    "award.socially_vulnerable": SociallyVulnerable,
    "award.theme_focus": ThemeFocus,
    "award.target_group": YearsTargetGroup,
}
"""Every award check by the type name configuration gives it."""

__all__ = ["AWARD_CHECKS"]
