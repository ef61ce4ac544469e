"""A backup is copied a few pages at a time with SQLite's online backup: it reports pages done of all, can be
stopped between steps leaving no file, is encrypted with its own key, and refuses a damaged page."""
from __future__ import annotations

import sqlite3

import pytest

from cpm_desktop.services.interchange import import_tables
from cpm_desktop.storage import engine
from cpm_desktop.storage.engine import Store, StoreDamaged, StoreError, execute_pragma
from tests.adversary import damage_page, page_count
from tests.conftest import PASSPHRASE
from tests.services.test_interchange import sample_tables


class Stop(Exception):
    """What a Cancel raises from the progress callback."""


@pytest.fixture
def filled(store, monkeypatch):
    import_tables(store, sample_tables())
    monkeypatch.setattr(engine, "BACKUP_STEP_PAGES", 8)  # a small store still takes several steps
    return store


def test_a_backup_reports_pages_done_of_all_and_opens_only_with_its_key(filled, tmp_path):
    out = tmp_path / "backup.cpm"
    reports: list[tuple[int, int]] = []
    filled.backup(out, "the backup's own passphrase", progress=lambda done, total: reports.append((done, total)))
    total = reports[-1][1]
    assert len(reports) >= 3 and reports[-1] == (total, total)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert not out.read_bytes().startswith(b"SQLite format 3")
    assert out.read_bytes()[:16] != filled.path.read_bytes()[:16]  # its own salt, so its own derived key
    with Store.open(out, "the backup's own passphrase") as copy:
        assert execute_pragma(copy, "cipher_integrity_check") == []
        assert execute_pragma(copy, "quick_check") == [("ok",)]
    with pytest.raises(StoreError):  # the store's own passphrase does not open it
        Store.open(out, PASSPHRASE)
    with pytest.raises(sqlite3.DatabaseError):  # and plain SQLite reads nothing of it
        sqlite3.connect(out).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("backup")) == ["backup.cpm"]


@pytest.mark.parametrize("stop_after", [1, 2, "the check"])
def test_a_backup_stopped_between_steps_leaves_no_file(filled, tmp_path, stop_after):
    out = tmp_path / "backup.cpm"
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        checking = len(reports) > 1 and reports[-2][0] == total  # the copy is made; its pages are read back
        if len(reports) == stop_after or (stop_after == "the check" and checking):
            raise Stop()

    with pytest.raises(Stop):
        filled.backup(out, progress=progress)
    done, total = reports[-1]
    assert 0 < done < total if stop_after != "the check" else done == total  # stopped mid-copy, or checking
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("backup")] == []
    filled.backup(out)  # the store is as usable as before
    with Store.open(out, PASSPHRASE):
        pass


def test_a_page_damaged_since_opening_is_refused_not_copied(filled, tmp_path):
    """Some damaged pages the online backup copies as blank pages (the last page of a store, for one);
    whichever page it is, the backup says the store is damaged and leaves no file."""
    with filled.engine.connect() as connection:  # every page in the main file, none in the WAL
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filled.engine.dispose()  # nothing cached: the copy reads every page from the disk
    pages = page_count(filled.path)
    original = filled.path.read_bytes()
    for page in (2, pages // 2, pages):
        filled.path.write_bytes(original)
        damage_page(filled.path, page)
        filled.engine.dispose()
        out = tmp_path / f"backup-{page}.cpm"
        with pytest.raises(StoreDamaged):
            filled.backup(out)
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("backup")] == [], page
