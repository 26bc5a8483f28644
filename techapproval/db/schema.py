"""The schema revisions this version knows, without importing Alembic at start-up.

A test checks these against the migration scripts, so they cannot drift.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from . import locks

REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")  # oldest first
HEAD = REVISIONS[-1]
MIGRATIONS = Path(__file__).with_name("migrations")


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
        # Two desks may open a new database at once: one migrates, the other waits, then finds it done.
        locks.hold(conn, locks.UPGRADE)
        config.attributes["connection"] = conn
        command.upgrade(config, revision or HEAD)
