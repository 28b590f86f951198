"""The shared grant checks: rules many municipalities have, parameterised by configuration.

Each is one ``type`` a criterion in ``criteria.toml`` can name; its fields are the
``params`` it takes. They are registered through the library's built-in plugin, on
the same path as any plugin's checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civilsamfund.core.rules import Check
from civilsamfund.grants._check import GrantCheck
from civilsamfund.grants._routing import AgeRouting
from civilsamfund.grants.checks._activity import (
    LocalShare,
    OpenToAll,
    PriorityFocus,
    SocialAim,
    VolunteerShare,
)
from civilsamfund.grants.checks._applicant import (
    EquityGuideline,
    MunicipalDiscretion,
    NotAnIndividual,
    StartupSupport,
)
from civilsamfund.grants.checks._funding import OtherFundingSought, StaffCosts, StandingGrant
from civilsamfund.grants.checks._target_groups import (
    MinimumAge,
    RelativesException,
    TargetGroupInList,
)

GRANT_CHECKS: Mapping[str, type[Check[Any]]] = {
    "municipal_discretion": MunicipalDiscretion,
    "not_an_individual": NotAnIndividual,
    "other_funding_sought": OtherFundingSought,
    "equity_guideline": EquityGuideline,
    "startup_support": StartupSupport,
    "staff_costs": StaffCosts,
    "volunteer_share": VolunteerShare,
    "local_share": LocalShare,
    "social_aim": SocialAim,
    "open_to_all": OpenToAll,
    "target_group_in_list": TargetGroupInList,
    "relatives_exception": RelativesException,
    "minimum_age": MinimumAge,
    "priority_focus": PriorityFocus,
    "standing_grant": StandingGrant,
    "age_routing": AgeRouting,
}
"""The grant checks, by the ``type`` name configuration gives them."""

__all__ = [
    "GRANT_CHECKS",
    "AgeRouting",
    "EquityGuideline",
    "GrantCheck",
    "LocalShare",
    "MinimumAge",
    "MunicipalDiscretion",
    "NotAnIndividual",
    "OpenToAll",
    "OtherFundingSought",
    "PriorityFocus",
    "RelativesException",
    "SocialAim",
    "StaffCosts",
    "StandingGrant",
    "StartupSupport",
    "TargetGroupInList",
    "VolunteerShare",
]
