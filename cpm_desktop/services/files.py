"""Writing the files the app makes (PDFs, JSON): owner-only, whole or not at all.

The data goes to ``<name>.partial`` beside the target, created readable by the owner only, and is renamed
over the target once it is all on disk. On every failure (a full disk, a refused rename, an interruption)
the partial file is removed, so no copy of an export is left behind under another name.
"""
from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def partial_path(path: Path) -> Path:
    return path.with_name(path.name + ".partial")


def write_private_file(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, owner-only; raises OSError with nothing left behind."""
    path = Path(path)
    partial = partial_path(path)
    try:
        # O_NOFOLLOW: never write through a link someone left where the partial file goes.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, PRIVATE)
        try:
            os.fchmod(fd, PRIVATE)  # a stale partial file keeps its old mode through O_CREAT
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
