"""Long user text (a case note of many pages) set as a run of paragraphs, in time that grows with its length.

ReportLab splits a paragraph (or a table row) at a page's foot by wrapping again all that is left of it, on
every page it crosses: one note of 400,000 characters took 57 s, twice as long a note four times as long.
Cut into pieces of a few hundred words, each piece is wrapped once or twice, and the whole in linear time.
The cuts fall at the writer's own line ends where there are any, else after a sentence, else between words;
a cut inside a line starts a new line at that point, the only trace it leaves on the page.
"""
from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from cpm_desktop.reports.text import user_paragraph

PIECE = 1_500  # characters: about a quarter of a page of notes
_SENTENCE_END = re.compile(r"[.!?;:][\"')\]]*\s")


def is_long(text: str) -> bool:
    return len(text) > PIECE


def _cut(line: str, size: int) -> list[str]:
    """A line longer than ``size`` in pieces, each ending after a sentence or a word where one is near."""
    pieces = []
    while len(line) > size:
        window = line[:size]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, size // 2)]
        cut = ends[-1] if ends else window.rfind(" ", size // 2) + 1 or size
        pieces.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return pieces + ([line] if line else [])


def pieces(text: str, size: int = PIECE) -> list[str]:
    """The text in pieces of at most ``size`` characters (new lines kept inside a piece, blank ones too)."""
    out: list[str] = []
    current: list[str] = []
    length = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if length + len(line) > size and current:
            out.append("\n".join(current))
            current, length = [], 0
        if len(line) > size:
            *whole, line = _cut(line, size) or [""]
            out += whole
        current.append(line)
        length += len(line) + 1
    out.append("\n".join(current))
    return [piece for piece in out if piece.strip()]


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """User text (escaped here) as paragraphs of at most :data:`PIECE` characters; blank lines at a cut kept."""
    story: list[Flowable] = []
    for piece in pieces(text):
        before = len(piece) - len(piece.lstrip("\n"))
        after = len(piece) - len(piece.rstrip("\n"))
        if before and story:
            story.append(Spacer(1, style.leading * before))
        story.append(user_paragraph(piece.strip("\n"), style))
        if after:
            story.append(Spacer(1, style.leading * after))
    return story or [user_paragraph(text, style)]
