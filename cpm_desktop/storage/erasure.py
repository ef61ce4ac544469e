"""Erasing for real: a record, everything recorded on it, and every copy of it inside the store file.

Soft deletion (``deleted_at``) is what the application does every day; erasure is what the retention rules and
erasure requests do. An erased row leaves only a :class:`~cpm_desktop.storage.models.Tombstone` (uuid, kind,
date, rule). The audit hook turns each ``session.delete()`` of a member store into an "erase" change for the
hub; :data:`~cpm_desktop.storage.changes.ERASURE_RULE` in ``session.info`` names the rule it goes with.

Rows are deleted children first, one level per flush, so the erase changes queue (and reach other laptops)
children before parents: a laptop that applies only part of them never holds a child of a missing parent.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from cpm_desktop.storage import changes
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store

_CHUNK = 500
R = TypeVar("R", bound=m.Record)
CHECKPOINT_WAIT_MS = 2000  # how long the scrub waits for another program's reading to finish

# Children of a case, deepest first: (model, the column naming the parent, the parent's model).
_CASE_LEVELS: tuple[tuple[tuple[type[m.Record], str, type[m.Record]], ...], ...] = (
    ((m.RiskCheck, "assessment_uuid", m.RiskAssessment), (m.ProfessionalConsulted, "assessment_uuid",
                                                           m.RiskAssessment),
     (m.GoalReview, "goal_uuid", m.Goal), (m.ContactRevision, "contact_uuid", m.Contact)),
    ((m.ReferralEvent, "referral_uuid", m.Referral), (m.RiskAssessment, "referral_uuid", m.Referral),
     (m.RiskFlag, "referral_uuid", m.Referral), (m.HomeVisit, "referral_uuid", m.Referral),
     (m.Allocation, "referral_uuid", m.Referral), (m.Contact, "referral_uuid", m.Referral),
     (m.Goal, "referral_uuid", m.Referral)),
)


@dataclass
class Erased:
    """What one erasure removed: each row's (entity, uuid), deepest first, and the audit events about it."""

    rows: list[tuple[str, str]]
    audit_events: int = 0

    @property
    def count(self) -> int:
        return len(self.rows)


def chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def case_levels(session: Session, referral_uuids: Sequence[str]) -> list[list[m.Record]]:
    """The cases' records in levels, deepest first, the referrals last."""
    found: dict[type[m.Record], list[str]] = {m.Referral: list(referral_uuids)}
    by_level: list[list[m.Record]] = [[] for _ in _CASE_LEVELS]
    for depth in reversed(range(len(_CASE_LEVELS))):  # parents' children are found before theirs
        for model, column, parent in _CASE_LEVELS[depth]:
            rows: list[m.Record] = []
            for chunk in chunks(found.get(parent, [])):
                rows.extend(session.scalars(select(model).where(getattr(model, column).in_(chunk))))
            found[model] = [row.id for row in rows]
            by_level[depth].extend(rows)
    referrals: list[m.Record] = [row for chunk in chunks(list(referral_uuids))
                                 for row in session.scalars(select(m.Referral).where(m.Referral.id.in_(chunk)))]
    return [*by_level, referrals]


_CHILDREN: dict[type[m.Record], tuple[tuple[type[m.Record], str], ...]] = {
    m.RiskAssessment: ((m.RiskCheck, "assessment_uuid"), (m.ProfessionalConsulted, "assessment_uuid")),
    m.Goal: ((m.GoalReview, "goal_uuid"),), m.Contact: ((m.ContactRevision, "contact_uuid"),),
}


def record_levels(session: Session, row: m.Record) -> list[list[m.Record]]:
    """A record and everything hanging from it, deepest first (an erasure from another laptop, which may
    not know of children made here)."""
    if isinstance(row, m.Person):
        return person_levels(session, row.id)
    if isinstance(row, m.Mentor):
        return mentor_levels(session, row.id)
    if isinstance(row, m.Referral):
        return case_levels(session, [row.id])
    children = [child for model, column in _CHILDREN.get(type(row), ())
                for child in session.scalars(select(model).where(getattr(model, column) == row.id))]
    return [children, [row]]


def person_levels(session: Session, person_uuid: str) -> list[list[m.Record]]:
    return people_levels(session, [person_uuid])


def people_levels(session: Session, person_uuids: Sequence[str]) -> list[list[m.Record]]:
    """People with all their cases, deepest first (a few queries however many there are)."""
    referrals = [uuid for chunk in chunks(list(person_uuids))
                 for uuid in session.scalars(select(m.Referral.id).where(m.Referral.person_uuid.in_(chunk)))]
    return [*case_levels(session, referrals), _own_records(session, person_uuids),
            _rows(session, m.Person, m.Person.id, person_uuids)]


def mentor_levels(session: Session, mentor_uuid: str) -> list[list[m.Record]]:
    return mentors_levels(session, [mentor_uuid])


def mentors_levels(session: Session, mentor_uuids: Sequence[str]) -> list[list[m.Record]]:
    """Mentors' own records; the clients' contacts they made stay the clients' and lose the mentor's name."""
    mine: list[m.Record] = []
    for own in (m.MentorStatusChange, m.ProgressCheck, m.Allocation):
        mine.extend(_rows(session, own, own.mentor_uuid, mentor_uuids))
    # Ordinary edits, which travel over sync as edits.
    for contact in _rows(session, m.Contact, m.Contact.mentor_uuid, mentor_uuids):
        contact.mentor_uuid = None
    for revision in _rows(session, m.ContactRevision, m.ContactRevision.mentor_uuid, mentor_uuids):
        revision.mentor_uuid = None
    return [mine, _own_records(session, mentor_uuids), _rows(session, m.Mentor, m.Mentor.id, mentor_uuids)]


