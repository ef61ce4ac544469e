"""The shared ground of every PDF: styles, tables and the A4 page frame.

Renderers take plain data and return bytes. Every string that came from a person goes through
:func:`safe` exactly once before it reaches a Paragraph (or is set by :func:`para`), so ``a<b``,
``Tom & Jerry`` and ``<b>`` print literally, in fonts that have its characters and in reading order
(see ``text``).
"""
from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cpm_desktop.reports.direction import visual_order

# The renderers' names, from styles as before (explicit re-exports).
from cpm_desktop.reports.text import BOLD as BOLD
from cpm_desktop.reports.text import EMOJI as EMOJI
from cpm_desktop.reports.text import EMPTY as EMPTY
from cpm_desktop.reports.text import FALLBACK as FALLBACK
from cpm_desktop.reports.text import FONT as FONT
from cpm_desktop.reports.text import _runs as _runs
from cpm_desktop.reports.text import font_for as font_for
from cpm_desktop.reports.text import register_fonts as register_fonts
from cpm_desktop.reports.text import safe as safe
from cpm_desktop.reports.text import user_paragraph as user_paragraph

SCHEME = "Community Peer Mentor scheme — County Durham and Darlington"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#1d5c7a")
RULE = colors.HexColor("#c9d3dc")
SHADE = colors.HexColor("#eef3f6")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, alignment=TA_LEFT)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#52606d")),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=20, leading=25, textColor=ACCENT,
                             spaceAfter=6 * mm),
        heading=ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=13, leading=17, textColor=ACCENT,
                               spaceBefore=5 * mm, spaceAfter=2.5 * mm, keepWithNext=True),
        subheading=ParagraphStyle("subheading", parent=body, fontName=BOLD, fontSize=10.5, leading=14,
                                  spaceBefore=3 * mm, spaceAfter=1.5 * mm, keepWithNext=True),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
        cell_right=ParagraphStyle("cell_right", parent=body, fontSize=8.5, leading=11, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=BOLD, fontSize=8.5, leading=11),
        cell_head_right=ParagraphStyle("cell_head_right", parent=body, fontName=BOLD, fontSize=8.5, leading=11,
                                       alignment=TA_RIGHT),
    )


def para(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of user text (escaped here)."""
    return user_paragraph(text, style or styles().body)


def markup(trusted: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of our own markup; any user text inside it must already have passed through safe()."""
    return Paragraph(trusted, style or styles().body)


def money(value: float | int | None) -> str:
    """Pounds as printed: a whole number of pounds as ``£1,234``, pounds and pence with two decimals (``£25.00``,
    never ``£25.0``)."""
    if value is None:
        return EMPTY
    sign = "\u2212" if value < 0 else ""
    figure = f"{abs(value):,}" if isinstance(value, int) else f"{abs(value):,.2f}"
    return f"{sign}£{figure}"


def number(value: object) -> str:
    """A figure as printed: thousands separated, None as a dash, never rounded here.

    Figures arrive already rounded by whoever computed them; a float keeps at least one decimal
    (``25.0``, ``53.6``) and every further digit it has (``4.4775``), so the PDF shows the same number.
    """
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}" if round(value, 1) == value else f"{value:,}"
    return str(value)


_FIGURE = re.compile(r"^[£$€]?[-−]?[\d,]+(?:\.\d+)?%?$")
CELL_PADDING = 12  # left + right padding ReportLab gives a cell, in points


def _is_figure(value: object) -> bool:
    """A cell that reads as a figure (right-aligned): a number, yes/no, a dash, or text like 53.6% or £1,234."""
    if value is None or isinstance(value, int | float):
        return True
    return isinstance(value, str) and (value == EMPTY or bool(_FIGURE.match(value.strip())))


def _text(value: object) -> str:
    return value if isinstance(value, str) else number(value)


def _auto_widths(header: Sequence[str], rows: Sequence[Sequence[object]], figures: Sequence[bool]) -> list[float]:
    """Figure columns get the width of their widest entry; text columns share the rest, in proportion to
    how much they hold (a long note gets more room than a name), each at least 20 % of the frame."""
    sample = rows[:300]
    widths: list[float | None] = []
    for i, title in enumerate(header):
        if figures[i]:
            cells = [_text(row[i]) for row in sample if i < len(row) and not isinstance(row[i], Flowable)]
            # room for the whole header on one line when it is short, else for its longest word
            head = pdfmetrics.stringWidth(str(title), BOLD, 8.5)
            if head > FRAME_WIDTH * 0.22:
                head = max(pdfmetrics.stringWidth(w, BOLD, 8.5) for w in str(title).split())
            widest = max([pdfmetrics.stringWidth(c, FONT, 8.5) for c in cells] + [head, 40])
            widths.append(min(widest + CELL_PADDING + 4, FRAME_WIDTH * 0.3))
        else:
            widths.append(None)
    text_columns = [i for i, w in enumerate(widths) if w is None]
    if not text_columns:
        scale = FRAME_WIDTH / sum(w for w in widths if w is not None)
        return [w * scale for w in widths if w is not None]
    room = FRAME_WIDTH - sum(w for w in widths if w is not None)
    shares = {i: min(max([len(_text(row[i])) for row in sample if i < len(row)] + [len(str(header[i])), 10]), 80)
              for i in text_columns}
    floor = min(FRAME_WIDTH * 0.2, room / len(text_columns))
    spare = room - floor * len(text_columns)
    total = sum(shares.values())
    for i in text_columns:
        widths[i] = floor + spare * shares[i] / total
    return widths  # type: ignore[return-value]


