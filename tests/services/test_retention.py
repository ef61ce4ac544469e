"""Retention and erasure on a real encrypted store: what is due, holds, the dry run, and erasure that leaves no
copy of a name in any table, free page, the -wal file, a later export or a later backup."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from cpm_desktop.services import access_requests, interchange, retention, subject_access
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store, execute_pragma
from tests.conftest import PASSPHRASE
from tests.services.retention_fixture import CANARY, KEPT, MENTOR_CANARY, TODAY, build
from tests.storage.raw_pages import where_found


@pytest.fixture
def scheme(store):
    return build(store)


def _plaintext_copy(store: Store, out: Path) -> bytes:
    """Every table, decrypted into a plain SQLite file in tmp (sqlcipher_export), as bytes to search."""
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(f"ATTACH DATABASE '{out}' AS plain KEY ''")
        cursor.execute("SELECT sqlcipher_export('plain')")
        cursor.execute("DETACH DATABASE plain")
    finally:
        connection.close()
    return out.read_bytes()


def _file_bytes(store: Store) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in store.path.parent.iterdir() if p.name.startswith(store.path.name)}


def test_the_due_list_says_what_is_due_why_and_since_when(store, scheme):
    items = {item.key: item for item in retention.due_for_deletion(store, today=TODAY)}
    case = items[f"case:{scheme.due_referral}"]
    assert CANARY in case.label and case.since == TODAY and not case.kept
    assert "Support ended on 30/11/2020" in case.reason and "kept 6 years after support ended" in case.reason
    mentor = items[f"mentor:{scheme.leaver}"]
    assert MENTOR_CANARY in mentor.label and mentor.since == TODAY
    assert "kept 6 months after leaving the scheme" in mentor.reason
    assert f"case:{scheme.kept_referral}" not in items
    assert f"mentor:{scheme.recent_leaver}" not in items  # 5 months and 30 days


def test_the_dry_run_writes_nothing(store, scheme):
    store.close()
    before = _file_bytes(store)
    reopened = Store.open(store.path, PASSPHRASE)
    assert retention.due_for_deletion(reopened, today=TODAY)
    reopened.close()
    assert _file_bytes(store) == before


def test_a_legal_hold_and_an_open_request_keep_a_due_record_and_say_why(store, scheme):
    hold = retention.place_hold(store, kind="person", subject_id=scheme.due_person_id, reason="Civil claim",
                                until=date(2027, 6, 30), today=TODAY)
    access_requests.register_request(store, "mentor", scheme.leaver_id, date(2026, 11, 20))
    items = {item.key: item for item in retention.due_for_deletion(store, today=TODAY)}
    assert items[f"case:{scheme.due_referral}"].kept == "Kept: a legal hold until 30/06/2027 (Civil claim)"
    assert items[f"mentor:{scheme.leaver}"].kept.startswith("Kept: a subject-access request received on 20/11/2026")
    report = retention.apply_retention(store, items, today=TODAY)
    assert len(report.kept) == 2 and report.erased_records == 0
    with store.snapshot() as session:
        assert session.get(m.Referral, scheme.due_referral) is not None
        assert session.get(m.Mentor, scheme.leaver) is not None
    with pytest.raises(retention.ErasureRefused, match="legal hold"):
        retention.erase_on_request(store, kind="person", subject_id=scheme.due_person_id, reason="Asked by letter",
                                   today=TODAY)
    retention.lift_hold(store, hold)
    report = retention.apply_retention(store, [f"case:{scheme.due_referral}"], today=TODAY)
    assert report.erased_records > 5 and not report.kept


def test_a_hold_that_has_ended_keeps_nothing(store, scheme):
    retention.place_hold(store, kind="person", subject_id=scheme.due_person_id, reason="Investigation",
                         until=date(2026, 11, 30), today=date(2026, 11, 1))
    items = {item.key: item for item in retention.due_for_deletion(store, today=TODAY)}
    assert items[f"case:{scheme.due_referral}"].kept == ""


def test_after_retention_runs_the_canary_is_in_no_table_no_free_page_no_wal_and_no_later_export(
        store, scheme, tmp_path):
    subject_access.subject_access_data(store, person_id=scheme.due_person_id)  # audit events about the person
    with store.transaction() as session:  # enough of the case's log to fill whole pages, freed when it goes
        session.add_all(m.Contact(contact_id=f"C-LONG-{n}", referral_uuid=scheme.due_referral, activity="case_notes",
                                  occurred_at=datetime(2019, 1, 1, 10), notes=f"{CANARY} said, at length: " + "x" * 900)
                        for n in range(300))
    assert where_found(store.path, PASSPHRASE, CANARY)  # the search finds it while it is there
    assert CANARY.encode() in _plaintext_copy(store, tmp_path / "before.db")
    pages_before = execute_pragma(store, "page_count")[0][0]

    keys = [item.key for item in retention.due_for_deletion(store, today=TODAY)]
    report = retention.apply_retention(store, keys, today=TODAY)
    assert report.wal_cleared and report.erased_records > 10 and report.audit_events > 5

    for name in (CANARY, MENTOR_CANARY):
        assert CANARY.encode() not in _plaintext_copy(store, tmp_path / f"after-{name}.db")
        assert where_found(store.path, PASSPHRASE, name) == []  # not in a live page, a free page or the -wal
    assert not store.path.with_name(store.path.name + "-wal").exists() or \
        store.path.with_name(store.path.name + "-wal").stat().st_size == 0
    assert execute_pragma(store, "freelist_count")[0][0] == 0
    assert execute_pragma(store, "page_count")[0][0] <= pages_before
    # The kept case and the mentor not yet due are untouched.
    assert where_found(store.path, PASSPHRASE, KEPT)
    assert KEPT.encode() in _plaintext_copy(store, tmp_path / "kept.db")

    export = tmp_path / "export"
    export.mkdir()
    interchange.export_folder(store, export)
    assert all(CANARY not in f.read_text(encoding="utf-8") and MENTOR_CANARY not in f.read_text(encoding="utf-8")
               for f in export.iterdir())
    backup = store.backup(tmp_path / "after.cpm")
    with Store.open(backup, PASSPHRASE) as copy:
        assert CANARY.encode() not in _plaintext_copy(copy, tmp_path / "backup-plain.db")
    assert where_found(backup, PASSPHRASE, CANARY) == []


def test_erasure_leaves_only_minimal_tombstones_and_no_audit_events_about_the_subject(store, scheme):
    with store.snapshot() as session:
        person_uuid = session.scalar(select(m.Referral.person_uuid).where(m.Referral.id == scheme.due_referral))
        rows_before = session.scalar(select(func.count()).select_from(m.AuditEvent)
                                     .where(m.AuditEvent.subject_uuid == person_uuid))
    assert rows_before
    retention.apply_retention(store, [f"case:{scheme.due_referral}"], today=TODAY)
    with store.snapshot() as session:
        assert session.scalar(select(func.count()).select_from(m.AuditEvent)
                              .where(m.AuditEvent.subject_uuid == person_uuid)) == 0
        stones = {t.row_uuid: t for t in session.scalars(select(m.Tombstone))}
        assert stones[person_uuid].entity == "person" and stones[scheme.due_referral].entity == "referral"
        assert {t.rule for t in stones.values()} == {"retention rule closed_case: kept 6 years after support ended"}
        assert {t.erased_on for t in stones.values()} == {TODAY}
        kinds = {t.entity for t in stones.values()}
        assert {"contact", "contact_revision", "goal", "allocation", "referral_event"} <= kinds
        for table in ("person", "referral", "contact", "contact_revision", "goal", "allocation", "referral_event"):
            assert session.execute(text(f"SELECT count(*) FROM {table} WHERE id IN (SELECT row_uuid FROM tombstone)")
                                   ).scalar() == 0
        # The run itself is audited, naming no one.
        detail = session.scalar(select(m.AuditEvent.detail).where(m.AuditEvent.action == "erase"))
        assert detail and "records" in detail and CANARY not in detail


def test_erasure_on_request_is_recorded_in_the_register(store, scheme):
    report = retention.erase_on_request(store, kind="mentor", subject_id=scheme.leaver_id,
                                        reason="Asked by email to be forgotten", received_on=date(2026, 11, 28),
                                        today=TODAY)
    assert report.erased_records >= 4
    requests = access_requests.list_requests(store, today=TODAY)
    erased = [r for r in requests if r.subject_kind == "mentor"]
    assert len(erased) == 1 and erased[0].completed_on == TODAY and erased[0].received_on == date(2026, 11, 28)
    assert erased[0].request_kind == "erasure" and MENTOR_CANARY not in erased[0].subject_name
    with store.snapshot() as session:
        # the clients' contacts the mentor made stay, without the mentor
        assert session.scalar(select(func.count()).select_from(m.Contact).where(m.Contact.mentor_uuid.is_(None))) == 2
        assert session.get(m.Mentor, scheme.leaver) is None
    assert where_found(store.path, PASSPHRASE, MENTOR_CANARY) == []


def test_erasure_on_request_refuses_bad_input_in_one_sentence_and_erases_nothing(store, scheme):
    with pytest.raises(retention.ErasureRefused, match="Give the reason"):
        retention.erase_on_request(store, kind="person", subject_id=scheme.due_person_id, reason=" ", today=TODAY)
    with pytest.raises(LookupError, match="no person with the id P-nobody"):
        retention.erase_on_request(store, kind="person", subject_id="P-nobody", reason="x", today=TODAY)
    access_requests.register_request(store, "person", scheme.due_person_id, date(2026, 11, 30))
    with pytest.raises(retention.ErasureRefused, match="subject-access request .* still open"):
        retention.erase_on_request(store, kind="person", subject_id=scheme.due_person_id, reason="x", today=TODAY)
    assert where_found(store.path, PASSPHRASE, CANARY)


def test_the_lead_sets_the_periods_and_a_bad_period_saves_nothing(store, scheme):
    from cpm_desktop.domain.retention import RuleError

    retention.save_retention_rules(store, {"mentor_left": 12})
    keys = {item.key for item in retention.due_for_deletion(store, today=TODAY)}
    assert f"mentor:{scheme.leaver}" not in keys
    with pytest.raises(RuleError):
        retention.save_retention_rules(store, {"mentor_left": 3, "closed_case": -1})
    assert retention.retention_rules(store).mentor_left.months == 12


def test_a_restored_backup_erases_again_what_was_erased_after_it(store, scheme, tmp_path):
    backup = store.backup(tmp_path / "before-erasure.cpm")
    retention.apply_retention(store, [f"case:{scheme.due_referral}", f"mentor:{scheme.leaver}"], today=TODAY)
    stones = retention.tombstones(store, since=TODAY)
    with Store.open(backup, PASSPHRASE) as restored:
        assert where_found(backup, PASSPHRASE, CANARY)
        erased = retention.reapply_tombstones(restored, stones, today=TODAY)
        assert erased == len(stones)
        assert CANARY.encode() not in _plaintext_copy(restored, tmp_path / "restored.db")
        assert retention.tombstones(restored) == stones
    assert where_found(backup, PASSPHRASE, CANARY) == []
    assert where_found(backup, PASSPHRASE, MENTOR_CANARY) == []


def test_only_the_project_lead_erases(tmp_path):
    from tests.sync.conftest_stores import make_member
    from tests.sync.memory_hub import MemoryLog

    coordinator = make_member(tmp_path, MemoryLog(), "north", "C", ("north",))
    with coordinator.store as store:
        records = build(store)
        with pytest.raises(retention.ErasureRefused, match="Only the project lead"):
            retention.apply_retention(store, [f"case:{records.due_referral}"], today=TODAY)
        with pytest.raises(retention.ErasureRefused, match="Only the project lead"):
            retention.erase_on_request(store, kind="mentor", subject_id=records.leaver_id, reason="x", today=TODAY)
        assert where_found(store.path, PASSPHRASE, CANARY)


def test_audit_events_about_no_record_are_kept_for_the_audit_period(store, scheme):
    with store.transaction() as session:
        for at in (datetime(2025, 11, 30, 23, 59), datetime(2025, 12, 1, 0, 0)):
            session.add(m.AuditEvent(at=at, actor="Oldexportactor", action="export", record_table="evaluation",
                                     fields="", detail="evaluation summary"))
    audit_item = [item for item in retention.due_for_deletion(store, today=TODAY) if item.kind == "audit"]
    assert len(audit_item) == 1 and audit_item[0].count == 1  # 30/11/2025 is past 12 months; 01/12/2025 is not
    assert "Recorded before 01/12/2025" in audit_item[0].reason
    report = retention.apply_retention(store, [audit_item[0].key], today=TODAY)
    assert report.audit_events == 1
    with store.snapshot() as session:
        left = session.scalars(select(m.AuditEvent.at).where(m.AuditEvent.actor == "Oldexportactor")).all()
    assert left == [datetime(2025, 12, 1, 0, 0)]


def test_restoring_a_backup_erases_again_what_the_replaced_store_had_erased(store, scheme, tmp_path):
    backup = store.backup(tmp_path / "monday.cpm")
    retention.apply_retention(store, [f"case:{scheme.due_referral}"], today=TODAY)
    store.close()
    restored, erased = retention.restore_keeping_erasures(store.path, backup, PASSPHRASE)
    assert erased == 9 and restored.set_aside  # the replaced store is kept aside, as restore always does
    assert where_found(store.path, PASSPHRASE, CANARY) == []
    with Store.open(store.path, PASSPHRASE) as reopened:
        assert {t.row_uuid for t in retention.tombstones(reopened)} >= {scheme.due_referral}
        assert where_found(reopened.path, PASSPHRASE, KEPT)


def _second_case(store, person_uuid: str, closed_on: date) -> str:
    from cpm_desktop.services import cases
    from cpm_desktop.services import referrals as referral_service

    form = referral_service.save_referral(store, referral_service.ReferralForm(
        first_name="Zebedee", last_name=CANARY, referred_on=date(2019, 1, 1), area="north",
        person_uuid=person_uuid), today=date(2019, 1, 1))
    cases.record_decision(store, form.referral_uuid, "supported", "Again", date(2019, 1, 1), today=date(2019, 1, 1))
    cases.close_case(store, form.referral_uuid, closed_on, "Done", today=closed_on)
    return form.referral_uuid


@pytest.mark.parametrize("second_closed, person_goes", [(date(2025, 6, 1), False), (date(2019, 6, 1), True)])
def test_a_person_goes_with_their_last_case_only(store, scheme, second_closed, person_goes):
    with store.snapshot() as session:
        person_uuid = session.scalar(select(m.Referral.person_uuid).where(m.Referral.id == scheme.due_referral))
    second = _second_case(store, person_uuid, second_closed)
    due = [item.key for item in retention.due_for_deletion(store, today=TODAY) if item.kind == "case"]
    retention.apply_retention(store, due, today=TODAY)
    with store.snapshot() as session:
        assert session.get(m.Referral, scheme.due_referral) is None
        assert (session.get(m.Person, person_uuid) is None) == person_goes
        assert (session.get(m.Referral, second) is None) == person_goes
    assert bool(where_found(store.path, PASSPHRASE, CANARY)) != person_goes
