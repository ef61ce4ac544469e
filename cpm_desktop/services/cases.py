"""A case's decisions, closure and re-opening, kept as a dated history (ReferralEvent), never overwritten."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.workflow import (
    DECLINED,
    PENDING,
    CaseState,
    WorkflowError,
    check_close,
    check_decision,
    check_reopen,
)
from cpm_desktop.services.goals import GoalRow, ReviewRow, goal_rows, review_rows
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store


@dataclass(frozen=True)
class CaseEvent:
    happened_on: date
    kind: str
    outcome: str | None
    reason: str | None
    by: str | None


def _case(session: Session, referral_uuid: str) -> tuple[m.Referral, CaseState]:
    referral = session.get(m.Referral, referral_uuid)
    if referral is None or referral.deleted_at is not None:
        raise LookupError("That referral is no longer in the store.")
    allocated = session.scalar(select(exists().where(
        m.Allocation.referral_uuid == referral.id, m.Allocation.ended_on.is_(None),
        m.Allocation.deleted_at.is_(None))))
    return referral, CaseState(referral.outcome, referral.decided_on, referral.referred_on, referral.closed_on,
                               bool(allocated))


def _event(session: Session, referral: m.Referral, kind: str, on: date, outcome: str | None, reason: str) -> None:
    session.add(m.ReferralEvent(referral_uuid=referral.id, kind=kind, happened_on=on, outcome=outcome,
                                reason=reason.strip(), by=audit.actor_of(session)))


def record_decision(store: Store, referral_uuid: str, outcome: str, reason: str, decided_on: date,
                    today: date | None = None) -> None:
    """Decide (or revise the decision on) a referral; the earlier decision stays in the history."""
    with store.transaction() as session:
        referral, case = _case(session, referral_uuid)
        check_decision(case, outcome, reason, decided_on, today or date.today())
        referral.outcome = outcome
        referral.decided_on = None if outcome == PENDING else decided_on
        referral.decision_reason = reason.strip()
        referral.decided_by = audit.actor_of(session)
        _event(session, referral, "decision", decided_on, outcome, reason)


def close_case(store: Store, referral_uuid: str, closed_on: date, reason: str, today: date | None = None) -> None:
    with store.transaction() as session:
        referral, case = _case(session, referral_uuid)
        check_close(case, closed_on, reason, today or date.today())
        referral.closed_on, referral.closure_reason = closed_on, reason.strip()
        for allocation in session.scalars(select(m.Allocation).where(
                m.Allocation.referral_uuid == referral.id, m.Allocation.ended_on.is_(None))):
            allocation.ended_on, allocation.end_reason = closed_on, "case closed"
        _event(session, referral, "closed", closed_on, None, reason)


def reopen_case(store: Store, referral_uuid: str, reason: str, on: date | None = None) -> None:
    """Open a closed case, or a declined referral, again: the door is always open."""
    on = on or date.today()
    with store.transaction() as session:
        referral, case = _case(session, referral_uuid)
        check_reopen(case, reason)
        if referral.closed_on is not None:
            referral.closed_on, referral.closure_reason = None, None
        elif referral.outcome in DECLINED:
            referral.outcome, referral.decided_on, referral.decision_reason = PENDING, None, None
        _event(session, referral, "reopened", on, referral.outcome, reason)


def case_history(store: Store, referral_uuid: str) -> list[CaseEvent]:
    with store.snapshot() as session:
        return _events(session, referral_uuid)


def history_in(session: Session, referral_uuid: str) -> list[CaseEvent]:
    """As :func:`case_history`, read in the caller's session (a pane reading its whole view in one snapshot)."""
    return _events(session, referral_uuid)


def _events(session: Session, referral_uuid: str, kinds: tuple[str, ...] = (), limit: int | None = None
            ) -> list[CaseEvent]:
    """The case's history, the latest first (only events of ``kinds`` when given)."""
    e = m.ReferralEvent
    query = (select(e.happened_on, e.kind, e.outcome, e.reason, e.by)
             .where(e.referral_uuid == referral_uuid, e.deleted_at.is_(None))
             .order_by(e.happened_on.desc(), e.created_at.desc()).limit(limit))
    if kinds:
        query = query.where(e.kind.in_(kinds))
    return [CaseEvent(*row) for row in session.execute(query).all()]


