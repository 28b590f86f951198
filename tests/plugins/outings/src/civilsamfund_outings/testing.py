"""The outings domain's Hypothesis strategies, as ``Domain.testing`` names them."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

import civilsamfund as cs
from civilsamfund import testing as cst
from civilsamfund_outings import Outing, OutingAssessor

_DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def outings(kinds: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Outing]:
    """Outings of ``kinds`` (default: the bundled example's one kind), every fact drawn,
    given or not."""
    kinds = st.just("udflugt") if kinds is None else kinds
    counts = st.none() | st.integers(min_value=0, max_value=200)
    return st.builds(
        Outing,
        id=st.from_regex(r"[a-z]{1,8}", fullmatch=True),
        kind=kinds,
        on=_DAYS,
        members=counts,
        leaders=counts,
    )


STRATEGIES: dict[type, st.SearchStrategy[Any]] = {Outing: outings()}
"""The strategy registered for each of the domain's models."""


def violating(municipality: cs.Municipality, criterion: str) -> st.SearchStrategy[Outing]:
    """Outings that fail ``criterion`` (or, for a discretionary rule, are flagged by it)
    and no other mandatory rule of their kind."""
    assessor = OutingAssessor(municipality)
    kinds = [kind.id for kind in assessor.kinds.values() if criterion in kind.criteria]
    if not kinds:
        raise ValueError(f"no kind of outing is judged by {criterion!r}")
    known = {kind: tuple(ids) for kind, ids in municipality.known.items()}

    def for_day(outing: Outing) -> st.SearchStrategy[Outing]:
        rules, _, _ = assessor.prepare(outing)
        return cst.satisfying(rules, st.just(outing), known, criterion)

    return outings(st.sampled_from(kinds)).flatmap(for_day)