def _rows(session: Session, model: type[R], column: InstrumentedAttribute[Any], uuids: Sequence[str]) -> list[R]:
    return [row for chunk in chunks(list(uuids)) for row in session.scalars(select(model).where(column.in_(chunk)))]


def _own_records(session: Session, subject_uuids: Sequence[str]) -> list[m.Record]:
    """The subjects' access requests and lifted holds (an erasure request outlives them, as proof)."""
    q = m.SubjectAccessRequest
    requests = [row for row in _rows(session, q, q.subject_uuid, subject_uuids) if row.request_kind != "erasure"]
    return [*requests, *_rows(session, m.RetentionHold, m.RetentionHold.subject_uuid, subject_uuids)]


def erase_levels(session: Session, levels: Sequence[Sequence[m.Record]], *, rule: str, today: date) -> Erased:
    """Erase the rows, deepest level first, leaving a tombstone for each; with them go the audit events about
    them (and about an erased person or mentor), the changes still waiting to be pushed and any conflicts they
    were in."""
    erased = Erased([(row.__tablename__, row.id) for level in levels for row in level])
    ids = [row_uuid for _, row_uuid in erased.rows]
    subjects = [row.id for level in levels for row in level if isinstance(row, m.Person | m.Mentor)]
    _forget_copies(session, ids, subjects, erased)
    previous = session.info.get(changes.ERASURE_RULE)
    session.info[changes.ERASURE_RULE] = rule
    try:
        session.flush()  # the edits levels made (a mentor's name taken off contacts) queue before the erasures
        for level in levels:
            for row in level:
                session.delete(row)
            session.flush()
    finally:
        session.info[changes.ERASURE_RULE] = previous
    add_tombstones(session, erased.rows, rule=rule, today=today)
    return erased


def add_tombstones(session: Session, rows: Iterable[tuple[str, str]], *, rule: str, today: date,
                   hlc: str = "") -> int:
    added = 0
    for entity, row_uuid in rows:
        if session.get(m.Tombstone, row_uuid) is None:
            session.add(m.Tombstone(row_uuid=row_uuid, entity=entity, erased_on=today, rule=rule, hlc=hlc))
            added += 1
    session.flush()
    return added


def _forget_copies(session: Session, ids: Sequence[str], subjects: Sequence[str], erased: Erased) -> None:
    e = m.AuditEvent
    event_ids: list[str] = []
    for chunk in chunks(list(subjects)):
        event_ids.extend(session.scalars(select(e.id).where(e.subject_uuid.in_(chunk))))
    for chunk in chunks(list(ids)):
        event_ids.extend(session.scalars(select(e.id).where(e.record_uuid.in_(chunk))))
    event_ids = sorted(set(event_ids))
    for chunk in chunks(event_ids):
        session.execute(delete(e).where(e.id.in_(chunk)))
    erased.audit_events = len(event_ids)
    for chunk in chunks([*ids, *event_ids]):
        session.execute(delete(m.SyncOutbox).where(m.SyncOutbox.row_uuid.in_(chunk)))
        session.execute(delete(m.SyncConflict).where(m.SyncConflict.row_uuid.in_(chunk)))


def clear_references(session: Session, mentor_uuid: str) -> None:
    """Applying a mentor's erasure from another laptop: contacts made here keep no link to the mentor."""
    for model in (m.Contact, m.ContactRevision):
        session.execute(update(model).where(model.mentor_uuid == mentor_uuid).values(mentor_uuid=None))


def delete_audit_events(session: Session, event_ids: Sequence[str]) -> None:
    """Audit events past their period, with their copies still waiting to be sent to the hub."""
    for chunk in chunks(list(event_ids)):
        session.execute(delete(m.AuditEvent).where(m.AuditEvent.id.in_(chunk)))
        session.execute(delete(m.SyncOutbox).where(m.SyncOutbox.row_uuid.in_(chunk)))


def forget_subject_events(session: Session, subject_or_record_uuids: Sequence[str]) -> None:
    """Applying an erasure from another laptop: the audit events about the erased rows go with them."""
    e = m.AuditEvent
    for chunk in chunks(list(subject_or_record_uuids)):
        session.execute(delete(e).where(or_(e.subject_uuid.in_(chunk), e.record_uuid.in_(chunk))))


@dataclass(frozen=True)
class Scrubbed:
    wal_cleared: bool  # False when another program held the store open, so the -wal file could not be emptied
    free_pages: int


def scrub(store: Store) -> Scrubbed:
    """Clear every copy of erased rows from the file: freed pages (VACUUM rebuilds the file without them) and
    the write-ahead log (checkpointed and truncated to nothing). Run after the erasing transaction commits."""
    store.engine.dispose()  # pooled connections would hold the log open; new ones open when next needed
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            cursor.execute("PRAGMA secure_delete = ON")  # what VACUUM frees is zeroed, not just unlinked
            cursor.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")  # a reader elsewhere: say so, soon
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("VACUUM")
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            free_pages = int(cursor.execute("PRAGMA freelist_count").fetchone()[0])
        finally:
            cursor.close()
    finally:
        connection.close()
    store.engine.dispose()
    return Scrubbed(wal_cleared=not busy, free_pages=free_pages)
