"""Ways to hurt a store on purpose, kept so the adversarial pass of issue 12 runs again with every test run.

Each helper does one real harmful thing to real files: damages a page of the encrypted file, empties it,
takes permissions away, or runs the command line bound by file permissions even as root.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def run_cli(*args: object, env: dict[str, str], bound_by_permissions: bool = False,
            ) -> subprocess.CompletedProcess[str]:
    """``cpm-desktop ARGS`` in a real process; ``bound_by_permissions`` takes away root's power to ignore
    file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so a chmod means what it says even as root."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CPM_")} | env
    prefix: list[str] = []
    if bound_by_permissions and os.geteuid() == 0:
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
    return subprocess.run([*prefix, sys.executable, "-m", "cpm_desktop", *map(str, args)], env=clean,
                          cwd=REPOSITORY, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def permissions_can_bind() -> bool:
    """Whether a chmod can stop this test's processes: always for a user, for root only through setpriv."""
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def restore_permissions(folder: Path) -> None:
    """Give back what a test took away, so pytest can clean its tmp folder."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
