"""Migrations and the safety of opening a database: every refusal leaves the file byte for byte as it was."""

import hashlib
import os
import sqlite3
import threading

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from techapproval.db import database, schema
from techapproval.db.database import DatabaseProblem, current_revision, open_database
from techapproval.db.models import Base
from techapproval.db.search import is_search_object


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sql(path, *statements: str) -> list:
    """Run statements with plain sqlite3 (not the app's code) and return the last one's rows."""
    conn = sqlite3.connect(path)
    try:
        rows = [conn.execute(s).fetchall() for s in statements]
        conn.commit()
        return rows[-1]
    finally:
        conn.close()


def migrated(tmp_path, name="test.db"):
    path = tmp_path / name
    open_database(f"sqlite:///{path}").dispose()
    return path


def refused_untouched(path, *, title: str = "") -> DatabaseProblem:
    before = sha256(path) if path.is_file() else None
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(DatabaseProblem) as problem:
        open_database(f"sqlite:///{path}")
    assert title.lower() in problem.value.title.lower()
    if before is not None:
        assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # no -wal, -journal or backup left
    return problem.value


# --- the schema ---------------------------------------------------------------------------------


def test_migrated_schema_matches_the_models(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'test.db'}")
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
            assert compare_metadata(context, Base.metadata) == []
        assert current_revision(db) == schema.HEAD
    finally:
        db.dispose()


def test_known_revisions_match_the_scripts():
    scripts = ScriptDirectory.from_config(schema.alembic_config())
    oldest_first = [s.revision for s in scripts.walk_revisions()][::-1]
    assert schema.REVISIONS == tuple(oldest_first)
    assert schema.HEAD == scripts.get_current_head()


def test_the_database_is_left_in_wal_mode(tmp_path):
    assert sql(migrated(tmp_path), "PRAGMA journal_mode") == [("wal",)]


# --- files that are refused -----------------------------------------------------------------------


def test_newer_schema_is_refused_untouched(tmp_path):
    path = migrated(tmp_path)
    sql(path, "UPDATE alembic_version SET version_num = '9999'")
    problem = refused_untouched(path, title="newer")
    assert "9999" in problem.message


def test_newer_schema_in_rollback_journal_mode_is_refused_untouched(tmp_path):
    """Switching to WAL rewrites the header; it must not happen before the checks pass."""
    path = migrated(tmp_path)
    sql(path, "PRAGMA journal_mode = DELETE", "UPDATE alembic_version SET version_num = '9999'")
    refused_untouched(path, title="newer")


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    sql(path, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('x')")
    refused_untouched(path, title="not a techapproval database")


def test_random_bytes_are_refused_untouched(tmp_path):
    path = tmp_path / "test.db"
    path.write_bytes(os.urandom(4096))
    problem = refused_untouched(path, title="not a database")
    assert "not a techapproval database" in problem.message


def test_a_truncated_database_is_refused_untouched(tmp_path):
    """A real header but only part of the file: damaged, not re-created."""
    path = migrated(tmp_path)
    path.write_bytes(path.read_bytes()[:2000])
    refused_untouched(path)


def test_an_empty_file_becomes_a_new_database(tmp_path):
    """Zero bytes is how SQLite itself starts a database (e.g. a file made with `touch`)."""
    path = tmp_path / "test.db"
    path.touch()
    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db) == schema.HEAD
    finally:
        db.dispose()


def test_a_new_database_and_its_folder_are_private(tmp_path):
    path = tmp_path / "new folder" / "test.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with db.transaction() as s:  # a write, so the -wal file exists
            s.execute(sqlalchemy.text("INSERT INTO setting (key, value) VALUES ('town', 'Riverside')"))
        assert path.stat().st_mode & 0o777 == 0o600
        assert path.with_name("test.db-wal").stat().st_mode & 0o777 == 0o600
        assert path.parent.stat().st_mode & 0o777 == 0o700
    finally:
        db.dispose()


