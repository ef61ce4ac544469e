"""The register of subject-access and erasure requests (UK GDPR Art. 12(3)): when each came, and when it is due.

The export that answers a request is ``services.subject_access``; this module only keeps the register.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.subject_access import days_paused, due_date
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store


def _live(model: type[m.Record]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)



@dataclass(frozen=True)
class RequestRow:
    uuid: str
    subject_kind: str
    subject_id: str
    subject_name: str
    received_on: date
    identity_checked_on: date | None
    paused_days: int
    extension_months: int
    extension_reason: str
    due_on: date
    completed_on: date | None
    overdue: bool
    request_kind: str = "access"  # access | erasure


def _subject(session: Session, kind: str, subject_id: str) -> m.Person | m.Mentor:
    found: m.Person | m.Mentor | None = (
        session.scalar(select(m.Person).where(m.Person.person_id == subject_id, _live(m.Person))) if kind == "person"
        else session.scalar(select(m.Mentor).where(m.Mentor.mentor_id == subject_id, _live(m.Mentor))))
    if found is None:
        raise LookupError(f"There is no {kind} with the id {subject_id} in this store.")
    return found


def register_request(store: Store, kind: str, subject_id: str, received_on: date, notes: str = "") -> str:
    with store.transaction() as session:
        subject = _subject(session, kind, subject_id)
        row = m.SubjectAccessRequest(subject_kind=kind, subject_uuid=subject.id, received_on=received_on,
                                     paused_days=0, extension_months=0, notes=notes or None)
        session.add(row)
        session.flush()
        return row.id


def update_request(store: Store, request_uuid: str, *, identity_checked_on: date | None = None,
                   paused_days: int | None = None, extension_months: int | None = None,
                   extension_reason: str | None = None, completed_on: date | None = None) -> None:
    """Record the request's progress; an extension needs its reason, and is two months at most."""
    with store.transaction() as session:
        row = session.get(m.SubjectAccessRequest, request_uuid)
        if row is None:
            raise LookupError("That request is no longer in the register.")
        if extension_months is not None:
            if not 0 <= extension_months <= 2:
                raise ValueError("A request may be extended by at most two further months.")
            if extension_months and not (extension_reason or row.extension_reason or "").strip():
                raise ValueError("Give the reason for extending the time to respond.")
            row.extension_months = extension_months
        if extension_reason is not None:
            row.extension_reason = extension_reason.strip() or None
        if paused_days is not None:
            if paused_days < 0:
                raise ValueError("Paused days cannot be negative.")
            row.paused_days = paused_days
        if identity_checked_on is not None:
            row.identity_checked_on = identity_checked_on
        if completed_on is not None:
            row.completed_on = completed_on


def pause_request(store: Store, request_uuid: str, asked_on: date, answered_on: date) -> int:
    """Stop the clock from the day we asked for identity or clarification to the day the answer came;
    returns the request's paused days in all."""
    if answered_on < asked_on:
        raise ValueError("The answer cannot come before the question: check the two dates.")
    with store.transaction() as session:
        row = session.get(m.SubjectAccessRequest, request_uuid)
        if row is None:
            raise LookupError("That request is no longer in the register.")
        if asked_on < row.received_on:
            raise ValueError("The clock can only be paused after the request was received.")
        row.paused_days = (row.paused_days or 0) + days_paused([(asked_on, answered_on)], answered_on)
        return row.paused_days


def list_requests(store: Store, today: date | None = None) -> list[RequestRow]:
    """The register, oldest open request first, each with its due date by the ICO's one-month rule."""
    today = today or date.today()
    q = m.SubjectAccessRequest
    with store.transaction() as session:
        requests = session.scalars(select(q).where(q.deleted_at.is_(None)).order_by(q.completed_on.is_not(None),
                                                                                    q.received_on)).all()
        people = {p.id: (p.person_id, f"{p.first_name} {p.last_name}") for p in session.scalars(
            select(m.Person).where(m.Person.id.in_([r.subject_uuid for r in requests])))}
        mentors = {x.id: (x.mentor_id, f"{x.first_name} {x.last_name}") for x in session.scalars(
            select(m.Mentor).where(m.Mentor.id.in_([r.subject_uuid for r in requests])))}
    rows = []
    for r in requests:
        # An erasure request outlives its subject: it proves the erasure was done, and names no one.
        subject_id, name = (people if r.subject_kind == "person" else mentors).get(
            r.subject_uuid, ("(erased)", "(erased)") if r.request_kind == "erasure" else ("?", "?"))
        due = due_date(r.received_on, paused_days=r.paused_days, extension_months=r.extension_months)
        rows.append(RequestRow(r.id, r.subject_kind, subject_id, name, r.received_on, r.identity_checked_on,
                               r.paused_days, r.extension_months, r.extension_reason or "", due, r.completed_on,
                               r.completed_on is None and today > due, r.request_kind))
    return rows
