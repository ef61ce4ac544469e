"""Files the app writes: whole or not at all, owner-only, and no ``.partial`` copy left on any failure."""
from __future__ import annotations

import stat

import pytest

from cpm_desktop.services.files import partial_path, write_private_file


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_file_is_written_whole_and_owner_only(tmp_path):
    target = tmp_path / "export.pdf"
    write_private_file(target, b"%PDF-1.4 whole")
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert mode(target) == 0o600
    assert not partial_path(target).exists()


def test_a_failed_final_rename_leaves_no_partial_copy(tmp_path):
    target = tmp_path / "out.pdf"
    target.mkdir()  # a folder of that name: the rename over it fails
    (target / "keep.txt").write_text("untouched")
    with pytest.raises(OSError):
        write_private_file(target, b"the whole export")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
    assert (target / "keep.txt").read_text() == "untouched"


def test_a_stale_partial_file_is_replaced_and_made_owner_only(tmp_path):
    target = tmp_path / "summary.json"
    stale = partial_path(target)
    stale.write_bytes(b"left by a crash, much longer than the new content")
    stale.chmod(0o644)
    write_private_file(target, b"{}")
    assert target.read_bytes() == b"{}" and mode(target) == 0o600
    assert not stale.exists()


def test_a_link_where_the_partial_file_goes_is_not_followed(tmp_path):
    target, elsewhere = tmp_path / "letter.pdf", tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone else's file")
    partial_path(target).symlink_to(elsewhere)
    write_private_file(target, b"letter")  # the link is removed, never written through
    assert elsewhere.read_text() == "someone else's file"
    assert target.read_bytes() == b"letter" and not partial_path(target).exists()
