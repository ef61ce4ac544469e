"""Opening, creating, re-keying and backing up the encrypted store.

The store is one SQLCipher 4 file. Every connection sets the key before anything else, then checks
that SQLCipher (not a plain SQLite module, which would silently write plaintext) is doing the work and
that the key opens the file.
"""
from __future__ import annotations

import getpass
import hmac
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from cpm_desktop.domain import passphrase as passphrases
from cpm_desktop.storage import audit, changes, migrations
from cpm_desktop.storage.device import device_identity
from cpm_desktop.storage.faults import (
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_NOTADB,
    SQLITE_PERM,
    SQLITE_READONLY,
    CannotWrite,
    DiskFull,
    EmptyFile,
    EncryptionUnavailable,
    InvalidTarget,
    NotAStore,
    PassphraseRefused,
    StoreDamaged,
    StoreError,
    StoreExists,
    StoreMissing,
    WrongPassphrase,
    check_can_use,
    explain,
    sqlite_code,
)
from cpm_desktop.storage.models import Base

# The errors are defined in faults.py; callers have always imported them from here.
__all__ = ["CannotWrite", "DiskFull", "EmptyFile", "EncryptionUnavailable", "InvalidTarget", "NotAStore",
           "PassphraseRefused", "Store", "StoreDamaged", "StoreError", "StoreExists", "StoreMissing",
           "WrongPassphrase"]


def _literal(value: str) -> str:
    """A SQL string literal (PRAGMA key and ATTACH … KEY take no bound parameters).

    Such SQL holds a secret, so it is only ever run on a raw driver cursor, whose errors carry SQLite's
    message and never the statement (SQLAlchemy's errors quote the statement, which then reaches the log).
    """
    return "'" + value.replace("'", "''") + "'"


def _usable_key(passphrase: str) -> str:
    """The key a new store, a re-key or a backup is made with: refused in one sentence, else in NFC."""
    if refused := passphrases.refusal(passphrase):
        raise PassphraseRefused(refused)
    return passphrases.normalised(passphrase)


BUSY_TIMEOUT_SECONDS = 30
_BEGIN = "cpm_begin"  # execution option: how a transaction begins (DEFERRED reads, IMMEDIATE writes)


