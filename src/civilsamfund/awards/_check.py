"""What every award check shares: its subject and its missing message."""

from __future__ import annotations

from typing import Any, ClassVar

from civilsamfund.awards._nomination import Candidacy
from civilsamfund.core import Text
from civilsamfund.core.rules import Check


class NominationCheck(Check[Candidacy]):
    """A check that judges nominations, each with the award as given in its year: what a
    plugin's nomination check subclasses, for the subject and the wording of missing
    facts."""

    SUBJECT: ClassVar[type[Any]] = Candidacy
    MISSING_MESSAGE: ClassVar[Text] = Text(
        da="Indstillingen mangler oplysninger om {missing:facts}.",
        en="The nomination gives no information on {missing:facts}.",
    )
