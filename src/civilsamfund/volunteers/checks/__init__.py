"""The volunteer task checks that ``criteria.toml`` can name in ``type``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from civilsamfund.core.rules import Check
from civilsamfund.volunteers.checks._entry import PointOfEntry
from civilsamfund.volunteers.checks._guidance import Affiliation, AgreementParts, Toolbox
from civilsamfund.volunteers.checks._rules_of_play import (
    AddsToStaffWork,
    ChildCertificate,
    CoreTasksStay,
    CriminalRecordDialogue,
    DutyToNotify,
    NoReporting,
    NoStatutoryWork,
    RolesAgreed,
    ThroughAssociation,
)

VOLUNTEER_CHECKS: Mapping[str, type[Check[Any]]] = {
    "volunteer.through_association": ThroughAssociation,
    "volunteer.agreement": AgreementParts,
    "volunteer.no_statutory_work": NoStatutoryWork,
    "volunteer.adds_to_staff_work": AddsToStaffWork,
    "volunteer.roles_agreed": RolesAgreed,
    "volunteer.no_reporting": NoReporting,
    "volunteer.duty_to_notify": DutyToNotify,
    "volunteer.criminal_record_dialogue": CriminalRecordDialogue,
    "volunteer.child_certificate": ChildCertificate,
    "volunteer.core_tasks_stay": CoreTasksStay,
    "volunteer.affiliation": Affiliation,
    "volunteer.toolbox": Toolbox,
    "volunteer.point_of_entry": PointOfEntry,
}
"""Every volunteer task check by the type name configuration gives it."""

__all__ = ["VOLUNTEER_CHECKS"]
