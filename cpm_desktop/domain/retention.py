"""How long each kind of record is kept, as data the project lead maintains (Settings ▸ Retention).

A rule keeps a record for a period after the event that starts it (a mentor leaving, a case closing), in
calendar months, and names its basis in words. The record is kept on every day of that period and is due for
erasure from the day after it ends: a mentor who left 6 months and 1 day ago is due, one who left 5 months and
30 days ago is not. Calendar arithmetic is ``dateutil.relativedelta`` (pure, no I/O), never hand-rolled.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from cpm_desktop.domain.workflow import DECLINED, SUPPORTED

MENTOR_LEFT, MENTOR_SABBATICAL = "mentor_left", "mentor_sabbatical"
CLOSED_CASE, NOT_TAKEN_UP, AUDIT = "closed_case", "not_taken_up", "audit"
RULE_KEYS = (MENTOR_LEFT, MENTOR_SABBATICAL, CLOSED_CASE, NOT_TAKEN_UP, AUDIT)
LEFT, SABBATICAL = "left", "sabbatical"  # mentor_status codes (vocabulary.toml)
MAX_MONTHS = 1200  # a hundred years: anything longer is a typing slip, not a retention period


class RuleError(ValueError):
    """A retention rule that cannot be kept, as one sentence for the project lead."""


@dataclass(frozen=True)
class Rule:
    """Keep a record for ``months`` after the event that starts it (after ``wait_months`` more, for a
    sabbatical: its retention period starts only once the mentor has been away that long)."""

    key: str
    months: int
    basis: str
    wait_months: int = 0

    def kept_until(self, start: date) -> date:
        """The last day the record is kept."""
        return start + relativedelta(months=self.wait_months + self.months)

    def due_since(self, start: date) -> date:
        return self.kept_until(start) + timedelta(days=1)

    def is_due(self, start: date, today: date) -> bool:
        return today > self.kept_until(start)


@dataclass(frozen=True)
class Due:
    """What a rule makes due for one record: the rule, the event that started it and since when it is due."""

    rule: Rule
    started_on: date
    since: date

    def reason(self) -> str:
        return f"{_EVENT[self.rule.key]} on {self.started_on:%d/%m/%Y}; {describe(self.rule)}"


_EVENT = {MENTOR_LEFT: "Left the scheme", MENTOR_SABBATICAL: "Sabbatical began", CLOSED_CASE: "Support ended",
          NOT_TAKEN_UP: "Referral not taken up", AUDIT: "Recorded"}


def describe(rule: Rule) -> str:
    """The rule in words, e.g. "kept 6 months after leaving the scheme"."""
    period = _months_in_words(rule.months)
    if rule.key == MENTOR_SABBATICAL:
        return f"kept {period} once a sabbatical has lasted {_months_in_words(rule.wait_months)}"
    after = {MENTOR_LEFT: "after leaving the scheme", CLOSED_CASE: "after support ended",
             NOT_TAKEN_UP: "after the decision not to take it up",
             AUDIT: "after the event (events about a record go with the record)"}[rule.key]
    return f"kept {period} {after}"


def _months_in_words(months: int) -> str:
    if months and months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' * (years != 1)}"
    return f"{months} month{'s' * (months != 1)}"


@dataclass(frozen=True)
class RetentionRules:
    mentor_left: Rule
    mentor_sabbatical: Rule
    closed_case: Rule
    not_taken_up: Rule
    audit: Rule

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> RetentionRules:
        """Rules from the shipped defaults with the lead's settings over them; raises RuleError."""
        rules: dict[str, Rule] = {}
        for key in RULE_KEYS:
            entry = mapping.get(key)
            if not isinstance(entry, Mapping):
                raise RuleError(f"The retention rule {key!r} is missing.")
            months, wait = entry.get("months"), entry.get("wait_months", 0)
            basis = str(entry.get("basis") or "").strip()
            for name, value in (("period", months), ("wait", wait)):
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_MONTHS:
                    raise RuleError(f"The {name} of the retention rule {key!r} must be a whole number of months "
                                    f"from 0 to {MAX_MONTHS}.")
            if not basis:
                raise RuleError(f"Say in words what the retention rule {key!r} is based on.")
            rules[key] = Rule(key, months, basis, wait)  # type: ignore[arg-type]
        return cls(**rules)

    def to_mapping(self) -> dict[str, dict[str, Any]]:
        return {key: {k: v for k, v in asdict(self.rule(key)).items() if k != "key"} for key in RULE_KEYS}

    def rule(self, key: str) -> Rule:
        found: Rule = getattr(self, key)
        return found

    def with_months(self, key: str, months: int) -> RetentionRules:
        return RetentionRules.from_mapping(self.to_mapping() | {key: asdict(replace(self.rule(key), months=months))})

    def subject_access_text(self) -> str:
        """The retention item of a subject-access response, read from the rules themselves."""
        return (f"A client's record is {describe(self.closed_case)} (or {describe(self.not_taken_up)}); a "
                f"volunteer mentor's is {describe(self.mentor_left)}, or {describe(self.mentor_sabbatical)}; "
                "then it is erased from every copy. You may ask for it to be erased sooner.")


# --- what the rules make due -------------------------------------------------------------------------


def mentor_due(rules: RetentionRules, *, status: str, left_on: date | None, sabbatical_since: date | None,
               today: date) -> Due | None:
    """A mentor who left (status ``left``, ``left_on``) or whose sabbatical outlasted its wait."""
    if status == LEFT and left_on is not None:
        return _due(rules.mentor_left, left_on, today)
    if status == SABBATICAL and sabbatical_since is not None:
        return _due(rules.mentor_sabbatical, sabbatical_since, today)
    return None


def case_due(rules: RetentionRules, *, outcome: str, decided_on: date | None, closed_on: date | None,
             today: date) -> Due | None:
    """A case whose support ended, or a referral not taken up; an open or pending case is never due."""
    if outcome == SUPPORTED and closed_on is not None:
        return _due(rules.closed_case, closed_on, today)
    if outcome in DECLINED and decided_on is not None:
        return _due(rules.not_taken_up, closed_on or decided_on, today)
    return None


def audit_due(rules: RetentionRules, at: date, today: date) -> Due | None:
    """An audit event about no record (an export, an import, a report): kept for the audit period."""
    return _due(rules.audit, at, today)


def audit_cutoff(rules: RetentionRules, today: date) -> date:
    """Events recorded before this day are past the audit period (exactly ``Rule.is_due``: the days that are
    due form a run up to a last one, found from an estimate by a step or two either way)."""
    rule, last = rules.audit, today - relativedelta(months=rules.audit.months)
    while not rule.is_due(last, today):
        last -= timedelta(days=1)
    while rule.is_due(last + timedelta(days=1), today):
        last += timedelta(days=1)
    return last + timedelta(days=1)


def _due(rule: Rule, start: date, today: date) -> Due | None:
    return Due(rule, start, rule.due_since(start)) if rule.is_due(start, today) else None
