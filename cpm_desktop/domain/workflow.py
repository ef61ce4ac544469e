"""The rules of a case's path: intake checks, decisions and their revision, closing and re-opening.

Referral → risk assessment → home visit and decision → allocation → contacts → closure. A decision is
an outcome code with a reason; it can be revised (the history is kept), and a declined or closed case
can be re-opened later: "the door is always open".
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cpm_desktop.domain.text import fold, plural

ADULT_AGE = 18
PENDING, SUPPORTED = "pending", "supported"
DECLINED = frozenset({"referred_on", "declined_by_client", "external_request", "rejected_at_risk_assessment",
                      "declined_after_engagement"})


class WorkflowError(ValueError):
    """A step the case's rules do not allow, as one sentence for the coordinator."""


@dataclass(frozen=True)
class CaseState:
    outcome: str
    decided_on: date | None
    referred_on: date
    closed_on: date | None
    has_open_allocations: bool = False


def check_intake(*, first_name: str, last_name: str, referred_on: date | None, age: int | None,
                 under_18_reason: str | None, today: date) -> list[str]:
    """What stops a new or edited referral from being saved; empty when it may be saved."""
    problems = []
    if not first_name.strip() or not last_name.strip():
        problems.append("Give the person's first and last name.")
    if referred_on is None:
        problems.append("Give the date the referral was received.")
    elif referred_on > today:
        problems.append("The referral date cannot be in the future.")
    if age is not None and age < 0:
        problems.append("The date of birth cannot be after the referral date.")
    if age is not None and 0 <= age < ADULT_AGE and not (under_18_reason or "").strip():
        problems.append("The scheme normally supports people aged 18 or over: give the reason for accepting "
                        "a referral of someone under 18.")
    return problems


def needs_under_18_reason(age: int | None) -> bool:
    return age is not None and 0 <= age < ADULT_AGE


def check_decision(case: CaseState, outcome: str, reason: str, decided_on: date | None, today: date) -> None:
    """Raise WorkflowError unless the outcome may be recorded now."""
    if not reason.strip():
        raise WorkflowError("A decision needs a reason.")
    if decided_on is None:
        raise WorkflowError("A decision needs a date.")
    if decided_on > today:
        raise WorkflowError("A decision cannot be dated in the future.")
    if decided_on < case.referred_on:
        raise WorkflowError("A decision cannot be dated before the referral was received.")
    if case.closed_on is not None:
        raise WorkflowError("The case is closed; re-open it before changing the decision.")
    if outcome == case.outcome and outcome != PENDING:
        raise WorkflowError("That is already the decision on this case.")
    if outcome != SUPPORTED and case.has_open_allocations:
        raise WorkflowError("Mentors are still allocated to this case; end their allocations first.")


def check_close(case: CaseState, closed_on: date | None, reason: str, today: date) -> None:
    if case.closed_on is not None:
        raise WorkflowError("The case is already closed.")
    if case.outcome != SUPPORTED:
        raise WorkflowError("Only a supported case is closed; a declined referral is closed by its decision.")
    if closed_on is None or closed_on > today:
        raise WorkflowError("Give the date support ended (not in the future).")
    if closed_on < case.referred_on:
        raise WorkflowError("A case cannot close before the referral was received.")
    if not reason.strip():
        raise WorkflowError("Give the reason the case closed.")


def can_reopen(outcome: str, closed_on: date | None) -> bool:
    """A closed case, or a declined referral, may be opened again: the door is always open."""
    return closed_on is not None or outcome in DECLINED


def check_reopen(case: CaseState, reason: str) -> None:
    if not can_reopen(case.outcome, case.closed_on):
        raise WorkflowError("The case is open already.")
    if not reason.strip():
        raise WorkflowError("Give the reason for re-opening the case.")


class CaseStatus(StrEnum):
    """Where a case stands, as the lists say it; the rules ask its properties, never its words."""

    AWAITING_DECISION = "awaiting decision"
    NOT_SUPPORTED = "not supported"
    CLOSED = "closed"
    AWAITING_MENTORS = "awaiting mentors"
    ACTIVE = "active"

    @property
    def may_allocate(self) -> bool:
        """Mentors are allocated to supported cases that are still open."""
        return self in (CaseStatus.AWAITING_MENTORS, CaseStatus.ACTIVE)


def case_status(outcome: str, closed_on: date | None, allocated: bool) -> CaseStatus:
    """Waiting for a decision, waiting for mentors, active, closed or declined."""
    if outcome == PENDING:
        return CaseStatus.AWAITING_DECISION
    if outcome in DECLINED:
        return CaseStatus.NOT_SUPPORTED
    if closed_on is not None:
        return CaseStatus.CLOSED
    return CaseStatus.ACTIVE if allocated else CaseStatus.AWAITING_MENTORS


def days_waiting(outcome: str, referred_on: date, decided_on: date | None, allocated: bool, closed_on: date | None,
                 today: date) -> int | None:
    """Days a person has waited for what comes next: a decision, or mentors once supported."""
    if outcome == PENDING:
        return (today - referred_on).days
    if outcome == SUPPORTED and not allocated and closed_on is None:
        return (today - (decided_on or referred_on)).days
    return None


UNFINISHED_GOALS = frozenset({"open", "ongoing"})  # goal_status codes of goals still being worked on
_GOALS_ACHIEVED = re.compile(r"\b(goals?|aims?)\b.*\bachieved\b|\bachieved\b.*\bgoals?\b")


def closing_question(reason: str, goals: Iterable[tuple[str, str]]) -> str | None:
    """What to ask before closing with ``reason`` when it says the goals were achieved while some are still
    open; ``goals`` are (title, goal_status code). None when there is nothing to ask."""
    if not _GOALS_ACHIEVED.search(fold(reason)):
        return None
    unfinished = [" ".join(title.split()) for title, status in goals if status in UNFINISHED_GOALS]
    if not unfinished:
        return None
    shown = "; ".join(f"“{title[:60]}”" for title in unfinished[:3]) + ("; …" if len(unfinished) > 3 else "")
    return (f"{plural(len(unfinished), 'goal is', 'goals are')} still open ({shown}). "
            f"Close the case as “{' '.join(reason.split())}” all the same?")
