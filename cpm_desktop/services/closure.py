"""Closing a case at the end of support: the date, the reason, and the police-call figure since first contact.

Closing, re-opening and the feedback-due list themselves are ``services.cases`` (one implementation, shared
with the decision history); this module adds what the closing dialog needs around them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from cpm_desktop.domain.workflow import WorkflowError
from cpm_desktop.services import cases
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store


@dataclass(frozen=True)
class ClosureState:
    closed_on: date | None
    reason: str
    first_contact_on: date | None
    referred_on: date


def closure_state(store: Store, referral_uuid: str) -> ClosureState:
    with store.snapshot() as session:
        referral = session.get(m.Referral, referral_uuid)
        if referral is None or referral.deleted_at is not None:
            raise LookupError("That referral is no longer in the store.")
        return ClosureState(referral.closed_on, referral.closure_reason or "", referral.first_contact_on,
                            referral.referred_on)


def closure_reasons(store: Store, limit: int = 12) -> list[str]:
    """Reasons given before, the most used first, to offer when closing (a new one may always be typed)."""
    with store.snapshot() as session:
        given = session.scalars(select(m.ReferralEvent.reason).where(m.ReferralEvent.kind == "closed",
                                                                     m.ReferralEvent.deleted_at.is_(None))).all()
    counts = Counter(" ".join(reason.split())[:200] for reason in given if reason and reason.strip())
    return [reason for reason, _ in counts.most_common(limit)]


def close_case(store: Store, referral_uuid: str, closed_on: date, reason: str, *,
               calls_after: int | None = None, calls_source: str = "", today: date | None = None) -> None:
    """Close the case; a police-call figure for the 12 months after first contact is recorded with it when given
    (the figure before the referral and its source stay as they were unless a new source is given)."""
    current = cases.police_calls(store, referral_uuid)
    source = calls_source.strip() or current.source
    if calls_after is not None and (calls_after < 0 or not source):
        raise WorkflowError("Give the police calls since first contact as 0 or more, with where the figure "
                            "comes from.")
    cases.close_case(store, referral_uuid, closed_on, reason, today=today)
    if calls_after is not None and (calls_after, source) != (current.after, current.source):
        cases.record_police_calls(store, referral_uuid, before=current.before, after=calls_after, source=source)
