"""The ``hypothesis`` entry point: registers the model strategies when Hypothesis starts.

Kept apart and importing on call, as Hypothesis loads it while it is itself importing.
"""

from __future__ import annotations


def setup() -> None:
    """Register a strategy for each model, so ``st.from_type`` builds valid ones."""
    from hypothesis import strategies as st

    from civilsamfund.testing._awards import AWARD_STRATEGIES
    from civilsamfund.testing._models import STRATEGIES
    from civilsamfund.testing._organisation import ORGANISATION_STRATEGIES
    from civilsamfund.testing._report import REPORT_STRATEGIES
    from civilsamfund.testing._strategy import STRATEGY_STRATEGIES
    from civilsamfund.testing._volunteers import VOLUNTEER_STRATEGIES

    for kind, strategy in {
        **STRATEGIES,
        **VOLUNTEER_STRATEGIES,
        **AWARD_STRATEGIES,
        **ORGANISATION_STRATEGIES,
        **STRATEGY_STRATEGIES,
        **REPORT_STRATEGIES,
    }.items():
        st.register_type_strategy(kind, strategy)
