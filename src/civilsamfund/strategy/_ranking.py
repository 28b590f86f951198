"""From members' priorities to a ranking of a points paper's points, by a stated method
(:class:`RankingMethod`); ties are shown, never broken."""

from __future__ import annotations

from collections import Counter

from attrs import frozen

from civilsamfund.core import Text
from civilsamfund.strategy._design import PointsPaper, RankingMethod


@frozen(kw_only=True)
class RankedPoint:
    """A point's place: its ``score`` by the method, its ``rank`` (1 and a point for
    every point scoring more, so tied points share a rank), whether it is ``tied``,
    how many members listed it (``listed_by``) and how many listed it first."""

    number: int
    text: Text
    score: int
    rank: int
    tied: bool
    listed_by: int
    first_by: int


@frozen(kw_only=True)
class Ranking:
    """A points paper's points by rank, then by number; ``members``: how many gave
    priorities."""

    paper: str
    method: RankingMethod
    members: int
    points: tuple[RankedPoint, ...]


def scores(paper: PointsPaper) -> dict[int, int]:
    """Each point's score by the paper's method, every point on the paper included."""
    size = len(paper.points)
    score = {point.number: 0 for point in paper.points}
    for priority in paper.priorities:
        for place, number in enumerate(priority.points):
            score[number] += size - place if paper.method is RankingMethod.BORDA else 1
    return score


def rank(paper: PointsPaper) -> Ranking:
    """The ranking the members' priorities give the paper's points."""
    score = scores(paper)
    listed = Counter(n for priority in paper.priorities for n in priority.points)
    first = Counter(priority.points[0] for priority in paper.priorities)
    sharing = Counter(score.values())
    place, above = {}, 0
    for value in sorted(sharing, reverse=True):
        place[value], above = 1 + above, above + sharing[value]
    ranked = sorted(
        (
            RankedPoint(
                number=point.number,
                text=point.text,
                score=score[point.number],
                rank=place[score[point.number]],
                tied=sharing[score[point.number]] > 1,
                listed_by=listed[point.number],
                first_by=first[point.number],
            )
            for point in paper.points
        ),
        key=lambda point: (point.rank, point.number),
    )
    return Ranking(
        paper=paper.id, method=paper.method, members=len(paper.priorities), points=tuple(ranked)
    )
