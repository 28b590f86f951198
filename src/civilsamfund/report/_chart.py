"""A chart of the year's grant applications by pool and outcome, as PNG or SVG.

Drawn with matplotlib, an optional extra (``pip install civilsamfund[chart]``),
imported only here and only when a chart is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from civilsamfund.core import CivilsamfundError, Language, screened
from civilsamfund.report._markdown import OUTCOME_WORDS, named
from civilsamfund.report._model import AnnualReport

if TYPE_CHECKING:
    from pathlib import Path

FORMATS = ("png", "svg")
"""The chart formats, by the file's suffix."""

_COLOURS = {"eligible": "#2e7d32", "needs_assessment": "#f9a825", "ineligible": "#c62828"}


class ChartError(CivilsamfundError):
    """A chart that cannot be drawn: matplotlib is missing, or the format is unknown."""


def chart_format(path: Path) -> str:
    """The format a chart file's suffix asks for; raises :class:`ChartError`."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ChartError(f"{path}: expected a chart file ending in .png or .svg")
    return suffix


def draw_chart(report: AnnualReport, out: BinaryIO, format: str, language: Language) -> None:
    """Draw the pools' applications stacked by outcome onto ``out``."""
    try:
        from matplotlib import rc_context
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        raise ChartError("a chart needs matplotlib: pip install 'civilsamfund[chart]'") from None
    pools = report.grants.pools
    labels = [screened(named(report, line.id or "", language)) for line in pools]
    figure = Figure(figsize=(max(4.0, 1.6 * len(pools) + 2), 3.6), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bottom = [0] * len(pools)
    for index, outcome in enumerate(report.grants.outcomes):
        heights = [line.outcomes[index].applications for line in pools]
        axes.bar(
            labels,
            heights,
            bottom=bottom,
            label=OUTCOME_WORDS[language][outcome.outcome.value],
            color=_COLOURS[outcome.outcome.value],
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_ylabel("Ansøgninger" if language == "da" else "Applications")
    axes.set_title(str(report.year))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    # No date and fixed element ids: the same report draws the same bytes on any day.
    metadata = {"Software": None} if format == "png" else {"Date": None}
    with rc_context({"svg.hashsalt": "civilsamfund"}):
        figure.savefig(out, format=format, metadata=metadata)
