"""GROW goals of a case — Goal, Reality, Options, Way forward — with dated reviews kept as history."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cpm_desktop.domain import contacts as rules
from cpm_desktop.domain import ids
from cpm_desktop.domain.contacts import GoalError as GoalError  # part of this service's API
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import next_id

STATUSES = rules.GOAL_STATUSES


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


def set_goal(store: Store, referral_uuid: str, *, goal: str, reality: str = "", options: str = "",
             way_forward: str = "", commitment: int | None = None, set_on: date | None = None,
             today: date | None = None) -> str:
    """A new GROW goal (status open) with the client's own commitment score; returns its id."""
    set_on = set_on or date.today()
    rules.check_goal(goal=goal, commitment=commitment, set_on=set_on, today=today or date.today())
    with store.transaction() as session:
        referral = session.get(m.Referral, referral_uuid)
        if referral is None or referral.deleted_at is not None:
            raise GoalError("That referral is no longer in the store.")
        row = m.Goal(goal_id=next_id(session, ids.GOAL), referral_uuid=referral_uuid, set_on=set_on,
                     goal=goal.strip(), reality=reality.strip(), options=options.strip(),
                     way_forward=way_forward.strip(), commitment=commitment, status="open")
        session.add(row)
        session.flush()
        return row.goal_id


def review_goal(store: Store, goal_uuid: str, *, status: str, commitment: int | None = None, notes: str = "",
                reviewed_on: date | None = None, today: date | None = None) -> None:
    """A dated review, kept as history; the goal shows the status of its latest-dated review and the latest
    commitment score (a review entered late, dated earlier, does not overwrite a later one)."""
    today = today or date.today()
    reviewed_on = reviewed_on or today
    with store.transaction() as session:
        goal = session.get(m.Goal, goal_uuid)
        if goal is None or goal.deleted_at is not None:
            raise GoalError("That goal is no longer in the store.")
        rules.check_review(status=status, commitment=commitment, reviewed_on=reviewed_on, set_on=goal.set_on,
                           today=today, statuses=vocabulary_for(session).codes("goal_status"))
        earlier = session.scalars(select(m.GoalReview).where(m.GoalReview.goal_uuid == goal.id,
                                                             m.GoalReview.deleted_at.is_(None))
                                  .order_by(m.GoalReview.created_at)).all()
        # The row's score is the one given at setting until a review gives one; then reviews decide.
        initial = goal.commitment
        session.add(m.GoalReview(goal_uuid=goal.id, reviewed_on=reviewed_on, status=status, commitment=commitment,
                                 notes=notes.strip() or None))
        history = [rules.Review(r.reviewed_on, r.status, r.commitment, n) for n, r in enumerate(earlier)]
        history.append(rules.Review(reviewed_on, status, commitment, len(earlier)))
        now = rules.standing(initial, history)
        goal.status, goal.commitment, goal.reviewed_on = now.status, now.commitment, now.reviewed_on


def goal_rows(session: Session, referral_uuid: str) -> list[GoalRow]:
    """The case's goals, the latest set first, read in the caller's session (a pane's one snapshot)."""
    g = m.Goal
    return [GoalRow(x.id, x.goal_id, x.set_on, x.goal, x.reality, x.options, x.way_forward, x.commitment,
                    x.status, x.reviewed_on)
            for x in session.scalars(select(g).where(g.referral_uuid == referral_uuid, g.deleted_at.is_(None))
                                     .order_by(g.set_on.desc(), g.goal_id.desc()))]


def review_rows(session: Session, referral_uuid: str) -> dict[str, list[ReviewRow]]:
    """Every review of the case's goals, per goal (its uuid), the latest first: one query for all of them."""
    r, g = m.GoalReview, m.Goal
    result: dict[str, list[ReviewRow]] = {}
    for goal_uuid, review in session.execute(
            select(r.goal_uuid, r).join(g, g.id == r.goal_uuid)
            .where(g.referral_uuid == referral_uuid, g.deleted_at.is_(None), r.deleted_at.is_(None))
            .order_by(r.reviewed_on.desc(), r.created_at.desc())).all():
        result.setdefault(goal_uuid, []).append(
            ReviewRow(review.reviewed_on, review.status, review.commitment, review.notes or ""))
    return result


def goals(store: Store, referral_uuid: str) -> list[GoalRow]:
    with store.snapshot() as session:
        return goal_rows(session, referral_uuid)


def reviews(store: Store, goal_uuid: str) -> list[ReviewRow]:
    r = m.GoalReview
    with store.snapshot() as session:
        return [ReviewRow(x.reviewed_on, x.status, x.commitment, x.notes or "")
                for x in session.scalars(select(r).where(r.goal_uuid == goal_uuid, r.deleted_at.is_(None))
                                         .order_by(r.reviewed_on.desc(), r.created_at.desc()))]
