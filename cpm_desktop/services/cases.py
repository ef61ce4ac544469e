"""A case's decisions, closure and re-opening, kept as a dated history (ReferralEvent), never overwritten."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.workflow import DECLINED, PENDING, CaseState, check_close, check_decision, check_reopen
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
    e = m.ReferralEvent
    with store.transaction() as session:
        rows = session.execute(select(e.happened_on, e.kind, e.outcome, e.reason, e.by)
                               .where(e.referral_uuid == referral_uuid, e.deleted_at.is_(None))
                               .order_by(e.happened_on.desc(), e.created_at.desc())).all()
    return [CaseEvent(*row) for row in rows]
