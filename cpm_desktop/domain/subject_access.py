"""Subject-access rules: the one-month clock (ICO) and redaction of third parties from free text."""
from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

REDACTED = "[redacted]"


def add_months(day: date, months: int) -> date:
    """The corresponding calendar date ``months`` later; the month's last day where there is none
    (the ICO's rule: a request received on 31 January is due on 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(received_on: date, *, paused_days: int = 0, extension_months: int = 0) -> date:
    """One calendar month from receipt, plus any days the clock was paused (waiting for identity or
    clarification), plus an extension of up to two further months for complex or numerous requests."""
    if not 0 <= extension_months <= 2:
        raise ValueError("A request may be extended by at most two further months.")
    return add_months(received_on, 1 + extension_months) + timedelta(days=paused_days)


def days_paused(periods: Iterable[tuple[date, date | None]], today: date) -> int:
    """Days the clock stood still: each period from the day we asked for identity or clarification to the
    day it arrived (still waiting: to ``today``). Overlapping periods count once."""
    days: set[date] = set()
    for start, end in periods:
        end = end or today
        days.update(start + timedelta(days=n) for n in range(max((end - start).days, 0)))
    return len(days)


@dataclass(frozen=True)
class Redaction:
    """A passage naming someone else, removed from every text of the export, with the reason."""

    text: str
    reason: str


def _spaced(char: str) -> bool:
    """Whether ``char`` belongs to a script that separates words with spaces (Latin … Arabic, Indic), where a
    passage must match whole words; Thai, Chinese, Japanese … do not, so there a passage matches anywhere."""
    return ord(char) < 0x0E00


def _pattern(passage: str) -> re.Pattern[str]:
    """The passage as whole words in any case; with a possessive ('s) and, when it is an e-mail address's
    local part, the rest of the address (``pc.testfield@example.org``), so neither is left beside the mark."""
    before = r"(?<!\w)" if _spaced(passage[0]) else ""
    after = r"(?!\w)" if _spaced(passage[-1]) else ""
    return re.compile(before + re.escape(passage) + r"(?:['’]s(?!\w))?(?:@[\w-]+(?:\.[\w-]+)+)?" + after,
                      re.IGNORECASE)


def redact(text: str, redactions: Iterable[Redaction]) -> tuple[str, list[Redaction]]:
    """The text with each redacted passage replaced (any case, whole words), and the redactions that applied."""
    redactions = list(redactions)
    applied = []
    # The longest passage first, so "Dr Jane Smith" goes whole before "Jane Smith" could split it.
    for redaction in sorted(redactions, key=lambda r: -len(r.text)):
        passage = redaction.text.strip()
        if not passage:
            continue
        text, count = _pattern(passage).subn(REDACTED, text)
        if count:
            applied.append(redaction)
    return text, sorted(applied, key=redactions.index)


# Ranks stand for a first name in work addresses (pc.testfield@…); courtesy titles do not (no mr.smith@…).
RANKS = frozenset({"pc", "wpc", "dc", "ps", "ds", "sgt", "insp", "di", "dci", "supt", "pcso"})
TITLES = RANKS | {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "dame", "lady", "lord", "cllr"}
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*\.?$")


PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "le", "la", "bin", "ibn",
                       "bint", "al", "el", "y"})


def _capital(word: str) -> bool:
    """A name's word begins with a capital, or with a letter of a script without capitals (Arabic, Hebrew …)."""
    return word[0].isupper() or word[0].lower() == word[0].upper()


def _address_part(word: str) -> str:
    """``Siobhán`` → ``siobhan``, ``O'Neil`` → ``oneil``: as names are written in e-mail addresses."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if c.isalnum()).lower()


def name_forms(passage: str) -> list[str]:
    """Other forms the name in ``passage`` takes in notes and addresses, to offer beside it when it is redacted.

    For "PC Jane Testfield": "Jane Testfield", "Testfield", initials ("J. Testfield", "J Testfield", "J.T.",
    "JT") and e-mail local parts ("jane.testfield", "j.testfield", "janetestfield", "jtestfield",
    "jane_testfield", "testfield.jane"); with a title and one name ("PC Testfield"), the title stands for
    the first name in addresses ("pc.testfield"). Matching is in any case and takes possessives and the rest
    of an e-mail address (see :func:`redact`), so those need no form of their own. A passage that is not a
    name (a sentence, a number, words without capitals, more than four words) has none. The passage itself
    is never among them.
    """
    words = passage.split()
    if not 1 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words) or len(passage) > 60:
        return []
    if not all(_capital(w) or (0 < i < len(words) - 1 and w.lower() in PARTICLES) for i, w in enumerate(words)):
        return []  # "the man next door" is not a name
    titles = [w for w in words[:-1] if w.rstrip(".").lower() in TITLES]
    names = words[len(titles):] if words[:len(titles)] == titles else words
    forms: list[str] = []
    if titles and names:
        forms.append(" ".join(names))
    first = ""
    if len(names) >= 2:
        first, last = names[0].rstrip("."), names[-1]
        if len(names) >= 3:
            forms.append(" ".join(names[1:]))  # a middle name, or a surname of two words (Ó Briain)
        forms += [last, f"{first[0]}. {last}", f"{first[0]} {last}",
                  "".join(f"{n[0]}." for n in names), "".join(n[0] for n in names)]
    elif names and titles:
        last = names[0]
        forms.append(last)
        if titles[-1].rstrip(".").lower() in RANKS:
            first = titles[-1].rstrip(".")
    else:
        return []
    f, la = _address_part(first), _address_part(last)
    if f and la:
        forms += [f"{f}.{la}", f"{f[0]}.{la}", f"{f}{la}", f"{f[0]}{la}", f"{f}_{la}", f"{la}.{f}"]
    seen = {passage.casefold()}
    unique = []
    for form in forms:
        if len(form) > 1 and form.casefold() not in seen:
            seen.add(form.casefold())
            unique.append(form)
    return unique


@dataclass(frozen=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]
    note: str = ""


@dataclass
class SubjectAccessExport:
    kind: str  # "person" or "mentor"
    subject_id: str
    subject_name: str
    prepared_on: date
    prepared_by: str
    sections: list[Section] = field(default_factory=list)
    supplementary: dict[str, Any] = field(default_factory=dict)
    redaction_reasons: list[str] = field(default_factory=list)


def plain_text(export: SubjectAccessExport) -> str:
    """The export as plain text, section by section, for the coordinator to read for third parties."""
    lines = []
    for section in export.sections:
        lines += [section.title.upper(), ""]
        if len(section.columns) == 2:  # (detail, held) pairs
            lines += [f"{detail}: {held}" for detail, held in section.rows if held] + [""]
            continue
        for row in section.rows:
            lines += [f"{title}: {value}" for title, value in zip(section.columns, row, strict=False) if value]
            lines.append("")
    return "\n".join(lines)
