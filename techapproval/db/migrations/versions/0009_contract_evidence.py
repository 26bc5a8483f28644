"""evidence accepted from the clause check, kept with each contract provision

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A contract provision gains the sentence the coordinator accepted as where the contract says so, and its
page (none for a document without pages). Only columns are added: the table keeps its rows.
"""

from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('contract_provision', sa.Column('evidence_quote', sa.Text(), server_default='', nullable=False))
    op.add_column('contract_provision', sa.Column('evidence_page', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('contract_provision') as batch:
        batch.drop_column('evidence_page')
        batch.drop_column('evidence_quote')
