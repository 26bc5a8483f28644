"""district mode: hash-chained audit trail, sign-in lock-out

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Existing audit events are chained in id order, so a database from before this version is
tamper-evident from here on (what happened before the upgrade is taken as it stood).
"""

from alembic import op
import sqlalchemy as sa

from techapproval.db.models import UTCDateTime
from techapproval.domain.audit_chain import GENESIS, canonical_changes, event_hash


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = {
    'audit_event_no_update': """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
    'audit_event_no_delete': """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
}


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    # Plain ADD COLUMN (no batch copy) keeps the append-only triggers on SQLite.
    op.add_column('person', sa.Column('failed_sign_ins', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('person', sa.Column('locked_until', sa.DateTime(), nullable=True))
    op.add_column('person', sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.add_column('audit_event', sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
    op.add_column('audit_event', sa.Column('hash', sa.String(length=64), nullable=False, server_default=''))
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_audit_head_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )

    # Chaining the existing events needs UPDATE, which the append-only triggers refuse: lift them
    # for this transaction only.
    if sqlite:
        for name in SQLITE_TRIGGERS:
            op.execute(f'DROP TRIGGER {name}')
    else:
        op.execute('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only')
    events = sa.table(
        'audit_event', sa.column('id', sa.Integer()), sa.column('at', UTCDateTime()),
        sa.column('actor_id', sa.Integer()), sa.column('entity', sa.String()), sa.column('entity_id', sa.Integer()),
        sa.column('action', sa.String()), sa.column('changes', sa.JSON()), sa.column('prev_hash', sa.String()),
        sa.column('hash', sa.String()),
    )
    previous, count = GENESIS, 0
    rows = bind.execute(sa.select(events.c.id, events.c.at, events.c.actor_id, events.c.entity, events.c.entity_id,
                                  events.c.action, events.c.changes).order_by(events.c.id)).all()
    for row in rows:
        changes = canonical_changes(row.changes or {})
        digest = event_hash(previous, row.at, row.actor_id, row.entity, row.entity_id, row.action, changes)
        bind.execute(events.update().where(events.c.id == row.id).values(prev_hash=previous, hash=digest))
        previous, count = digest, count + 1
    if sqlite:
        for statement in SQLITE_TRIGGERS.values():
            op.execute(statement)
    else:
        op.execute('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only')
    op.execute(sa.text('INSERT INTO audit_head (id, events, last_hash) VALUES (1, :events, :last)')
               .bindparams(events=count, last=previous))
    # New rows always carry their hashes: no defaults, so a row written outside the app stands out.
    # (SQLite keeps the defaults: dropping one means copying the table, and its triggers with it.)
    if not sqlite:
        op.alter_column('audit_event', 'prev_hash', server_default=None)
        op.alter_column('audit_event', 'hash', server_default=None)
        op.alter_column('person', 'failed_sign_ins', server_default=None)
        op.alter_column('person', 'must_change_password', server_default=None)


def downgrade() -> None:
    op.drop_table('audit_head')
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:
        for name in SQLITE_TRIGGERS:
            op.execute(f'DROP TRIGGER {name}')
    with op.batch_alter_table('audit_event') as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
    if sqlite:
        for statement in SQLITE_TRIGGERS.values():
            op.execute(statement)
    with op.batch_alter_table('person') as batch_op:
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_sign_ins')
