"""Alembic environment: the app hands in an open connection (see techapproval.db.database)."""

from alembic import context

from techapproval.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` on the command line
    raise SystemExit("Run migrations through techapproval (it opens the database safely).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
