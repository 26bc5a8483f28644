"""District IT's work at a terminal (the `techapproval` commands), done as no signed-in person.

The commands run everything through `services.backend.LocalBackend`; what they need beyond the use cases is
here: which person a command acts as, the audit trail's check in words, preparing a PostgreSQL server for the
desks, and the backup and restore of a database by its address (db/backup.py does the work, as for the app's
own Maintenance menu, which adds the administrator's check and the audit event).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from ..db import backup as db_backup
from ..db import server as db_server
from ..db.backup import BackupResult, RestoreResult
from ..db.database import Database, current_revision, open_database, plain_error
from ..db.models import AuditEvent, Person
from ..db.server import REGRANT_NOTE, AppRoleProblem, grant_statements
from ..domain.enums import Role
from .errors import NotAllowed, NotFound
from .people import PersonView, reset_password_as_system

__all__ = ["REGRANT_NOTE", "AppRoleProblem", "AuditTrail", "BackupResult", "RestoreResult", "acting_as",
           "audit_trail", "backup_file", "check_app_role", "grant_app_role", "grant_statements",
           "plain_error", "reset_password", "restore_file", "schema_revision"]


def acting_as(session: Session, email: str | None) -> int:
    """The id of the active person with this email address, or (no address) of the first active administrator:
    whom a command acts as. NotFound or NotAllowed says why nobody can."""
    if email:
        person = session.scalar(select(Person).where(Person.email == email.strip().casefold()))
        if person is None:
            raise NotFound(f"Nobody with the email address {email} uses this database.")
        if not person.active:
            raise NotAllowed(f"The account of {person.name} ({person.email}) is switched off.")
        return person.id
    admin = session.scalar(select(Person.id).where(Person.role == Role.ADMINISTRATOR.value, Person.active)
                           .order_by(Person.id))
    if admin is None:
        raise NotFound("This database has no active administrator yet. Set it up in the app, or use --as EMAIL.")
    return admin


@dataclass(frozen=True)
class BadEvent:
    id: int
    at: datetime
    entity: str
    entity_id: int
    action: str


@dataclass(frozen=True)
class AuditTrail:
    """The audit trail's check: how many events, the last hash, and (when it is not intact) what is wrong and
    the first event that does not fit, where there is one."""

    events: int
    head_hash: str
    problem: str | None
    bad: BadEvent | None


def audit_trail(session: Session) -> AuditTrail:
    from .audit import verify_chain

    report = verify_chain(session)
    problem = report.problem
    if problem is None:
        return AuditTrail(report.events, report.head_hash, None, None)
    event = session.get(AuditEvent, problem.event_id) if problem.event_id else None
    bad = None if event is None else BadEvent(event.id, event.at, event.entity, event.entity_id, event.action)
    return AuditTrail(report.events, report.head_hash, problem.message, bad)


def reset_password(db: Database, email: str, temporary_password: str) -> PersonView:
    """A temporary password for the person with this email, recorded as done by System (services/people.py)."""
    with db.transaction() as session:
        return reset_password_as_system(session, email, temporary_password)


def schema_revision(url: str | URL) -> str | None:
    """The schema revision of the database at `url` as it is (None: no schema yet), changing nothing."""
    db = open_database(url, migrate=False)
    try:
        return current_revision(db)
    finally:
        db.dispose()


def check_app_role(db: Database, role: str) -> None:
    """AppRoleProblem when `role` cannot be the desks' role (missing, a superuser, the owner)."""
    with db.engine.connect() as conn:
        db_server.check_app_role(conn, role)


def grant_app_role(db: Database, role: str) -> None:
    """Give `role` exactly the app's rights, as the owner, in one transaction."""
    with db.engine.begin() as conn:
        db_server.grant_app_role(conn, role)


def backup_file(url: str | URL, destination: Path, *, force: bool = False) -> BackupResult:
    return db_backup.backup(url, destination, force=force)


def restore_file(url: str | URL, source: Path, *, confirm: Callable[[str], bool] | None = None) -> RestoreResult:
    return db_backup.restore(url, source, confirm=confirm)