def _keyed_engine(path: Path, passphrase: str) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher,
        # Writers wait for each other's transactions (BEGIN IMMEDIATE) for up to this many seconds.
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_SECONDS},
        hide_parameters=True,  # errors reach the log; the values in them are personal data
    )

    @event.listens_for(engine, "connect")
    def _key_connection(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA key = {_literal(passphrase)}")  # first, before anything else
            cursor.execute("PRAGMA cipher_log_level = NONE")
            row = cursor.execute("PRAGMA cipher_version").fetchone()
            if not row or not row[0]:
                raise EncryptionUnavailable()
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails on a wrong key
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
            # Pages are decrypted into this cache: 64 MiB keeps a large scheme's lists from being
            # decrypted again on every keystroke of a search.
            cursor.execute("PRAGMA cache_size = -65536")
            cursor.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables never reach the disk
        finally:
            cursor.close()
        # The driver's own transaction handling would begin late and never IMMEDIATE: we begin ourselves.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get(_BEGIN, 'DEFERRED')}")

    return engine


class Store:
    """An open store: its engine and a factory of audited sessions."""

    def __init__(self, path: Path, engine: Engine, actor: str, passphrase: str):
        self.path = path
        self.engine = engine
        self.actor = actor
        self._passphrase = passphrase  # held in memory only, as the connect listener holds it anyway
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={audit.ACTOR_KEY: actor})
        audit.install(self._sessions)
        self.pending_views = audit.PendingViews()  # records read and not yet in the trail (see audit.py)

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: str, actor: str | None = None) -> Store:
        """Create a new, empty store at ``path`` with the current schema, stamped at the newest migration."""
        path = Path(path)
        key = _usable_key(passphrase)
        _claim_new_file(path)
        engine = _keyed_engine(path, key)
        try:
            with engine.begin() as connection:
                Base.metadata.create_all(connection)
                migrations.stamp_head(connection)
            store = cls(path, engine, actor or default_actor(), key)
            with store.transaction() as session:
                device_identity(session)  # the device uuid is made with the store
        except BaseException as error:
            engine.dispose()
            remove_store_files(path)
            raise _explained(error, path) from None
        return store

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str, actor: str | None = None) -> Store:
        """Open an existing store, upgrading its schema if it is older than this application.

        Nothing is written (not even an upgrade) unless every page of the file reads back.
        """
        path = Path(path)
        check_can_use(path)
        for key in passphrases.forms_to_try(passphrase):
            engine = _keyed_engine(path, key)
            try:
                if _key_opens(engine, path):
                    return cls._ready(path, engine, key, actor)
            except BaseException as error:
                engine.dispose()
                raise _explained(error, path) from None
            engine.dispose()
        raise _wrong_key_or_damage(path, passphrases.normalised(passphrase))

    @classmethod
    def _ready(cls, path: Path, engine: Engine, key: str, actor: str | None) -> Store:
        """The store behind a key that opened a sound file: upgraded, and naming its user."""
        with engine.begin() as connection:
            migrations.upgrade_to_head(connection)
        store = cls(path, engine, actor or default_actor(), key)
        if actor is None:
            with store.transaction() as session:
                named = device_identity(session).user
            if named:  # the named user of a member store, not the operating-system login
                store.use_actor(named)
        return store

    def use_actor(self, actor: str) -> None:
        """Name the person using this store in the audit trail and on letters from now on."""
        self.actor = actor
        self._sessions.configure(info={audit.ACTOR_KEY: actor})

    # --- using ------------------------------------------------------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is this store's (to unlock the window after idling)."""
        return any(hmac.compare_digest(form.encode(), self._passphrase.encode())
                   for form in passphrases.forms_to_try(passphrase))

    def new_session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction: committed when the block ends, rolled back on any error.

        It begins IMMEDIATE: the store's write lock is taken first, so what the block reads (the next id, a
        count it checks) cannot change under it before it writes; another process waits its turn. The views
        read since the last write are written with its own writes, in the same commit (and kept for the next
        write if it does not commit).
        """
        views: list[audit.View] = []
        try:
            with self._sessions() as session, session.begin():
                session.connection(execution_options={_BEGIN: "IMMEDIATE"})
                changed_before = _rows_changed(session)
                yield session
                session.flush()
                # A transaction that only read stays without writes; one that wrote carries the views too.
                if _rows_changed(session) != changed_before and not session.info.get(changes.APPLYING):
                    views = self.pending_views.take()
                    audit.write_views(session, views)
        except BaseException:
            self.pending_views.give_back(views)
            raise

    def write_pending_views(self) -> int:
        """Write the views read since the last write, in a transaction of their own (none when there are none);
        returns how many were written."""
        views = self.pending_views.take()
        if not views:
            return 0
        try:
            with self.transaction() as session:
                return audit.write_views(session, views)
        except BaseException:
            self.pending_views.give_back(views)
            raise

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session that reads one consistent state of the store (WAL snapshot) and never writes.

        Exports, subject-access exports and the evaluation read through it: a save committed by another
        window or process meanwhile is not half in and half out of what they produce.
        """
        with self._sessions() as session:
            session.connection(execution_options={_BEGIN: "DEFERRED"})
            session.execute(text("SELECT count(*) FROM sqlite_master"))  # the snapshot starts at the first read
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        try:
            self.write_pending_views()  # the views of the last moments are kept
        finally:
            self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- maintenance ------------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the whole store with a new passphrase (PRAGMA rekey, which is all or nothing)."""
        key = _usable_key(new_passphrase)
        self.engine.dispose()  # rekey needs the only connection, outside WAL
        try:
            connection = self.engine.raw_connection()
        except DBAPIError as error:
            raise _explained(error, self.path) from None
        try:
            cursor = connection.cursor()
            try:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.execute("PRAGMA journal_mode = DELETE")
                cursor.execute(f"PRAGMA rekey = {_literal(key)}")
            finally:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.close()
        except sqlcipher.Error as error:  # the driver's own error: SQLite's words, never the statement
            raise (explain(error, self.path) or StoreError(
                "The passphrase could not be changed, so the store keeps its old one.")) from error
        finally:
            connection.close()
        self.engine.dispose()
        self.engine = _keyed_engine(self.path, key)
        self._passphrase = key
        self._sessions.configure(bind=self.engine)

    def backup(self, out: str | os.PathLike[str], passphrase: str | None = None,
               progress: BackupProgress | None = None) -> Path:
        """An encrypted, consistent copy of the store, made while it is in use.

        The copy is keyed with ``passphrase`` (default: the store's own), written owner-only beside its
        final name and renamed into place, so a failed backup leaves nothing, under that name or beside it.
        Pages are copied ``BACKUP_STEP_PAGES`` at a time with SQLite's online backup, and
        ``progress(pages_done, pages_total)`` is called after each step: an exception it raises (a Cancel)
        stops the copy, and then too nothing is left behind.
        """
        out = Path(out)
        key = self._passphrase if passphrase is None else _usable_key(passphrase)
        if out.resolve() == self.path.resolve():
            raise InvalidTarget("A backup cannot overwrite the store it is made from; choose another name.")
        if out.is_dir():
            raise InvalidTarget(f"{out} is a folder; give the backup a file name, such as {out / 'backup.cpm'}.")
        partial = out.with_name(out.name + ".partial")
        remove_store_files(partial)
        _claim_new_file(partial, folders=False, shown_as=out)
        try:
            connection = self.engine.raw_connection()
            try:
                _copy_in_steps(connection.driver_connection, partial, key, progress)
                if not _reads_back(partial, key, progress):
                    raise StoreDamaged(self.path)
            finally:
                connection.close()
            os.replace(partial, out)
        except sqlcipher.Error as error:  # the driver's own error: SQLite's words, never the statement
            raise _backup_fault(error, self.path, out) from error
        except DBAPIError as error:  # SQLAlchemy's, met while connecting: its text may quote a statement
            raise _backup_fault(error, self.path, out) from None
        except OSError as error:
            raise _write_fault(error, out) from None
        finally:
            remove_store_files(partial)
        return out


def _rows_changed(session: Session) -> int:
    """The rows the session's connection has inserted, changed or deleted since it was opened."""
    driver = session.connection().connection.driver_connection
    assert driver is not None, "a session in a transaction has its connection"
    return int(driver.total_changes)


BackupProgress = Callable[[int, int], object]
BACKUP_STEP_PAGES = 256  # 1 MiB of 4 KiB pages between progress reports (and chances to cancel)
CHECK_STEP = 1_000  # SQLite progress units (about a cell each) between looks for a Cancel while the copy is read


def _copy_in_steps(source: Any, partial: Path, key: str, progress: BackupProgress | None) -> None:
    """Copy every page of ``source`` into ``partial``, encrypted with ``key`` (its own salt), in steps.

    SQLCipher re-encrypts each page for the keyed target. The source holds one read transaction for the
    whole copy: the copy is of one moment (WAL snapshot), and another connection's writes meanwhile
    neither block it nor make SQLite start the copy again.
    """
    target = sqlcipher.connect(str(partial))
    try:
        keying = target.cursor()
        try:
            keying.execute(f"PRAGMA key = {_literal(key)}")  # raw cursor: this SQL holds the key
        finally:
            keying.close()
        cursor = source.cursor()
        try:
            cursor.execute("BEGIN")
            try:
                cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
                source.backup(target, pages=BACKUP_STEP_PAGES, progress=_pages_done(progress))
            finally:
                cursor.execute("ROLLBACK")
        finally:
            cursor.close()
    finally:
        target.close()


def _reads_back(copy: Path, key: str, progress: BackupProgress | None) -> bool:
    """Whether every page of the copy reads back as a sound b-tree page (PRAGMA quick_check).

    The online backup can copy a page of the store that fails its HMAC (the damage then arrives in the
    copy as a blank page), where sqlcipher_export stopped at it; this is what catches that. While it reads,
    ``progress(pages, pages)`` is called now and then, so a Cancel raised from it stops the check too.
    """
    connection = sqlcipher.connect(str(copy))
    stopped: list[BaseException] = []
    try:
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA key = {_literal(key)}")
        if progress is not None:
            pages = int(cursor.execute("PRAGMA page_count").fetchone()[0])
            connection.set_progress_handler(_interrupt_when_raised(progress, pages, stopped), CHECK_STEP)
        try:
            verdict = [tuple(row) for row in cursor.execute("PRAGMA quick_check")]
        except sqlcipher.OperationalError:
            if stopped:
                raise stopped[0] from None
            raise
        return verdict == [("ok",)]
    finally:
        connection.close()


def _interrupt_when_raised(progress: BackupProgress, pages: int,
                           stopped: list[BaseException]) -> Callable[[], int]:
    """A SQLite progress handler asking ``progress``; what it raises is kept and the statement interrupted."""
    def handler() -> int:
        try:
            progress(pages, pages)
        except BaseException as error:  # raised again once SQLite has stopped the statement
            stopped.append(error)
            return 1
        return 0

    return handler


def _pages_done(progress: BackupProgress | None) -> Callable[[int, int, int], object] | None:
    """SQLite's (status, pages remaining, pages in all) as (pages done, pages in all)."""
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)


