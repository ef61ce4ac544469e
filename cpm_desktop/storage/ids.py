"""The one allocator of interchange ids, used by every path that makes a record (GUI, CLI, import, sync).

Call it inside the write transaction (``Store.transaction()`` begins IMMEDIATE, so two processes writing one
store take turns): the counter row is read and bumped under the store's write lock, so no two saves get the
same number. The counter starts from the largest id of its kind already in the store (imports included) and
skips any number that has since been taken by an import, so it never hands out an id in use.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from cpm_desktop.domain import ids
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import device_identity

ID_COLUMNS: dict[str, InstrumentedAttribute[str]] = {
    ids.PERSON.name: m.Person.person_id,
    ids.REFERRAL.name: m.Referral.referral_id,
    ids.MENTOR.name: m.Mentor.mentor_id,
    ids.CONTACT.name: m.Contact.contact_id,
    ids.GOAL.name: m.Goal.goal_id,
}


def next_id(session: Session, kind: ids.IdKind) -> str:
    """A new id of ``kind`` for a record made in this transaction on this device."""
    code = device_identity(session).code
    stem = kind.stem(code)
    column = ID_COLUMNS[kind.name]
    counter = session.get(m.IdCounter, stem)
    if counter is None:
        counter = m.IdCounter(stem=stem, last=_largest_in_store(session, kind, code))
        session.add(counter)
    number = counter.last + 1
    while session.scalar(select(column).where(column == kind.format(number, code))) is not None:
        number += 1  # taken by an import or a restore since the counter last moved
    counter.last = number
    return kind.format(number, code)


def forget_counters(session: Session) -> None:
    """After a bulk import: the next allocation starts again from the largest id in the store."""
    session.query(m.IdCounter).delete()


def _largest_in_store(session: Session, kind: ids.IdKind, code: str | None) -> int:
    column = ID_COLUMNS[kind.name]
    stem = kind.stem(code)
    # The unique index on the id column makes this a range scan over this device's ids only.
    values = session.scalars(select(column).where(column >= stem, column < stem + "\uffff")).all()
    return ids.largest_number(list(values), kind, code)
