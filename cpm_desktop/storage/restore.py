"""Putting a backup in the place of a damaged or lost store.

The backup is copied beside the store and proved on the copy — the passphrase opens it, every page reads,
SQLite's full integrity check passes — before anything at the store's place is touched. What was there is
then set aside under a dated name, never deleted, and the proved copy is renamed into its place.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cpm_desktop.storage import audit
from cpm_desktop.storage.engine import Store, execute_pragma, remove_store_files
from cpm_desktop.storage.faults import (
    FolderReadOnly,
    InvalidTarget,
    NotAStore,
    StoreDamaged,
    StoreError,
    StoreUnreadable,
    WrongPassphrase,
)

STORE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")


class BackupDamaged(StoreError):
    def __init__(self, backup: Path):
        super().__init__(f"The backup {backup.name} is damaged too, so nothing was changed; restore an older "
                         f"backup.")


class BackupWrongPassphrase(StoreError):
    def __init__(self, backup: Path):
        super().__init__(f"The passphrase does not open the backup {backup.name} (it is the one the store had "
                         f"when the backup was made), or that file is not a CPM backup; nothing was changed.")


@dataclass(frozen=True)
class Restored:
    store: Path
    set_aside: tuple[Path, ...]  # what was at the store's place, under its new names (empty if nothing was)


def restore_backup(store: str | os.PathLike[str], backup: str | os.PathLike[str], passphrase: str,
                   now: datetime | None = None) -> Restored:
    """Replace ``store`` by a proved copy of ``backup``; close the application on that store first."""
    store, backup = Path(store), Path(backup)
    _check_readable(backup)
    if store.exists() and store.resolve() == backup.resolve():
        raise InvalidTarget("The backup and the store are the same file; choose the backup to restore from.")
    if not store.parent.is_dir():
        raise InvalidTarget(f"The folder {store.parent} does not exist; nothing was changed.")
    if not os.access(store.parent, os.W_OK | os.X_OK):
        raise FolderReadOnly(store.parent)
    copy = store.with_name(store.name + ".restoring")
    remove_store_files(copy)  # left by a restore that was interrupted; never the store itself
    try:
        for suffix in ("", "-wal"):  # a backup copied from a live store may have its newest pages beside it
            if (source := backup.with_name(backup.name + suffix)).exists():
                _copy_owner_only(source, copy.with_name(copy.name + suffix))
        _prove(copy, backup, passphrase)
        set_aside = _set_aside(store, now or datetime.now(UTC))
        os.replace(copy, store)
    finally:
        remove_store_files(copy)
    return Restored(store, set_aside)


def _check_readable(backup: Path) -> None:
    """A backup need only be readable: it may be on a read-only disk."""
    if not backup.exists():
        raise NotAStore(f"There is no backup at {backup}; nothing was changed.")
    if not backup.is_file():
        raise NotAStore(f"{backup} is a folder, not a backup; nothing was changed.")
    if not os.access(backup, os.R_OK):
        raise StoreUnreadable(backup)
    if backup.stat().st_size == 0:
        raise NotAStore(f"The backup {backup.name} is empty (0 bytes), so it is not a CPM backup; nothing was "
                        f"changed.")


def _copy_owner_only(source: Path, target: Path) -> None:
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as reading, os.fdopen(descriptor, "wb") as writing:
        shutil.copyfileobj(reading, writing, 1 << 20)
        writing.flush()
        os.fsync(writing.fileno())


def _prove(copy: Path, backup: Path, passphrase: str) -> None:
    """Open the copy as the application will (which upgrades an older backup), then check it whole."""
    try:
        with Store.open(copy, passphrase, actor="restore") as candidate:
            whole = execute_pragma(candidate, "integrity_check") == [("ok",)]
            authentic = execute_pragma(candidate, "cipher_integrity_check") == []
            if not (whole and authentic):
                raise BackupDamaged(backup)
            with candidate.transaction() as session:
                audit.record_access(session, "restore", "store", detail="the store was restored from a backup")
    except (WrongPassphrase, NotAStore):
        raise BackupWrongPassphrase(backup) from None
    except StoreDamaged:
        raise BackupDamaged(backup) from None


def _set_aside(store: Path, now: datetime) -> tuple[Path, ...]:
    """Rename the store's files (damaged, or simply replaced) out of the way; they are kept, not deleted."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = []
    for suffix in STORE_FILE_SUFFIXES:
        current = store.with_name(store.name + suffix)
        if current.exists():
            aside = store.with_name(f"{store.name}.before-restore-{stamp}{suffix}")
            os.replace(current, aside)
            kept.append(aside)
    return tuple(kept)
