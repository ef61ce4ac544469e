"""Files written for a person are owner-only from their first byte and appear whole or not at all."""
from __future__ import annotations

import os
import stat

import pytest

from cpm_desktop.services.files import make_private_folder, private_file, write_private_file


@pytest.fixture
def open_umask():
    """The loosest umask a desktop may run with: the helper must not rely on the umask."""
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_owner_only(tmp_path, open_umask):
    path = write_private_file(tmp_path / "sar.pdf", b"%PDF-1.7 personal")
    assert path.read_bytes() == b"%PDF-1.7 personal" and mode(path) == 0o600
    assert list(tmp_path.iterdir()) == [path]


def test_a_file_it_replaces_was_readable_by_others_and_is_not_any_more(tmp_path, open_umask):
    path = tmp_path / "summary.json"
    path.write_text("old")
    path.chmod(0o644)
    write_private_file(path, b"new")
    assert path.read_bytes() == b"new" and mode(path) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path):
    path = tmp_path / "referrals.csv"
    path.write_text("the previous export\n")
    with pytest.raises(RuntimeError), private_file(path, "w", newline="") as handle:
        handle.write("half of a new ")
        raise RuntimeError("the export was interrupted")
    assert path.read_text() == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["referrals.csv"]


def test_a_stale_partial_of_a_killed_run_is_replaced(tmp_path):
    (tmp_path / "out.pdf.partial").write_bytes(b"left by kill -9")
    write_private_file(tmp_path / "out.pdf", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_a_folder_it_makes_is_owner_only_and_one_already_there_is_left_alone(tmp_path, open_umask):
    made = make_private_folder(tmp_path / "exports" / "2026")
    assert mode(made) == 0o700
    chosen = tmp_path / "shared"
    chosen.mkdir(mode=0o755)
    make_private_folder(chosen)
    assert mode(chosen) == 0o755
