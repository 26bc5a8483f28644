"""`techapproval backup` and `techapproval restore`, on real databases: SQLite files always, and a
PostgreSQL server when TECHAPPROVAL_TEST_DATABASE_URL names one (with pg_dump and pg_restore installed)."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from techapproval.__main__ import main
from techapproval.db import backup as backup_module
from techapproval.db import schema
from techapproval.db.database import open_database
from techapproval.services.audit import verify_chain
from tests.conftest import ON_SERVER, new_server_database

ADMIN = "admin@riverside.example"
on_server = pytest.mark.skipif(not ON_SERVER, reason="needs TECHAPPROVAL_TEST_DATABASE_URL (a PostgreSQL server)")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(url: str, sql: str, **params):
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


def admin_name(url: str) -> str:
    return query(url, "SELECT name FROM person WHERE email = :e", e=ADMIN)


def rename_admin(url: str, name: str) -> None:
    query(url, "UPDATE person SET name = :n WHERE email = :e", n=name, e=ADMIN)


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A demo district in a SQLite file of its own, whichever database the other tests use."""
    url = f"sqlite:///{tmp_path / 'live' / 'techapproval.db'}"
    assert main(["--database", url, "seed-demo"]) == 0
    return url


def live_path(url: str) -> Path:
    return Path(make_url(url).database)


# --- SQLite -------------------------------------------------------------------------------------------------


def test_sqlite_backup_then_restore_brings_the_old_data_back(sqlite_url, tmp_path, capsys):
    capsys.readouterr()
    saved = tmp_path / "backups" / "monday.db"  # the folder is made as needed
    assert main(["--database", sqlite_url, "backup", str(saved)]) == 0
    out = capsys.readouterr().out
    assert f"Backed up {live_path(sqlite_url)} to {saved}" in out and f"schema {schema.HEAD}" in out
    assert private(saved)
    assert sorted(p.name for p in saved.parent.iterdir()) == ["monday.db"]  # no temporary or -wal file left
    check = sqlite3.connect(saved)
    assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
    check.close()

    original = admin_name(sqlite_url)
    rename_admin(sqlite_url, "Changed After The Backup")
    assert main(["--database", sqlite_url, "restore", str(saved), "--yes"]) == 0
    out = capsys.readouterr().out
    assert admin_name(sqlite_url) == original

    live = live_path(sqlite_url)
    kept = [p for p in live.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and kept[0].suffix == ".db" and kept[0].name.startswith("techapproval.before-restore-")
    assert f"kept in {kept[0]}" in out and f"Restored {saved}" in out
    assert admin_name(f"sqlite:///{kept[0]}") == "Changed After The Backup"
    assert private(kept[0])
    db = open_database(sqlite_url)  # the app opens it, audit trail intact
    try:
        with db.transaction() as session:
            assert verify_chain(session).problem is None
    finally:
        db.dispose()


def test_backup_refuses_an_existing_file_unless_forced(sqlite_url, tmp_path, capsys):
    target = tmp_path / "backup.db"
    target.write_bytes(b"an older backup")
    assert main(["--database", sqlite_url, "backup", str(target)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and "Traceback" not in err
    assert target.read_bytes() == b"an older backup"
    assert main(["--database", sqlite_url, "backup", str(target), "--force"]) == 0
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.db", "live"]


def test_backup_refuses_a_missing_database(tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    assert main(["--database", f"sqlite:///{missing}", "backup", str(tmp_path / "b.db")]) == 1
    assert "nothing to back up" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "b.db").exists()


def make_newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def make_foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()


def make_damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)  # pages in the middle, header intact
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda p, good: p.write_bytes(b"hello, not a database"), "not a techapproval backup"),
        (lambda p, good: p.write_bytes(b""), "is empty"),
        (lambda p, good: (shutil.copyfile(good, p), make_newer(p)), "newer version of techapproval"),
        (lambda p, good: make_foreign(p), "not a techapproval backup"),
        (lambda p, good: (shutil.copyfile(good, p), make_damaged(p)), "damaged"),
        (lambda p, good: p.mkdir(), "is a folder"),
        (lambda p, good: None, "There is no file"),
        (lambda p, good: p.write_bytes(b"PGDMP\x01\x0e\x00 not really"), "backup of a PostgreSQL database server"),
        pytest.param(lambda p, good: os.mkfifo(p), "not a regular file",
                     marks=pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")),
    ],
    ids=["not-a-database", "empty", "newer-schema", "not-techapproval", "damaged", "folder", "missing", "server-dump",
         "pipe"],
)
def test_sqlite_restore_refusals_leave_the_database_untouched(sqlite_url, tmp_path, capsys, prepare, message):
    good = tmp_path / "good.db"
    assert main(["--database", sqlite_url, "backup", str(good)]) == 0
    source = tmp_path / "source.db"
    prepare(source, good)
    live = live_path(sqlite_url)
    before, files = sha256(live), sorted(p.name for p in live.parent.iterdir())
    capsys.readouterr()

    assert main(["--database", sqlite_url, "restore", str(source), "--yes"]) == 1
    err = capsys.readouterr().err
    assert message in err and "Nothing was changed" in err and "Traceback" not in err
    assert sha256(live) == before
    assert sorted(p.name for p in live.parent.iterdir()) == files  # no before-restore copy either


