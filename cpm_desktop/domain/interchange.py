"""Pure rules of the interchange files: cells a spreadsheet cannot run, clean text, values shown safely.

Excel and LibreOffice run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula (``=HYPERLINK(...)`` in a name leaks data when the file is opened). Export puts an apostrophe
in front of such a cell — the spreadsheets' own "this is text" mark — and import takes it off again. A value
that itself starts with an apostrophe followed by one of those characters (or by another apostrophe) gets
one more, so escaping is a bijection and export → import → export is byte-identical. An apostrophe
followed by anything else (``'s-Hertogenbosch``) is left alone both ways.
"""
from __future__ import annotations

import re

FORMULA_STARTS = frozenset("=+-@\t\r")
APOSTROPHE = "'"
_NEEDS_ESCAPE = FORMULA_STARTS | {APOSTROPHE}

# Control characters (Unicode category Cc). Single-line values (names, ids, codes) may hold none;
# multi-line text (notes, addresses) keeps tab, line feed and carriage return.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What an echoed value may show as itself: printable text, not terminal escapes or direction overrides.
_UNSAFE_TO_SHOW = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\\]")


def escape_cell(value: str) -> str:
    """The cell as written to a file: a value a spreadsheet would run gets an apostrophe in front."""
    if value[:1] in FORMULA_STARTS or (value[:1] == APOSTROPHE and value[1:2] in _NEEDS_ESCAPE):
        return APOSTROPHE + value
    return value


def unescape_cell(cell: str) -> str:
    """The value of a cell read from a file: the inverse of ``escape_cell``."""
    if cell[:1] == APOSTROPHE and cell[1:2] in _NEEDS_ESCAPE:
        return cell[1:]
    return cell


def control_character(value: str, *, multiline: bool) -> str | None:
    """The first control character ``value`` may not hold, or None when it is clean."""
    found = (_CONTROL_BUT_LAYOUT if multiline else _ANY_CONTROL).search(value)
    return found.group() if found else None


def shown(value: str, limit: int = 60) -> str:
    """``value`` as it may be echoed to a terminal or dialog: escapes spelled out (``\\x1b``), cut to ``limit``."""
    cut = value[:limit]
    safe = _UNSAFE_TO_SHOW.sub(_spelled, cut)
    return safe + "..." if len(value) > limit else safe


def _spelled(found: re.Match[str]) -> str:
    char = found.group()
    named = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
