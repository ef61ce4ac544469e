"""The contact log of a case: quick entry, the list newest first, totals by activity, corrections kept as
revisions, soft deletes with a reason. The rules themselves are in ``domain.contacts``."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain import contacts as rules
from cpm_desktop.domain import ids
from cpm_desktop.domain.contacts import MAX_MINUTES as MAX_MINUTES  # part of this service's API
from cpm_desktop.domain.contacts import ContactError as ContactError
from cpm_desktop.domain.text import MAX_TEXT_CHARS, too_long
from cpm_desktop.services.cases import CasePanelView, case_panel_view_in
from cpm_desktop.services.referrals import CaseHeader, header_in
from cpm_desktop.services.vocabulary import vocabulary_for
from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import next_id


class _Keep(Enum):
    """Leave who made a contact as it is (for edit_contact, where None means staff, not a mentor)."""

    KEEP = "keep"


_KEEP = _Keep.KEEP


@dataclass(frozen=True)
class ContactRow:
    uuid: str
    contact_id: str
    occurred_at: datetime
    activity: str
    minutes: int | None
    who: str
    notes: str
    mentor_uuid: str | None = None


@dataclass(frozen=True)
class RevisionRow:
    """What an entry said before one correction, and who corrected it when (UTC)."""

    revised_at: datetime
    revised_by: str
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


def _who(first: str | None, last: str | None, staff_name: str | None) -> str:
    return f"{first} {last}" if first is not None else (staff_name or "")


def list_contacts(store: Store, referral_uuid: str, activity: str | None = None) -> list[ContactRow]:
    """The case's log, newest first (optionally one activity only); deleted entries are left out."""
    with store.snapshot() as session:
        return _rows(session, referral_uuid, activity)


def _rows(session: Session, referral_uuid: str, activity: str | None) -> list[ContactRow]:
    c, t = m.Contact, m.Mentor
    query = (select(c.id, c.contact_id, c.occurred_at, c.activity, c.minutes, t.first_name, t.last_name,
                    c.staff_name, c.notes, c.mentor_uuid)
             .outerjoin(t, t.id == c.mentor_uuid)
             .where(c.referral_uuid == referral_uuid, c.deleted_at.is_(None))
             .order_by(c.occurred_at.desc(), c.contact_id.desc()))
    if activity:
        query = query.where(c.activity == activity)
    return [ContactRow(r[0], r[1], r[2], r[3], r[4], _who(r[5], r[6], r[7]), r[8], r[9])
            for r in session.execute(query).all()]


def case_totals(store: Store, referral_uuid: str) -> dict[str, tuple[int, int]]:
    """Per activity, for the whole case whatever the list shows: (contacts, known minutes)."""
    with store.snapshot() as session:
        return _case_totals(session, referral_uuid)


def _case_totals(session: Session, referral_uuid: str) -> dict[str, tuple[int, int]]:
    """Reads only the covering index of a case's contacts."""
    c = m.Contact
    rows = session.execute(select(c.activity, func.count(), func.coalesce(func.sum(c.minutes), 0))
                           .where(c.referral_uuid == referral_uuid, c.deleted_at.is_(None))
                           .group_by(c.activity)).all()
    return {activity: (count, minutes or 0) for activity, count, minutes in rows}


def totals(rows: list[ContactRow]) -> dict[str, tuple[int, int]]:
    """Per activity of the given rows: (contacts, known minutes)."""
    return rules.totals((row.activity, row.minutes) for row in rows)


def helpers(store: Store, referral_uuid: str) -> list[Helper]:
    """The case's mentors, those still allocated first; staff are offered by the pane."""
    with store.snapshot() as session:
        return _helpers(session, referral_uuid)


def _helpers(session: Session, referral_uuid: str) -> list[Helper]:
    a, t = m.Allocation, m.Mentor
    rows = session.execute(select(t.id, t.first_name, t.last_name).join(a, a.mentor_uuid == t.id)
                           .where(a.referral_uuid == referral_uuid, a.deleted_at.is_(None))
                           .order_by(a.ended_on.is_not(None), t.first_name)).all()
    seen: set[str] = set()
    result: list[Helper] = []
    for uuid, first, last in rows:
        if uuid not in seen:
            seen.add(uuid)
            result.append(Helper(uuid, f"{first} {last}"))
    return result


# --- what the Contact log pane shows, each read in one snapshot ------------------------------------------

@dataclass(frozen=True)
class ContactLog:
    """The log as listed (one activity, or all) and the totals of the whole case, whatever the list shows."""

    rows: list[ContactRow]
    totals: dict[str, tuple[int, int]]  # per activity: (contacts, known minutes)


@dataclass(frozen=True)
class ContactLogView:
    """The Contact log pane's whole view of a case: its header, log, who may have made a contact, and the
    case panel beside it (goals, police calls, closing)."""

    header: CaseHeader
    log: ContactLog
    helpers: list[Helper]
    panel: CasePanelView


def contact_log(store: Store, referral_uuid: str, activity: str | None = None) -> ContactLog:
    """The list and the totals (another activity chosen to show) in one consistent read."""
    with store.snapshot() as session:
        return ContactLog(_rows(session, referral_uuid, activity), _case_totals(session, referral_uuid))


