"""cpm-desktop retention / erase / hold, as a script would run them: the dry run is the default and writes
nothing; erasing asks first, or needs --yes; bad input is one sentence and erases nothing."""
from __future__ import annotations

from datetime import date

import pytest

from tests.cli.test_cli import one_sentence, private_home, run  # noqa: F401  (the fixture keeps logs in tmp)
from tests.conftest import PASSPHRASE, new_store
from tests.services.retention_fixture import CANARY, MENTOR_CANARY, build
from tests.storage.raw_pages import where_found


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "scheme.cpm"
    with new_store(path, actor="lead") as store:  # Store.create's store, without its key derivation
        build(store)
    return path


def _bytes(path):
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name)}


def test_the_dry_run_lists_what_is_due_with_why_and_writes_nothing(db):
    before = _bytes(db)
    done = run("retention", "--db", db, "--today", "2026-12-01")
    assert done.returncode == 0, done.stderr
    assert CANARY in done.stdout and "kept 6 years after support ended" in done.stdout
    assert MENTOR_CANARY in done.stdout and "01/12/2026" in done.stdout
    assert "Dry run, nothing was erased: 2 due for deletion" in done.stderr
    assert _bytes(db) == before


def test_applying_off_a_terminal_needs_yes_and_then_erases(db):
    refused = run("retention", "--db", db, "--apply", "--today", "2026-12-01")
    assert refused.returncode == 2 and one_sentence(refused.stderr) and "--yes" in refused.stderr
    assert where_found(db, PASSPHRASE, CANARY)
    done = run("retention", "--db", db, "--apply", "--yes", "--today", "2026-12-01")
    assert done.returncode == 0, done.stderr
    assert "Erased" in done.stderr
    assert where_found(db, PASSPHRASE, CANARY) == [] and where_found(db, PASSPHRASE, MENTOR_CANARY) == []
    again = run("retention", "--db", db, "--today", "2026-12-01")
    assert CANARY not in again.stdout and "0 due for deletion" in again.stderr


def test_a_hold_keeps_a_due_record_and_the_list_says_why(db):
    held = run("hold", "--db", db, "--person", "P000001", "--reason", "Civil claim", "--until", "2027-06-30")
    assert held.returncode == 0, held.stderr
    listed = run("retention", "--db", db, "--today", "2026-12-01")
    assert "Kept: a legal hold until 30/06/2027 (Civil claim)" in listed.stdout
    run("retention", "--db", db, "--apply", "--yes", "--today", "2026-12-01")
    assert where_found(db, PASSPHRASE, CANARY)  # still there


def test_erasure_on_request_and_its_bad_input(db):
    unknown = run("erase", "--db", db, "--person", "P-nobody", "--reason", "Letter", "--yes")
    assert unknown.returncode == 4 and one_sentence(unknown.stderr) and "P-nobody" in unknown.stderr
    no_reason = run("erase", "--db", db, "--mentor", "M0001", "--reason", " ", "--yes")
    assert no_reason.returncode == 4 and one_sentence(no_reason.stderr)
    future = run("erase", "--db", db, "--mentor", "M0001", "--reason", "Email", "--received", "2099-01-01", "--yes")
    assert future.returncode == 4 and one_sentence(future.stderr)
    assert where_found(db, PASSPHRASE, MENTOR_CANARY)
    done = run("erase", "--db", db, "--mentor", "M0001", "--reason", "Asked by email", "--received",
               date.today().isoformat(), "--yes")
    assert done.returncode == 0, done.stderr
    assert "recorded in the register" in done.stderr
    assert where_found(db, PASSPHRASE, MENTOR_CANARY) == []
