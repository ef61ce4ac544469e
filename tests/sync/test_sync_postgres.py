"""The whole scheme against a real PostgreSQL hub: set up, invite, join, sync, faults, and what the hub holds."""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cpm_desktop.domain.evaluation import EvaluationParameters
from cpm_desktop.services import referrals as referral_service
from cpm_desktop.services import reports as report_service
from cpm_desktop.services import sync as sync_service
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import Store, _keyed_engine
from cpm_desktop.sync.membership import membership
from tests.conftest import PASSPHRASE, new_store, raw_key
from tests.sync.conftest import HubDatabase
from tests.sync.conftest_stores import new_referral

CANARY_NAME, CANARY_STREET, CANARY_NOTE = "Zebedee", "17 Quillfeather Lane", "canary-note-8c1f"


@pytest.fixture
def laptops(tmp_path, hub_db):
    lead = new_store(tmp_path / "lead.cpm", actor="Pat Lead")  # Store.create's store, without its key derivation
    sync_service.set_up_hub(lead, hub_db.owner_url, user="Pat Lead")
    joined = {}
    for name, area in (("east", "east"), ("north", "north")):
        code = sync_service.invite(lead, areas=(area,), member_role="coordinator", out=tmp_path / f"{name}.invite")
        store = new_store(tmp_path / f"{name}.cpm", actor=name)
        sync_service.join(store, tmp_path / f"{name}.invite", code, user=f"{name.title()} Coordinator")
        joined[name] = store
    yield lead, joined["east"], joined["north"]
    for store in (lead, *joined.values()):
        store.close()


def _people(store):
    with store.snapshot() as session:
        return sorted(p.first_name for p in session.scalars(select(m.Person)))


def test_records_travel_to_their_area_and_the_lead_and_the_hub_holds_no_personal_data(laptops, hub_db, postgres):
    lead, east, north = laptops
    form = new_referral(east, CANARY_NAME, "Canary", "east", address=CANARY_STREET, description=CANARY_NOTE)
    new_referral(north, "Norah", "North", "north")
    for store in (east, north, lead, east, north):
        sync_service.sync_now(store)
    assert _people(lead) == ["Norah", CANARY_NAME]
    assert _people(east) == [CANARY_NAME]
    assert _people(north) == ["Norah"]
    assert referral_service.load_referral(lead, form.referral_uuid).address == CANARY_STREET
    status = sync_service.status(east)
    assert status.member and status.pending == 0 and status.last_sync_at
    dump = subprocess.run([str(postgres.bindir / "pg_dump"), "--dbname", hub_db.superuser_url],
                          capture_output=True, check=True).stdout
    assert len(dump) > 1000
    for canary in (CANARY_NAME, CANARY_STREET, CANARY_NOTE):
        assert canary.encode() not in dump


def test_the_leads_evaluation_after_sync_covers_every_area(laptops):
    lead, east, north = laptops
    new_referral(east, "Eve", "East", "east")
    new_referral(north, "Nia", "North", "north")
    new_referral(north, "Ned", "North", "north")
    for store in (east, north, lead):
        sync_service.sync_now(store)
    summary = report_service.evaluation_summary(lead, EvaluationParameters(date(2026, 4, 1), date(2027, 3, 31),
                                                                           date(2026, 11, 30)))
    assert summary["referrals"]["total"] == 3
    by_area = {row["area"]: row["referrals"] for row in summary["by_area"]["areas"]}
    assert by_area.get("east") == 1 and by_area.get("north") == 2


def test_a_coordinator_cannot_invite_and_a_wrong_code_does_not_join(laptops, tmp_path):
    lead, east, _ = laptops
    with pytest.raises(sync_service.SyncError, match="Durham City is not an area code; the areas are"):
        sync_service.invite(lead, areas=("Durham City",), member_role="coordinator", out=tmp_path / "z.invite")
    assert not (tmp_path / "z.invite").exists()
    with pytest.raises(sync_service.SyncError):
        sync_service.invite(east, areas=("east",), member_role="coordinator", out=tmp_path / "x.invite")
    code = sync_service.invite(lead, areas=("east",), member_role="coordinator", out=tmp_path / "y.invite")
    assert oct((tmp_path / "y.invite").stat().st_mode & 0o777) == "0o600"
    stranger = Store.create(tmp_path / "stranger.cpm", PASSPHRASE)
    wrong = "".join("A" if c != "-" else c for c in code)
    with pytest.raises(ValueError, match="invite code"):
        sync_service.join(stranger, tmp_path / "y.invite", wrong)
    assert not sync_service.status(stranger).member
    stranger.close()


