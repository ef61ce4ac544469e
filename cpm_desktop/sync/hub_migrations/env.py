"""Alembic environment of the hub (separate from the store's): runs on a connection handed over by init_hub."""
from alembic import context
from sqlalchemy import text

connection = context.config.attributes["connection"]
# The version table lives in the hub's own schema, so that schema must exist before Alembic looks for it.
connection.execute(text("CREATE SCHEMA IF NOT EXISTS hub"))
context.configure(connection=connection, version_table_schema="hub", transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
