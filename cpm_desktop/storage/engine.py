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
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from cpm_desktop.storage import audit, migrations
from cpm_desktop.storage.device import device_identity
from cpm_desktop.storage.models import Base


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


class EncryptionUnavailable(StoreError):
    def __init__(self) -> None:
        super().__init__("SQLCipher is not available, so the store cannot be encrypted; nothing was written.")


def _literal(value: str) -> str:
    """A SQL string literal (PRAGMA key takes no bound parameters)."""
    return "'" + value.replace("'", "''") + "'"


def _check_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise StoreError("The passphrase cannot be empty.")


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
    def _key_connection(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
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

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: str, actor: str | None = None) -> Store:
        """Create a new, empty store at ``path`` with the current schema, stamped at the newest migration."""
        path = Path(path)
        _check_passphrase(passphrase)
        if path.exists():
            raise StoreExists(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = _keyed_engine(path, passphrase)
        try:
            with engine.begin() as connection:
                Base.metadata.create_all(connection)
                migrations.stamp_head(connection)
            _owner_only(path)
            store = cls(path, engine, actor or default_actor(), passphrase)
            with store.transaction() as session:
                device_identity(session)  # the device uuid is made with the store
        except BaseException:
            engine.dispose()
            remove_store_files(path)
            raise
        return store

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str, actor: str | None = None) -> Store:
        """Open an existing store, upgrading its schema if it is older than this application."""
        path = Path(path)
        if not path.is_file():
            raise StoreMissing(path)
        engine = _keyed_engine(path, passphrase)
        try:
            with engine.begin() as connection:
                migrations.upgrade_to_head(connection)
        except SADatabaseError as error:
            engine.dispose()
            if isinstance(error.orig, sqlcipher.DatabaseError):
                raise WrongPassphrase(path) from None
            raise
        except BaseException:
            engine.dispose()
            raise
        store = cls(path, engine, actor or default_actor(), passphrase)
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
        return hmac.compare_digest(passphrase.encode(), self._passphrase.encode())

    def new_session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction: committed when the block ends, rolled back on any error.

        It begins IMMEDIATE: the store's write lock is taken first, so what the block reads (the next id, a
        count it checks) cannot change under it before it writes; another process waits its turn.
        """
        with self._sessions() as session, session.begin():
            session.connection(execution_options={_BEGIN: "IMMEDIATE"})
            yield session

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
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- maintenance ------------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt the whole store with a new passphrase (PRAGMA rekey)."""
        _check_passphrase(new_passphrase)
        self.engine.dispose()  # rekey needs the only connection, outside WAL
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("PRAGMA journal_mode = DELETE")
            cursor.execute(f"PRAGMA rekey = {_literal(new_passphrase)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()
        finally:
            connection.close()
        self.engine.dispose()
        self.engine = _keyed_engine(self.path, new_passphrase)
        self._passphrase = new_passphrase
        self._sessions.configure(bind=self.engine)

    def backup(self, out: str | os.PathLike[str], passphrase: str | None = None,
               progress: Callable[[str], None] | None = None) -> Path:
        """An encrypted, consistent copy of the store, made while it is in use.

        The copy is keyed with ``passphrase`` (default: the store's own), written beside its final name
        and renamed into place, so a failed backup never leaves a half-written file under that name.
        """
        out = Path(out)
        if out.resolve() == self.path.resolve():
            raise StoreError("A backup cannot overwrite the store it is made from.")
        partial = out.with_name(out.name + ".partial")
        remove_store_files(partial)
        key = passphrase if passphrase is not None else self._passphrase
        _check_passphrase(key)
        if progress:
            progress("Copying the store")
        # ATTACH must run outside a transaction, on the driver's own connection: its SQL holds the key, so
        # it never goes through SQLAlchemy, whose errors quote the statement.
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            try:
                cursor.execute(f"ATTACH DATABASE {_literal(str(partial))} AS backup KEY {_literal(key)}")
                try:
                    cursor.execute("SELECT sqlcipher_export('backup')")
                finally:
                    cursor.execute("DETACH DATABASE backup")
            except sqlcipher.Error:
                remove_store_files(partial)
                raise StoreError(f"The backup could not be written to {out}; the store is unchanged.") from None
            finally:
                cursor.close()
        finally:
            connection.close()
        _owner_only(partial)
        os.replace(partial, out)
        return out


def _owner_only(path: Path) -> None:
    """Encrypted or not, a store is nobody else's business on a shared machine."""
    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.chmod(0o600)


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