def _key_opens(engine: Engine, path: Path) -> bool:
    """Whether the engine's key opens the file; a file it opens with a page that does not read is refused."""
    try:
        with engine.connect() as connection:
            verdict = [tuple(row) for row in connection.exec_driver_sql("PRAGMA quick_check")]
    except DBAPIError as error:
        if sqlite_code(error) == SQLITE_NOTADB:
            return False
        raise
    if verdict != [("ok",)]:
        raise StoreDamaged(path)
    return True


def _wrong_key_or_damage(path: Path, key: str) -> StoreError:
    """No form of the passphrase opened the file. Either the key is wrong (then no page verifies with it)
    or the first page is damaged (then the other pages still verify with it)."""
    connection = sqlcipher.connect(str(path))
    try:
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA key = {_literal(key)}")
        cursor.execute("PRAGMA cipher_log_level = NONE")
        page_size = int(cursor.execute("PRAGMA cipher_page_size").fetchone()[0])
        failed = len(cursor.execute("PRAGMA cipher_integrity_check").fetchall())
    except sqlcipher.Error:
        return WrongPassphrase(path)
    finally:
        connection.close()
    return StoreDamaged(path) if 0 < failed < path.stat().st_size // page_size else WrongPassphrase(path)


def _explained(error: BaseException, path: Path) -> BaseException:
    """The sentence for ``error``; an error no sentence fits is passed on unchanged (it holds no secret)."""
    return explain(error, path) or error


