"""Small bar charts for reports: values printed on the bars, labels in the report's font.

Each builder takes labels and values and returns a ReportLab ``Drawing`` no wider than the frame.
Values are printed with :func:`styles.number`, exactly as given (thousands separated), never rounded here.
Labels are drawn as plain strings (not Paragraph markup), so they need no escaping.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from cpm_desktop.reports.styles import ACCENT, BOLD, FONT, FRAME_WIDTH, INK, number, register_fonts

PALETTE = [ACCENT, colors.HexColor("#e07a5f"), colors.HexColor("#81b29a"), colors.HexColor("#f2cc8f")]
GRID = colors.HexColor("#e3e8ec")
LABEL_SIZE = 7


def _scale(values: Sequence[float | None]) -> tuple[float, float]:
    """(axis maximum, tick step): whole-number ticks of 1, 2 or 5 × 10ⁿ, with room above the top bar
    for its printed value."""
    top = max([v for v in values if v is not None] + [0])
    if top <= 0:
        return 1, 1
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, step)
    maximum = step * math.ceil(top * 1.12 / step)
    return maximum, step


def _label(value: float | None) -> str:
    return "" if value is None else number(value)


def _title(drawing: Drawing, y: float, title: str) -> None:
    drawing.add(String(0, y, title, fontName=BOLD, fontSize=8.5, fillColor=INK))


# A ReportLab value axis: its stubs leave out the labels it is given at run time, so it is Any here.
def _value_axis(axis: Any, values: Sequence[float | None]) -> None:
    axis.labels.fontName = FONT
    axis.labels.fontSize = LABEL_SIZE
    axis.valueMin = 0
    axis.valueMax, axis.valueStep = _scale(values)
    axis.labelTextFormat = lambda v: f"{v:,.0f}"
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.5


def _wrap(label: str, width: float) -> str:
    """A category label broken onto lines that fit ``width`` (ReportLab draws '\\n' as a new line)."""
    lines: list[str] = []
    for word in label.split():
        if lines and stringWidth(f"{lines[-1]} {word}", FONT, LABEL_SIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines[:3]) if lines else ""


def vertical_bars(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
                  title: str, height: float = 150, width: float = FRAME_WIDTH) -> Drawing:
    """Grouped vertical bars, one group per category and one colour per series (with a legend when
    there is more than one series). ``width`` is capped at the frame width."""
    register_fonts()
    width = min(width, FRAME_WIDTH)
    categories = list(categories) or [""]
    values = [v for _, vs in series for v in vs]
    legend_room = 100 if len(series) > 1 else 0
    left = 14 + stringWidth(f"{_scale(values)[0]:,.0f}", FONT, LABEL_SIZE)
    plot_width = width - left - 10 - legend_room
    slot = plot_width / len(categories)
    wrapped = [_wrap(c, slot - 4) for c in categories]
    label_lines = max(c.count("\n") + 1 for c in wrapped)
    bottom = 8 + label_lines * (LABEL_SIZE + 1.5)
    drawing = Drawing(width, height + 16)
    _title(drawing, height + 5, title)
    chart = VerticalBarChart()
    chart.x, chart.y = left, bottom
    chart.width, chart.height = plot_width, height - bottom - 8
    chart.data = [[0 if v is None else v for v in vs] for _, vs in series] or [[0] * len(categories)]
    chart.categoryAxis.categoryNames = wrapped
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.textAnchor = "middle"
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1.5
    _value_axis(chart.valueAxis, values)
    chart.barLabelFormat = _label
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.nudge = 6
    # Widths are relative (ReportLab scales a group's bars and gaps to its slot): bars of 10 units,
    # 1 unit between the bars of a group, and a gap between groups a little over half a group wide.
    chart.barWidth = 10
    chart.barSpacing = 1
    chart.groupSpacing = 6 * max(1, len(series))
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = width - legend_room + 12, height - 12
        legend.fontName, legend.fontSize = FONT, 8
        legend.alignment = "right"
        legend.dx = legend.dy = 8
        legend.deltay = 12
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
        drawing.add(legend)
    return drawing


def histogram(bands: Sequence[str], counts: Sequence[int], *, title: str, x_title: str = "",
              height: float = 130, width: float = FRAME_WIDTH) -> Drawing:
    """Counts per band as touching bars, bands in the order given (give them lowest first), with an
    optional title under the band axis."""
    register_fonts()
    width = min(width, FRAME_WIDTH)
    extra = 12 if x_title else 0
    inner = vertical_bars(bands, [("", list(counts))], title=title, height=height, width=width)
    chart = next(c for c in inner.contents if isinstance(c, VerticalBarChart))
    chart.groupSpacing = 0
    chart.barSpacing = 0
    chart.bars[0].strokeColor = colors.white
    chart.bars[0].strokeWidth = 1
    if not x_title:
        return inner
    drawing = Drawing(width, inner.height + extra)
    group = Group(*inner.contents)
    group.translate(0, extra)
    drawing.add(group)
    drawing.add(String(chart.x + chart.width / 2, 2, x_title, fontName=FONT, fontSize=LABEL_SIZE + 0.5,
                       fillColor=INK, textAnchor="middle"))
    return drawing


def horizontal_bars(labels: Sequence[str], values: Sequence[float], *, title: str,
                    width: float = FRAME_WIDTH, bar_height: float = 13) -> Drawing:
    """One horizontal bar per label, top to bottom in the order given; labels get the margin they need
    (up to 45 % of the width, longer ones are shortened with an ellipsis)."""
    register_fonts()
    width = min(width, FRAME_WIDTH)
    labels = [_shorten(label, width * 0.45) for label in labels]
    rows = max(1, len(labels))
    label_width = 8 + max([stringWidth(label, FONT, LABEL_SIZE) for label in labels] + [10])
    top_value = max([v for v in values if v is not None] + [0])
    value_room = 10 + stringWidth(_label(top_value), FONT, LABEL_SIZE)
    height = rows * bar_height + 22
    drawing = Drawing(width, height + 14)
    _title(drawing, height + 3, title)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - value_room, rows * bar_height
    chart.data = [[0 if v is None else v for v in reversed(values)] or [0]]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    _value_axis(chart.valueAxis, values)
    chart.barLabelFormat = _label
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barSpacing = 0
    chart.groupSpacing = bar_height * 0.25
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _shorten(label: str, width: float) -> str:
    label = " ".join(str(label).split())
    if stringWidth(label, FONT, LABEL_SIZE) <= width:
        return label
    while label and stringWidth(label + "…", FONT, LABEL_SIZE) > width:
        label = label[:-1]
    return label.rstrip() + "…"


def line_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *, title: str,
               height: float = 170, width: float = FRAME_WIDTH, label_every: int = 4) -> Drawing:
    """One line per series over many categories (quarters), a legend on the right. With more than
    ``2 × label_every`` categories only those ending in `` Q1`` are labelled, without the suffix
    (``2017-18 Q1`` prints as ``2017-18``), so forty quarters stay readable."""
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.widgets.markers import makeMarker

    register_fonts()
    width = min(width, FRAME_WIDTH)
    categories = list(categories) or [""]
    values = [v for _, vs in series for v in vs]
    legend_room = 80
    left = 14 + stringWidth(f"{_scale(values)[0]:,.0f}", FONT, LABEL_SIZE)
    drawing = Drawing(width, height + 16)
    _title(drawing, height + 5, title)
    chart = HorizontalLineChart()
    chart.x, chart.y = left, 28
    chart.width, chart.height = width - left - 10 - legend_room, height - 40
    chart.data = [[0 if v is None else v for v in vs] for _, vs in series] or [[0] * len(categories)]
    many = len(categories) > label_every * 2
    chart.categoryAxis.categoryNames = [
        (c.removesuffix(" Q1") if c.endswith(" Q1") else "") if many else c for c in categories]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.angle = 30 if len(categories) > 24 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 24 else "n"
    chart.categoryAxis.tickDown = 2
    _value_axis(chart.valueAxis, values)
    for i in range(len(series)):
        chart.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
        chart.lines[i].strokeWidth = 1.5
        if len(categories) <= 24:
            chart.lines[i].symbol = makeMarker(  # type: ignore[no-untyped-call]  # untyped in types-reportlab
                "FilledCircle", size=3, fillColor=PALETTE[i % len(PALETTE)])
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - legend_room + 12, height - 12
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.dx = legend.dy = 8
    legend.deltay = 12
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
    drawing.add(legend)
    return drawing
