"""What the domains declare for tests: the strategies of their models, and subjects that
break one of their rules, each from the module a domain names in ``Domain.testing``."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from importlib import import_module
from types import ModuleType
from typing import Any

from hypothesis import strategies as st

from civilsamfund.config import Municipality
from civilsamfund.core import own_or_guarded
from civilsamfund.plugins import Domain, Plugins, installed


def _testing(plugins: Plugins | None = None) -> Iterator[tuple[Domain, ModuleType]]:
    """Each domain that names a testing module, with the module; a plugin's module that
    fails to import is its plugin's error."""
    for domain, plugin in (installed() if plugins is None else plugins).domains():
        if domain.testing is not None:
            doing = f"importing {domain.testing}"
            yield domain, own_or_guarded(plugin, doing, "hook", import_module, domain.testing)


def domain_strategies(plugins: Plugins | None = None) -> dict[type, st.SearchStrategy[Any]]:
    """Every domain's strategy for each of its models, as its ``STRATEGIES`` gives them."""
    found: dict[type, st.SearchStrategy[Any]] = {}
    for _, module in _testing(plugins):
        found.update(getattr(module, "STRATEGIES", {}))
    return found


def register_strategies(plugins: Plugins | None = None) -> None:
    """Register with Hypothesis a strategy for each model, so ``st.from_type`` builds
    valid ones: the core's and the report's, then each domain's (of ``plugins``,
    default the installed ones). Hypothesis's entry point calls this when it starts;
    call it again after registering a plugin's domain in a running process. Raises
    :class:`PluginError` naming a plugin whose testing module fails to import."""
    from civilsamfund.testing._models import STRATEGIES
    from civilsamfund.testing._report import STRATEGIES as REPORT

    for kind, strategy in {**STRATEGIES, **REPORT, **domain_strategies(plugins)}.items():
        st.register_type_strategy(kind, strategy)


def violating(
    municipality: Municipality,
    criterion: str,
    pool: str | None = None,
    *,
    plugins: Plugins | None = None,
    **options: Any,
) -> st.SearchStrategy[Any]:
    """Subjects that fail ``criterion`` and no other mandatory criterion of its domain:
    grant applications (to ``pool``, default the first configured), volunteer tasks, or
    a plugin domain's, built by the ``violating`` of the module its ``Domain.testing``
    names (of ``plugins``, default the installed ones), given ``options``.

    Raises :class:`ValueError` at once when the criterion is not in force for the
    subject, can never fail, its check gives no examples of its facts, judges a subject
    no domain builds this way (nominations: test those with policy cases), or is given
    an option its domain's builder does not take (``pool`` is for grant applications).
    """
    subjects = {rule.subject for rule in municipality.rulebook.versions(criterion)}
    builders = {
        domain.key: (domain.subject, module.violating)
        for domain, module in _testing(plugins)
        if hasattr(module, "violating")
    }
    found = [(key, build) for key, (subject, build) in builders.items() if subject in subjects]
    if len(found) != 1 or len(subjects) != 1:
        judged = ", ".join(sorted(subject.__name__ for subject in subjects)) or "nothing"
        raise ValueError(
            f"criterion {criterion!r} judges {judged}: violating builds the subjects of "
            f"{', '.join(sorted(builders))} only; check other subjects with policy cases"
        )
    ((key, build),) = found
    if pool is not None:
        options["pool"] = pool
    taken = inspect.signature(build).parameters
    unknown = sorted(set(options) - set(taken))
    if unknown:
        raise ValueError(
            f"criterion {criterion!r} is one of {key}'s, whose subjects take no "
            f"{' or '.join(unknown)}"
        )
    subject: st.SearchStrategy[Any] = build(municipality, criterion, **options)
    return subject
