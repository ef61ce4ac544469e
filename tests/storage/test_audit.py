"""Every change to case data writes an audit event in the same transaction: fields, never values."""
from __future__ import annotations

from datetime import date

from sqlalchemy import literal_column, select

from cpm_desktop.storage import audit
from cpm_desktop.storage import models as m


def events(session):
    return session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.at, literal_column("audit_event.rowid"))).all()


def test_create_update_and_soft_delete_are_audited_without_values(store):
    with store.transaction() as session:
        person = m.Person(person_id="P1", first_name="Secretname", last_name="Hidden")
        session.add(person)
        session.flush()
        referral = m.Referral(referral_id="R1", person_uuid=person.id, referred_on=date(2021, 5, 1))
        session.add(referral)
    with store.transaction() as session:
        referral = session.get(m.Referral, referral.id)
        referral.area = "east"
        referral.description = "Sensitive words"
    with store.transaction() as session:
        referral = session.get(m.Referral, referral.id)
        referral.deleted_at = audit.utcnow()
        referral.deleted_reason = "entered twice"
        trail = events(session)
    assert [(e.action, e.record_table) for e in trail] == [
        ("create", "person"), ("create", "referral"), ("update", "referral"), ("delete", "referral")]
    assert trail[2].fields == "area,description"
    assert all(e.actor == "tester" for e in trail)
    assert all(e.subject_uuid == person.id for e in trail)
    for event in trail:
        text = f"{event.fields} {event.detail or ''}"
        assert "Secretname" not in text and "Sensitive" not in text and "east" not in text.split(",")


def test_records_are_stamped(store):
    with store.transaction() as session:
        person = m.Person(person_id="P1", first_name="A", last_name="B")
        session.add(person)
    assert person.created_at == person.updated_at
    assert person.updated_by == "tester"
    assert len(person.id) == 36


def test_a_no_op_change_writes_no_event(store):
    with store.transaction() as session:
        session.add(m.Person(person_id="P1", first_name="A", last_name="B"))
    with store.transaction() as session:
        person = session.scalars(select(m.Person)).one()
        person.first_name = "A"
    with store.transaction() as session:
        assert len(events(session)) == 1


def test_views_and_exports_are_recorded(store):
    with store.transaction() as session:
        audit.record_access(session, "view", "person", "uuid-1", subject_uuid="uuid-1")
        audit.record_access(session, "export", "referral", detail="12 rows")
    with store.transaction() as session:
        assert [(e.action, e.detail) for e in events(session)] == [("view", None), ("export", "12 rows")]
