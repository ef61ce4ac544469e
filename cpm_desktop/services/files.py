"""Files the application writes for a person — exports, PDFs, JSON, letters — hold personal data.

Each is created owner-only (0600) and appears whole or not at all: it is written beside its final name and
renamed into place, and the partial file is removed if anything fails. A folder made for them is 0700.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700


def partial_path(path: str | os.PathLike[str]) -> Path:
    """Where a file is written before it takes its name."""
    path = Path(path)
    return path.with_name(path.name + ".partial")


def write_private_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path``, owner-only and atomically; returns the path written."""
    with private_file(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def make_private_folder(folder: str | os.PathLike[str]) -> Path:
    """``folder``, made owner-only if it had to be made (a folder already there is the person's choice)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
    return folder


@contextmanager
def private_file(path: str | os.PathLike[str], mode: Literal["w", "wb"] = "wb", *,
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """A handle to write ``path`` through, for writers that stream (CSV): the same guarantees as above."""
    path = Path(path)
    partial = partial_path(path)
    partial.unlink(missing_ok=True)  # left by an earlier run that was killed; O_EXCL below refuses any other
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(descriptor, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # whole on disk before it takes the final name
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


@contextmanager
def private_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A path for a writer that opens the file itself (Qt's PDF printer), with the same guarantees: the file is
    made owner-only beside ``path`` before the writer opens it, and renamed into place once it is done."""
    path = Path(path)
    partial = partial_path(path)
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE))
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