def contact_log_view(store: Store, referral_uuid: str, activity: str | None = None) -> ContactLogView | None:
    """Everything the pane shows of the case, in one consistent read; None when the referral is gone."""
    with store.snapshot() as session:
        header = header_in(session, referral_uuid)
        if header is None:
            return None
        try:
            panel = case_panel_view_in(session, referral_uuid)
        except LookupError:  # deleted: as not there
            return None
        return ContactLogView(header, ContactLog(_rows(session, referral_uuid, activity),
                                                 _case_totals(session, referral_uuid)),
                              _helpers(session, referral_uuid), panel)


def _check(session: Session, occurred_at: datetime, activity: str, minutes: int | None, notes: str) -> None:
    if too_long(notes):
        raise ContactError(f"A note holds at most {MAX_TEXT_CHARS:,} characters; split it into two entries.")
    rules.check_contact(occurred_at=occurred_at, activity=activity, minutes=minutes,
                        activities=vocabulary_for(session).codes("activity"), now=datetime.now())


def add_contact(store: Store, referral_uuid: str, *, occurred_at: datetime, activity: str, minutes: int | None,
                mentor_uuid: str | None = None, staff_name: str = "", notes: str = "") -> str:
    """Log a contact and return its id; made by a mentor (uuid) or else staff (by default the one logged in).

    The case's first contact date is set from its earliest contact (when empty, or when this one is earlier).
    """
    with store.transaction() as session:
        _check(session, occurred_at, activity, minutes, notes)
        referral = session.get(m.Referral, referral_uuid)
        if referral is None or referral.deleted_at is not None:
            raise ContactError("That referral is no longer in the store.")
        if not mentor_uuid and not staff_name.strip():
            staff_name = audit.actor_of(session)
        contact = m.Contact(contact_id=next_id(session, ids.CONTACT), referral_uuid=referral_uuid,
                            occurred_at=occurred_at.replace(second=0, microsecond=0), activity=activity,
                            minutes=minutes, mentor_uuid=mentor_uuid or None,
                            staff_name=None if mentor_uuid else staff_name.strip(), notes=notes.strip())
        session.add(contact)
        first = rules.first_contact_on(referral.first_contact_on, occurred_at)
        if first != referral.first_contact_on:
            referral.first_contact_on = first
        session.flush()
        return contact.contact_id


def _live_contact(session: Session, contact_uuid: str) -> m.Contact:
    contact = session.get(m.Contact, contact_uuid)
    if contact is None or contact.deleted_at is not None:
        raise ContactError("That entry is no longer in the log.")
    return contact


def edit_contact(store: Store, contact_uuid: str, *, occurred_at: datetime, activity: str, minutes: int | None,
                 notes: str, mentor_uuid: str | None | _Keep = _KEEP, staff_name: str | _Keep = _KEEP) -> None:
    """Correct an entry; what it said before is kept as a revision, and the change is audited.

    ``mentor_uuid``/``staff_name`` change who made the contact (a mentor, or staff when mentor_uuid is None);
    left out, they stay as they were.
    """
    with store.transaction() as session:
        _check(session, occurred_at, activity, minutes, notes)
        contact = _live_contact(session, contact_uuid)
        session.add(m.ContactRevision(contact_uuid=contact.id, occurred_at=contact.occurred_at,
                                      activity=contact.activity, minutes=contact.minutes,
                                      mentor_uuid=contact.mentor_uuid, staff_name=contact.staff_name,
                                      notes=contact.notes))
        contact.occurred_at = occurred_at.replace(second=0, microsecond=0)
        contact.activity, contact.minutes, contact.notes = activity, minutes, notes.strip()
        if mentor_uuid is not _KEEP:
            contact.mentor_uuid = mentor_uuid or None
            if mentor_uuid:
                contact.staff_name = None
            else:
                name = "" if staff_name is _KEEP else staff_name.strip()
                contact.staff_name = name or contact.staff_name or audit.actor_of(session)
        elif staff_name is not _KEEP and not contact.mentor_uuid:
            contact.staff_name = staff_name.strip() or contact.staff_name


def revisions(store: Store, contact_uuid: str) -> list[RevisionRow]:
    """Earlier versions of an entry, the latest correction first."""
    r, t = m.ContactRevision, m.Mentor
    with store.snapshot() as session:
        rows = session.execute(
            select(r.created_at, r.updated_by, r.occurred_at, r.activity, r.minutes, t.first_name, t.last_name,
                   r.staff_name, r.notes)
            .outerjoin(t, t.id == r.mentor_uuid)
            .where(r.contact_uuid == contact_uuid, r.deleted_at.is_(None))
            .order_by(r.created_at.desc())).all()
    return [RevisionRow(x[0], x[1], x[2], x[3], x[4], _who(x[5], x[6], x[7]), x[8]) for x in rows]


def delete_contact(store: Store, contact_uuid: str, reason: str) -> None:
    """A soft delete with its reason: the entry leaves the log but stays in the store until retention erases it."""
    reason = rules.check_delete_reason(reason)
    with store.transaction() as session:
        contact = _live_contact(session, contact_uuid)
        contact.deleted_at, contact.deleted_reason = audit.utcnow(), reason