def test_a_folder_is_refused(tmp_path):
    path = tmp_path / "test.db"
    path.mkdir()
    assert "folder" in refused_untouched(path, title="not a database").message


def test_a_path_under_a_file_is_refused(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where a folder is expected")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(f"sqlite:///{blocker / 'test.db'}")
    assert "cannot create" in problem.value.title.lower() and str(blocker) in problem.value.message
    assert blocker.read_text() == "a file where a folder is expected"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write to any file, so a read-only file cannot be simulated (the read-only"
                           " file system in tests/faults.py covers root)")
def test_a_read_only_file_is_refused_untouched(tmp_path):
    path = migrated(tmp_path)
    path.chmod(0o444)
    try:
        refused_untouched(path, title="read-only")
    finally:
        path.chmod(0o644)


def test_an_approved_resource_survives_the_contract_registry_upgrade(tmp_path):
    path = tmp_path / "old.db"
    engine = sqlalchemy.create_engine(f"sqlite:///{path}")
    schema.upgrade(engine, "0001")
    engine.dispose()
    sql(path, "INSERT INTO catalog_resource (id, name, normalised_name, link, normalised_link, description,"
              " permission, grades, not_used_by_students, approved_at, version)"
              " VALUES (7, 'Kahoot!', 'kahoot', '', '', 'Quizzes', 'none_required', '4,5', 0,"
              " '2026-10-01 12:00:00', 1)")

    open_database(f"sqlite:///{path}").dispose()

    assert sql(path, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    assert sql(path, "SELECT name, coverage, contract_id, coverage_note FROM catalog_resource") == [
        ("Kahoot!", "none", None, "")]
    [backup] = tmp_path.glob(f"old.before-{schema.HEAD}-*.db")
    assert sql(backup, "SELECT version_num FROM alembic_version") == [("0001",)]
    with pytest.raises(sqlite3.IntegrityError):  # the new CHECK holds on the upgraded table
        sql(path, "UPDATE catalog_resource SET coverage = 'contract' WHERE id = 7")


# --- upgrades and locks --------------------------------------------------------------------------


def test_failed_upgrade_keeps_the_original_and_the_backup(tmp_path, monkeypatch):
    path = migrated(tmp_path)
    tables = sql(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    before = sha256(path), path.stat().st_mtime_ns
    # This version claims a revision 9999 that has no script: the upgrade fails inside Alembic.
    current = schema.HEAD
    monkeypatch.setattr(schema, "REVISIONS", (*schema.REVISIONS, "9999"))
    monkeypatch.setattr(schema, "HEAD", "9999")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(f"sqlite:///{path}")
    assert "upgrade failed" in problem.value.title.lower()
    assert (sha256(path), path.stat().st_mtime_ns) == before  # the original, byte for byte
    assert sql(path, "SELECT version_num FROM alembic_version") == [(current,)]
    backups = list(tmp_path.glob("test.before-9999-*.db"))
    assert len(backups) == 1 and str(backups[0]) in problem.value.message
    assert sql(backups[0], "PRAGMA integrity_check") == [("ok",)]
    assert sql(backups[0], "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") == tables
    assert sql(backups[0], "SELECT version_num FROM alembic_version") == [(current,)]


def test_a_locked_database_is_busy_not_broken(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    path = migrated(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM setting")  # uncommitted: must not be seen, nor lost
        with pytest.raises(DatabaseProblem) as problem:
            open_database(f"sqlite:///{path}")
        assert "busy" in problem.value.title.lower()
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    open_database(f"sqlite:///{path}").dispose()  # fine once the other program lets go


def test_two_programs_opening_a_new_database_at_once(tmp_path):
    """Both migrate-or-find-migrated; neither fails and the schema is created once."""
    url = f"sqlite:///{tmp_path / 'test.db'}"
    errors: list[BaseException] = []

    def open_and_close():
        try:
            open_database(url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sql(tmp_path / "test.db", "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]


def include_name(name, _type, _parent) -> bool:
    return not is_search_object(name)  # made by hand, not from the models (db/search.py)
