"""accessibility reviews of tools (ADA Title II) and renewals of approvals

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

The request gains the requester's accessibility answers and, for a renewal, what it renews; the catalog
entry gains the day its approval ended (a renewal not approved). A new table keeps the reviewers'
accessibility reviews. Only columns are added to request and catalog_resource: copying those tables
(SQLite's batch mode) would drop their search triggers and trip the foreign keys that point at them.
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# Columns with a foreign key: SQLite takes REFERENCES in ADD COLUMN, but not Alembic's separate ADD CONSTRAINT.
_REFERENCING = (
    ('renewal_of_id', 'catalog_resource', 'id', 'fk_request_renewal_of_id_catalog_resource'),
    ('renews_request_id', 'request', 'id', 'fk_request_renews_request_id_request'),
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.create_table('accessibility_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('catalog_resource_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('acr_on_file', sa.Boolean(), nullable=False),
    sa.Column('document_sha256', sa.String(length=64), nullable=True),
    sa.Column('document_name', sa.String(length=255), nullable=True),
    sa.Column('claimed', sa.String(length=20), nullable=True),
    sa.Column('finding', sa.String(length=20), nullable=False),
    sa.Column('alternative_plan', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("finding IN ('conforms', 'partially_conforms', 'does_not_conform', 'unknown')",
                       name=op.f('ck_accessibility_review_finding')),
    sa.CheckConstraint("claimed IS NULL OR claimed IN ('wcag_22_aa', 'wcag_21_aa', 'wcag_20_aa', 'partial', "
                       "'none', 'not_sure')", name=op.f('ck_accessibility_review_claimed')),
    sa.CheckConstraint("finding NOT IN ('partially_conforms', 'does_not_conform')"
                       " OR length(trim(alternative_plan)) > 0", name=op.f('ck_accessibility_review_plan_when_short')),
    sa.CheckConstraint('request_id IS NOT NULL OR catalog_resource_id IS NOT NULL',
                       name=op.f('ck_accessibility_review_of_something')),
    sa.CheckConstraint('(document_sha256 IS NULL) = (document_name IS NULL)',
                       name=op.f('ck_accessibility_review_document_named')),
    sa.CheckConstraint('document_sha256 IS NULL OR acr_on_file', name=op.f('ck_accessibility_review_document_is_acr')),
    sa.ForeignKeyConstraint(['catalog_resource_id'], ['catalog_resource.id'],
                            name=op.f('fk_accessibility_review_catalog_resource_id_catalog_resource')),
    sa.ForeignKeyConstraint(['document_sha256'], ['contract_document.sha256'],
                            name=op.f('fk_accessibility_review_document_sha256_contract_document')),
    sa.ForeignKeyConstraint(['request_id'], ['request.id'], name=op.f('fk_accessibility_review_request_id_request')),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['person.id'],
                            name=op.f('fk_accessibility_review_reviewed_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accessibility_review'))
    )
    op.create_index('ix_accessibility_review_request_id', 'accessibility_review', ['request_id'], unique=False)
    op.create_index('ix_accessibility_review_resource', 'accessibility_review', ['catalog_resource_id', 'id'],
                    unique=False)

    op.add_column('catalog_resource', sa.Column('approval_ended_at', sa.DateTime(), nullable=True))
    op.add_column('request', sa.Column('acr_available', sa.String(length=10), nullable=True))
    op.add_column('request', sa.Column('claimed_conformance', sa.String(length=20), nullable=True))
    op.add_column('request', sa.Column('known_barriers', sa.Text(), nullable=False, server_default=''))
    for column, table, key, name in _REFERENCING:
        if sqlite:
            op.execute(f'ALTER TABLE request ADD COLUMN {column} INTEGER '
                       f'CONSTRAINT {name} REFERENCES {table} ({key})')
        else:
            op.add_column('request', sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(name, 'request', table, [column], [key])
    op.add_column('request', sa.Column('renewal_due_on', sa.Date(), nullable=True))
    op.add_column('request', sa.Column('renewal_basis', sa.JSON(), nullable=True))
    op.add_column('request', sa.Column('decided_context', sa.JSON(), nullable=True))
    op.create_index('ix_request_renewal_of_id', 'request', ['renewal_of_id'], unique=False)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    op.drop_index('ix_request_renewal_of_id', table_name='request')
    for column in ('decided_context', 'renewal_basis', 'renewal_due_on', 'known_barriers', 'claimed_conformance', 'acr_available'):
        op.drop_column('request', column)
    for column, _table, _key, name in _REFERENCING:
        if not sqlite:  # SQLite drops a column's own REFERENCES with it
            op.drop_constraint(name, 'request', type_='foreignkey')
        op.drop_column('request', column)
    op.drop_column('catalog_resource', 'approval_ended_at')
    op.drop_index('ix_accessibility_review_resource', table_name='accessibility_review')
    op.drop_index('ix_accessibility_review_request_id', table_name='accessibility_review')
    op.drop_table('accessibility_review')