def data_table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float] | None = None,
               numeric_from: int | None = None) -> Table:
    """A table for a titled section: header row repeated on every page, long cells wrapped (every cell is
    a Paragraph), figures right-aligned.

    Cells are plain values: strings are user text (escaped here, exactly once), numbers go through
    :func:`number`, ``None`` prints as a dash; a Flowable is used as it is. Columns from ``numeric_from``
    on are right-aligned; by default (None) a column is right-aligned when every cell in it reads as a
    figure. ``widths`` (points) default to :func:`_auto_widths`.
    """
    s = styles()
    rows = [list(row) for row in rows]
    if numeric_from is None:
        figures = [bool(rows) and all(_is_figure(row[i]) for row in rows if i < len(row)) for i in range(len(header))]
        figures[0] = figures[0] and len(header) == 1
    else:
        figures = [i >= numeric_from for i in range(len(header))]

    def cell(value: object, column: int) -> Flowable:
        if isinstance(value, Flowable):
            return value
        return user_paragraph(_text(value), s.cell_right if figures[column] else s.cell)

    body: list[list[Flowable]] = [[Paragraph(safe(h), s.cell_head_right if figures[i] else s.cell_head)
                                   for i, h in enumerate(header)]]
    body += [[cell(value, i) for i, value in enumerate(row)] for row in rows]
    if widths is None:
        widths = _auto_widths(header, rows, figures)
    # splitInRow: a row taller than a page (a long note) continues on the next page instead of failing.
    table = Table(body, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def titled_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
                 widths: Sequence[float] | None = None, numeric_from: int | None = None) -> list[Flowable]:
    """A subheading (kept with the table's first rows) and a :func:`data_table`; ``title`` is escaped here."""
    return [Paragraph(safe(title), styles().subheading), data_table(header, rows, widths, numeric_from)]


def _fit(text: str, width: float, size: float) -> str:
    """Plain text shortened with an ellipsis until it fits ``width`` points."""
    def measure(t: str) -> float:
        return sum(pdfmetrics.stringWidth(run, font, size) for font, run in _runs(t))

    text = " ".join(text.split())
    if measure(text) <= width:
        return text
    while text and measure(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _NumberedCanvas(pdfcanvas.Canvas):
    """Defers each page so the footer can say "Page x of y" once the page count is known."""

    def __init__(self, *args: Any, document_title: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []
        self._document_title = document_title

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_frame(total)
            super().showPage()
        super().save()

    def _draw_frame(self, total: int) -> None:
        register_fonts()
        self.saveState()
        self.setFillColor(ACCENT)
        self.setFont(BOLD, 8.5)
        self.drawString(MARGIN, PAGE_HEIGHT - 11 * mm, SCHEME)
        self.setFillColor(INK)
        # The title may hold user text: drawn as plain text (no markup), cut to the room left by the
        # scheme's name, with any character DejaVu lacks set in the fallback font.
        room = FRAME_WIDTH - pdfmetrics.stringWidth(SCHEME, BOLD, 8.5) - 12
        x = PAGE_WIDTH - MARGIN
        for font, run in reversed(_runs(_fit(visual_order(self._document_title), room, 8.5))):
            self.setFont(font, 8.5)
            self.drawRightString(x, PAGE_HEIGHT - 11 * mm, run)
            x -= pdfmetrics.stringWidth(run, font, 8.5)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, PAGE_HEIGHT - 13 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 13 * mm)
        self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        self.setFont(FONT, 8)
        self.drawString(MARGIN, 9 * mm, "OFFICIAL-SENSITIVE: personal data. Keep securely; do not forward.")
        page = self._pageNumber  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs
        self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, f"Page {page} of {total}")
        self.restoreState()


def build_document(title: str, story: list[Flowable], *, password: str | None = None) -> bytes:
    """An A4 PDF with the scheme's heading and "Page x of y"; optionally AES-256 protected.

    ``title`` names the kind of document ("Subject access: information we hold"), never a person: it is
    the PDF's metadata too, which file managers, search indexes and mail previews show without opening
    the file (and protection does not encrypt). So the metadata holds no personal data: no name, id or
    period of a person's support, and the scheme, not the person who made it, as the author.
    """
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=20 * mm, bottomMargin=19 * mm,
        title=title, author=SCHEME, subject="", keywords=[], creator="CPM Desktop",
        initialFontName=FONT,  # else an unused, unembedded Helvetica is declared on every page
    )
    document.build(story or [Spacer(1, 1)],
                   canvasmaker=lambda *a, **k: _NumberedCanvas(*a, document_title=title, **k))
    data = buffer.getvalue()
    return protect(data, password) if password else data


def protect(pdf: bytes, password: str) -> bytes:
    """The same PDF, encrypted with AES-256 (never ReportLab's RC4), opened only with ``password``."""
    from pypdf import PdfReader, PdfWriter

    if not password:
        raise ValueError("A password is needed to protect a PDF.")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def long_date(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else EMPTY
