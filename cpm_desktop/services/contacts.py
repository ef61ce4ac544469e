"""The contact log of a case: quick entry, the list newest first, totals by activity, soft deletes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

MAX_MINUTES = 24 * 60


class ContactError(ValueError):
    pass


@dataclass(frozen=True)
class ContactRow:
    uuid: str
    contact_id: str
    occurred_at: datetime
    activity: str
    minutes: int | None
    who: str
    notes: str


@dataclass(frozen=True)
class Helper:
    """Someone who may have made a contact: an allocated mentor (uuid) or a member of staff (uuid None)."""

    mentor_uuid: str | None
    name: str


def list_contacts(store: Store, referral_uuid: str, activity: str | None = None) -> list[ContactRow]:
    c, t = m.Contact, m.Mentor
    query = (select(c.id, c.contact_id, c.occurred_at, c.activity, c.minutes, t.first_name, t.last_name,
                    c.staff_name, c.notes)
             .outerjoin(t, t.id == c.mentor_uuid)
             .where(c.referral_uuid == referral_uuid, c.deleted_at.is_(None))
             .order_by(c.occurred_at.desc(), c.contact_id.desc()))
    if activity:
        query = query.where(c.activity == activity)
    with store.transaction() as session:
        rows = session.execute(query).all()
    return [ContactRow(r[0], r[1], r[2], r[3], r[4], f"{r[5]} {r[6]}" if r[5] is not None else (r[7] or ""), r[8])
            for r in rows]


def helpers(store: Store, referral_uuid: str) -> list[Helper]:
    a, t = m.Allocation, m.Mentor
    with store.transaction() as session:
        rows = session.execute(select(t.id, t.first_name, t.last_name).join(a, a.mentor_uuid == t.id)
                               .where(a.referral_uuid == referral_uuid, a.deleted_at.is_(None))
                               .order_by(a.ended_on.is_not(None), t.first_name)).all()
    seen, result = set(), []
    for uuid, first, last in rows:
        if uuid not in seen:
            seen.add(uuid)
            result.append(Helper(uuid, f"{first} {last}"))
    return result


def _next_contact_id(session) -> str:
    largest = 0
    for (value,) in session.execute(select(m.Contact.contact_id).where(m.Contact.contact_id.like("C%"))
                                    .order_by(m.Contact.contact_id.desc()).limit(50)):
        found = re.match(r"^C(\d+)$", value)
        if found:
            largest = max(largest, int(found.group(1)))
    return f"C{largest + 1:07d}"


def add_contact(store: Store, referral_uuid: str, *, occurred_at: datetime, activity: str, minutes: int | None,
                mentor_uuid: str | None = None, staff_name: str = "", notes: str = "") -> str:
    """Log a contact; the first one logged also sets the case's first contact date if it has none."""
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        raise ContactError("Minutes are a whole number from 0 to 1,440.")
    if occurred_at > datetime.now().replace(second=59):
        raise ContactError("A contact cannot be logged in the future.")
    with store.transaction() as session:
        if not mentor_uuid and not staff_name.strip():
            staff_name = audit.actor_of(session)  # staff made it: the person logged in
        referral = session.get(m.Referral, referral_uuid)
        if referral is None:
            raise ContactError("That referral is no longer in the store.")
        contact = m.Contact(contact_id=_next_contact_id(session), referral_uuid=referral_uuid,
                            occurred_at=occurred_at.replace(second=0, microsecond=0), activity=activity,
                            minutes=minutes, mentor_uuid=mentor_uuid, staff_name=staff_name.strip() or None,
                            notes=notes)
        session.add(contact)
        if referral.first_contact_on is None or occurred_at.date() < referral.first_contact_on:
            referral.first_contact_on = occurred_at.date()
        session.flush()
        return contact.contact_id


def edit_contact(store: Store, contact_uuid: str, *, occurred_at: datetime, activity: str, minutes: int | None,
                 notes: str) -> None:
    """Correct an entry; what it said before is kept as a revision, and the change is audited."""
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        raise ContactError("Minutes are a whole number from 0 to 1,440.")
    with store.transaction() as session:
        contact = session.get(m.Contact, contact_uuid)
        if contact is None or contact.deleted_at is not None:
            raise ContactError("That entry is no longer in the log.")
        session.add(m.ContactRevision(contact_uuid=contact.id, occurred_at=contact.occurred_at,
                                      activity=contact.activity, minutes=contact.minutes,
                                      mentor_uuid=contact.mentor_uuid, staff_name=contact.staff_name,
                                      notes=contact.notes))
        contact.occurred_at = occurred_at.replace(second=0, microsecond=0)
        contact.activity, contact.minutes, contact.notes = activity, minutes, notes


def revisions(store: Store, contact_uuid: str) -> list[ContactRow]:
    """Earlier versions of an entry, newest first (uuid is the revision's)."""
    r = m.ContactRevision
    with store.transaction() as session:
        rows = session.scalars(select(r).where(r.contact_uuid == contact_uuid).order_by(r.created_at.desc())).all()
        contact_id = session.scalar(select(m.Contact.contact_id).where(m.Contact.id == contact_uuid))
    return [ContactRow(x.id, contact_id, x.occurred_at, x.activity, x.minutes, x.staff_name or "", x.notes)
            for x in rows]


def delete_contact(store: Store, contact_uuid: str, reason: str) -> None:
    """A soft delete with its reason: the entry leaves the log but stays in the store until retention erases it."""
    if not reason.strip():
        raise ContactError("Give the reason for deleting the entry.")
    with store.transaction() as session:
        contact = session.get(m.Contact, contact_uuid)
        contact.deleted_at, contact.deleted_reason = audit.utcnow(), reason.strip()


def totals(rows: list[ContactRow]) -> dict[str, tuple[int, int]]:
    """Per activity: (contacts, known minutes)."""
    result: dict[str, tuple[int, int]] = {}
    for row in rows:
        count, minutes = result.get(row.activity, (0, 0))
        result[row.activity] = (count + 1, minutes + (row.minutes or 0))
    return result
