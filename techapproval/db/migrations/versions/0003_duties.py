"""incidents deletions exceptions permissions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Breach incidents, deletion requests, IEP/504 exceptions with their conditions, parental permission tallies.
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deletion_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=True),
    sa.Column('requested_by', sa.String(length=10), nullable=False),
    sa.Column('case_reference', sa.String(length=100), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("(outcome = 'open') = (closed_on IS NULL)", name=op.f('ck_deletion_request_closed_when_decided')),
    sa.CheckConstraint("outcome IN ('open', 'deleted', 'legal_retention', 'disaster_recovery')", name=op.f('ck_deletion_request_outcome')),
    sa.CheckConstraint("requested_by IN ('student', 'parent', 'board')", name=op.f('ck_deletion_request_requested_by')),
    sa.CheckConstraint('due_on >= requested_on', name=op.f('ck_deletion_request_due_after_request')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_deletion_request_contract_id_contract')),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_deletion_request_contractor_id_contractor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deletion_request'))
    )
    with op.batch_alter_table('deletion_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deletion_request_contractor_id'), ['contractor_id'], unique=False)

    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=True),
    sa.Column('discovered_on', sa.Date(), nullable=False),
    sa.Column('involves', sa.String(length=200), nullable=False),
    sa.Column('students_affected', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('board_notified_on', sa.Date(), nullable=True),
    sa.Column('parents_notified_on', sa.Date(), nullable=True),
    sa.Column('website_posted_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('board_notified_on IS NULL OR board_notified_on >= discovered_on', name=op.f('ck_incident_notice_after_discovery')),
    sa.CheckConstraint('parents_notified_on IS NULL OR board_notified_on IS NOT NULL', name=op.f('ck_incident_parents_after_board')),
    sa.CheckConstraint('students_affected IS NULL OR students_affected >= 0', name=op.f('ck_incident_students_affected')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_incident_contract_id_contract')),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_incident_contractor_id_contractor')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident'))
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_contractor_id'), ['contractor_id'], unique=False)

    op.create_table('plan_exception',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_reference', sa.String(length=100), nullable=False),
    sa.Column('plan', sa.String(length=3), nullable=False),
    sa.Column('catalog_resource_id', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("plan IN ('iep', '504')", name=op.f('ck_plan_exception_plan')),
    sa.ForeignKeyConstraint(['catalog_resource_id'], ['catalog_resource.id'], name=op.f('fk_plan_exception_catalog_resource_id_catalog_resource')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_exception'))
    )
    with op.batch_alter_table('plan_exception', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_exception_catalog_resource_id'), ['catalog_resource_id'], unique=False)

    op.create_table('permission_tally',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=False),
    sa.Column('granted', sa.Integer(), nullable=False),
    sa.Column('refused', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('expected >= 0 AND granted >= 0 AND refused >= 0', name=op.f('ck_permission_tally_non_negative')),
    sa.CheckConstraint('granted + refused <= expected', name=op.f('ck_permission_tally_not_more_than_expected')),
    sa.ForeignKeyConstraint(['request_id'], ['request.id'], name=op.f('fk_permission_tally_request_id_request')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_permission_tally'))
    )
    with op.batch_alter_table('permission_tally', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_permission_tally_request_id'), ['request_id'], unique=False)

    op.create_table('plan_exception_condition',
    sa.Column('exception_id', sa.Integer(), nullable=False),
    sa.Column('condition', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('met_on', sa.Date(), nullable=True),
    sa.Column('document_sha256', sa.String(length=64), nullable=True),
    sa.Column('document_name', sa.String(length=255), nullable=True),
    sa.CheckConstraint("condition IN ('ferpa_hipaa', 'reasonable_effort', 'operator_complies', 'parent_signature', 'ppt_signature')", name=op.f('ck_plan_exception_condition_condition')),
    sa.CheckConstraint('(document_sha256 IS NULL) = (document_name IS NULL)', name=op.f('ck_plan_exception_condition_document_named')),
    sa.ForeignKeyConstraint(['document_sha256'], ['contract_document.sha256'], name=op.f('fk_plan_exception_condition_document_sha256_contract_document')),
    sa.ForeignKeyConstraint(['exception_id'], ['plan_exception.id'], name=op.f('fk_plan_exception_condition_exception_id_plan_exception'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('exception_id', 'condition', name=op.f('pk_plan_exception_condition'))
    )


def downgrade() -> None:
    op.drop_table('plan_exception_condition')
    with op.batch_alter_table('permission_tally', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_permission_tally_request_id'))

    op.drop_table('permission_tally')
    with op.batch_alter_table('plan_exception', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_exception_catalog_resource_id'))

    op.drop_table('plan_exception')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_contractor_id'))

    op.drop_table('incident')
    with op.batch_alter_table('deletion_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deletion_request_contractor_id'))

    op.drop_table('deletion_request')
