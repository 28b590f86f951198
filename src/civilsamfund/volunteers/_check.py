"""What every volunteer task check shares: its subject, its missing message, and the
obligations its findings give."""

from __future__ import annotations

from typing import Any, ClassVar

from civilsamfund.core import Text
from civilsamfund.core.rules import Check, Finding
from civilsamfund.volunteers._obligations import Obligation
from civilsamfund.volunteers._task import VolunteerTask


class TaskCheck(Check[VolunteerTask]):
    """A check that judges volunteer tasks: what a plugin's task check subclasses, for
    the subject and the wording of missing facts, and to give obligations."""

    SUBJECT: ClassVar[type[Any]] = VolunteerTask
    MISSING_MESSAGE: ClassVar[Text] = Text(
        da="Beskrivelsen af opgaven mangler oplysninger om {missing:facts}.",
        en="The task description gives no information on {missing:facts}.",
    )

    def obligations(self, finding: Finding) -> tuple[Obligation, ...]:
        """The obligations ``finding`` gives; none unless the check says otherwise."""
        return ()
