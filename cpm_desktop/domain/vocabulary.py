"""The scheme's fixed lists as values: stable codes with labels (spec/vocabulary.md).

The data lives in ``resources/vocabulary.toml`` plus entries a project lead added to a store; this
module only holds and answers questions about it, so it stays free of I/O.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

LIST_SEPARATOR = ";"

# The lists every store has; the keys of vocabulary.toml.
KINDS = (
    "area", "gender", "outcome", "vulnerability", "crime", "activity", "mentor_status",
    "left_reason", "lived_experience", "goal_status", "risk_flag", "consent",
)


@dataclass(frozen=True)
class Vocabulary:
    """Ordered code → label lists, the organisation starting list and the matching hints."""

    lists: Mapping[str, Mapping[str, str]]
    organisations: tuple[str, ...] = ()
    # lived-experience code → {"vulnerabilities"|"victim_crimes"|"flags": codes it fits}
    matching: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Vocabulary:
        lists = {kind: dict(data.get(kind, {})) for kind in KINDS}
        matching: dict[str, dict[str, tuple[str, ...]]] = {}
        for target, hints in data.get("matching", {}).items():
            for lived, codes in hints.items():
                matching.setdefault(lived, {})[target] = tuple(codes)
        return cls(lists, tuple(data.get("organisations", {}).get("names", ())), matching)

    def with_additions(self, additions: Iterable[tuple[str, str, str]]) -> Vocabulary:
        """A copy with run-time additions (kind, code, label); an existing code is never relabelled."""
        lists = {kind: dict(entries) for kind, entries in self.lists.items()}
        for kind, code, label in additions:
            lists.setdefault(kind, {}).setdefault(code, label)
        return Vocabulary(lists, self.organisations, self.matching)

    def codes(self, kind: str) -> tuple[str, ...]:
        return tuple(self.lists[kind])

    def label(self, kind: str, code: str | None) -> str:
        if not code:
            return ""
        return self.lists[kind].get(code, code)

    def short_label(self, kind: str, code: str | None) -> str:
        """The label without its explanation in brackets ("Referred on (to another service)" → "Referred on"),
        for a list or a combo box where the whole label would not fit."""
        return self.label(kind, code).split(" (", 1)[0]

    def short_items(self, kind: str) -> list[tuple[str, str]]:
        return [(code, self.short_label(kind, code)) for code in self.lists[kind]]

    def is_code(self, kind: str, code: str) -> bool:
        return code in self.lists[kind]

    def items(self, kind: str) -> list[tuple[str, str]]:
        return list(self.lists[kind].items())


def split_codes(text: str | None) -> list[str]:
    """``"a;b"`` → ``["a", "b"]``; empty or None → ``[]``."""
    if not text:
        return []
    return [code for code in text.split(LIST_SEPARATOR) if code]


def join_codes(codes: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(codes)
