"""an index for the latest decisions: requests by status and decision date

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

The request form's "already decided" lookup reads the latest refusals, newest first, as a teacher
types: without this index the database sorted every refusal on each keystroke.
"""

from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_request_status_decided', 'request', ['status', 'decided_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_request_status_decided', table_name='request')
