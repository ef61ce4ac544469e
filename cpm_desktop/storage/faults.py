"""What can go wrong with a store, each as one true sentence, and how a low-level error maps to one.

No sentence here repeats a passphrase or a value from the store: only file and folder names.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

# SQLite's primary result codes (the low byte of an extended code)
SQLITE_ERROR, SQLITE_PERM, SQLITE_READONLY, SQLITE_CORRUPT = 1, 3, 8, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


class StoreError(Exception):
    """A problem with the store, worded for the person using the application."""


class WrongPassphrase(StoreError):
    def __init__(self, path: Path):
        super().__init__(f"The passphrase is wrong, or {path.name} is not a CPM store.")


class StoreMissing(StoreError):
    def __init__(self, path: Path):
        super().__init__(f"There is no store at {path}.")


class StoreExists(StoreError):
    def __init__(self, path: Path):
        super().__init__(f"A file already exists at {path}; choose another name.")


class NotAStore(StoreError):
    """Something other than a store is at the path (the sentence says what)."""


class EmptyFile(NotAStore):
    """A 0-byte file: SQLite would silently make a new, empty store of it."""

    def __init__(self, path: Path):
        super().__init__(f"{path.name} is empty (0 bytes), so it is not a CPM store; if it should hold your "
                         f"records, it may be an interrupted copy: restore it from a backup.")


class InvalidTarget(StoreError):
    """A file to write (a backup, a restored store) was given a place it cannot go (the sentence says why)."""


class EncryptionUnavailable(StoreError):
    def __init__(self) -> None:
        super().__init__("SQLCipher is not available, so the store cannot be encrypted; nothing was written.")


class PassphraseRefused(StoreError):
    """A passphrase that must never key a store (the sentence comes from domain.passphrase)."""


class StoreDamaged(StoreError):
    def __init__(self, path: Path):
        super().__init__(f"{path.name} is damaged (part of the file cannot be read), so nothing was written to "
                         f"it; restore your latest backup with: cpm-desktop restore --db {path} --from BACKUP")


class NoPermission(StoreError):
    """The file or folder is there, but this user may not read or write it."""


class StoreUnreadable(NoPermission):
    def __init__(self, path: Path):
        super().__init__(f"You do not have permission to read {path}; ask whoever manages this computer to give "
                         f"your account access to it.")


class StoreReadOnly(NoPermission):
    def __init__(self, path: Path):
        super().__init__(f"{path.name} is read-only, and CPM writes to the store while it is open; allow writing "
                         f"to it, or copy it to a folder of your own.")


class FolderReadOnly(NoPermission):
    def __init__(self, folder: Path):
        super().__init__(f"The folder {folder} is read-only, and CPM writes beside the store while it is open; "
                         f"copy the store to a folder you can write in.")


class CannotWrite(NoPermission):
    def __init__(self, path: Path):
        super().__init__(f"You do not have permission to write {path}; choose a folder of your own.")


class DiskFull(StoreError):
    def __init__(self, path: Path):
        super().__init__(f"The disk holding {path.name} is full; nothing was written: free some space and try "
                         f"again.")


# SQLite's words for them: an error raised inside an SQL function (sqlcipher_export) keeps the words but
# arrives as a plain SQLITE_ERROR.
_CODE_OF_MESSAGE = {
    "database disk image is malformed": SQLITE_CORRUPT,
    "file is not a database": SQLITE_NOTADB,
    "attempt to write a readonly database": SQLITE_READONLY,
    "database or disk is full": SQLITE_FULL,
    "unable to open database file": SQLITE_CANTOPEN,
}


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of a driver error (raw or wrapped by SQLAlchemy), or None."""
    if isinstance(error, DBAPIError):
        error = error.orig  # type: ignore[assignment]
    if not isinstance(error, sqlcipher.Error):
        return None
    extended = getattr(error, "sqlite_errorcode", None)
    code = extended & 0xFF if isinstance(extended, int) else None
    if code not in (None, SQLITE_ERROR):
        return code
    return next((known for words, known in _CODE_OF_MESSAGE.items() if words in str(error)), code)


def explain(error: BaseException, path: Path) -> StoreError | None:
    """The sentence for a low-level error met while using the store at ``path``, or None if it is not one."""
    if isinstance(error, StoreError):
        return error
    code = sqlite_code(error)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):  # the key opened it earlier, so a page no longer decrypts
        return StoreDamaged(path)
    if code == SQLITE_READONLY:
        return StoreReadOnly(path)
    if code == SQLITE_FULL:
        return DiskFull(path)
    if code in (SQLITE_CANTOPEN, SQLITE_PERM):
        return StoreUnreadable(path)
    return None


def check_can_use(path: Path) -> None:
    """Refuse, with its own sentence, a store file this user cannot use, before SQLite misreads it as a bad key."""
    if not path.exists():
        raise StoreMissing(path)
    if path.is_dir():
        raise NotAStore(f"{path} is a folder, not a CPM store.")
    if not os.access(path, os.R_OK):
        raise StoreUnreadable(path)
    if path.stat().st_size == 0:
        raise EmptyFile(path)
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise FolderReadOnly(path.parent)
    if not os.access(path, os.W_OK):
        raise StoreReadOnly(path)
