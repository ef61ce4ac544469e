"""Migrations build exactly the models' schema, and opening an old store upgrades it."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from cpm_desktop.storage import migrations
from cpm_desktop.storage.engine import Store, _keyed_engine
from cpm_desktop.storage.models import Base
from tests.conftest import PASSPHRASE


def test_migrations_produce_the_models_schema(tmp_path):
    engine = _keyed_engine(tmp_path / "migrated.cpm", PASSPHRASE)
    with engine.begin() as connection:
        migrations.upgrade_to_head(connection)
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_new_store_is_stamped_at_head(store):
    with store.engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()


def test_opening_an_unmigrated_store_upgrades_it(tmp_path):
    path = tmp_path / "old.cpm"
    engine = _keyed_engine(path, PASSPHRASE)
    with engine.begin() as connection:  # a store at the first revision, as an older version left it
        from alembic import command

        command.upgrade(migrations.config(connection), "0001")
    engine.dispose()
    with Store.open(path, PASSPHRASE) as store, store.engine.connect() as connection:
        assert migrations.current_revision(connection) == migrations.head_revision()
        assert set(inspect(connection).get_table_names()) >= set(Base.metadata.tables)