def test_restore_asks_first_on_a_terminal_and_refuses_without_one(sqlite_url, tmp_path, capsys, monkeypatch):
    saved = tmp_path / "saved.db"
    main(["--database", sqlite_url, "backup", str(saved)])
    rename_admin(sqlite_url, "Kept")
    capsys.readouterr()

    assert main(["--database", sqlite_url, "restore", str(saved)]) == 1  # pytest's stdin is no terminal
    assert "Add --yes to confirm" in capsys.readouterr().err

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert main(["--database", sqlite_url, "restore", str(saved)]) == 1
    captured = capsys.readouterr()
    assert f"Replace everything in {live_path(sqlite_url)} with {saved}? [y/N]" in captured.out
    assert "Restore cancelled" in captured.err and admin_name(sqlite_url) == "Kept"

    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert main(["--database", sqlite_url, "restore", str(saved)]) == 0
    assert admin_name(sqlite_url) != "Kept" and "Restored" in capsys.readouterr().out


def test_a_database_file_that_cannot_be_read_is_not_replaced(sqlite_url, tmp_path, capsys):
    saved = tmp_path / "saved.db"
    main(["--database", sqlite_url, "backup", str(saved)])
    broken = tmp_path / "broken" / "techapproval.db"
    broken.parent.mkdir()
    broken.write_bytes(b"overwritten by something else")
    capsys.readouterr()
    url = f"sqlite:///{broken}"
    assert main(["--database", url, "restore", str(saved), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "no copy of it can be kept" in err and "Move it" in err and "Nothing was changed" in err
    assert broken.read_bytes() == b"overwritten by something else"
    assert [p.name for p in broken.parent.iterdir()] == ["techapproval.db"]

    broken.rename(tmp_path / "moved-away.db")  # as the message says
    assert main(["--database", url, "restore", str(saved), "--yes"]) == 0
    assert admin_name(url) == admin_name(sqlite_url)


def test_an_older_backup_is_restored_and_upgraded(tmp_path, sqlite_url, capsys):
    old = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{old}")
    schema.upgrade(engine, "0003")
    engine.dispose()
    capsys.readouterr()
    assert main(["--database", sqlite_url, "restore", str(old), "--yes"]) == 0
    assert f"upgraded from schema 0003 to {schema.HEAD}" in capsys.readouterr().out
    assert query(sqlite_url, "SELECT version_num FROM alembic_version") == schema.HEAD
    assert query(sqlite_url, "SELECT count(*) FROM person") == 0  # the old (empty) data, not the demo's


def test_restore_into_a_new_file(tmp_path, sqlite_url, capsys):
    saved = tmp_path / "saved.db"
    main(["--database", sqlite_url, "backup", str(saved)])
    fresh = f"sqlite:///{tmp_path / 'new' / 'techapproval.db'}"
    capsys.readouterr()
    assert main(["--database", fresh, "restore", str(saved), "--yes"]) == 0
    assert "no copy of it was needed" in capsys.readouterr().out
    assert admin_name(fresh) == admin_name(sqlite_url)


# --- PostgreSQL client tools --------------------------------------------------------------------------------


def test_missing_pg_dump_is_explained(tmp_path, monkeypatch, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(backup_module, "PG_BIN_DIRS", str(tmp_path / "no-postgresql" / "*" / "bin"))
    server = "postgresql://techapproval:secret@db.invalid/techapproval"
    target = tmp_path / "x.dump"
    assert main(["--database", server, "backup", str(target)]) == 1
    err = capsys.readouterr().err
    assert "pg_dump is not installed" in err and "apt install postgresql-client" in err and "Traceback" not in err
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["empty"]

    dump = tmp_path / "y.dump"
    dump.write_bytes(b"PGDMP\x01\x0e\x00")
    assert main(["--database", server, "restore", str(dump), "--yes"]) == 1
    assert "is not installed" in capsys.readouterr().err


def test_pg_programs_are_found_in_debians_newest_version_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for version in ("9.6", "15", "16", "17-broken"):
        folder = tmp_path / "lib" / version / "bin"
        folder.mkdir(parents=True)
        if version != "17-broken":
            (folder / "pg_dump").write_text("#!/bin/sh\n")
            (folder / "pg_dump").chmod(0o755)
    monkeypatch.setattr(backup_module, "PG_BIN_DIRS", str(tmp_path / "lib" / "*" / "bin"))
    assert backup_module.find_program("pg_dump") == tmp_path / "lib" / "16" / "bin" / "pg_dump"
    assert backup_module.find_program("pg_restore") is None


def test_the_password_goes_to_the_environment_only():
    env = backup_module._libpq_env(make_url("postgresql+psycopg://it:s3cret@db.example:5433/district?sslmode=require"))
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGPASSWORD"], env["PGDATABASE"], env["PGSSLMODE"]) \
        == ("db.example", "5433", "it", "s3cret", "district", "require")


# --- PostgreSQL ---------------------------------------------------------------------------------------------


def triggers(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal"
                " AND tgenabled = 'O'"
            )).scalars())
    finally:
        engine.dispose()


def server_state(url: str) -> tuple:
    return (query(url, "SELECT version_num FROM alembic_version"), admin_name(url),
            query(url, "SELECT count(*) FROM audit_event"), query(url, "SELECT last_hash FROM audit_head"))


@on_server
def test_server_backup_then_restore_brings_the_old_data_back(db_url, tmp_path, isolated_home, capsys):
    assert main(["--database", db_url, "seed-demo"]) == 0
    saved = tmp_path / "district.dump"
    assert main(["--database", db_url, "backup", str(saved)]) == 0
    out = capsys.readouterr().out
    assert f"to {saved}" in out and f"schema {schema.HEAD}" in out and "secret" not in out
    assert private(saved) and saved.read_bytes().startswith(b"PGDMP")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left

    original = admin_name(db_url)
    rename_admin(db_url, "Changed After The Backup")
    assert main(["--database", db_url, "restore", str(saved), "--yes"]) == 0
    out = capsys.readouterr().out
    assert admin_name(db_url) == original
    kept = list((isolated_home / "data").glob("*.before-restore-*.dump"))
    assert len(kept) == 1 and f"kept in {kept[0]}" in out and private(kept[0])

    assert triggers(db_url) == {"audit_event_append_only"}
    db = open_database(db_url)
    try:
        with db.transaction() as session:
            assert verify_chain(session).problem is None
        with pytest.raises(Exception, match="append-only"), db.transaction() as session:
            session.execute(text("DELETE FROM audit_event"))
    finally:
        db.dispose()


@on_server
def test_server_restore_refuses_a_newer_schema_untouched(db_url, tmp_path, isolated_home, capsys):
    main(["--database", db_url, "seed-demo"])
    query(db_url, "UPDATE alembic_version SET version_num = '9999'")
    newer = tmp_path / "newer.dump"
    assert main(["--database", db_url, "backup", str(newer)]) == 0
    query(db_url, "UPDATE alembic_version SET version_num = :v", v=schema.HEAD)
    rename_admin(db_url, "Still Here")
    before = server_state(db_url)
    capsys.readouterr()

    assert main(["--database", db_url, "restore", str(newer), "--yes"]) == 1
    err = capsys.readouterr().err
    assert "newer version of techapproval" in err and "Nothing was changed" in err
    assert server_state(db_url) == before
    assert not (isolated_home / "data").exists() or not list((isolated_home / "data").iterdir())


@on_server
def test_server_restore_refuses_a_dump_that_is_not_techapproval(db_url, tmp_path, capsys):
    main(["--database", db_url, "seed-demo"])
    foreign = tmp_path / "foreign.dump"
    env = backup_module._libpq_env(make_url(db_url))
    subprocess.run([str(backup_module.find_program("pg_dump")), "--format=custom", "--file", str(foreign),
                    "--exclude-table=alembic_version"], env=env, check=True)
    before = server_state(db_url)
    capsys.readouterr()
    assert main(["--database", db_url, "restore", str(foreign), "--yes"]) == 1
    assert "not a techapproval backup" in capsys.readouterr().err
    assert server_state(db_url) == before


@on_server
def test_server_restore_of_an_older_backup_is_upgraded(db_url, server_admin, tmp_path, capsys):
    old_url, drop = new_server_database(server_admin)
    try:
        engine = create_engine(old_url)
        schema.upgrade(engine, "0003")
        engine.dispose()
        old = tmp_path / "old.dump"
        assert main(["--database", old_url, "backup", str(old)]) == 0
    finally:
        drop()
    main(["--database", db_url, "seed-demo"])  # at HEAD, with tables (audit_head) the old backup lacks
    capsys.readouterr()
    assert main(["--database", db_url, "restore", str(old), "--yes"]) == 0
    assert f"upgraded from schema 0003 to {schema.HEAD}" in capsys.readouterr().out
    assert query(db_url, "SELECT version_num FROM alembic_version") == schema.HEAD
    assert query(db_url, "SELECT count(*) FROM person") == 0
    assert triggers(db_url) == {"audit_event_append_only"}


def test_backup_files_are_private_whatever_the_umask(sqlite_url, tmp_path):
    old = os.umask(0)
    try:
        target = tmp_path / "open.db"
        assert main(["--database", sqlite_url, "backup", str(target)]) == 0
    finally:
        os.umask(old)
    assert private(target)
