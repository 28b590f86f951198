"""What every grant check shares: its subject, and how it says that facts are missing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from civilsamfund.core import Text
from civilsamfund.core.rules import Check
from civilsamfund.grants._application import GrantApplication

HUNDREDTH = Decimal("0.01")


class GrantCheck(Check[GrantApplication]):
    """A check that judges grant applications."""

    SUBJECT: ClassVar[type[Any]] = GrantApplication
    MISSING_MESSAGE: ClassVar[Text] = Text(
        da="Ansøgningen mangler oplysninger om {missing:facts}.",
        en="The application gives no information on {missing:facts}.",
    )


def threshold_examples(minimum: Decimal, inclusive: bool, passing: bool) -> list[Decimal] | None:
    """Shares from 0 to 1 on the passing (or failing) side of a threshold, boundary first."""
    if passing:
        low = minimum if inclusive else minimum + HUNDREDTH
        return None if low > 1 else [low, Decimal(1)]
    high = minimum - HUNDREDTH if inclusive else minimum
    return None if high < 0 else [high, Decimal(0)]
