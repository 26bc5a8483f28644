"""the outbox of email notifications, and each person's notification preferences

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

Two new tables: outbox_message holds every email written with the change that causes it until the sender
delivers it; notification_preference holds each person's language, the kinds they turned off and their
digest's hour. Nothing existing changes.
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('claimed_until', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f('ck_outbox_message_status')),
    sa.CheckConstraint("language IN ('en', 'es')", name=op.f('ck_outbox_message_language')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_outbox_message_person_id_person')),
    sa.ForeignKeyConstraint(['request_id'], ['request.id'], name=op.f('fk_outbox_message_request_id_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message')),
    sa.UniqueConstraint('message_id', name=op.f('uq_outbox_message_message_id'))
    )
    op.create_index('ix_outbox_message_due', 'outbox_message', ['status', 'next_attempt_at'], unique=False)
    op.create_index('ix_outbox_message_person_id', 'outbox_message', ['person_id'], unique=False)
    op.create_table('notification_preference',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('turned_off', sa.String(length=200), nullable=False),
    sa.Column('digest_hour', sa.Integer(), nullable=False),
    sa.CheckConstraint("language IN ('en', 'es')", name=op.f('ck_notification_preference_language')),
    sa.CheckConstraint('digest_hour >= 0 AND digest_hour <= 23', name=op.f('ck_notification_preference_digest_hour')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_notification_preference_person_id_person')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_notification_preference'))
    )


def downgrade() -> None:
    op.drop_table('notification_preference')
    op.drop_index('ix_outbox_message_person_id', table_name='outbox_message')
    op.drop_index('ix_outbox_message_due', table_name='outbox_message')
    op.drop_table('outbox_message')
