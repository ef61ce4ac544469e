"""The hub client against a real PostgreSQL: push/pull, idempotence, row-level security, ordering, faults."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest

from cpm_desktop.sync.enrolment import Enrolment, claim_device, enrol_device, set_member_areas
from cpm_desktop.sync.hub import PostgresHub
from cpm_desktop.sync.hub_schema import head_revision, init_hub
from cpm_desktop.sync.protocol import Change, HubRefused, HubUnreachable
from cpm_desktop.sync.sealing import SealError

from .cluster import Cluster
from .conftest import HubDatabase, Scheme

DURHAM, EASINGTON = "Durham City", "Easington"
REPOSITORY = Path(__file__).resolve().parents[2]


def changes(device: str, area: str | None, count: int = 1, payload: bytes | None = None) -> list[Change]:
    return [Change(str(uuid.uuid4()), device, area, "referral", str(uuid.uuid4()), f"clock-{n:05d}",
                   payload if payload is not None else json.dumps({"n": n}).encode())
            for n in range(count)]


def pull_all(hub: PostgresHub, page: int = 1000) -> list[Change]:
    seen: list[Change] = []
    after = 0
    while batch := hub.pull(after, page):
        seen += [pulled.change for pulled in batch]
        after = batch[-1].seq
    return seen


def ids(items: list[Change]) -> set[str]:
    return {change.change_id for change in items}


# --- schema and enrolment ----------------------------------------------------------------------------------

def test_init_hub_twice_is_fine_and_keeps_what_the_hub_holds(scheme: Scheme):
    scheme.hub().push(changes(scheme.lead.device_uuid, DURHAM, 3))
    assert init_hub(scheme.db.owner_url) == head_revision() == "0002"
    assert len(scheme.log_rows()) == 3
    assert len(pull_all(scheme.hub())) == 3


def test_init_hub_upgrades_an_older_hub_and_keeps_its_members_and_log(hub_db: HubDatabase):
    assert init_hub(hub_db.owner_url, revision="0001") == "0001"
    lead = enrol_device(hub_db.owner_url, device_uuid=str(uuid.uuid4()), member_role="lead", areas=(),
                        all_areas=True, may_invite=True)
    invited = enrol_device(lead, device_uuid=str(uuid.uuid4()), member_role="coordinator", areas=(DURHAM,),
                           all_areas=False, may_invite=False)
    key = bytes(range(32))
    pushed = changes(lead.device_uuid, DURHAM, 3)
    PostgresHub(lead, key).push(pushed)
    with pytest.raises(HubRefused, match="is older than this CPM Desktop"):
        claim_device(invited, str(uuid.uuid4()))  # 0001 has no claim_device yet
    assert init_hub(hub_db.owner_url) == "0002"
    assert [p.change for p in PostgresHub(invited, key).pull(0, 10)] == pushed
    claimed = claim_device(invited, str(uuid.uuid4()))
    PostgresHub(claimed, key).push(changes(claimed.device_uuid, DURHAM))


def test_init_hub_on_a_server_that_is_not_there_is_one_sentence(hub_db: HubDatabase):
    nowhere = f"postgresql://owner:password@127.0.0.1:9/{hub_db.name}"  # nothing listens on port 9
    with pytest.raises(HubUnreachable, match=r"^The hub at 127\.0\.0\.1/hub_\w+ cannot be reached just now"):
        init_hub(nowhere)


def test_members_get_codes_in_sequence_and_a_url_without_password(scheme: Scheme):
    second = scheme.enrol("coordinator", (DURHAM,))
    third = scheme.enrol("office", all_areas=True)
    assert (scheme.lead.code, second.code, third.code) == ("A", "B", "C")
    for member in (scheme.lead, second, third):
        assert member.password not in member.url and member.password not in repr(member)
        assert len(member.password) >= 40
        assert member.url.startswith(f"postgresql://{member.role}@127.0.0.1:")
    with psycopg.connect(scheme.db.owner_url) as conn:
        codes = [conn.execute("SELECT hub.code_for(%s)", (n,)).fetchone()[0] for n in (1, 26, 27, 52, 702, 703)]
    assert codes == ["A", "Z", "AA", "AZ", "ZZ", "AAA"]


def test_a_device_logs_in_with_its_own_password_only(scheme: Scheme):
    member = scheme.enrol("coordinator", (DURHAM,))
    with psycopg.connect(member.url, password=member.password) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (member.role,)
    with pytest.raises(HubRefused, match="refused this device's login"):
        PostgresHub(Enrolment(**{**member.as_dict(), "password": "guess"}), scheme.sync_key).pull(0, 10)


@pytest.mark.parametrize("revoke", ['ALTER ROLE "{role}" NOLOGIN', 'REVOKE "{group}" FROM "{role}"',
                                    'DROP OWNED BY "{role}"; DROP ROLE "{role}"'])
def test_a_revoked_laptop_is_told_so_not_left_thinking_it_is_offline(scheme: Scheme, revoke: str):
    member = scheme.enrol("coordinator", (DURHAM,))
    hub = scheme.hub(member)
    hub.pull(0, 10)
    hub.close()
    with psycopg.connect(scheme.db.superuser_url, autocommit=True) as admin:
        group = admin.execute("SELECT hub.device_group()").fetchone()[0]
        admin.execute(revoke.format(role=member.role, group=group))
    with pytest.raises(HubRefused, match=r"^The hub at [\w./]+ refused this device's login \(its access was revoked"):
        hub.pull(0, 10)


def test_only_a_member_who_may_invite_enrols_others(scheme: Scheme):
    coordinator = scheme.enrol("coordinator", (DURHAM,))
    with pytest.raises(HubRefused, match="may not enrol"):
        enrol_device(coordinator, device_uuid=str(uuid.uuid4()), member_role="coordinator", areas=(DURHAM,),
                     all_areas=False, may_invite=False)
    inviter = scheme.enrol("coordinator", (DURHAM,), may_invite=True)
    assert enrol_device(inviter, device_uuid=str(uuid.uuid4()), member_role="coordinator", areas=(DURHAM,),
                        all_areas=False, may_invite=False).areas == (DURHAM,)
    for areas, all_areas in (((EASINGTON,), False), ((), True)):
        with pytest.raises(HubRefused, match="only the areas it holds"):
            enrol_device(inviter, device_uuid=str(uuid.uuid4()), member_role="coordinator", areas=areas,
                         all_areas=all_areas, may_invite=False)


def test_a_device_is_enrolled_once(scheme: Scheme):
    with pytest.raises(HubRefused, match="already enrolled"):
        enrol_device(scheme.db.owner_url, device_uuid=scheme.lead.device_uuid, member_role="lead", areas=(),
                     all_areas=True, may_invite=True)


def test_enrolment_refuses_bad_input_before_touching_the_hub(scheme: Scheme):
    with pytest.raises(ValueError, match="not a member role"):
        enrol_device(scheme.lead, device_uuid=str(uuid.uuid4()), member_role="boss",  # type: ignore[arg-type]
                     areas=(), all_areas=True, may_invite=False)
    with pytest.raises(ValueError, match="not a device uuid"):
        enrol_device(scheme.lead, device_uuid="laptop-3", member_role="office", areas=(), all_areas=True,
                     may_invite=False)
    with pytest.raises(ValueError, match="cannot be empty"):
        scheme.enrol("coordinator", (DURHAM, " "))
    with psycopg.connect(scheme.db.owner_url) as conn:
        assert conn.execute("SELECT count(*) FROM hub.member").fetchone() == (1,)


def test_a_store_that_joins_claims_its_enrolment_with_its_own_device_uuid(scheme: Scheme):
    invited = scheme.enrol("coordinator", (DURHAM,))  # the inviter could only give it a placeholder uuid
    store_uuid = str(uuid.uuid4())
    claimed = claim_device(invited, store_uuid)
    assert claimed.device_uuid == store_uuid and claimed.role == invited.role
    assert claim_device(claimed, store_uuid) == claimed  # joining again is harmless
    with pytest.raises(HubRefused, match="push only as itself"):
        scheme.hub(claimed).push(changes(invited.device_uuid, DURHAM))  # the placeholder is no longer it
    scheme.hub(claimed).push(changes(store_uuid, DURHAM))
    with pytest.raises(HubRefused, match="already pushed changes"):
        claim_device(claimed, str(uuid.uuid4()))  # after the first push its identity is fixed
    with pytest.raises(HubRefused, match="already enrolled"):
        claim_device(scheme.enrol("coordinator", (DURHAM,)), scheme.lead.device_uuid)


# --- push and pull -------------------------------------------------------------------------------------------

def test_push_then_pull_gives_back_the_changes_in_order_and_in_pages(scheme: Scheme):
    pushed = changes(scheme.lead.device_uuid, DURHAM, 5) + changes(scheme.lead.device_uuid, None, 2)
    hub = scheme.hub()
    hub.push(pushed)
    pulled = hub.pull(0, 100)
    assert [p.change for p in pulled] == pushed
    seqs = [p.seq for p in pulled]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    first, rest = hub.pull(0, 3), hub.pull(seqs[2], 100)
    assert [p.change for p in first + rest] == pushed
    assert hub.pull(seqs[-1], 100) == []
    hub.close()


def test_a_change_delivered_twice_is_stored_once(scheme: Scheme):
    hub = scheme.hub()
    batch = changes(scheme.lead.device_uuid, DURHAM, 4)
    hub.push(batch)
    hub.push(batch[2:] + changes(scheme.lead.device_uuid, DURHAM, 1))  # a retried push, plus one new change
    hub.push([batch[0], batch[0]])  # even twice in one push
    fresh = changes(scheme.lead.device_uuid, None)
    hub.push(fresh + fresh)  # a new change twice in one push
    assert len(scheme.log_rows()) == 6
    assert len(pull_all(hub)) == 6


def test_an_empty_push_touches_nothing_and_bad_arguments_are_one_sentence(scheme: Scheme):
    hub = scheme.hub()
    hub.push([])
    for wrong in ("change-2", str(uuid.uuid4()).upper()):  # upper case would come back lower, unopenable
        bad = changes(scheme.lead.device_uuid, DURHAM, 2)
        bad[1] = dataclasses.replace(bad[1], change_id=wrong)
        with pytest.raises(ValueError, match=f"change_id must be a uuid in its usual lower-case form, not '{wrong}'"):
            hub.push(bad)
    with pytest.raises(ValueError, match="at least one change"):
        hub.pull(0, 0)
    assert scheme.log_rows() == []


# --- row-level security --------------------------------------------------------------------------------------

def test_a_coordinator_reads_only_its_areas_and_what_is_for_everyone(scheme: Scheme):
    durham = scheme.enrol("coordinator", (DURHAM,))
    lead_hub = scheme.hub()
    mine, theirs, everyone = (changes(scheme.lead.device_uuid, area, 2) for area in (DURHAM, EASINGTON, None))
    lead_hub.push(mine + theirs + everyone)
    assert ids(pull_all(scheme.hub(durham))) == ids(mine + everyone)
    assert ids(pull_all(lead_hub)) == ids(mine + theirs + everyone)
    office = scheme.enrol("office", all_areas=True)
    assert ids(pull_all(scheme.hub(office))) == ids(mine + theirs + everyone)


def test_a_coordinator_cannot_push_as_another_device_or_into_another_area(scheme: Scheme):
    durham = scheme.enrol("coordinator", (DURHAM,))
    hub = scheme.hub(durham)
    for refused in (changes(scheme.lead.device_uuid, DURHAM), changes(durham.device_uuid, EASINGTON)):
        ok = changes(durham.device_uuid, DURHAM)
        with pytest.raises(HubRefused, match=r"^The hub refused these changes: a device may push only as itself"):
            hub.push(ok + refused)  # the whole push is refused: nothing of it is stored
        assert scheme.log_rows() == []
    hub.push(changes(durham.device_uuid, DURHAM) + changes(durham.device_uuid, None))
    assert len(scheme.log_rows()) == 2


@pytest.mark.parametrize("statement", [
    "UPDATE hub.change_log SET area = 'Easington'",
    "DELETE FROM hub.change_log",
    "UPDATE hub.member SET all_areas = true",
    "INSERT INTO hub.member_area (role, area) VALUES (current_user, 'Easington')",
    "TRUNCATE hub.change_log",
    "CREATE TABLE hub.mine (x int)",
    "CREATE TEMP TABLE mine (x int)",
    "SELECT * FROM hub.alembic_version",
])
def test_a_device_can_neither_rewrite_the_log_nor_change_its_own_rights(scheme: Scheme, statement: str):
    durham = scheme.enrol("coordinator", (DURHAM,))
    scheme.hub(durham).push(changes(durham.device_uuid, DURHAM))
    with psycopg.connect(durham.url, password=durham.password) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    assert len(scheme.log_rows()) == 1


def test_a_device_sees_no_other_members(scheme: Scheme):
    durham = scheme.enrol("coordinator", (DURHAM,))
    scheme.enrol("coordinator", (EASINGTON,))
    with psycopg.connect(durham.url, password=durham.password) as conn:
        assert conn.execute("SELECT role FROM hub.member").fetchall() == [(durham.role,)]
        assert conn.execute("SELECT area FROM hub.member_area").fetchall() == [(DURHAM,)]


def test_changing_a_members_areas_changes_what_it_reads(scheme: Scheme):
    durham = scheme.enrol("coordinator", (DURHAM,))
    easington_changes = changes(scheme.lead.device_uuid, EASINGTON, 2)
    scheme.hub().push(easington_changes)
    assert pull_all(scheme.hub(durham)) == []
    set_member_areas(scheme.lead, device_uuid=durham.device_uuid, areas=(EASINGTON,))
    assert ids(pull_all(scheme.hub(durham))) == ids(easington_changes)
    with pytest.raises(HubRefused, match="may not enrol or change members"):
        set_member_areas(durham, device_uuid=durham.device_uuid, areas=(DURHAM, EASINGTON))
    with pytest.raises(HubRefused, match="is not enrolled"):
        set_member_areas(scheme.db.owner_url, device_uuid=str(uuid.uuid4()), areas=(DURHAM,))


def test_a_coordinator_who_may_invite_cannot_demote_the_lead_nor_reach_beyond_its_areas(scheme: Scheme):
    inviter = scheme.enrol("coordinator", (DURHAM,), may_invite=True)
    wider = scheme.enrol("coordinator", (DURHAM, EASINGTON))
    own = scheme.enrol("coordinator", (DURHAM,))
    for device, areas in ((scheme.lead.device_uuid, (DURHAM,)), (wider.device_uuid, (DURHAM,)),
                          (own.device_uuid, (DURHAM, EASINGTON)), (inviter.device_uuid, (DURHAM, EASINGTON))):
        with pytest.raises(HubRefused, match="only the areas it holds"):
            set_member_areas(inviter, device_uuid=device, areas=areas)
    set_member_areas(inviter, device_uuid=own.device_uuid, areas=())  # within its own areas: allowed
    with psycopg.connect(scheme.db.owner_url) as conn:
        assert conn.execute("SELECT all_areas FROM hub.member WHERE device = %s",
                            (scheme.lead.device_uuid,)).fetchone() == (True,)
        assert conn.execute("SELECT role, area FROM hub.member_area ORDER BY role, area").fetchall() == [
            (inviter.role, DURHAM), (wider.role, DURHAM), (wider.role, EASINGTON)]


# --- what a stolen hub holds ---------------------------------------------------------------------------------

CANARY = {"given_name": "Zebedee", "family_name": "Quillfeather", "address": "17 Larkspur Wynd, Esh Winning",
          "note": "Frightened of the neighbour upstairs since the break-in"}


def test_pg_dump_of_the_hub_holds_no_name_address_or_note(postgres: Cluster, scheme: Scheme):
    pushed = changes(scheme.lead.device_uuid, DURHAM, 3, payload=json.dumps(CANARY).encode())
    scheme.hub().push(pushed)
    dump = subprocess.run([str(postgres.bindir / "pg_dump"), "--dbname", scheme.db.superuser_url],
                          check=True, capture_output=True, text=True).stdout
    assert all(change.change_id in dump for change in pushed)  # the log really is in the dump
    for secret in CANARY.values():
        for word in secret.replace(",", "").split():
            if len(word) > 3:
                assert word not in dump and word.encode().hex() not in dump, word


def test_a_ciphertext_altered_or_moved_on_the_hub_is_refused_on_pull(scheme: Scheme):
    hub = scheme.hub()
    hub.push(changes(scheme.lead.device_uuid, DURHAM, 2))
    with psycopg.connect(scheme.db.superuser_url) as conn:  # a hostile hub administrator
        conn.execute("UPDATE hub.change_log SET area = %s WHERE seq = (SELECT min(seq) FROM hub.change_log)",
                     (EASINGTON,))
    with pytest.raises(SealError, match="cannot be opened"):
        hub.pull(0, 10)


def test_another_schemes_key_cannot_read_the_hub(scheme: Scheme):
    scheme.hub().push(changes(scheme.lead.device_uuid, DURHAM))
    with pytest.raises(SealError):
        PostgresHub(scheme.lead, bytes(32)).pull(0, 10)


# --- ordering: seq order is commit order ---------------------------------------------------------------------

HOLD = 4242  # an advisory lock the test holds to stop a push after its rows are in, before it commits


def stall_pushes_of(conn: psycopg.Connection[Any], device: str) -> None:
    """Make every push of ``device`` wait, after inserting and before committing, until HOLD is released."""
    conn.execute(f"""
        CREATE FUNCTION public.stall() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.device = '{device}' THEN
                PERFORM pg_advisory_lock_shared({HOLD});
                PERFORM pg_advisory_unlock_shared({HOLD});
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER stall AFTER INSERT ON hub.change_log FOR EACH ROW EXECUTE FUNCTION public.stall();""")


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.02)


def waiting_on_lock(conn: psycopg.Connection[Any], role: str) -> bool:
    row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s AND wait_event_type = 'Lock'",
                       (role,)).fetchone()
    return bool(row and row[0])


def in_thread(work: Callable[[], None]) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


def test_a_reader_never_skips_a_change_that_commits_late(scheme: Scheme):
    """Pusher A draws the lower seq but commits last; a reader moving on by seq must still see A's change."""
    slow, fast = scheme.enrol("coordinator", (DURHAM,)), scheme.enrol("coordinator", (DURHAM,))
    slow_changes, fast_changes = changes(slow.device_uuid, DURHAM, 3), changes(fast.device_uuid, DURHAM, 3)
    reader = scheme.hub()
    seen: list[Change] = []
    after = 0

    def read() -> None:
        nonlocal after
        for pulled in reader.pull(after, 100):
            seen.append(pulled.change)
            after = pulled.seq

    with closing(psycopg.connect(scheme.db.superuser_url, autocommit=True)) as admin:
        stall_pushes_of(admin, slow.device_uuid)
        admin.execute("SELECT pg_advisory_lock(%s)", (HOLD,))
        slow_thread, slow_errors = in_thread(lambda: scheme.hub(slow).push(slow_changes))
        wait_until(lambda: waiting_on_lock(admin, slow.role), "the slow push holds its rows, uncommitted")
        fast_thread, fast_errors = in_thread(lambda: scheme.hub(fast).push(fast_changes))
        wait_until(lambda: not fast_thread.is_alive() or waiting_on_lock(admin, fast.role),
                   "the fast push has committed or is waiting its turn")
        read()  # while the slow push is still open
        admin.execute("SELECT pg_advisory_unlock(%s)", (HOLD,))
        slow_thread.join(20)
        fast_thread.join(20)
    assert slow_errors == fast_errors == []
    read()
    assert seen == slow_changes + fast_changes


