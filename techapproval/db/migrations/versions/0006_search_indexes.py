"""search indexes: requests and approved resources found by any part of a word, as one types

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26

Searching with LIKE '%text%' reads every row: at district scale (50,000 requests) each keystroke
did. SQLite gets FTS5 tables with the trigram tokenizer, kept up to date by triggers (see
techapproval/db/search.py, which names them and their triggers); PostgreSQL gets pg_trgm GIN
indexes, which its planner uses for the same LIKE. The search still matches any part of a word,
as before. Where the trigram tokenizer (SQLite 3.34+) or pg_trgm is not available, search works as
before, only slower.

On SQLite, a later migration that copies the request, person or catalog_resource table (Alembic's
batch mode) drops the triggers with the table: it must call `search.create_sqlite(op)` again.
"""

from alembic import op

from techapproval.db import search

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_request_submitted', 'request', ['submitted_at'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        search.create_sqlite(op.get_bind())
    else:
        search.create_postgresql(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        search.drop_sqlite(op.get_bind())
    else:
        search.drop_postgresql(op.get_bind())
    op.drop_index('ix_request_submitted', table_name='request')
