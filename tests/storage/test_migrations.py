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


def test_a_store_from_before_sync_keeps_every_row_and_its_audit_order(tmp_path):
    from alembic import command
    from sqlalchemy import text

    path = tmp_path / "before-sync.cpm"
    engine = _keyed_engine(path, PASSPHRASE)
    with engine.begin() as connection:
        command.upgrade(migrations.config(connection), "0007")
        connection.execute(text(
            "INSERT INTO person (id, person_id, first_name, last_name, created_at, updated_at, updated_by)"
            " VALUES ('u1', 'P000001', 'Siobhán', 'Ó Briain', '2020-01-01', '2020-01-01', 'x')"))
        for n, action in enumerate(("create", "update", "view")):
            connection.execute(text(
                "INSERT INTO audit_event (at, actor, action, record_table, record_uuid, subject_uuid, fields)"
                f" VALUES ('2020-01-01 10:00:00', 'x', '{action}', 'person', 'u1', 'u1', 'f{n}')"))
    engine.dispose()
    with Store.open(path, PASSPHRASE) as store, store.engine.connect() as connection:
        assert connection.execute(text("SELECT first_name, hlc, field_hlc FROM person")).one() == (
            "Siobhán", "", "{}")
        rows = connection.execute(text("SELECT id, action FROM audit_event ORDER BY at, rowid")).all()
    assert [action for _, action in rows] == ["create", "update", "view"]
    assert all(len(uuid) == 36 and uuid[14] == "4" for uuid, _ in rows)
