"""contract registry

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Contractors, contracts with their eleven provisions and signed documents, district closures, the
yearly notice; each catalog resource gains its coverage (contract, not required, IEP/504, none).
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('annual_notice',
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('drafted_on', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('school_year', name=op.f('pk_annual_notice'))
    )
    op.create_table('contract_document',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_contract_document'))
    )
    op.create_table('contractor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('normalised_name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('contact_phone', sa.String(length=50), nullable=False),
    sa.Column('website', sa.String(length=2000), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('operator', 'consultant')", name=op.f('ck_contractor_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contractor')),
    sa.UniqueConstraint('normalised_name', name=op.f('uq_contractor_normalised_name'))
    )
    op.create_table('district_closure',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('label', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_district_closure'))
    )
    op.create_table('contract',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contractor_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('information_allowed', sa.String(length=1000), nullable=False),
    sa.Column('information_details', sa.Text(), nullable=False),
    sa.Column('executed_on', sa.Date(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('uses_state_addendum', sa.Boolean(), nullable=False),
    sa.Column('amend_notice_sent_on', sa.Date(), nullable=True),
    sa.Column('amended_on', sa.Date(), nullable=True),
    sa.Column('notice_posted_on', sa.Date(), nullable=True),
    sa.Column('deletion_confirmed_on', sa.Date(), nullable=True),
    sa.Column('document_sha256', sa.String(length=64), nullable=True),
    sa.Column('document_name', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('(document_sha256 IS NULL) = (document_name IS NULL)', name=op.f('ck_contract_document_named')),
    sa.CheckConstraint('amended_on IS NULL OR amend_notice_sent_on IS NOT NULL', name=op.f('ck_contract_amended_after_notice')),
    sa.CheckConstraint('deletion_confirmed_on IS NULL OR expires_on IS NOT NULL', name=op.f('ck_contract_deletion_after_expiry')),
    sa.CheckConstraint('expires_on IS NULL OR expires_on >= executed_on', name=op.f('ck_contract_expiry_after_execution')),
    sa.CheckConstraint('starts_on IS NULL OR expires_on IS NULL OR expires_on >= starts_on', name=op.f('ck_contract_expiry_after_start')),
    sa.ForeignKeyConstraint(['contractor_id'], ['contractor.id'], name=op.f('fk_contract_contractor_id_contractor')),
    sa.ForeignKeyConstraint(['document_sha256'], ['contract_document.sha256'], name=op.f('fk_contract_document_sha256_contract_document')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract'))
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_contractor_id'), ['contractor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_expires_on'), ['expires_on'], unique=False)

    op.create_table('contract_provision',
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('provision', sa.String(length=3), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('clause', sa.String(length=200), nullable=False),
    sa.CheckConstraint("provision IN ('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11')", name=op.f('ck_contract_provision_provision')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_contract_provision_contract_id_contract'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contract_id', 'provision', name=op.f('pk_contract_provision'))
    )
    # Existing approved resources start with no contract on file.
    with op.batch_alter_table('catalog_resource', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coverage', sa.String(length=20), nullable=False, server_default='none'))
        batch_op.add_column(sa.Column('contract_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('coverage_note', sa.Text(), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_catalog_resource_contract_id'), ['contract_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_catalog_resource_contract_id_contract'), 'contract', ['contract_id'], ['id'])
        batch_op.create_check_constraint(
            op.f('ck_catalog_resource_coverage'),
            "coverage IN ('none', 'contract', 'not_required', 'iep_504_exception')",
        )
        batch_op.create_check_constraint(
            op.f('ck_catalog_resource_coverage_link'),
            "(coverage = 'contract') = (contract_id IS NOT NULL)"
            " AND (coverage <> 'not_required' OR length(trim(coverage_note)) > 0)",
        )
    with op.batch_alter_table('catalog_resource', schema=None) as batch_op:
        # The models give the defaults; the server defaults were only for the rows already there.
        batch_op.alter_column('coverage', server_default=None)
        batch_op.alter_column('coverage_note', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('catalog_resource', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_catalog_resource_coverage_link'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_catalog_resource_coverage'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_catalog_resource_contract_id_contract'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_catalog_resource_contract_id'))
        batch_op.drop_column('coverage_note')
        batch_op.drop_column('contract_id')
        batch_op.drop_column('coverage')

    op.drop_table('contract_provision')
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_expires_on'))
        batch_op.drop_index(batch_op.f('ix_contract_contractor_id'))

    op.drop_table('contract')
    op.drop_table('district_closure')
    op.drop_table('contractor')
    op.drop_table('contract_document')
    op.drop_table('annual_notice')
