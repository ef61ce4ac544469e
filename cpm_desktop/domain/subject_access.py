"""Subject-access rules: the one-month clock (ICO) and redaction of third parties from free text."""
from __future__ import annotations

import calendar
import re
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


def redact(text: str, redactions: Iterable[Redaction]) -> tuple[str, list[Redaction]]:
    """The text with each redacted passage replaced (any case), and the redactions that applied."""
    redactions = list(redactions)
    applied = []
    # The longest passage first, so "Dr Jane Smith" goes whole before "Jane Smith" could split it.
    for redaction in sorted(redactions, key=lambda r: -len(r.text)):
        if not redaction.text.strip():
            continue
        pattern = re.compile(re.escape(redaction.text), re.IGNORECASE)
        text, count = pattern.subn(REDACTED, text)
        if count:
            applied.append(redaction)
    return text, sorted(applied, key=redactions.index)


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