def test_two_busy_pushers_and_a_busy_reader_lose_nothing(scheme: Scheme):
    devices = [scheme.enrol("coordinator", (DURHAM,)) for _ in range(2)]
    pushed: dict[str, list[Change]] = {device.device_uuid: [] for device in devices}

    def pusher(device: Enrolment) -> Callable[[], None]:
        def work() -> None:
            with scheme.hub(device) as hub:
                for _ in range(30):
                    batch = changes(device.device_uuid, DURHAM, 5)
                    hub.push(batch)
                    pushed[device.device_uuid] += batch
        return work

    started = [in_thread(pusher(device)) for device in devices]
    seen: list[Change] = []
    after = 0
    with scheme.hub() as reader:
        while True:
            pushing = any(thread.is_alive() for thread, _ in started)
            batch = reader.pull(after, 50)
            for pulled in batch:
                seen.append(pulled.change)
                after = pulled.seq
            if not batch and not pushing:
                break
    assert [errors for _, errors in started] == [[], []]
    assert len(seen) == len(ids(seen)) == 300
    assert ids(seen) == ids([c for batch in pushed.values() for c in batch])
    for device, own in pushed.items():  # each device's changes in the order it pushed them
        assert [c for c in seen if c.device == device] == own


# --- faults --------------------------------------------------------------------------------------------------

