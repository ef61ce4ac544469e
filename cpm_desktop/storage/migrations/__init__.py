"""Schema migrations (Alembic), run on the store's own connection when it is opened."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

HERE = Path(__file__).resolve().parent


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(config()).get_current_head()
    if head is None:  # only a broken installation lacks its migration scripts
        raise RuntimeError(f"No schema migrations were found in {HERE}.")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def stamp_head(connection: Connection) -> None:
    command.stamp(config(connection), "head")


def upgrade_to_head(connection: Connection) -> None:
    if current_revision(connection) != head_revision():
        command.upgrade(config(connection), "head")
