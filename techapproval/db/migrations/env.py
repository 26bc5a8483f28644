"""Alembic environment: the app hands in an open connection (see techapproval.db.database)."""

from alembic import context

from techapproval.db.models import Base
from techapproval.db.search import is_search_object

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` on the command line
    raise SystemExit("Run migrations through techapproval (it opens the database safely).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # The search tables and indexes are made by hand (db/search.py), not from the models.
    include_name=lambda name, _type, _parent: not is_search_object(name),
)
with context.begin_transaction():
    context.run_migrations()