def _backup_fault(error: BaseException, store: Path, out: Path) -> StoreError:
    code = sqlite_code(error)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return StoreDamaged(store)
    if code == SQLITE_FULL:
        return DiskFull(out)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM):
        return CannotWrite(out)
    return StoreError(f"The backup could not be written to {out}; nothing was left under that name.")


def _write_fault(error: OSError, path: Path) -> StoreError:
    if isinstance(error, FileExistsError):
        return StoreExists(path)
    if isinstance(error, PermissionError):
        return CannotWrite(path)
    if isinstance(error, FileNotFoundError):
        return InvalidTarget(f"The folder {path.parent} does not exist; nothing was written.")
    return StoreError(f"{path} could not be written ({error.strerror or 'an operating system error'}); "
                      f"nothing was left under that name.")


def _claim_new_file(path: Path, *, folders: bool = True, shown_as: Path | None = None) -> None:
    """Create ``path`` empty and owner-only, before SQLite fills it (its journals take the same mode).

    A folder made for it is owner-only too; a file already there is never touched. A sentence names
    ``shown_as`` (the final name of a partial file) when given.
    """
    try:
        if folders:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    except FileExistsError:  # a file stands where the folder should be
        raise InvalidTarget(f"{path.parent} is a file, not a folder; nothing was written.") from None
    except OSError as error:
        raise _write_fault(error, path.parent) from None
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as error:
        raise _write_fault(error, shown_as or path) from None


def remove_store_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some desktops; the audit trail still needs a name
        return "unknown"


def execute_pragma(store: Store, pragma: str) -> list[tuple[Any, ...]]:
    """Run a read-only PRAGMA (used by integrity checks and tests)."""
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(f"PRAGMA {pragma}"))]