def test_a_hub_restart_is_offline_while_it_lasts_and_invisible_after(postgres: Cluster, scheme: Scheme):
    hub = scheme.hub()
    first = changes(scheme.lead.device_uuid, DURHAM, 2)
    hub.push(first)
    postgres.stop()
    try:
        with pytest.raises(HubUnreachable, match=r"^The hub at 127\.0\.0\.1/\w+ cannot be reached just now"):
            hub.pull(0, 10)
        with pytest.raises(HubUnreachable):
            hub.push(changes(scheme.lead.device_uuid, DURHAM))
    finally:
        postgres.start()
    assert [p.change for p in hub.pull(0, 10)] == first
    # a connection held across a restart is replaced, once, without the caller noticing
    postgres.stop()
    postgres.start()
    second = changes(scheme.lead.device_uuid, DURHAM, 1)
    hub.push(second)
    assert [p.change for p in hub.pull(0, 10)] == first + second


def test_a_connection_dropped_mid_push_leaves_nothing_half_stored(scheme: Scheme):
    batch = changes(scheme.lead.device_uuid, DURHAM, 50)
    with closing(psycopg.connect(scheme.db.superuser_url, autocommit=True)) as admin:
        stall_pushes_of(admin, scheme.lead.device_uuid)
        admin.execute("SELECT pg_advisory_lock(%s)", (HOLD,))
        pushing, errors = in_thread(lambda: scheme.hub().push(batch))
        wait_until(lambda: waiting_on_lock(admin, scheme.lead.role), "the push has inserted its rows")
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                      (scheme.lead.role,))
        pushing.join(20)
        admin.execute("SELECT pg_advisory_unlock(%s)", (HOLD,))
        assert len(errors) == 1 and isinstance(errors[0], HubUnreachable), errors
        assert scheme.log_rows() == []
        admin.execute("DROP TRIGGER stall ON hub.change_log")
    scheme.hub().push(batch)  # the engine simply pushes again
    assert [row[1] for row in scheme.log_rows()] == [change.change_id for change in batch]


