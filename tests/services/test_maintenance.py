"""The administrator's backup and restore from the app (services/maintenance.py), on a SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from techapproval.db.database import DatabaseProblem, open_database
from techapproval.db.models import AuditEvent, Person
from techapproval.services import audit, maintenance, people
from techapproval.services.errors import NotAllowed
from tests.conftest import make_district


@pytest.fixture
def local(tmp_path):
    """A district in a SQLite file of its own, whichever database the other tests use."""
    db = open_database(f"sqlite:///{tmp_path / 'live' / 'techapproval.db'}")
    try:
        yield make_district(db)
    finally:
        db.dispose()


def admin_name(district) -> str:
    with district.db.transaction() as s:
        return people.get_person(s, district.admin).name


def rename_admin(district, name: str) -> None:
    with district.db.transaction() as s:
        s.execute(update(Person).where(Person.id == district.admin).values(name=name))


def test_backup_then_restore_brings_the_data_back_and_keeps_a_copy(local, tmp_path):
    backup_file = tmp_path / "backup.db"
    result = maintenance.backup_database(local.db, local.admin, backup_file)
    assert result.file == backup_file and backup_file.stat().st_size == result.size
    with local.db.transaction() as s:
        [event] = [e for e in s.scalars(select(AuditEvent).where(AuditEvent.entity == "database"))]
        assert (event.action, event.actor_id, event.changes["file"]) == ("backed up", local.admin, "backup.db")

    rename_admin(local, "Changed After The Backup")
    asked = []
    restored = maintenance.restore_database(local.db, local.admin, backup_file,
                                            confirm=lambda where: asked.append(where) or True)
    assert asked == [local.db.location]
    assert admin_name(local) == "Dana Admin"  # the data of the backup, read through the same Database
    assert restored.previous_copy is not None and restored.previous_copy.exists()
    kept = sqlite3.connect(restored.previous_copy)
    try:
        assert kept.execute("SELECT name FROM person WHERE id = ?", (local.admin,)).fetchone() == (
            "Changed After The Backup",)
    finally:
        kept.close()
    with local.db.transaction() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert (last.action, last.actor_id) == ("restored", local.admin)
        assert last.changes["by"] == "Changed After The Backup"  # who restored, as they were named then
        assert audit.verify_chain(s).problem is None


def test_a_newer_backup_is_refused_and_nothing_changes(local, tmp_path):
    newer = tmp_path / "newer.db"
    maintenance.backup_database(local.db, local.admin, newer)
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    rename_admin(local, "Kept As Is")
    with pytest.raises(DatabaseProblem, match="newer version of techapproval"):
        maintenance.restore_database(local.db, local.admin, newer, confirm=lambda _where: True)
    assert admin_name(local) == "Kept As Is"
    assert not list(Path(local.db.location).parent.glob("*before-restore*"))


def test_backup_refuses_an_existing_file_unless_the_person_agreed(local, tmp_path):
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"keep me")
    with pytest.raises(DatabaseProblem, match="already exists"):
        maintenance.backup_database(local.db, local.admin, existing)
    assert existing.read_bytes() == b"keep me"
    maintenance.backup_database(local.db, local.admin, existing, replace=True)
    assert existing.read_bytes() != b"keep me"


@pytest.mark.parametrize("who", ["teacher", "reviewer"])
def test_only_an_administrator_backs_up_or_restores(local, tmp_path, who):
    good = tmp_path / "good.db"
    maintenance.backup_database(local.db, local.admin, good)
    rename_admin(local, "Not Restored")
    with local.db.transaction() as s:
        before = audit.change_count(s)
    actor = getattr(local, who)
    with pytest.raises(NotAllowed, match="administrator"):
        maintenance.backup_database(local.db, actor, tmp_path / "theirs.db")
    with pytest.raises(NotAllowed, match="administrator"):
        maintenance.restore_database(local.db, actor, good, confirm=lambda _where: True)
    assert not (tmp_path / "theirs.db").exists()
    assert admin_name(local) == "Not Restored"
    with local.db.transaction() as s:
        assert audit.change_count(s) == before
