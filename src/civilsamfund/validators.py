"""attrs validators for a check's parameters and a model's fields.

Each fails with the field's name, so that a reader reports the path to it
(``criteria[3].params.minimum: expected a share between 0 and 1``), and a model built
in code refuses what a file may not hold.
"""

from __future__ import annotations

from civilsamfund.core import (
    at_least,
    between,
    finite_non_negative,
    kroner_field,
    not_empty,
    share_field,
)

__all__ = ["at_least", "between", "finite_non_negative", "kroner_field", "not_empty", "share_field"]
