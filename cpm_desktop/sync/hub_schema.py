"""Creating and upgrading the hub's schema (Alembic, its own migrations under ``hub_migrations/``)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from cpm_desktop.sync import connection as hub_connection

MIGRATIONS = Path(__file__).resolve().parent / "hub_migrations"


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def init_hub(admin_url: str, *, revision: str = "head") -> str:
    """Create the hub's schema in the (existing, empty or older) database at ``admin_url``, or upgrade it.

    Safe to run twice: a hub already at the newest revision is left as it is. ``admin_url`` is the hub owner's
    (see docs/hub.md); the password may be in it, in PGPASSWORD or in ~/.pgpass. Returns the revision now in
    place (``revision`` stops at an older one: for tests of upgrades). Raises HubUnreachable or HubRefused
    with one sentence when the server cannot be used.
    Concurrent runs from several processes are safe; not from two threads of one process (Alembic's
    context is process-wide).
    """
    # SQLAlchemy needs an engine for Alembic; ours hands it a psycopg connection made exactly like every other
    # hub connection, so the URL's form (URI or keywords, sslmode, a socket directory) never needs translating.
    engine = create_engine("postgresql+psycopg://", creator=lambda: hub_connection.connect(admin_url),
                           poolclass=pool.NullPool)
    try:
        with hub_connection.hub_errors(admin_url):
            try:
                with engine.begin() as connection:
                    # One init at a time per hub: a second, concurrent `hub init` waits, then has nothing to do.
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7269706573)")
                    if _revision(connection) != head_revision():
                        command.upgrade(_config(connection), revision)
                    reached = _revision(connection)
            except DBAPIError as wrapped:
                raise (wrapped.orig or wrapped) from wrapped  # psycopg's own error, for hub_errors to translate
    finally:
        engine.dispose()
    return reached or ""


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection, opts={"version_table_schema": "hub"}).get_current_revision()


def member_count(admin_url: str) -> int:
    """How many laptops are enrolled in the hub (its owner's view)."""
    with hub_connection.hub_errors(admin_url), hub_connection.connect(admin_url) as conn:
        row = conn.execute("SELECT count(*) FROM hub.member").fetchone()
    return int(row[0]) if row else 0
