"""Small bar charts for reports: values printed on the bars, labels in the report's font."""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from cpm_desktop.reports.styles import ACCENT, FONT, FRAME_WIDTH, INK, register_fonts

PALETTE = [ACCENT, colors.HexColor("#e07a5f"), colors.HexColor("#81b29a"), colors.HexColor("#f2cc8f")]


def _axis_max(values: Sequence[float]) -> float:
    top = max([v for v in values if v is not None] or [0])
    return max(1, top * 1.15)


def vertical_bars(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
                  title: str, height: float = 150, width: float = FRAME_WIDTH) -> Drawing:
    """Grouped vertical bars, one group per category and one colour per series, with a legend."""
    register_fonts()
    drawing = Drawing(width, height + 30)
    drawing.add(String(0, height + 18, title, fontName=FONT, fontSize=9, fillColor=INK))
    chart = VerticalBarChart()
    chart.x, chart.y = 35, 28
    chart.width, chart.height = width - 50 - (110 if len(series) > 1 else 0), height - 30
    chart.data = [list(values) for _, values in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    if len(categories) > 6:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max([v for _, values in series for v in values])
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ec")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.groupSpacing = 8
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = width - 100, height - 10
        legend.fontName, legend.fontSize = FONT, 8
        legend.alignment = "right"
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
        drawing.add(legend)
    return drawing


def horizontal_bars(labels: Sequence[str], values: Sequence[float], *, title: str,
                    width: float = FRAME_WIDTH, bar_height: float = 13) -> Drawing:
    """One horizontal bar per label, largest first as given; long labels get their own margin."""
    register_fonts()
    rows = max(1, len(labels))
    label_width = min(230, 6 + 4.6 * max([len(label) for label in labels] or [0]))
    height = rows * bar_height + 40
    drawing = Drawing(width, height + 14)
    drawing.add(String(0, height + 2, title, fontName=FONT, fontSize=9, fillColor=INK))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 20
    chart.width, chart.height = width - label_width - 30, rows * bar_height
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(labels)) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max(values)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing
