"""The annual report on the collaboration with civil society.

Odense's strategy reports yearly to three committees; any municipality can make the
same report from what the library already writes: a year's grant decisions
(``assess --format json``) counted by pool, outcome and department, the awards given
that year with the nominations checked for them (``awards check --format json``), and
each strategy's objectives, action plans and status on the year's last day. The
decisions may also be made in memory (:func:`records_of_decisions`). As Markdown or
JSON, in Danish or English, with an optional chart (``civilsamfund[chart]``).
See docs/report.md.
"""

from __future__ import annotations

from civilsamfund.report._build import annual_report, count_grants
from civilsamfund.report._chart import ChartError, draw_chart
from civilsamfund.report._document import report_document, report_json
from civilsamfund.report._markdown import report_markdown
from civilsamfund.report._model import (
    AnnualReport,
    AwardLine,
    Count,
    GrantLine,
    Grants,
    Nominated,
    ObjectiveLine,
    StrategyLine,
)
from civilsamfund.report._records import (
    GrantRecord,
    NominationRecord,
    Ref,
    ReportError,
    RulesDay,
    read_records,
    records_of_decisions,
    records_of_nominations,
)

__all__ = [
    "AnnualReport",
    "AwardLine",
    "ChartError",
    "Count",
    "GrantLine",
    "GrantRecord",
    "Grants",
    "Nominated",
    "NominationRecord",
    "ObjectiveLine",
    "Ref",
    "ReportError",
    "RulesDay",
    "StrategyLine",
    "annual_report",
    "count_grants",
    "draw_chart",
    "read_records",
    "records_of_decisions",
    "records_of_nominations",
    "report_document",
    "report_json",
    "report_markdown",
]
