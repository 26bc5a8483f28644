"""records import: a district's own spreadsheet of approved resources and contracts, imported and undone as a whole

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

Each import is kept with the records it created (by kind and id, with the version each had then), so it
can be undone as a whole while none of them has changed since. Two new tables; nothing existing changes.
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('records_import',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by_id', sa.Integer(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('left_out', sa.Integer(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(undone_at IS NULL) = (undone_by_id IS NULL)', name=op.f('ck_records_import_undone_by')),
    sa.ForeignKeyConstraint(['imported_by_id'], ['person.id'], name=op.f('fk_records_import_imported_by_id_person')),
    sa.ForeignKeyConstraint(['undone_by_id'], ['person.id'], name=op.f('fk_records_import_undone_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_records_import'))
    )
    op.create_table('records_import_item',
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('source_row', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("entity IN ('contractor', 'contract', 'catalog_resource')",
                       name=op.f('ck_records_import_item_entity')),
    sa.ForeignKeyConstraint(['import_id'], ['records_import.id'], ondelete='CASCADE',
                            name=op.f('fk_records_import_item_import_id_records_import')),
    sa.PrimaryKeyConstraint('import_id', 'entity', 'entity_id', name=op.f('pk_records_import_item'))
    )
    op.create_index('ix_records_import_item_record', 'records_import_item', ['entity', 'entity_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_records_import_item_record', table_name='records_import_item')
    op.drop_table('records_import_item')
    op.drop_table('records_import')
