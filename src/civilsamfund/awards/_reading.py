"""Reading nominations from files or parsed data, through the pipeline's readers:
regular files only, within the limits, strict JSON, every string screened for CPR
numbers, ids unique; every problem names the file and the path to the field."""

from __future__ import annotations

from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._nomination import Nomination
from civilsamfund.plugins import Items

NOMINATIONS = Items(key="nominations", model=Nomination, error=AwardError)
"""Nominations as documents hold them: a list, or ``nominations``."""

read_nominations = NOMINATIONS.read
nominations_from_data = NOMINATIONS.from_data
