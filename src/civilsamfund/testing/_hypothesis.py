"""The ``hypothesis`` entry point: registers the model strategies when Hypothesis starts.

Kept apart and importing on call, as Hypothesis loads it while it is itself importing.
"""

from __future__ import annotations


def setup() -> None:
    """Register a strategy for each model, so ``st.from_type`` builds valid ones."""
    from civilsamfund.testing._domains import register_strategies

    register_strategies()
