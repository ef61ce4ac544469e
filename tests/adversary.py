"""Ways to hurt a store on purpose, kept so the adversarial pass of issue 12 runs again with every test run.

Each helper does one real harmful thing to real files: damages a page of the encrypted file, empties it,
takes permissions away, or runs the command line as a user who is not the file's owner.
"""
from __future__ import annotations

import os
import pwd
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PAGE_SIZE = 4096  # SQLCipher 4's default page size
REPOSITORY = Path(__file__).resolve().parents[1]


def damage_page(path: Path, page: int) -> None:
    """Overwrite the middle of one page (numbered from 1, as SQLite does): its HMAC no longer matches."""
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE_SIZE + PAGE_SIZE // 2)
        handle.write(b"\xa5" * 64)


def page_count(path: Path) -> int:
    return path.stat().st_size // PAGE_SIZE


def run_cli(*args: object, env: dict[str, str], user: str | None = None) -> subprocess.CompletedProcess[str]:
    """``cpm-desktop ARGS`` in a real process, as ``user`` when given (needs root to switch user)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CPM_")} | env
    switch = {}
    if user is not None and os.geteuid() == 0:
        entry = pwd.getpwnam(user)
        switch = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    return subprocess.run([sys.executable, "-m", "cpm_desktop", *map(str, args)], env=clean, cwd=REPOSITORY,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, **switch)


def other_user() -> str | None:
    """Someone permissions apply to: this user when not root, else ``nobody`` (root ignores permissions)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("nobody")
    except KeyError:
        return None
    return "nobody"


@contextmanager
def folder_for(user: str | None) -> Iterator[Path]:
    """A scratch folder owned by ``user`` (or by us), outside pytest's root-only tmp tree."""
    folder = Path(tempfile.mkdtemp(prefix="cpm-adversary-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o700)
        subprocess.run(["rm", "-rf", str(folder)], check=False)


def give_to(user: str | None, *paths: Path) -> None:
    """Hand files and folders to ``user`` so that their permissions, not root's powers, decide."""
    if user is None:
        return
    entry = pwd.getpwnam(user)
    for path in paths:
        for target in [path, *(path.rglob("*") if path.is_dir() else [])]:
            os.chown(target, entry.pw_uid, entry.pw_gid)
