"""Where the volunteers domain reads its configuration, and what it checks there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from civilsamfund.config import Municipality, Section
from civilsamfund.volunteers._config import VolunteersFile
from civilsamfund.volunteers._task import VolunteerTask

VOLUNTEERS = "volunteers.toml"


def _volunteers(section: VolunteersFile, municipality: Municipality) -> Iterator[tuple[str, str]]:
    rulebook = municipality.rulebook
    for index, criterion in enumerate(section.criteria):
        if any(rule.subject is not VolunteerTask for rule in rulebook.versions(criterion)):
            yield (
                f"criteria[{index}]",
                f"expected a criterion that judges volunteer tasks, got {criterion!r}",
            )


VOLUNTEER_SECTIONS: tuple[Section[Any], ...] = (
    Section(file=VOLUNTEERS, model=VolunteersFile, validate=_volunteers),
)
"""The volunteers domain's sections."""
