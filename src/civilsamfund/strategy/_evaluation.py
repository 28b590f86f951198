"""An evaluation's ratings summed up: count, mean, median and distribution."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from attrs import frozen

from civilsamfund.strategy._design import Evaluation

CENTS = Decimal("0.01")
"""Mean and median are given to two decimals, rounded half up."""


@frozen(kw_only=True)
class Rated:
    """How many gave one rating."""

    rating: int
    count: int


@frozen(kw_only=True)
class EvaluationSummary:
    """An evaluation's ratings: how many, their sum, mean and median (``None`` for no
    ratings), and how many gave each rating on the scale, lowest first."""

    lowest: int
    highest: int
    count: int
    total: int
    mean: Decimal | None
    median: Decimal | None
    distribution: tuple[Rated, ...]


def summarise(evaluation: Evaluation) -> EvaluationSummary:
    """The count, mean, median and distribution of ``evaluation``'s ratings."""
    ratings = sorted(evaluation.ratings)
    count = len(ratings)
    mean = median = None
    if count:
        mean = (Decimal(sum(ratings)) / count).quantize(CENTS, ROUND_HALF_UP)
        middle = ratings[(count - 1) // 2] + ratings[count // 2]
        median = (Decimal(middle) / 2).quantize(CENTS, ROUND_HALF_UP)
    tally = dict.fromkeys(range(evaluation.lowest, evaluation.highest + 1), 0)
    for rating in ratings:
        tally[rating] += 1
    return EvaluationSummary(
        lowest=evaluation.lowest,
        highest=evaluation.highest,
        count=count,
        total=sum(ratings),
        mean=mean,
        median=median,
        distribution=tuple(Rated(rating=r, count=n) for r, n in tally.items()),
    )
