"""The store is encrypted at rest, refuses a wrong passphrase, and can be re-keyed and backed up."""
from __future__ import annotations

import sqlite3
import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from cpm_desktop.storage import models as m
from cpm_desktop.storage.engine import (
    Store,
    StoreError,
    StoreExists,
    StoreMissing,
    WrongPassphrase,
    execute_pragma,
)
from tests.conftest import PASSPHRASE

CANARY = "Zanzibarcanary Quoxley"


def add_person(session, person_id="P1", first_name=CANARY) -> m.Person:
    person = m.Person(person_id=person_id, first_name=first_name, last_name="Test")
    session.add(person)
    session.flush()
    session.add(m.Referral(referral_id=f"R-{person_id}", person_uuid=person.id, referred_on=date(2020, 4, 1),
                           description=f"{CANARY} notes " * 50))
    return person


def files_of(path):
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def test_store_file_has_no_sqlite_header_and_no_plaintext(store, store_path):
    with store.transaction() as session:
        add_person(session)
    # While open, the WAL holds recent pages: check it too, then after closing.
    for path in files_of(store_path):
        data = path.read_bytes()
        assert CANARY.encode() not in data, path.name
        assert CANARY.encode("utf-16-le") not in data, path.name
    store.close()
    data = store_path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert CANARY.encode() not in data


def test_plain_sqlite_cannot_read_the_store(store, store_path):
    with store.transaction() as session:
        add_person(session)
    store.close()
    connection = sqlite3.connect(store_path)
    with pytest.raises(sqlite3.DatabaseError):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    connection.close()


def test_store_file_is_private_to_its_owner(store, store_path):
    assert store_path.stat().st_mode & 0o077 == 0


def test_wrong_passphrase_is_refused_with_one_sentence(store, store_path):
    store.close()
    with pytest.raises(WrongPassphrase) as raised:
        Store.open(store_path, "not the passphrase")
    assert str(raised.value) == f"The passphrase is wrong, or {store_path.name} is not a CPM store."


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("just some text, not a store\n" * 200)
    with pytest.raises(WrongPassphrase):
        Store.open(other, PASSPHRASE)
    assert other.read_text().startswith("just some text")


def test_a_plain_sqlite_database_is_refused(tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (a)").connection.commit()
    with pytest.raises(WrongPassphrase):
        Store.open(plain, PASSPHRASE)


def test_missing_store_and_existing_file_are_clear_errors(tmp_path, store_path, store):
    with pytest.raises(StoreMissing):
        Store.open(tmp_path / "nowhere.cpm", PASSPHRASE)
    with pytest.raises(StoreExists):
        Store.create(store_path, PASSPHRASE)
    with pytest.raises(StoreError):
        Store.create(tmp_path / "empty-key.cpm", "")
    assert not (tmp_path / "empty-key.cpm").exists()


def test_passphrase_with_quotes_and_unicode(tmp_path):
    path = tmp_path / "q.cpm"
    key = "it's \"ünïcode\" 李雷 '; DROP TABLE person; --"
    Store.create(path, key).close()
    with Store.open(path, key) as store:
        with store.transaction() as session:
            add_person(session)
    with pytest.raises(WrongPassphrase):
        Store.open(path, "it's")


def test_cipher_integrity_check_is_clean(store):
    with store.transaction() as session:
        add_person(session)
    assert execute_pragma(store, "cipher_integrity_check") == []
    assert execute_pragma(store, "cipher_version")[0][0].startswith("4.")
    assert execute_pragma(store, "journal_mode") == [("wal",)]
    assert execute_pragma(store, "foreign_keys") == [(1,)]


def test_change_passphrase(store, store_path):
    with store.transaction() as session:
        add_person(session)
    store.change_passphrase("a new one")
    with store.transaction() as session:  # the open store keeps working
        add_person(session, "P2")
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, PASSPHRASE)
    with Store.open(store_path, "a new one") as reopened, reopened.transaction() as session:
        assert session.scalar(select(func.count(m.Person.id))) == 2
    assert CANARY.encode() not in store_path.read_bytes()


def test_backup_while_in_use_is_encrypted_and_consistent(store, tmp_path):
    with store.transaction() as session:
        add_person(session)
    out = tmp_path / "backup.cpm"
    # A writer keeps writing while the backup is taken.
    stop = threading.Event()

    def keep_writing():
        n = 100
        while not stop.is_set():
            with store.transaction() as session:
                add_person(session, f"P{n}")
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        store.backup(out)
    finally:
        stop.set()
        writer.join()
    data = out.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert CANARY.encode() not in data
    assert not (tmp_path / "backup.cpm.partial").exists()
    with Store.open(out, PASSPHRASE) as copy, copy.transaction() as session:
        people = session.scalar(select(func.count(m.Person.id)))
        referrals = session.scalar(select(func.count(m.Referral.id)))
        assert people >= 1 and people == referrals  # each person was written with its referral
    assert execute_pragma(Store.open(out, PASSPHRASE), "cipher_integrity_check") == []


def test_backup_refuses_to_overwrite_the_store(store, store_path):
    with pytest.raises(StoreError):
        store.backup(store_path)


def test_failed_transaction_writes_nothing(store):
    with pytest.raises(RuntimeError), store.transaction() as session:
        add_person(session)
        raise RuntimeError("interrupted")
    with store.transaction() as session:
        assert session.scalar(select(func.count(m.Person.id))) == 0
        assert session.scalar(select(func.count(m.AuditEvent.id))) == 0