@pytest.mark.parametrize("url", [
    "postgresql://nobody@127.0.0.1:9/hub",  # nothing listens
    "postgresql://nobody@hub.invalid/hub",  # no such name (RFC 6761)
])
def test_a_hub_that_cannot_be_reached_is_one_sentence(url: str):
    member = Enrolment(url=url, role="nobody", password="x", code="A", device_uuid=str(uuid.uuid4()), areas=(),
                       all_areas=True, member_role="lead")
    with pytest.raises(HubUnreachable, match=r"^The hub at [\w.]+/hub cannot be reached just now; nothing was lost"):
        PostgresHub(member, bytes(32)).push(changes(member.device_uuid, None))


@pytest.mark.parametrize(("sslmode", "encrypted"), [("require", True), ("disable", False)])
def test_the_hub_url_decides_tls_and_the_enrolment_keeps_it(scheme: Scheme, sslmode: str, encrypted: bool):
    member = enrol_device(f"{scheme.db.owner_url}?sslmode={sslmode}", device_uuid=str(uuid.uuid4()),
                          member_role="office", areas=(), all_areas=True, may_invite=False)
    assert member.url.endswith(f"?sslmode={sslmode}")
    with scheme.hub(member) as hub, psycopg.connect(scheme.db.superuser_url) as admin:
        hub.pull(0, 1)  # the client keeps its connection open between calls
        rows = admin.execute("SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) "
                             "WHERE a.usename = %s", (member.role,)).fetchall()
    assert rows == [(encrypted,)]


