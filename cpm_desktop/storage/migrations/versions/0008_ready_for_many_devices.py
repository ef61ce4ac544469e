"""Ready for many devices: sync clocks on every record, uuid audit events, id counters, outbox, conflicts,
tombstones

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 08:10:00

Nothing is lost: every existing row keeps its values and ids; its clocks start at zero ("", earlier than any
reading) and its origin device is unknown (""). Audit events keep their order and get uuid keys.
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

RECORD_TABLES = (
    "person", "organisation", "referral", "referral_event", "risk_assessment", "risk_check",
    "professional_consulted", "risk_flag", "home_visit", "mentor", "mentor_status_change", "progress_check",
    "allocation", "contact", "goal", "goal_review", "subject_access_request", "contact_revision",
)

# A random (version 4) uuid made by SQLite itself, so the rewrite of the audit table stays in SQL.
SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'"
    " || lower(hex(randomblob(6)))"
)


def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('origin_device', sa.String(length=36), server_default='', nullable=False))
            batch_op.add_column(sa.Column('hlc', sa.String(length=64), server_default='', nullable=False))
            batch_op.add_column(sa.Column('field_hlc', sa.Text(), server_default='{}', nullable=False))

    op.create_table(
        'audit_event_new',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=120), nullable=False),
        sa.Column('device', sa.String(length=36), server_default='', nullable=False),
        sa.Column('action', sa.String(length=20), nullable=False),
        sa.Column('record_table', sa.String(length=40), nullable=False),
        sa.Column('record_uuid', sa.String(length=36), nullable=True),
        sa.Column('subject_uuid', sa.String(length=36), nullable=True),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    )
    op.execute(
        "INSERT INTO audit_event_new (id, at, actor, device, action, record_table, record_uuid, subject_uuid, fields,"
        f" detail) SELECT {SQL_UUID4}, at, actor, '', action, record_table, record_uuid, subject_uuid, fields, detail"
        " FROM audit_event ORDER BY id"
    )
    op.drop_table('audit_event')
    op.rename_table('audit_event_new', 'audit_event')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_record', ['record_table', 'record_uuid'], unique=False)
        batch_op.create_index('ix_audit_event_at', ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_subject_uuid'), ['subject_uuid'], unique=False)

    op.create_table(
        'id_counter',
        sa.Column('stem', sa.String(length=40), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('stem', name=op.f('pk_id_counter')),
    )
    op.create_table(
        'sync_outbox',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('change_id', sa.String(length=36), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('row_uuid', sa.String(length=64), nullable=False),
        sa.Column('area', sa.String(length=40), nullable=True),
        sa.Column('clock', sa.String(length=64), nullable=False),
        sa.Column('payload', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_sync_outbox')),
        sa.UniqueConstraint('change_id', name=op.f('uq_sync_outbox_change_id')),
    )
    op.create_table(
        'sync_conflict',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('row_uuid', sa.String(length=64), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=False),
        sa.Column('kept_value', sa.Text(), nullable=False),
        sa.Column('kept_clock', sa.String(length=64), nullable=False),
        sa.Column('kept_by', sa.String(length=120), nullable=False),
        sa.Column('other_value', sa.Text(), nullable=False),
        sa.Column('other_clock', sa.String(length=64), nullable=False),
        sa.Column('other_by', sa.String(length=120), nullable=False),
        sa.Column('detected_at', sa.DateTime(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.Column('resolution', sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict')),
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_row', ['entity', 'row_uuid', 'field'], unique=False)
    op.create_table(
        'tombstone',
        sa.Column('row_uuid', sa.String(length=64), nullable=False),
        sa.Column('entity', sa.String(length=40), nullable=False),
        sa.Column('erased_on', sa.Date(), nullable=False),
        sa.Column('rule', sa.Text(), nullable=False),
        sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
        sa.PrimaryKeyConstraint('row_uuid', name=op.f('pk_tombstone')),
    )


def downgrade() -> None:
    raise NotImplementedError("Stores are never taken back to an older schema; restore a backup instead.")
