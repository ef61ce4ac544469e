"""Covering index for mentor load: ranking counts each mentor's open and past allocations index-only

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 07:20:41.417434
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.create_index('ix_allocation_mentor_load', ['mentor_uuid', 'deleted_at', 'ended_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('allocation', schema=None) as batch_op:
        batch_op.drop_index('ix_allocation_mentor_load')
