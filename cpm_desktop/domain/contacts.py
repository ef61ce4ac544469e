"""Rules of the contact log and of GROW goals: what may be logged, scored and reviewed (no I/O).

The closing and re-opening of a case are rules of its path and live in ``domain.workflow``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

MAX_MINUTES = 24 * 60
COMMITMENT_RANGE = (1, 10)
GOAL_STATUSES = ("open", "achieved", "ongoing", "not_achieved", "withdrawn")
CONTACT_ID = re.compile(r"^C(\d+)$")
GOAL_ID = re.compile(r"^G(\d+)$")


class ContactError(ValueError):
    """An entry of the log that cannot be saved, as one sentence for the coordinator."""


class GoalError(ValueError):
    """A goal or review that cannot be saved, as one sentence for the coordinator."""


def check_contact(*, occurred_at: datetime | None, activity: str | None, minutes: int | None,
                  activities: Iterable[str], now: datetime) -> None:
    """Raise ContactError unless the entry may be saved."""
    if occurred_at is None:
        raise ContactError("Give the date and time of the contact.")
    if occurred_at.replace(second=0, microsecond=0) > now:
        raise ContactError("A contact cannot be logged in the future.")
    if activity not in set(activities):
        raise ContactError("Choose one of the activities in the list.")
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        raise ContactError("Minutes are a whole number from 0 to 1,440.")


def check_delete_reason(reason: str) -> str:
    if not reason.strip():
        raise ContactError("Give the reason for deleting the entry.")
    return reason.strip()


def next_number(existing: Iterable[str], pattern: re.Pattern[str]) -> int:
    """One more than the largest number among ids of the pattern (ids of other shapes are ignored)."""
    largest = 0
    for value in existing:
        found = pattern.match(value or "")
        if found:
            largest = max(largest, int(found.group(1)))
    return largest + 1


def contact_id(number: int) -> str:
    return f"C{number:07d}"


def goal_id(number: int) -> str:
    return f"G{number:06d}"


def first_contact_on(current: date | None, occurred_at: datetime) -> date:
    """The case's first contact date once a contact is logged: the earliest known."""
    return occurred_at.date() if current is None or occurred_at.date() < current else current


def check_commitment(commitment: int | None) -> None:
    low, high = COMMITMENT_RANGE
    if commitment is not None and not low <= commitment <= high:
        raise GoalError("The commitment score is the client's own, from 1 to 10.")


def check_goal(*, goal: str, commitment: int | None, set_on: date, today: date) -> None:
    if not goal.strip():
        raise GoalError("Write the goal in the client's own words.")
    if set_on > today:
        raise GoalError("A goal cannot be set in the future.")
    check_commitment(commitment)


def check_review(*, status: str, commitment: int | None, reviewed_on: date, set_on: date, today: date,
                 statuses: Iterable[str] = GOAL_STATUSES) -> None:
    """A review carries a status from the list, an optional score, and a date between setting and today.

    Any status may follow any other: a goal withdrawn or not achieved may be taken up again at a later
    review ("the door is always open"), and the history keeps every step.
    """
    if status not in set(statuses):
        raise GoalError("Choose the goal's status from the list.")
    check_commitment(commitment)
    if reviewed_on > today:
        raise GoalError("A review cannot be dated in the future.")
    if reviewed_on < set_on:
        raise GoalError("A review cannot come before the goal was set.")


@dataclass(frozen=True)
class Review:
    reviewed_on: date
    status: str
    commitment: int | None
    order: int = 0  # later entry wins a tie on the same day


@dataclass(frozen=True)
class GoalStanding:
    status: str
    commitment: int | None
    reviewed_on: date | None


def standing(initial_commitment: int | None, reviews: Iterable[Review]) -> GoalStanding:
    """What the goal shows: the status of its latest-dated review, and the latest score given."""
    ordered = sorted(reviews, key=lambda r: (r.reviewed_on, r.order))
    if not ordered:
        return GoalStanding("open", initial_commitment, None)
    commitment = initial_commitment
    for review in ordered:
        if review.commitment is not None:
            commitment = review.commitment
    latest = ordered[-1]
    return GoalStanding(latest.status, commitment, latest.reviewed_on)


def totals(rows: Iterable[tuple[str, int | None]]) -> dict[str, tuple[int, int]]:
    """Per activity: (contacts, known minutes), from (activity, minutes) pairs."""
    result: dict[str, tuple[int, int]] = {}
    for activity, minutes in rows:
        count, total = result.get(activity, (0, 0))
        result[activity] = (count + 1, total + (minutes or 0))
    return result
