"""The store is ready for many devices and many writers: ids, clocks, uuid audit events, snapshots."""
from __future__ import annotations

import json
import multiprocessing
from datetime import datetime

from sqlalchemy import func, literal_column, select

from cpm_desktop.domain import ids
from cpm_desktop.storage import models as m
from cpm_desktop.storage.device import update_device_identity
from cpm_desktop.storage.engine import Store
from cpm_desktop.storage.ids import next_id
from tests.conftest import PASSPHRASE


def _referral(session, person_id="P1"):
    person = m.Person(person_id=person_id, first_name="Ann", last_name="Lee")
    session.add(person)
    session.flush()
    referral = m.Referral(referral_id=next_id(session, ids.REFERRAL), person_uuid=person.id,
                          referred_on=datetime(2026, 1, 5).date(), area="durham_city")
    session.add(referral)
    session.flush()
    return referral


def test_ids_follow_the_largest_in_the_store_and_carry_the_device_code_once_a_member(store):
    with store.transaction() as session:
        session.add(m.Person(person_id="P000041", first_name="A", last_name="B"))
        session.flush()
        assert next_id(session, ids.PERSON) == "P000042"
        assert next_id(session, ids.PERSON) == "P000043"
    with store.transaction() as session:
        update_device_identity(session, code="B")
    with store.transaction() as session:
        assert next_id(session, ids.PERSON) == "P-B-000001"


def test_an_id_taken_by_an_import_since_the_counter_moved_is_skipped(store):
    with store.transaction() as session:
        assert next_id(session, ids.GOAL) == "G000001"
    with store.transaction() as session:  # an import that bypasses the allocator
        referral = _referral(session)
        session.add(m.Goal(goal_id="G000002", referral_uuid=referral.id, set_on=referral.referred_on))
    with store.transaction() as session:
        assert next_id(session, ids.GOAL) == "G000003"


def test_every_record_gets_its_origin_device_and_field_clocks(store):
    with store.transaction() as session:
        referral = _referral(session)
        created = referral.hlc
        device = referral.origin_device
    assert created and device
    assert json.loads(referral.field_hlc) == {"": created}
    with store.transaction() as session:
        row = session.get(m.Referral, referral.id)
        row.description = "Needs a hand with letters"
    with store.transaction() as session:
        row = session.get(m.Referral, referral.id)
        clocks = json.loads(row.field_hlc)
        assert clocks[""] == created
        assert clocks["description"] == [row.hlc, created] and row.hlc > created
        assert "area" not in clocks  # unchanged fields keep the creation clock
        events = session.scalars(select(m.AuditEvent).where(m.AuditEvent.record_uuid == row.id)).all()
        assert len({event.id for event in events}) == len(events) == 2
        assert all(event.device == device for event in events)


def test_a_standalone_store_queues_nothing_for_sync_but_a_member_does(store):
    with store.transaction() as session:
        _referral(session)
        assert session.scalar(select(func.count()).select_from(m.SyncOutbox)) == 0
    with store.transaction() as session:
        update_device_identity(session, code="A")
    with store.transaction() as session:
        referral = _referral(session, "P2")
        referral.vulnerabilities = "mental_health"
        session.flush()
        referral.vulnerabilities = "mental_health;isolation"
        session.flush()
        queued = session.scalars(select(m.SyncOutbox).where(m.SyncOutbox.row_uuid == referral.id)
                                 .order_by(m.SyncOutbox.seq)).all()
        assert [json.loads(q.payload)["op"] for q in queued] == ["create", "upsert", "upsert"]
        last = json.loads(queued[-1].payload)
        assert last["sets"]["vulnerabilities"] == {"isolation": True}
        assert last["fields"]["vulnerabilities"] == "mental_health;isolation"
        assert last["base"]["vulnerabilities"] == queued[1].clock > queued[0].clock


def _add_contacts(path: str, count: int, referral_uuid: str, results: multiprocessing.Queue) -> None:
    failures = 0
    with Store.open(path, PASSPHRASE, actor="writer") as store:
        for n in range(count):
            try:
                with store.transaction() as session:
                    session.add(m.Contact(contact_id=next_id(session, ids.CONTACT), referral_uuid=referral_uuid,
                                          occurred_at=datetime(2026, 1, 6, 10, n % 60), activity="home_visit",
                                          notes=f"call {n}"))
            except Exception:  # noqa: BLE001 - counted: the test says how many saves failed
                failures += 1
    results.put(failures)


def test_two_processes_adding_contacts_at_once_never_collide(store, store_path):
    with store.transaction() as session:
        referral_uuid = _referral(session).id
    store.close()
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    writers = [context.Process(target=_add_contacts, args=(str(store_path), 150, referral_uuid, results))
               for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [results.get(timeout=5) for _ in writers] == [0, 0]
    with Store.open(store_path, PASSPHRASE) as reopened, reopened.transaction() as session:
        contact_ids = session.scalars(select(m.Contact.contact_id)).all()
    assert len(contact_ids) == len(set(contact_ids)) == 300
    assert max(contact_ids) == "C0000300"


def test_a_snapshot_does_not_see_what_another_writer_commits_meanwhile(store, store_path):
    with store.transaction() as session:
        _referral(session)
    with Store.open(store_path, PASSPHRASE) as other, store.snapshot() as snapshot:
        before = snapshot.scalar(select(func.count()).select_from(m.Person))
        with other.transaction() as session:
            session.add(m.Person(person_id="P9", first_name="New", last_name="Person"))
        assert snapshot.scalar(select(func.count()).select_from(m.Person)) == before == 1
    with store.snapshot() as later:
        assert later.scalar(select(func.count()).select_from(m.Person)) == 2


def test_audit_events_keep_their_order_by_time_then_insertion(store):
    with store.transaction() as session:
        _referral(session)
    with store.transaction() as session:
        actions = session.scalars(select(m.AuditEvent.record_table)
                                  .order_by(m.AuditEvent.at, literal_column("audit_event.rowid"))).all()
    assert actions == ["person", "referral"]
