"""The schema revisions this version knows, without importing Alembic at start-up.

A test checks these against the migration scripts, so they cannot drift.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

REVISIONS = ("0001", "0002", "0003", "0004")  # oldest first
HEAD = REVISIONS[-1]
MIGRATIONS = Path(__file__).with_name("migrations")
# On a server, two desks may open a new database at the same moment: an advisory lock (held until the
# upgrade's transaction ends) lets one migrate while the other waits, then finds the work done.
# SQLite gets the same from BEGIN IMMEDIATE. The number is arbitrary and only has to be fixed.
UPGRADE_LOCK = 3520_13


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str | None = None) -> None:
    """Upgrade to HEAD by default: the revision this version knows (read at call time), not whatever
    scripts happen to be installed, so a mismatch fails inside Alembic instead of stopping short."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, revision or HEAD)
