"""A design meeting's record summed up for the committee: the strategy it works towards,
the ranking of its points paper and the summary of its evaluation."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from attrs import field, frozen

from civilsamfund.config import ReferencePlan
from civilsamfund.core import Citation, Text, shown
from civilsamfund.strategy._design import DesignMeeting, MeetingKind
from civilsamfund.strategy._errors import DesignError
from civilsamfund.strategy._evaluation import EvaluationSummary, summarise
from civilsamfund.strategy._model import StrategyFile
from civilsamfund.strategy._ranking import Ranking, rank

if TYPE_CHECKING:
    from civilsamfund.config import Municipality


@frozen(kw_only=True)
class MeetingSummary:
    """What a design meeting came to: its points paper ranked (``None``: no paper) and
    its evaluation summed up (``None``: none). ``names``: what the strategy and the
    committee are called, and the titles of the cited documents."""

    meeting: str
    strategy: str
    on: date
    kind: MeetingKind
    municipality: str
    committee: str | None
    participants: int | None
    citation: Citation | None
    ranking: Ranking | None
    evaluation: EvaluationSummary | None
    note: Text | None
    names: dict[str, Text] = field(factory=dict)


class DesignSummariser:
    """Sums up design meetings of one municipality; make one for many meetings."""

    __slots__ = ("_plan", "municipality")

    def __init__(self, municipality: Municipality) -> None:
        self.municipality = municipality
        self._plan = ReferencePlan(DesignMeeting)

    def admit(self, meeting: DesignMeeting) -> DesignMeeting:
        """``meeting`` if the strategy and committee it names are configured; raises
        :class:`DesignError` naming each that is not."""
        found = self._plan.found(meeting, self.municipality.known)
        if found:
            source = f"meeting {shown(meeting.id)}"
            raise DesignError(found.kept, found.more).within(source, "")
        return meeting

    def summarise(self, meeting: DesignMeeting) -> MeetingSummary:
        """The summary of an admitted ``meeting``."""
        municipality = self.municipality
        strategies = municipality.section(StrategyFile).strategies
        names = {meeting.strategy: next(s.title for s in strategies if s.id == meeting.strategy)}
        if meeting.committee is not None:
            names[meeting.committee] = municipality.names_on(meeting.on)[meeting.committee]
        cited = () if meeting.citation is None else (meeting.citation.document,)
        return MeetingSummary(
            meeting=meeting.id,
            strategy=meeting.strategy,
            on=meeting.on,
            kind=meeting.kind,
            municipality=municipality.slug,
            committee=meeting.committee,
            participants=meeting.participants,
            citation=None if meeting.citation is None else municipality.titled(meeting.citation),
            ranking=None if meeting.paper is None else rank(meeting.paper),
            evaluation=None if meeting.evaluation is None else summarise(meeting.evaluation),
            note=meeting.note,
            names={**names, **municipality.titles(cited)},
        )
