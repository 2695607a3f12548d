"""birth date no longer stored; resident IDs masked first 2 + last 2

With the region beside them, a stored birth date and the first-4/last-4 mask let anyone
holding the database file rebuild nearly every resident ID without the keys. The birth
date is now read from the encrypted resident ID when a role may see it.

Revision ID: 654c45e8969f
Revises: 8e0514dc87a8
Create Date: 2026-11-23 00:43:32.522860
"""
from alembic import op
import sqlalchemy as sa

from servicekit.migrations import remask_resident_ids

revision = '654c45e8969f'
down_revision = '8e0514dc87a8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('birth_date')
    remask_resident_ids("person")


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        # the dropped dates cannot come back without the keys: left empty
        batch_op.add_column(sa.Column('birth_date', sa.DATE(), nullable=True))
