"""GROW goals of a case — Goal, Reality, Options, Way forward — with dated reviews kept as history."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

STATUSES = ("open", "achieved", "ongoing", "not_achieved", "withdrawn")


class GoalError(ValueError):
    pass


@dataclass(frozen=True)
class GoalRow:
    uuid: str
    goal_id: str
    set_on: date
    goal: str
    reality: str
    options: str
    way_forward: str
    commitment: int | None
    status: str
    reviewed_on: date | None


@dataclass(frozen=True)
class ReviewRow:
    reviewed_on: date
    status: str
    commitment: int | None
    notes: str


def _check(commitment: int | None, status: str) -> None:
    if commitment is not None and not 1 <= commitment <= 10:
        raise GoalError("The commitment score is the client's own, from 1 to 10.")
    if status not in STATUSES:
        raise GoalError("Unknown goal status.")


def _next_goal_id(session) -> str:
    largest = 0
    for (value,) in session.execute(select(m.Goal.goal_id).where(m.Goal.goal_id.like("G%"))):
        found = re.match(r"^G(\d+)$", value)
        if found:
            largest = max(largest, int(found.group(1)))
    return f"G{largest + 1:06d}"


def set_goal(store: Store, referral_uuid: str, *, goal: str, reality: str = "", options: str = "",
             way_forward: str = "", commitment: int | None = None, set_on: date | None = None) -> str:
    if not goal.strip():
        raise GoalError("Write the goal in the client's own words.")
    _check(commitment, "open")
    with store.transaction() as session:
        row = m.Goal(goal_id=_next_goal_id(session), referral_uuid=referral_uuid, set_on=set_on or date.today(),
                     goal=goal.strip(), reality=reality.strip(), options=options.strip(),
                     way_forward=way_forward.strip(), commitment=commitment, status="open")
        session.add(row)
        session.flush()
        return row.goal_id


def review_goal(store: Store, goal_uuid: str, *, status: str, commitment: int | None = None, notes: str = "",
                reviewed_on: date | None = None) -> None:
    """A dated review: kept as history; the goal shows the latest status and commitment."""
    _check(commitment, status)
    reviewed_on = reviewed_on or date.today()
    with store.transaction() as session:
        goal = session.get(m.Goal, goal_uuid)
        if reviewed_on < goal.set_on:
            raise GoalError("A review cannot come before the goal was set.")
        session.add(m.GoalReview(goal_uuid=goal.id, reviewed_on=reviewed_on, status=status, commitment=commitment,
                                 notes=notes.strip() or None))
        goal.status, goal.reviewed_on = status, reviewed_on
        if commitment is not None:
            goal.commitment = commitment


def goals(store: Store, referral_uuid: str) -> list[GoalRow]:
    g = m.Goal
    with store.transaction() as session:
        return [GoalRow(x.id, x.goal_id, x.set_on, x.goal, x.reality, x.options, x.way_forward, x.commitment,
                        x.status, x.reviewed_on)
                for x in session.scalars(select(g).where(g.referral_uuid == referral_uuid, g.deleted_at.is_(None))
                                         .order_by(g.set_on.desc(), g.goal_id.desc()))]


def reviews(store: Store, goal_uuid: str) -> list[ReviewRow]:
    r = m.GoalReview
    with store.transaction() as session:
        return [ReviewRow(x.reviewed_on, x.status, x.commitment, x.notes or "")
                for x in session.scalars(select(r).where(r.goal_uuid == goal_uuid, r.deleted_at.is_(None))
                                         .order_by(r.reviewed_on.desc(), r.created_at.desc()))]
