"""Clearing the store file: what a deletion leaves in free pages and the -wal file, found and then gone."""
from __future__ import annotations

from datetime import datetime

from cpm_desktop.storage import erasure
from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import execute_pragma
from tests.conftest import PASSPHRASE
from tests.storage.raw_pages import where_found

CANARY = "Freepagecanary"


def _leave_canary_in_free_pages(store) -> None:
    with store.transaction() as session:
        session.add_all(m.Organisation(name=f"{CANARY} {n} " + "y" * 900) for n in range(200))
    connection = store.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA secure_delete = OFF")  # as plain SQLite would: freed pages keep their bytes
        cursor.execute("DELETE FROM organisation")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        connection.close()


def test_the_page_search_finds_a_name_left_in_free_pages(store):
    _leave_canary_in_free_pages(store)
    assert execute_pragma(store, "freelist_count")[0][0] > 0
    assert "main" in where_found(store.path, PASSPHRASE, CANARY)


def test_scrubbing_clears_free_pages_and_the_wal(store):
    _leave_canary_in_free_pages(store)
    with store.transaction() as session:  # something in the -wal file too
        session.add(m.Organisation(name="After", created_at=datetime(2026, 1, 1)))
    scrubbed = erasure.scrub(store)
    assert scrubbed.wal_cleared and scrubbed.free_pages == 0
    assert where_found(store.path, PASSPHRASE, CANARY) == []
    wal = store.path.with_name(store.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_sqlcipher_keeps_secure_delete_on_for_the_store(store):
    assert execute_pragma(store, "secure_delete") == [(1,)]


def test_scrubbing_says_when_another_reader_holds_the_log(store, monkeypatch):
    monkeypatch.setattr(erasure, "CHECKPOINT_WAIT_MS", 50)  # the reader holds on whatever the wait: no need for 2 s
    with store.transaction() as session:
        session.add(m.Organisation(name="Busy"))
    other = store.engine.raw_connection()  # a second program reading: its snapshot pins the log
    other.isolation_level = None
    cursor = other.cursor()
    cursor.execute("BEGIN")
    cursor.execute("SELECT count(*) FROM organisation").fetchone()
    try:
        with store.transaction() as session:
            session.add(m.Organisation(name="Later"))
        assert erasure.scrub(store).wal_cleared is False
    finally:
        cursor.execute("COMMIT")
        other.close()
    assert erasure.scrub(store).wal_cleared is True