@dataclass(frozen=True)
class PoliceCalls:
    before: int | None
    after: int | None
    source: str

    @property
    def change(self) -> str:
        """The change in words, as the case shows it."""
        if self.before is None or self.after is None:
            return "not known yet"
        fewer = self.before - self.after
        if fewer < 0:
            return f"{-fewer} more calls than before"
        share = f" ({100 * fewer / self.before:.0f}% down)" if self.before else ""
        return f"{fewer} fewer calls{share}"


def police_calls(store: Store, referral_uuid: str) -> PoliceCalls:
    with store.snapshot() as session:
        referral, _ = _case(session, referral_uuid)
        return _police_calls(referral)


def _police_calls(referral: m.Referral) -> PoliceCalls:
    return PoliceCalls(referral.police_calls_before, referral.police_calls_after, referral.police_calls_source or "")


# --- the case panel beside the contact log -------------------------------------------------------------

CLOSINGS_SHOWN = 4  # the latest closings and re-openings the panel lists


@dataclass(frozen=True)
class CasePanelView:
    """Everything the case panel shows, read in one snapshot: goals with their reviews, police calls, closing."""

    referral_uuid: str
    goals: list[GoalRow]
    reviews: dict[str, list[ReviewRow]]  # per goal uuid, the latest first
    police_calls: PoliceCalls
    closed_on: date | None
    closure_reason: str
    closings: list[CaseEvent]  # the latest closings and re-openings, the latest first

    def reviews_of(self, goal_uuid: str) -> list[ReviewRow]:
        return self.reviews.get(goal_uuid, [])


def case_panel_view(store: Store, referral_uuid: str) -> CasePanelView:
    """The case panel's whole view in one consistent read; LookupError when the referral is gone."""
    with store.snapshot() as session:
        return case_panel_view_in(session, referral_uuid)


def case_panel_view_in(session: Session, referral_uuid: str) -> CasePanelView:
    """As :func:`case_panel_view`, in the caller's session (the contact log reads it with its own view)."""
    referral = session.get(m.Referral, referral_uuid)
    if referral is None or referral.deleted_at is not None:
        raise LookupError("That referral is no longer in the store.")
    return CasePanelView(referral_uuid, goal_rows(session, referral_uuid), review_rows(session, referral_uuid),
                         _police_calls(referral), referral.closed_on, referral.closure_reason or "",
                         _events(session, referral_uuid, ("closed", "reopened"), CLOSINGS_SHOWN))


def record_police_calls(store: Store, referral_uuid: str, *, before: int | None, after: int | None,
                        source: str) -> None:
    """Calls to the police in the 12 months before the referral and after first contact, with their source."""
    if any(value is not None and value < 0 for value in (before, after)):
        raise WorkflowError("Calls to the police are a whole number, 0 or more.")
    if (before is not None or after is not None) and not source.strip():
        raise WorkflowError("Say where the figures come from (e.g. the police command and control system).")
    with store.transaction() as session:
        referral, _ = _case(session, referral_uuid)
        referral.police_calls_before, referral.police_calls_after = before, after
        referral.police_calls_source = source.strip() or None


@dataclass(frozen=True)
class FeedbackDue:
    referral_uuid: str
    referral_id: str
    name: str
    closed_on: date
    referrer: str
    days_since_closure: int


def feedback_due(store: Store, today: date | None = None) -> list[FeedbackDue]:
    """Closed supported cases whose referrer has not been told how the support went, longest waiting first."""
    today = today or date.today()
    r, p, o = m.Referral, m.Person, m.Organisation
    with store.transaction() as session:
        rows = session.execute(
            select(r.id, r.referral_id, p.first_name, p.last_name, r.closed_on, r.referrer_name, o.name)
            .join(p, p.id == r.person_uuid).outerjoin(o, o.id == r.organisation_uuid)
            .where(r.deleted_at.is_(None), r.closed_on.is_not(None), r.feedback_sent_on.is_(None),
                   r.outcome == "supported")
            .order_by(r.closed_on)).all()
    return [FeedbackDue(uuid, referral_id, f"{first} {last}", closed_on,
                        ", ".join(part for part in (referrer, organisation) if part), (today - closed_on).days)
            for uuid, referral_id, first, last, closed_on, referrer, organisation in rows
            if closed_on is not None]  # always, by the query; said again for the type checker
