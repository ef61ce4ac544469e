"""User text set in type: escaped, each character in a font that has it, right-to-left runs in reading order.

Every string that came from a person reaches a PDF through :func:`safe` (markup) or :func:`user_paragraph`
(a paragraph). Each character is set in the first embedded font that has it: DejaVu Sans (Latin, Greek,
Cyrillic, Hebrew, Arabic …), Noto Emoji (monochrome pictographs; ReportLab cannot embed colour emoji fonts),
then Droid Sans Fallback (Chinese, Japanese, Korean …). Right-to-left text is put in visual order (see
``direction``); a paragraph holding some is broken into lines in reading order first, so a long Hebrew or
Arabic note reads from its first line down, each line from the right.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from cpm_desktop.reports.direction import base_direction, has_rtl, visual_order
from cpm_desktop.resources_path import resource_path

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
EMOJI = "NotoEmoji"  # pictographs, in one weight: bold emoji are the regular ones
# For scripts DejaVu lacks (Chinese, Japanese, Korean …): Droid Sans Fallback, embedded like DejaVu.
FALLBACK = "DroidSansFallback"
FONT_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", EMOJI: "NotoEmoji-Regular.ttf",
              FALLBACK: "DroidSansFallbackFull.ttf"}
# Emoji planes: set in Noto Emoji even where DejaVu has a glyph, so a row of emoji looks like one set.
_PICTOGRAPHS = range(0x1F000, 0x1FB00)
EMPTY = "—"


_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")
_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's map from glyphs back to text, with characters above U+FFFF (emoji) written as UTF-16, as
    PDF readers read it: ReportLab writes ``<1F642>``, which no reader understands, so an emoji could not be
    found, copied or read aloud."""
    def utf16(entry: re.Match[str]) -> str:
        return f"<{entry[1]}> <{chr(int(entry[2], 16)).encode('utf-16-be').hex().upper()}>"

    return _ASTRAL_ENTRY.sub(utf16, _reportlab_to_unicode_cmap(fontname, subset))


@cache
def register_fonts() -> None:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    for name in (EMOJI, FALLBACK):
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


@cache
def _has_glyph(font: str, char: str) -> bool:
    register_fonts()
    face = pdfmetrics.getFont(font)
    assert isinstance(face, TTFont)  # every font we register is
    return ord(char) in face.face.charToGlyph


@cache
def font_for(char: str) -> str:
    """The embedded font a character is set in (DejaVu when none has it: its empty box marks the place)."""
    if char.isspace():
        return FONT
    order = (EMOJI, FONT, FALLBACK) if ord(char) in _PICTOGRAPHS else (FONT, EMOJI, FALLBACK)
    return next((font for font in order if _has_glyph(font, char)), FONT)


def _runs(text: str) -> list[tuple[str, str]]:
    """(font, text) runs of plain text, each in the font that has its characters."""
    return [(font, "".join(chars)) for font, chars in groupby(text, font_for)]


def _with_fallback(escaped: str) -> str:
    """Runs of characters DejaVu cannot draw wrapped in the font that can (markup is already escaped:
    its ``&amp;`` and ``&#39;`` are plain ASCII, set in DejaVu)."""
    return "".join(run if font == FONT else f'<font name="{font}">{run}</font>' for font, run in _runs(escaped))


def safe(text: object, base: str | None = None) -> str:
    """User text as Paragraph markup that prints literally; new lines are kept as line breaks.

    ``base`` ("L" or "R") is the direction of the paragraph the text is a line of; by default each line's
    own, from its first letter."""
    if text is None or text == "":
        return EMPTY
    escaped = _with_fallback(escape(visual_order(str(text), base), {'"': "&quot;", "'": "&#39;"}))
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


@cache
def _width(word: str, font_name: str, size: float) -> float:
    """How wide a word is set, each run in its font; Arabic in its joined forms (they join within a word only,
    and the order of a word's letters does not change its width)."""
    return sum(pdfmetrics.stringWidth(run, font_name if font == FONT else font, size)
               for font, run in _runs(visual_order(word)))


def _lines(line: str, width: float, style: ParagraphStyle) -> list[str]:
    """One line of the writer's, broken between words in reading order to fit ``width``."""
    space = _width(" ", style.fontName, style.fontSize)
    out: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in line.split(" "):
        wide = _width(word, style.fontName, style.fontSize)
        if current and used + space + wide > width:
            out.append(" ".join(current))
            current, used = [], 0.0
        used += (space if current else 0.0) + wide
        current.append(word)
    return [*out, " ".join(current)]


class _ReadingOrderParagraph(Paragraph):
    """A paragraph with right-to-left text: broken into lines in reading order for the width it is given,
    then each line put in visual order with the direction of the writer's line it comes from, so the lines
    of a long Hebrew or Arabic note follow each other from the top (put in visual order whole, before
    breaking, they would read from the bottom up). A right-to-left paragraph of more than one line is set
    flush right; a name or a short note on one line stays flush left like the rest of the page."""

    def __init__(self, text: str, style: ParagraphStyle):
        self._logical, self._broken_for, self._left = text, -1.0, style
        self._right = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        super().__init__(safe(text), style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's)
        if availWidth != self._broken_for:
            room = availWidth - self._left.leftIndent - self._left.rightIndent - 0.5  # 0.5: ReportLab's rounding
            lines: list[str] = []
            for line in self._logical.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                base = base_direction(line)
                lines += [safe(piece, base) if piece else "" for piece in _lines(line, room, self._left)]
            style = self._right if len(lines) > 1 and base_direction(self._logical) == "R" else self._left
            Paragraph.__init__(self, "<br/>".join(lines), style)
            self._broken_for = availWidth
        return super().wrap(availWidth, availHeight)


def user_paragraph(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text (escaped here); one with right-to-left text keeps its lines in reading order."""
    if text is None or text == "" or not has_rtl(str(text)):
        return Paragraph(safe(text), style)
    return _ReadingOrderParagraph(str(text), style)
