"""The administrator's care of the database from the app: a backup file, and a restore from one.

The same safety as `techapproval backup` and `techapproval restore` (db/backup.py does the work for both):
a backup is written whole or not at all; a restore checks the file completely first, refuses a backup from
a newer techapproval, and keeps a copy of the database as it was before replacing anything. Administrators
only, checked on each call before anything is read or written; each is recorded in the audit trail (a
restore in the restored database, whose trail otherwise ends where the backup was made).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import backup as db_backup
from ..db.backup import BackupResult, RestoreResult
from ..db.database import Database
from ..db.models import Person
from ..domain.enums import Role
from . import audit
from .access import acting

AUDIT_ENTITY = "database"

__all__ = ["BackupResult", "RestoreResult", "backup_database", "check_may_maintain", "restore_database"]


def check_may_maintain(session: Session, actor_id: int) -> None:
    """Refuses (NotAllowed) anyone but an active administrator: what the menu asks before a file dialog opens."""
    acting(session, actor_id, Role.ADMINISTRATOR)


def backup_database(db: Database, actor_id: int, destination: Path, *, replace: bool = False) -> BackupResult:
    """Copy the whole database into `destination` (replacing a file there only when `replace`: the person
    agreed to it). Raises NotAllowed, or DatabaseProblem saying why nothing was written."""
    with db.transaction() as session:
        check_may_maintain(session, actor_id)
    result = db_backup.backup(db.url, Path(destination), force=replace)
    with db.transaction() as session:
        actor = acting(session, actor_id, Role.ADMINISTRATOR)
        audit.record(session, actor.id, AUDIT_ENTITY, 0, "backed up",
                     {"file": result.file.name, "size": result.size, "schema": result.revision})
    return result


def restore_database(
    db: Database, actor_id: int, source: Path, *, confirm: Callable[[str], bool] | None = None,
) -> RestoreResult:
    """Replace everything in the database with the backup `source`. `confirm(location)` is asked once the
    file has passed its checks, before anything changes; False cancels. The database's connections are
    closed first (the restore replaces the data under them); afterwards the app must read everything
    afresh, sign-in included: the restored data has its own people and roles. Raises NotAllowed, or
    DatabaseProblem saying why nothing was changed (or where the database as it was is kept)."""
    with db.transaction() as session:
        actor = acting(session, actor_id, Role.ADMINISTRATOR)
        name, email = actor.name, actor.email
    db.dispose()
    result = db_backup.restore(db.url, Path(source), confirm=confirm)
    db.dispose()  # nothing read before the restore is kept
    with db.transaction() as session:
        # The same person in the restored data, found by their email; the trail names them either way.
        same = session.scalar(select(Person.id).where(Person.email == email))
        audit.record(session, same, AUDIT_ENTITY, 0, "restored", {
            "file": result.file.name, "schema": result.revision, "upgraded_to": result.upgraded_to,
            "by": name, "previous_copy": result.previous_copy.name if result.previous_copy else None,
        })
    return result
