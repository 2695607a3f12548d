"""resident IDs masked first 2 + last 2

The first-4/last-4 mask leaves as few as ~1,400 candidate resident IDs in a city with one
county code; the everyday form (servicekit.masking) leaves at least 139,000. Certificates
already signed keep the mask they were signed with.

Revision ID: 5b1e0c2d7a31
Revises: ee1427ec3b30
Create Date: 2026-11-23 00:45:00
"""
from servicekit.migrations import remask_resident_ids

revision = '5b1e0c2d7a31'
down_revision = 'ee1427ec3b30'
branch_labels = None
depends_on = None


def upgrade() -> None:
    remask_resident_ids("candidate")


def downgrade() -> None:
    pass  # the dropped characters are not kept anywhere in the clear
