"""Awards: a dated catalogue, rotating themes, nominations judged with reasons.

``awards.toml`` gives each programme's editions (when, how many, who hosts, events such
as a New Year reception) and each award's versions (name, who can win, theme, a fixed
or rotating target group, the award it replaces, the rules a nomination is judged by).
:func:`awards_in` answers which awards are given in a year; a :class:`Nomination` is
judged by its award's rules in its year; :func:`record_jury_decision` records the
committee's choice. See docs/awards.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from civilsamfund._deprecation import deprecated_names, lazy_names
from civilsamfund.awards._assessment import (
    NominationAssessor,
    NominationDecision,
    assess,
)
from civilsamfund.awards._batch import NominationFormat, write_nomination_decisions
from civilsamfund.awards._catalogue import (
    FIRST_YEAR,
    LAST_YEAR,
    Award,
    AwardGroup,
    AwardsFile,
    AwardVersion,
    Edition,
    Event,
    NomineeKind,
    Programme,
    Rotation,
    Years,
)
from civilsamfund.awards._check import NominationCheck
from civilsamfund.awards._document import (
    catalogue_document,
    catalogue_text,
    decision_document,
    decision_json,
    decision_text,
)
from civilsamfund.awards._errors import AwardError
from civilsamfund.awards._jury import JuryDecision, Winner, record_jury_decision
from civilsamfund.awards._nomination import (
    Candidacy,
    Nomination,
    Nominator,
    NominatorKind,
    Nominee,
)
from civilsamfund.awards._reading import nominations_from_data, read_nominations
from civilsamfund.awards._schema import nomination_decision_schema, nomination_schema
from civilsamfund.awards._year import (
    AwardYear,
    ProgrammeYear,
    YearCatalogue,
    award_in,
    awards_in,
    catalogue,
)

if TYPE_CHECKING:
    from civilsamfund.awards._commands import year

__getattr__ = deprecated_names(
    __name__,
    {"check_nomination": ("civilsamfund.awards.assess", "0.4.0")},
    fallback=lazy_names(__name__, {"civilsamfund.awards._commands": ("year",)}),
)
"""``check_nomination``, the old name of :func:`assess`, still resolves, warning, until 0.5.0;
:func:`year`, the command line's year, loads with the commands on first use."""

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "Award",
    "AwardError",
    "AwardGroup",
    "AwardVersion",
    "AwardYear",
    "AwardsFile",
    "Candidacy",
    "Edition",
    "Event",
    "JuryDecision",
    "Nomination",
    "NominationAssessor",
    "NominationCheck",
    "NominationDecision",
    "NominationFormat",
    "Nominator",
    "NominatorKind",
    "Nominee",
    "NomineeKind",
    "Programme",
    "ProgrammeYear",
    "Rotation",
    "Winner",
    "YearCatalogue",
    "Years",
    "assess",
    "award_in",
    "awards_in",
    "catalogue",
    "catalogue_document",
    "catalogue_text",
    "decision_document",
    "decision_json",
    "decision_text",
    "nomination_decision_schema",
    "nomination_schema",
    "nominations_from_data",
    "read_nominations",
    "record_jury_decision",
    "write_nomination_decisions",
    "year",
]
