"""Reading a record writes nothing: its view waits in memory and joins the audit trail with the next write."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, func, literal_column, select

from cpm_desktop.services import referrals, retention
from cpm_desktop.services.record_views import flush_record_views
from cpm_desktop.services.subject_access import subject_access_data
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store
from tests.conftest import PASSPHRASE
from tests.services.test_referrals import TODAY, new


def commits(store: Store) -> list[object]:
    """Every COMMIT the store's engine sends from now on."""
    seen: list[object] = []
    event.listen(store.engine, "commit", seen.append)
    return seen


def views(store: Store) -> list:
    e = m.AuditEvent
    with store.snapshot() as session:
        return list(session.execute(select(e.id, e.at, e.actor, e.device, e.record_uuid, e.subject_uuid, e.detail)
                                    .where(e.action == "view").order_by(e.at)))


def data_version(connection) -> int:
    return connection.cursor().execute("PRAGMA data_version").fetchone()[0]


def test_twenty_row_clicks_make_no_commit_and_a_flush_writes_their_twenty_views(store):
    saved = new(store)
    watcher = store.engine.raw_connection()  # a second connection sees any commit as a new data_version
    try:
        before = data_version(watcher)
        sent = commits(store)
        for _ in range(20):
            referrals.load_referral(store, saved.referral_uuid)
        assert sent == [] and data_version(watcher) == before
        assert views(store) == []
        assert flush_record_views(store) == 20
        assert len(sent) == 1 and data_version(watcher) != before
    finally:
        watcher.close()
    written = views(store)
    assert [(v.record_uuid, v.subject_uuid, v.actor) for v in written] == \
        [(saved.referral_uuid, saved.person_uuid, "tester")] * 20
    times = [v.at for v in written]
    assert times == sorted(times) and len(set(times)) > 1  # each stamped when it was read, not when written
    assert len({v.id for v in written}) == 20 and all(v.device for v in written)
    assert flush_record_views(store) == 0 and len(sent) == 1  # nothing waiting: no transaction at all


def test_a_view_then_closing_the_store_keeps_the_view(store_path):
    from tests.conftest import new_store

    store = new_store(store_path)
    saved = new(store)
    referrals.load_referral(store, saved.referral_uuid)
    store.close()
    with Store.open(store_path, PASSPHRASE) as reopened:
        assert [v.record_uuid for v in views(reopened)] == [saved.referral_uuid]


def test_a_view_then_a_save_writes_both_in_one_commit(store):
    saved = new(store)
    with store.snapshot() as session:
        last_before = session.scalar(select(func.max(literal_column("audit_event.rowid"))).select_from(m.AuditEvent))
    form = referrals.load_referral(store, saved.referral_uuid)
    sent = commits(store)
    form.phone = "07700 900999"
    referrals.save_referral(store, form, today=TODAY)
    assert len(sent) == 1
    with store.snapshot() as session:
        written = session.execute(select(m.AuditEvent.action, m.AuditEvent.fields)
                                  .where(literal_column("audit_event.rowid") > last_before)
                                  .order_by(literal_column("audit_event.rowid"))).all()
    assert [action for action, _ in written].count("view") == 1 and ("update", "phone") in written


def test_a_read_only_transaction_leaves_the_views_waiting(store):
    saved = new(store)
    referrals.load_referral(store, saved.referral_uuid)
    referrals.list_referrals(store, today=TODAY)  # reads through a write transaction, writing nothing
    assert views(store) == [] and len(store.pending_views) == 1


def test_a_write_that_fails_keeps_the_views_for_the_next(store):
    saved = new(store)
    referrals.load_referral(store, saved.referral_uuid)
    with pytest.raises(RuntimeError), store.transaction() as session:
        session.add(m.Person(person_id="P9", first_name="A", last_name="B"))
        session.flush()
        raise RuntimeError("the save fails after writing")
    assert views(store) == [] and len(store.pending_views) == 1
    assert flush_record_views(store) == 1 and len(views(store)) == 1


def test_a_subject_access_export_lists_the_views_made_just_before(store):
    saved = new(store)
    referrals.load_referral(store, saved.referral_uuid)
    trail = subject_access_data(store, person_id=saved.person_id).sections[-1]
    assert [row[2] for row in trail.rows].count("Viewed") == 1
    assert "Exported (subject-access export)" in [row[2] for row in trail.rows]


def test_a_subject_access_review_writes_nothing_and_its_view_waits(store):
    saved = new(store)
    watcher = store.engine.raw_connection()
    try:
        before = data_version(watcher)
        subject_access_data(store, person_id=saved.person_id, action="view")
        assert data_version(watcher) == before and views(store) == []
    finally:
        watcher.close()
    assert flush_record_views(store) == 1
    assert [(v.detail, v.subject_uuid) for v in views(store)] == [("subject-access review", saved.person_uuid)]


def test_a_view_of_someone_erased_since_is_not_written(store):
    saved = new(store)
    referrals.load_referral(store, saved.referral_uuid)
    retention.erase_on_request(store, kind="person", subject_id=saved.person_id, reason="Asked by letter",
                               today=date(2026, 11, 30))
    assert flush_record_views(store) == 0
    with store.snapshot() as session:
        about = session.scalars(select(m.AuditEvent.id).where(
            m.AuditEvent.subject_uuid == saved.person_uuid)).all()
    assert about == []


def test_a_view_made_on_a_member_laptop_travels_to_the_lead_as_any_audit_event_does(tmp_path):
    from tests.sync.conftest_stores import make_member, new_referral
    from tests.sync.memory_hub import MemoryLog

    log = MemoryLog()
    lead, east = make_member(tmp_path, log, "lead", "A", (), lead=True), make_member(tmp_path, log, "east", "B",
                                                                                     ("east",))
    try:
        form = new_referral(east.store, "Kerry", "Dinsdale", "east")
        referrals.load_referral(east.store, form.referral_uuid)
        assert flush_record_views(east.store) == 1
        east.sync()
        lead.sync()
        with east.store.snapshot() as session:
            device = session.scalar(select(m.AuditEvent.device).where(m.AuditEvent.action == "view"))
        assert device and [(v.record_uuid, v.device) for v in views(lead.store)] == [(form.referral_uuid, device)]
    finally:
        lead.store.close()
        east.store.close()
