"""Letters to referrers as plain values: what a letter says, before it is set in type."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Letter:
    title: str  # e.g. "Feedback on the support given"
    written_on: date
    to_name: str
    to_organisation: str
    regarding: str  # "Ionuț Păun (referral R000123)"
    paragraphs: list[str] = field(default_factory=list)
    table_title: str = ""
    table: list[tuple[str, str]] = field(default_factory=list)  # (label, figure)
    bullets_title: str = ""
    bullets: list[str] = field(default_factory=list)
    signed: str = "The Project Lead, Community Peer Mentor scheme"