def _sync_in_a_child(db: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CPM_PASSPHRASE=PASSPHRASE)
    return subprocess.Popen([sys.executable, "-m", "cpm_desktop", "sync", "--db", str(db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_once(child: subprocess.Popen[bytes], progress: Callable[[], int]) -> bool:
    """SIGKILL the child as soon as ``progress`` moves (one page is through, more are to come); False if the
    child ended first. Waiting for the page, not for a fixed time, kills it mid-sync however busy the machine."""
    before, deadline = progress(), time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        if progress() != before:
            os.kill(child.pid, signal.SIGKILL)
            return child.wait() == -signal.SIGKILL
        time.sleep(0.005)
    child.kill()
    child.wait()
    return False


def _hub_changes(hub_db: HubDatabase) -> Callable[[], int]:
    """How many changes the hub holds: a push's page lands in one commit, before the laptop marks it sent."""
    def count() -> int:
        with psycopg.connect(hub_db.superuser_url) as conn:
            row = conn.execute("SELECT count(*) FROM hub.change_log").fetchone()
        return int(row[0]) if row else 0
    return count


def _read_up_to(db: Path) -> Callable[[], int]:
    """How far the laptop has read the hub (its membership's last_seq): a pulled page moves it in one commit.
    Read beside the child, with the raw key (the store is a copy of the session's template store)."""
    def last_seq() -> int:
        engine = _keyed_engine(db, raw_key())
        try:
            with Session(engine) as session:
                current = membership(session)
        finally:
            engine.dispose()  # no connection of the test's stays open on the child's store
        return current.last_seq if current else 0
    return last_seq


def test_kill_9_mid_push_and_mid_pull_loses_nothing(laptops, hub_db, tmp_path):
    lead, east, _ = laptops
    with east.transaction() as session:  # 3,000 referrals waiting: several pages each way
        person = m.Person(person_id="P-B-900000", first_name="Bulk", last_name="Load")
        session.add(person)
        session.flush()
        for n in range(3000):
            session.add(m.Referral(referral_id=f"R-B-{n:06d}", person_uuid=person.id, referred_on=date(2026, 5, 1),
                                   area="east", description=f"note {n}"))
    east.close()
    lead.close()
    # East is killed as soon as the hub holds a page of its push (before it can mark the page sent), twice;
    # the lead as soon as it has applied a page of its pull, twice. Each time a sync picks up where it stopped.
    east_db, lead_db = tmp_path / "east.cpm", tmp_path / "lead.cpm"
    for db, progress in ((east_db, _hub_changes(hub_db)), (lead_db, _read_up_to(lead_db))):
        killed = [_kill_once(_sync_in_a_child(db), progress) for _ in range(2)]
        assert killed[0], f"the first sync of {db.name} ended before it could be killed mid-way"
        with Store.open(db, PASSPHRASE) as store:
            sync_service.sync_now(store)  # picks up where the killed ones stopped
    with Store.open(lead_db, PASSPHRASE) as store, store.snapshot() as session:
        assert session.scalar(select(func.count()).select_from(m.Referral)) == 3000
        notes = set(session.scalars(select(m.Referral.description)))
    assert notes == {f"note {n}" for n in range(3000)}
    with Store.open(east_db, PASSPHRASE) as store:
        assert sync_service.status(store).pending == 0


def test_the_hub_down_is_offline_not_an_error_and_the_changes_wait(laptops, postgres):
    lead, east, _ = laptops
    new_referral(east, "Waiting", "Change", "east")
    postgres.stop()
    try:
        with pytest.raises(sync_service.HubUnreachable):
            sync_service.sync_now(east)
        assert sync_service.status(east).pending > 0
    finally:
        postgres.start()
    sync_service.sync_now(east)
    sync_service.sync_now(lead)
    assert "Waiting" in _people(lead)


def test_a_conflict_is_listed_and_settled_once_for_every_laptop(laptops):
    lead, east, _ = laptops
    form = new_referral(east, "Conflicted", "Phone", "east")
    sync_service.sync_now(east)
    sync_service.sync_now(lead)
    for store, phone in ((east, "0191 111"), (lead, "0191 222")):
        referral_service.save_referral(store, dataclasses.replace(
            referral_service.load_referral(store, form.referral_uuid), phone=phone))
    for store in (east, lead, east):
        sync_service.sync_now(store)
    rows = sync_service.conflicts(east)
    assert [(row.record.split()[0], row.field) for row in rows] == [("Referral", "phone")]
    other = rows[0].other
    sync_service.resolve_conflict(east, rows[0].conflict_id, "other")
    for store in (east, lead):
        sync_service.sync_now(store)
    assert {referral_service.load_referral(s, form.referral_uuid).phone for s in (lead, east)} == {other}
    assert sync_service.conflicts(east) == []


def test_the_audit_trail_names_the_member_not_the_login(laptops, tmp_path):
    _, east, _ = laptops
    east.close()
    with Store.open(tmp_path / "east.cpm", PASSPHRASE) as reopened:
        assert reopened.actor == "East Coordinator"
        new_referral(reopened, "Named", "User", "east")
        with reopened.snapshot() as session:
            actors = set(session.scalars(select(m.AuditEvent.actor).where(m.AuditEvent.action == "create")))
    assert actors == {"East Coordinator"}


def test_an_invite_takes_area_labels_as_well_as_codes(laptops, tmp_path):
    lead, _, _ = laptops
    code = sync_service.invite(lead, areas=("East Durham",), member_role="coordinator", out=tmp_path / "l.invite")
    joined = Store.create(tmp_path / "label.cpm", PASSPHRASE)
    assert sync_service.join(joined, tmp_path / "l.invite", code).areas == ("east",)
    joined.close()


def test_hub_init_on_a_hub_that_has_members_refuses_and_changes_nothing(laptops, hub_db, tmp_path):
    from cpm_desktop.sync.hub_schema import member_count

    members = member_count(hub_db.owner_url)
    second = Store.create(tmp_path / "second-lead.cpm", PASSPHRASE)
    with pytest.raises(sync_service.SyncError, match="already has members"):
        sync_service.set_up_hub(second, hub_db.owner_url)
    assert member_count(hub_db.owner_url) == members == 3
    assert not sync_service.status(second).member
    second.close()


def test_a_contact_logged_in_the_old_area_while_the_lead_moved_the_case_reaches_the_new_area(laptops):
    """Through the real hub, whose row-level security lets a laptop send only to the areas it holds."""
    from datetime import datetime

    from cpm_desktop.services import contacts as contact_service

    lead, east, north = laptops
    form = new_referral(east, "Moira", "Moves", "east")
    for store in (east, lead):
        sync_service.sync_now(store)
    moved = referral_service.load_referral(lead, form.referral_uuid)
    referral_service.save_referral(lead, dataclasses.replace(moved, area="north"))  # the lead moves it…
    contact_service.add_contact(east, form.referral_uuid, occurred_at=datetime(2026, 11, 3, 10, 0),
                                activity="home_visit", minutes=30, mentor_uuid=None, staff_name="East",
                                notes="visited before hearing of the move")  # …while east, offline, logs a visit
    for store in (lead, east, lead, north, east, north):
        sync_service.sync_now(store)
    notes = [c.notes for c in contact_service.list_contacts(north, form.referral_uuid)]
    assert notes == ["visited before hearing of the move"]
    assert [c.notes for c in contact_service.list_contacts(lead, form.referral_uuid)] == notes
    with east.snapshot() as session:  # the old area's laptop let the case go
        assert session.get(m.Referral, form.referral_uuid) is None
