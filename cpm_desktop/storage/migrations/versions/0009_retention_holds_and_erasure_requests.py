"""Retention: legal holds, and erasure requests in the subject-access register

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 08:55:00

Every request already in the register was a request for access, so it keeps ``request_kind = 'access'``.
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('subject_access_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('request_kind', sa.String(length=10), server_default='access', nullable=False))
    op.create_table(
        'retention_hold',
        sa.Column('subject_kind', sa.String(length=10), nullable=False),
        sa.Column('subject_uuid', sa.String(length=36), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('until', sa.Date(), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=120), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=True),
        sa.Column('deleted_reason', sa.Text(), nullable=True),
        sa.Column('origin_device', sa.String(length=36), server_default='', nullable=False),
        sa.Column('hlc', sa.String(length=64), server_default='', nullable=False),
        sa.Column('field_hlc', sa.Text(), server_default='{}', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_hold')),
    )
    with op.batch_alter_table('retention_hold', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retention_hold_subject_uuid'), ['subject_uuid'], unique=False)


def downgrade() -> None:
    raise NotImplementedError("Stores are never taken back to an older schema; restore a backup instead.")
