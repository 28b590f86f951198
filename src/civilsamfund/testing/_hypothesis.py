"""The ``hypothesis`` entry point: registers the model strategies when Hypothesis starts.

Kept apart and importing on call, as Hypothesis loads it while it is itself importing.
"""

from __future__ import annotations


def setup() -> None:
    """Register a strategy for each model, so ``st.from_type`` builds valid ones: the
    core's and the report's, then each domain's (``Domain.testing``)."""
    from hypothesis import strategies as st

    from civilsamfund.testing._domains import domain_strategies
    from civilsamfund.testing._models import STRATEGIES
    from civilsamfund.testing._report import STRATEGIES as REPORT

    for kind, strategy in {**STRATEGIES, **REPORT, **domain_strategies()}.items():
        st.register_type_strategy(kind, strategy)
