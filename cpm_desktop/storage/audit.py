"""The audit trail: every change to case data writes an event in the same transaction.

A ``before_flush`` hook stamps records (created/updated, who) and records which fields changed —
never their values. Exports, imports and other disclosures are recorded explicitly with :func:`record_access`,
in the transaction that makes them. Views are not: reading a record must not write, so a view waits in the
store's :class:`PendingViews` and is written with the next write (see ``Store.transaction``).
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from cpm_desktop.storage import changes
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import device_identity

ACTOR_KEY = "actor"
_STAMP_FIELDS = {"created_at", "updated_at", "updated_by"}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def actor_of(session: Session) -> str:
    return str(session.info.get(ACTOR_KEY, "unknown"))


def subject_of(session: Session, record: m.Base) -> str | None:
    """The person or mentor a record is about, so a subject-access export can find its trail."""
    if isinstance(record, m.Person | m.Mentor):
        return record.id
    if isinstance(record, m.Referral):
        return record.person_uuid
    mentor_uuid = getattr(record, "mentor_uuid", None)
    if isinstance(record, m.MentorStatusChange | m.ProgressCheck):
        return mentor_uuid
    referral_uuid = getattr(record, "referral_uuid", None)
    if referral_uuid is None:
        assessment_uuid = getattr(record, "assessment_uuid", None) or None
        goal_uuid = getattr(record, "goal_uuid", None) or None
        if assessment_uuid:
            referral_uuid = session.scalar(
                select(m.RiskAssessment.referral_uuid).where(m.RiskAssessment.id == assessment_uuid))
        elif goal_uuid:
            referral_uuid = session.scalar(select(m.Goal.referral_uuid).where(m.Goal.id == goal_uuid))
    if referral_uuid is None:
        return None
    return session.scalar(select(m.Referral.person_uuid).where(m.Referral.id == referral_uuid))


def _changed_fields(record: m.Base) -> list[str]:
    state = inspect(record)
    return sorted(
        attr.key
        for attr in state.attrs
        if attr.key not in _STAMP_FIELDS
        and attr.key in state.mapper.columns
        and attr.history.has_changes()
    )


def _filled_fields(record: m.Base) -> list[str]:
    return sorted(
        c.key for c in inspect(record).mapper.column_attrs
        if c.key not in _STAMP_FIELDS and getattr(record, c.key) is not None
    )


def _before_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    if not (session.new or session.dirty or session.deleted):
        return
    now = utcnow()
    actor = actor_of(session)
    events: list[m.AuditEvent] = []
    reading: str | None = None

    def clock_reading() -> str:  # one reading per flush, taken only when a record changes
        nonlocal reading
        if reading is None:
            reading = changes.next_reading(session)
        return reading

    with session.no_autoflush:
        device = device_identity(session).uuid
        for record in list(session.new):
            if isinstance(record, m.AuditEvent):  # a view, export or import recorded by a service
                record.device = record.device or device
                _queue_event(session, record, clock_reading())
                continue
            if changes.shared_key(record) is not None:
                changes.queue_shared(session, record, clock_reading())
                continue
            if not isinstance(record, m.Record):
                continue
            if record.id is None:
                record.id = m.new_uuid()
            if session.info.get(changes.APPLYING):
                continue  # a change from another laptop: its stamps, clocks and audit events travel with it
            record.created_at = record.updated_at = now
            record.updated_by = actor
            changes.stamp_new(session, record, clock_reading())
            events.append(_event(session, record, "create", _filled_fields(record), now, actor, device))
        for record in list(session.dirty):
            if changes.shared_key(record) is not None and session.is_modified(record):
                changes.queue_shared(session, record, clock_reading())
                continue
            if not isinstance(record, m.Record) or not session.is_modified(record):
                continue
            if session.info.get(changes.APPLYING):
                continue
            fields = _changed_fields(record)
            if not fields:
                continue
            record.updated_at = now
            record.updated_by = actor
            changes.stamp_changed(session, record, fields + ["updated_at", "updated_by"], clock_reading())
            action = "delete" if "deleted_at" in fields and record.deleted_at is not None else "update"
            events.append(_event(session, record, action, fields, now, actor, device))
        rule = session.info.get(changes.ERASURE_RULE)
        for record in list(session.deleted):
            if isinstance(record, m.Record) and not session.info.get(changes.APPLYING):
                changes.stamp_erased(session, record.__tablename__, record.id, clock_reading(), rule)
                if rule is None:  # an erasure under a rule leaves its tombstone, not an event naming the subject
                    events.append(_event(session, record, "erase", [], now, actor, device))
        for audit_event in events:
            _queue_event(session, audit_event, clock_reading())
    session.add_all(events)


def _queue_event(session: Session, audit_event: m.AuditEvent, reading: str) -> None:
    if audit_event.id is None:
        audit_event.id = m.new_uuid()
    values = {c.key: getattr(audit_event, c.key) for c in inspect(audit_event).mapper.column_attrs}
    changes.queue_append(session, "audit_event", audit_event.id, values, reading)


def _event(session: Session, record: m.Record, action: str, fields: list[str], now: datetime,
           actor: str, device: str) -> m.AuditEvent:
    return m.AuditEvent(
        id=m.new_uuid(), at=now, actor=actor, device=device, action=action, record_table=record.__tablename__,
        record_uuid=record.id, subject_uuid=subject_of(session, record), fields=",".join(fields),
    )


def record_access(session: Session, action: str, record_table: str, record_uuid: str | None = None,
                  subject_uuid: str | None = None, detail: str | None = None) -> None:
    """Record a view, an export or an import (which bypasses the ORM hook) in the current transaction."""
    session.add(m.AuditEvent(
        at=utcnow(), actor=actor_of(session), action=action, record_table=record_table,
        record_uuid=record_uuid, subject_uuid=subject_uuid, fields="", detail=detail,
    ))


@dataclass(frozen=True)
class View:
    """A record read on screen, stamped with when it was read and by whom (not when it is written)."""

    at: datetime
    actor: str
    record_table: str
    record_uuid: str | None
    subject_uuid: str | None
    detail: str | None = None


class PendingViews:
    """The views not yet in the audit trail, in the order they were made.

    Twenty row clicks would otherwise be twenty commits, each waiting for the write lock. They are written in
    the next transaction that writes anything, before its commit; when the store closes; and when the window
    asks (every half minute, and on locking). A crash loses the views of the last half minute at most.
    Background workers read records too: hence the lock.
    """

    def __init__(self) -> None:
        self._views: list[View] = []
        self._lock = threading.Lock()

    def note(self, actor: str, record_table: str, record_uuid: str | None, subject_uuid: str | None = None,
             detail: str | None = None) -> None:
        with self._lock:
            self._views.append(View(utcnow(), actor, record_table, record_uuid, subject_uuid, detail))

    def __len__(self) -> int:
        with self._lock:
            return len(self._views)

    def take(self) -> list[View]:
        with self._lock:
            views, self._views = self._views, []
        return views

    def give_back(self, views: Sequence[View]) -> None:
        """Views taken for a transaction that did not commit: they wait for the next, in their own order."""
        with self._lock:
            self._views[:0] = views


def write_views(session: Session, views: Sequence[View]) -> int:
    """The views as audit events, flushed now; returns how many. The hook gives them their uuid, device and
    place in the outbox as it gives every other event. A view of a record erased since is dropped, as the
    erasure took its trail (sync drops such events the same way)."""
    uuids = {u for v in views for u in (v.record_uuid, v.subject_uuid) if u}
    erased = set(session.scalars(select(m.Tombstone.row_uuid).where(m.Tombstone.row_uuid.in_(uuids)))) \
        if uuids else set()
    events = [m.AuditEvent(at=v.at, actor=v.actor, action="view", record_table=v.record_table,
                           record_uuid=v.record_uuid, subject_uuid=v.subject_uuid, fields="", detail=v.detail)
              for v in views if not {v.record_uuid, v.subject_uuid} & erased]
    session.add_all(events)
    session.flush()
    return len(events)


def install(session_factory: sessionmaker[Session]) -> None:
    """Attach the audit hook to a sessionmaker (or Session class)."""
    event.listen(session_factory, "before_flush", _before_flush)
