"""The hub's schema migrations (Alembic), run by :func:`cpm_desktop.sync.hub_schema.init_hub`."""
