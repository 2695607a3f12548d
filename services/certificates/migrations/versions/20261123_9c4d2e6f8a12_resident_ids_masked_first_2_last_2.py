"""resident IDs masked first 2 + last 2

The first-4/last-4 mask leaves as few as ~1,400 candidate resident IDs in a city with one
county code; the everyday form (servicekit.masking) leaves at least 139,000. Certificates
already signed keep the mask they were signed with.

Revision ID: 9c4d2e6f8a12
Revises: 720ac18cc4eb
Create Date: 2026-11-23 00:45:00
"""
from servicekit.migrations import remask_resident_ids

revision = '9c4d2e6f8a12'
down_revision = '720ac18cc4eb'
branch_labels = None
depends_on = None


def upgrade() -> None:
    remask_resident_ids("certificate")


def downgrade() -> None:
    pass  # the dropped characters are not kept anywhere in the clear
