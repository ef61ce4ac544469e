"""Right-to-left text (Hebrew, Arabic, …) in the order a PDF draws it: left to right, letters joined.

ReportLab draws the characters of a string from left to right as they come, so ``שלום`` printed as it is
stored reads backwards, and Arabic letters stand apart in their isolated forms. ReportLab's own bidi
support needs ``rlbidi``, which is not on PyPI; so each line of user text is turned here into its visual
form: Arabic letters take their joined (contextual) forms and ligatures (arabic-reshaper), then the
Unicode bidirectional algorithm puts every run in display order (python-bidi), mirroring brackets.

Done to a whole line, that would break a long right-to-left line at the wrong end (its lines would read
from the bottom up): ``text.user_paragraph`` breaks such a paragraph into lines first, in reading order,
and puts each line in visual order with the paragraph's direction.
"""
from __future__ import annotations

import re
from functools import cache
from unicodedata import bidirectional

from arabic_reshaper import ArabicReshaper
from bidi.algorithm import get_display  # the pure-Python one: it mirrors brackets, the compiled one does not

# Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic supplements and presentation forms
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[\U00010800-\U00010fff\U0001e800-\U0001efff]")


@cache
def _reshaper() -> ArabicReshaper:
    # Harakat (vowel marks) are kept: they are part of how the person wrote the name. Lam-alef is joined (DejaVu
    # has those ligatures); the one-glyph word ligature for Allah is not (DejaVu lacks U+FDF2).
    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True,
                                         "ARABIC LIGATURE ALLAH": False})


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def base_direction(text: str) -> str:
    """"R" when most of the letters with a direction are right-to-left, else "L".

    The bidi algorithm takes the first letter's direction, which turns an English sentence that begins with
    a Hebrew name ("שלום כהן was referred by …") into a right-to-left one; these documents are English, so
    the letters' majority decides, and a tie is left-to-right."""
    rtl = ltr = 0
    for char in text:
        kind = bidirectional(char)
        rtl += kind in ("R", "AL")
        ltr += kind == "L"
    return "R" if rtl > ltr else "L"


def visual_order(text: str, base: str | None = None) -> str:
    """``text`` as drawn from left to right; each line on its own, in the direction ``base`` ("L" or "R")
    or by default its own (see :func:`base_direction`)."""
    if not has_rtl(text):
        return text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(get_display(_reshaper().reshape(line), base_dir=base or base_direction(line))
                     if has_rtl(line) else line for line in lines)