def test_two_hub_inits_at_once_both_succeed_and_make_one_schema(hub_db: HubDatabase):
    """Two administrators (two processes) running `hub init` on a new hub at the same moment."""
    # Each process imports everything, then waits for "go" so that the two really start together.
    script = ("import sys; from cpm_desktop.sync.hub_schema import init_hub; print('ready', flush=True); "
              "sys.stdin.readline(); print(init_hub(sys.argv[1]))")
    runs = [subprocess.Popen([sys.executable, "-c", script, hub_db.owner_url], cwd=REPOSITORY, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        assert run.stdout is not None and run.stdout.readline() == "ready\n"
    for run in runs:
        assert run.stdin is not None
        run.stdin.write("go\n")
        run.stdin.flush()
    outcomes = [run.communicate(timeout=120) for run in runs]
    assert [(run.returncode, out.strip()) for run, (out, _err) in zip(runs, outcomes, strict=True)] == \
        [(0, "0002"), (0, "0002")], [err for _out, err in outcomes]
    with psycopg.connect(hub_db.owner_url) as conn:
        assert conn.execute("SELECT version_num FROM hub.alembic_version").fetchall() == [("0002",)]


def test_a_hub_database_dropped_and_made_again_starts_with_no_devices(postgres: Cluster, scheme: Scheme):
    """An administrator starts again: the old laptops' roles must not reach the new hub."""
    old = scheme.enrol("coordinator", (DURHAM,))
    with psycopg.connect(postgres.superuser_url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{scheme.db.name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{scheme.db.name}" OWNER cpm_hub_owner')
    init_hub(scheme.db.owner_url)
    lead = enrol_device(scheme.db.owner_url, device_uuid=str(uuid.uuid4()), member_role="lead", areas=(),
                        all_areas=True, may_invite=True)
    assert (lead.code, lead.role) == ("A", scheme.lead.role)
    PostgresHub(lead, scheme.sync_key).push(changes(lead.device_uuid, None))
    with pytest.raises(HubRefused, match="refused this device's login"):
        PostgresHub(old, scheme.sync_key).pull(0, 10)


def test_a_role_in_the_device_group_but_not_a_member_reads_nothing(scheme: Scheme):
    scheme.hub().push(changes(scheme.lead.device_uuid, None) + changes(scheme.lead.device_uuid, DURHAM))
    with psycopg.connect(scheme.db.superuser_url, autocommit=True) as admin:
        group = admin.execute("SELECT hub.device_group()").fetchone()[0]
        admin.execute(f'CREATE ROLE stray LOGIN PASSWORD \'stray-password\' IN ROLE "{group}"')
    stray = Enrolment(**{**scheme.lead.as_dict(), "url": scheme.lead.url.replace(scheme.lead.role, "stray"),
                         "role": "stray", "password": "stray-password"})
    try:
        assert scheme.hub(stray).pull(0, 10) == []
    finally:
        with psycopg.connect(scheme.db.superuser_url, autocommit=True) as admin:
            admin.execute("DROP ROLE stray")


PUSHER = """
import json, sys, uuid
from cpm_desktop.sync.enrolment import Enrolment
from cpm_desktop.sync.hub import PostgresHub
from cpm_desktop.sync.protocol import Change
given = json.loads(sys.stdin.readline())
member = Enrolment.from_dict(given["enrolment"])
PostgresHub(member, bytes.fromhex(given["key"])).push(
    [Change(c, member.device_uuid, None, "referral", str(uuid.uuid4()), "clock", b"{}") for c in given["ids"]])
"""


def test_a_laptop_killed_mid_push_leaves_nothing_half_stored(scheme: Scheme):
    ids_pushed = [str(uuid.uuid4()) for _ in range(20)]
    with closing(psycopg.connect(scheme.db.superuser_url, autocommit=True)) as admin:
        stall_pushes_of(admin, scheme.lead.device_uuid)
        admin.execute("SELECT pg_advisory_lock(%s)", (HOLD,))
        laptop = subprocess.Popen([sys.executable, "-c", PUSHER], cwd=REPOSITORY, stdin=subprocess.PIPE, text=True)
        assert laptop.stdin is not None
        laptop.stdin.write(json.dumps({"enrolment": scheme.lead.as_dict(), "key": scheme.sync_key.hex(),
                                       "ids": ids_pushed}) + "\n")
        laptop.stdin.flush()
        wait_until(lambda: waiting_on_lock(admin, scheme.lead.role), "the laptop's push has inserted its rows")
        laptop.kill()  # SIGKILL: no goodbye to the server
        laptop.wait(20)
        admin.execute("SELECT pg_advisory_unlock(%s)", (HOLD,))
        wait_until(lambda: not admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s",
                                             (scheme.lead.role,)).fetchone()[0], "the server saw the laptop go")
        assert scheme.log_rows() == []
        admin.execute("DROP TRIGGER stall ON hub.change_log")
