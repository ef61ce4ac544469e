"""Every way a store can be unusable gets its own true sentence and exit status, and nothing is written.

These are the adversarial scripts of issue 12, kept: a damaged page, a damaged first page, an empty file,
an unreadable file, a read-only folder or file — then a restore from a backup puts things right.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.adversary import damage_page, page_count, permissions_can_bind, restore_permissions, run_cli
from tests.cli.test_cli import one_sentence, private_home, run  # noqa: F401  (fixture re-used)
from tests.conftest import PASSPHRASE

EXIT_STORE, EXIT_DAMAGED, EXIT_PERMISSION = 3, 5, 6


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.cpm"
    result = run("demo", "--db", path)
    assert result.returncode == 0, result.stderr
    return path


@pytest.fixture
def copy_of_demo(demo_db, tmp_path) -> Path:
    path = tmp_path / "record.cpm"
    shutil.copyfile(demo_db, path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_command(db: Path, out: Path) -> dict[str, list[object]]:
    return {
        "export": ["export", "--db", db, out / "export"],
        "backup": ["backup", "--db", db, "--out", out / "backup.cpm"],
        "sar": ["sar", "--db", db, "--person", "P000001", "--out", out / "sar.pdf"],
        "passphrase": ["passphrase", "--db", db],
        "report": ["report", "evaluation", "--db", db, "--json", out / "e.json"],
    }


@pytest.mark.parametrize("command", ["export", "backup", "sar", "passphrase", "report"])
def test_a_damaged_page_is_said_and_nothing_is_written(copy_of_demo, tmp_path, command):
    damage_page(copy_of_demo, page_count(copy_of_demo) // 2)
    before = digest(copy_of_demo)
    out = tmp_path / "out"
    out.mkdir()
    result = run(*every_command(copy_of_demo, out)[command], new_passphrase="a brand new passphrase")
    assert result.returncode == EXIT_DAMAGED, result.stderr
    assert one_sentence(result.stderr)
    assert "is damaged" in result.stderr and f"cpm-desktop restore --db {copy_of_demo}" in result.stderr
    assert digest(copy_of_demo) == before  # not even an audit event of the attempt
    assert list(out.iterdir()) == []


def test_a_damaged_first_page_is_not_called_a_wrong_passphrase(copy_of_demo, tmp_path):
    damage_page(copy_of_demo, 1)
    result = run("export", "--db", copy_of_demo, tmp_path / "export")
    assert result.returncode == EXIT_DAMAGED and "is damaged" in result.stderr, result.stderr
    wrong = run("export", "--db", copy_of_demo, tmp_path / "export", passphrase="not the passphrase")
    assert wrong.returncode == EXIT_STORE and "passphrase is wrong" in wrong.stderr


@pytest.mark.parametrize("command", ["export", "backup", "passphrase", "sar"])
def test_an_empty_file_is_not_turned_into_a_new_store(tmp_path, command):
    empty = tmp_path / "empty.cpm"
    empty.touch()
    out = tmp_path / "out"
    out.mkdir()
    result = run(*every_command(empty, out)[command], new_passphrase="a brand new passphrase")
    assert result.returncode == EXIT_STORE and one_sentence(result.stderr), result.stderr
    assert "empty (0 bytes)" in result.stderr
    assert empty.stat().st_size == 0 and list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.cpm", "out"]


@pytest.mark.skipif(not permissions_can_bind(), reason="root ignores permissions and setpriv is missing")
@pytest.mark.parametrize("harm, words", [
    ("unreadable file", "permission to read"),
    ("read-only folder", "is read-only"),
    ("read-only file", "is read-only"),
])
def test_permissions_are_not_a_wrong_passphrase(demo_db, tmp_path, harm, words):
    store = tmp_path / "shared" / "record.cpm"
    store.parent.mkdir()
    shutil.copyfile(demo_db, store)
    if harm == "unreadable file":
        store.chmod(0o000)
    elif harm == "read-only folder":
        store.parent.chmod(0o555)
    else:
        store.chmod(0o444)
    try:
        env = {"CPM_PASSPHRASE": PASSPHRASE, "XDG_STATE_HOME": str(tmp_path / "state")}
        result = run_cli("export", "--db", store, tmp_path / "export", env=env, bound_by_permissions=True)
    finally:
        restore_permissions(store.parent)
    assert result.returncode == EXIT_PERMISSION, result.stderr
    assert one_sentence(result.stderr) and words in result.stderr
    assert "passphrase" not in result.stderr
    assert not (tmp_path / "export").exists()


def test_restore_puts_a_backup_in_the_place_of_a_damaged_store(copy_of_demo, tmp_path):
    backup = tmp_path / "backup.cpm"
    assert run("backup", "--db", copy_of_demo, "--out", backup).returncode == 0
    damage_page(copy_of_demo, page_count(copy_of_demo) // 2)
    damaged = digest(copy_of_demo)

    result = run("restore", "--db", copy_of_demo, "--from", backup)
    assert result.returncode == 0 and one_sentence(result.stderr), result.stderr
    aside = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(aside) == 1 and digest(aside[0]) == damaged and aside[0].name in result.stderr
    assert copy_of_demo.stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob("*.restoring*"))
    export = run("export", "--db", copy_of_demo, tmp_path / "export")
    assert export.returncode == 0, export.stderr
    assert len((tmp_path / "export" / "referrals.csv").read_text().splitlines()) > 10
    assert backup.exists()  # the backup itself is left as it was


def test_restore_refuses_a_backup_it_cannot_prove_and_changes_nothing(copy_of_demo, tmp_path):
    backup = tmp_path / "backup.cpm"
    assert run("backup", "--db", copy_of_demo, "--out", backup).returncode == 0
    damage_page(copy_of_demo, page_count(copy_of_demo) // 2)
    damaged = digest(copy_of_demo)
    wrong = run("restore", "--db", copy_of_demo, "--from", backup, passphrase="not the passphrase")
    assert wrong.returncode == EXIT_STORE and one_sentence(wrong.stderr), wrong.stderr
    assert "does not open the backup" in wrong.stderr

    damage_page(backup, page_count(backup) // 3)
    hurt = run("restore", "--db", copy_of_demo, "--from", backup)
    assert hurt.returncode == EXIT_DAMAGED and "damaged too" in hurt.stderr, hurt.stderr

    missing = run("restore", "--db", copy_of_demo, "--from", tmp_path / "nowhere.cpm")
    assert missing.returncode == EXIT_STORE and one_sentence(missing.stderr)
    assert digest(copy_of_demo) == damaged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.cpm", "record.cpm"]


def test_restore_of_a_lost_store(demo_db, tmp_path):
    lost = tmp_path / "new-laptop" / "record.cpm"
    lost.parent.mkdir()
    result = run("restore", "--db", lost, "--from", demo_db)
    assert result.returncode == 0, result.stderr
    assert run("export", "--db", lost, tmp_path / "export").returncode == 0


@pytest.mark.skipif(not permissions_can_bind(), reason="root ignores permissions and setpriv is missing")
@pytest.mark.parametrize("command", ["backup", "export", "sar"])
def test_writing_into_an_unwritable_folder_is_said_without_the_passphrase(demo_db, tmp_path, command):
    store = tmp_path / "record.cpm"
    shutil.copyfile(demo_db, store)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    args = {"backup": ["backup", "--db", store, "--out", locked / "b.cpm"],
            "export": ["export", "--db", store, locked / "export"],
            "sar": ["sar", "--db", store, "--person", "P000001", "--out", locked / "sar.pdf"]}[command]
    state = tmp_path / "state"
    try:
        result = run_cli(*args, env={"CPM_PASSPHRASE": PASSPHRASE, "XDG_STATE_HOME": str(state)},
                         bound_by_permissions=True)
    finally:
        restore_permissions(locked)
    assert result.returncode == EXIT_PERMISSION and one_sentence(result.stderr), result.stderr
    assert "permission to write" in result.stderr and str(locked) in result.stderr
    assert list(locked.iterdir()) == []
    log = (state / "cpm-desktop" / "log" / "cpm-desktop.log").read_text()
    assert PASSPHRASE not in log and PASSPHRASE not in result.stderr
