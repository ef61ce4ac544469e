"""Mentor secondary areas: the other areas a mentor will also travel to

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 07:15:53.362374
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('mentor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('other_areas', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('mentor', schema=None) as batch_op:
        batch_op.drop_column('other_areas')
