"""Transaction-long locks for work that must not run twice at once on a PostgreSQL server.

A check-then-write (is there a catalog entry yet? did anyone change this setting since it was read?)
is only safe if nobody else does the same check meanwhile. On SQLite, BEGIN IMMEDIATE already admits
one writer at a time; on a server, an advisory lock held until commit does the same for one kind of
work. The numbers are arbitrary and only have to stay fixed and distinct.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

UPGRADE = 3520_13  # the schema upgrade: two desks opening a new database at once
CATALOG = 3520_14  # adding an approved resource to the catalog
SETTINGS = 3520_15  # changing the district settings
RENEWALS = 3520_16  # opening the renewals that are due


def hold(bind: Session | Connection, key: int) -> None:
    """Wait for, then hold until the transaction ends, the lock for this kind of work (server only)."""
    dialect = bind.get_bind().dialect if isinstance(bind, Session) else bind.dialect
    if dialect.name == "postgresql":
        bind.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
