"""The hooks a civilsamfund plugin can implement: this module is their reference.

A plugin is a module (or object) found through the ``civilsamfund`` entry-point group.
Its hook implementations carry the ``civilsamfund_`` prefix and the ``hookimpl``
marker; anything else in the module is ignored. Hooks only ever gain arguments, and an
implementation may accept fewer than the specification names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pluggy

PROJECT = "civilsamfund"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def civilsamfund_criterion_types() -> Mapping[str, type]:
    """Add check types that ``criteria.toml`` can name in ``type``.

    Return a mapping from type name to check class: an attrs class whose fields are
    the ``params`` it takes, with a ``MESSAGES`` mapping of message name to
    :class:`civilsamfund.Text` template and an ``evaluate(application, context)``
    method returning a :class:`civilsamfund.Verdict`. Prefix names with the plugin's
    own (``"odense.child_certificate"``); a name already taken is an error.

    All implementations are called and their mappings merged. Since 0.1.0.
    """
    raise NotImplementedError


@hookspec
def civilsamfund_municipality_dirs() -> Sequence[Path]:
    """Name the municipality configuration directories this plugin ships.

    Each directory holds ``municipality.toml`` and its sibling files. All
    implementations are called. Since 0.1.0.
    """
    raise NotImplementedError
