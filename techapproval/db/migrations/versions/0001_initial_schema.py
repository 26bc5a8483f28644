"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23

The audit trail is append-only: triggers refuse UPDATE and DELETE on audit_event.
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


FK_LAST_REQUEST = 'fk_catalog_resource_last_request_id_request'

APPEND_ONLY_SQLITE = [
    """CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
    """CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END""",
]
APPEND_ONLY_POSTGRESQL = [
    """CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$""",
    """CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
       FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.create_table('catalog_resource',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('normalised_name', sa.String(length=200), nullable=False),
    sa.Column('link', sa.String(length=2000), nullable=False),
    sa.Column('normalised_link', sa.String(length=2000), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('permission', sa.String(length=20), nullable=False),
    sa.Column('grades', sa.String(length=64), nullable=False),
    sa.Column('not_used_by_students', sa.Boolean(), nullable=False),
    sa.Column('approved_at', sa.DateTime(), nullable=False),
    sa.Column('last_request_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("permission IN ('parental_required', 'none_required')", name=op.f('ck_catalog_resource_permission')),
    # catalog_resource and request refer to each other: SQLite accepts the forward reference,
    # PostgreSQL gets the key once both tables exist (below).
    *([sa.ForeignKeyConstraint(['last_request_id'], ['request.id'], name=FK_LAST_REQUEST)] if sqlite else []),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalog_resource'))
    )
    with op.batch_alter_table('catalog_resource', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_catalog_resource_normalised_link'), ['normalised_link'], unique=False)
        batch_op.create_index(batch_op.f('ix_catalog_resource_normalised_name'), ['normalised_name'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.String(length=120), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("role IN ('requester', 'reviewer', 'administrator')", name=op.f('ck_person_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('email', name=op.f('uq_person_email'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['person.id'], name=op.f('fk_audit_event_actor_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_entity', ['entity', 'entity_id', 'id'], unique=False)

    op.create_table('request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('grades', sa.String(length=64), nullable=False),
    sa.Column('not_used_by_students', sa.Boolean(), nullable=False),
    sa.Column('resource_name', sa.String(length=200), nullable=False),
    sa.Column('resource_description', sa.Text(), nullable=False),
    sa.Column('resource_link', sa.String(length=2000), nullable=False),
    sa.Column('planned_use', sa.Text(), nullable=False),
    sa.Column('information_shared', sa.String(length=1000), nullable=False),
    sa.Column('information_details', sa.Text(), nullable=False),
    sa.Column('who_has_access', sa.Text(), nullable=False),
    sa.Column('student_accounts', sa.String(length=10), nullable=True),
    sa.Column('download_required', sa.String(length=10), nullable=True),
    sa.Column('app_requires_parental_permission', sa.String(length=10), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('permission', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('catalog_resource_id', sa.Integer(), nullable=True),
    sa.Column('submitted_form', sa.JSON(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("(decision IS NULL AND permission IS NULL AND reason IS NULL) OR (decision = 'approved' AND permission IS NOT NULL AND permission IN ('parental_required', 'none_required')     AND reason IS NULL) OR (decision = 'not_approved' AND permission IS NULL AND reason IS NOT NULL     AND length(trim(reason)) > 0)", name=op.f('ck_request_decision_choice')),
    sa.CheckConstraint("(decision IS NULL AND status NOT IN ('approved', 'not_approved')  AND decided_by_id IS NULL AND decided_at IS NULL) OR (decision IS NOT NULL AND decision = status AND decided_by_id IS NOT NULL AND decided_at IS NOT NULL)", name=op.f('ck_request_decision_status')),
    sa.CheckConstraint("app_requires_parental_permission IS NULL OR app_requires_parental_permission IN ('yes', 'no', 'not_sure')", name=op.f('ck_request_app_permission')),
    sa.CheckConstraint("download_required IS NULL OR download_required IN ('yes', 'no', 'not_sure')", name=op.f('ck_request_download_required')),
    sa.CheckConstraint("status IN ('draft', 'submitted', 'returned', 'resubmitted', 'approved', 'not_approved', 'withdrawn')", name=op.f('ck_request_status')),
    sa.CheckConstraint("student_accounts IS NULL OR student_accounts IN ('yes', 'no', 'not_sure')", name=op.f('ck_request_student_accounts')),
    sa.CheckConstraint('decided_by_id IS NULL OR decided_by_id <> requester_id', name=op.f('ck_request_not_own_decision')),
    sa.ForeignKeyConstraint(['catalog_resource_id'], ['catalog_resource.id'], name=op.f('fk_request_catalog_resource_id_catalog_resource')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['person.id'], name=op.f('fk_request_decided_by_id_person')),
    sa.ForeignKeyConstraint(['requester_id'], ['person.id'], name=op.f('fk_request_requester_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_request'))
    )
    with op.batch_alter_table('request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_request_requester_id'), ['requester_id'], unique=False)
        batch_op.create_index('ix_request_status_submitted', ['status', 'submitted_at'], unique=False)

    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('question', 'answer', 'comment')", name=op.f('ck_message_kind')),
    sa.ForeignKeyConstraint(['author_id'], ['person.id'], name=op.f('fk_message_author_id_person')),
    sa.ForeignKeyConstraint(['request_id'], ['request.id'], name=op.f('fk_message_request_id_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_request_id'), ['request_id'], unique=False)

    if not sqlite:
        op.create_foreign_key(FK_LAST_REQUEST, 'catalog_resource', 'request', ['last_request_id'], ['id'])
    for statement in APPEND_ONLY_SQLITE if sqlite else APPEND_ONLY_POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint(FK_LAST_REQUEST, 'catalog_resource', type_='foreignkey')
        op.execute('DROP TRIGGER audit_event_append_only ON audit_event')
        op.execute('DROP FUNCTION audit_event_append_only()')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_request_id'))

    op.drop_table('message')
    with op.batch_alter_table('request', schema=None) as batch_op:
        batch_op.drop_index('ix_request_status_submitted')
        batch_op.drop_index(batch_op.f('ix_request_requester_id'))

    op.drop_table('request')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_entity')

    op.drop_table('audit_event')
    op.drop_table('setting')
    op.drop_table('person')
    with op.batch_alter_table('catalog_resource', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_catalog_resource_normalised_name'))
        batch_op.drop_index(batch_op.f('ix_catalog_resource_normalised_link'))

    op.drop_table('catalog_resource')
