"""The ``hypothesis`` entry point: registers the model strategies when Hypothesis starts.

Kept apart and importing on call, as Hypothesis loads it while it is itself importing.
Hypothesis loads it in every project that has civilsamfund installed, so it never
fails: when the installed plugins cannot be loaded (a misspelt ``CIVILSAMFUND_PLUGINS``,
a plugin that fails), the library's own domains are registered, and the error is left
for the command or test that uses the plugins to report.
"""

from __future__ import annotations


def setup() -> None:
    """Register a strategy for each model, so ``st.from_type`` builds valid ones."""
    from civilsamfund.core import CivilsamfundError
    from civilsamfund.plugins import Plugins
    from civilsamfund.testing._domains import register_strategies

    try:
        register_strategies()
    except CivilsamfundError:
        register_strategies(Plugins())
