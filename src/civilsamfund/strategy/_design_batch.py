"""Reading design meeting records and summing them up in a batch, through the shared
pipeline: regular files within the limits, strict JSON, CPR numbers refused, every
problem naming the file and the path; a result is whole or absent."""

from __future__ import annotations

from datetime import date
from typing import Literal

from civilsamfund.plugins import Batch, Items
from civilsamfund.strategy._design import DesignMeeting
from civilsamfund.strategy._design_document import meeting_json, meeting_text
from civilsamfund.strategy._errors import DesignError
from civilsamfund.strategy._meetings import DesignSummariser, MeetingSummary

MEETINGS = Items(key="meetings", model=DesignMeeting, error=DesignError)
"""Meeting records as documents hold them: a list, or ``meetings``."""

DesignFormat = Literal["text", "json", "jsonl"]
"""``text``: a summary per meeting; ``json``: a JSON array of meeting summaries;
``jsonl``: one document per line, then the end record."""


read_meetings = MEETINGS.read
meetings_from_data = MEETINGS.from_data


def _admit(summariser: DesignSummariser, meeting: DesignMeeting, on: date | None) -> DesignMeeting:
    """A meeting is summed up as it was held: the day given to a batch is not its."""
    return summariser.admit(meeting)


MEETING_BATCH: Batch[DesignSummariser, DesignMeeting, DesignMeeting, MeetingSummary] = Batch(
    items=MEETINGS,
    assessor=DesignSummariser,
    prepare=_admit,
    decide=DesignSummariser.summarise,
    identify=lambda meeting: meeting.id,
    decision=MeetingSummary,
    renderers={"text": meeting_text, "json": meeting_json},
    dated=False,
)
"""How a batch sums up meeting records."""

write_meeting_summaries = MEETING_BATCH.write
