"""Backing up and restoring the whole database: `techapproval backup FILE`, `techapproval restore FILE`.

SQLite goes through SQLite's online backup API (consistent while the app is open, safe with WAL);
a PostgreSQL server through pg_dump and pg_restore (the client tools), which are looked for on the
PATH and in Debian's version folders.

Every refusal is a DatabaseProblem that says what to do and that nothing was changed. A backup is
written to a temporary file next to the destination and renamed when complete, so there is never
half a backup under the destination's name. A restore checks the file completely first (that it is
a techapproval backup, undamaged, not from a newer version) and keeps a copy of the database as it
was before replacing anything.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from . import schema
from .database import (
    BUSY_TIMEOUT_MS,
    CONNECT_TIMEOUT_S,
    SQLITE_HEADER,
    DatabaseProblem,
    _check_sqlite_file,
    backup_sqlite,
    open_database,
    plain_error,
    remove_sqlite_files,
    sqlite_path,
)

PG_DUMP_HEADER = b"PGDMP"  # pg_dump's custom format
# Debian and Ubuntu install each PostgreSQL version's programs here (/usr/bin has only a wrapper).
PG_BIN_DIRS = "/usr/lib/postgresql/*/bin"
# A restore waits at most this long for another session's lock on a table, then fails (and changes nothing).
PG_LOCK_TIMEOUT_MS = 60_000
PRIVATE = 0o600  # a backup holds personal data: for its owner's eyes only

NOTHING_CHANGED = "Nothing was changed."


@dataclass(frozen=True)
class BackupResult:
    location: str  # the database backed up, for people (no password)
    file: Path
    size: int  # bytes
    revision: str  # the schema revision in the backup


@dataclass(frozen=True)
class RestoreResult:
    location: str
    file: Path
    size: int
    revision: str  # the schema revision of the backup restored
    previous_copy: Path | None  # the database as it was before, or None when it held nothing
    upgraded_to: str | None  # the revision the restored database was upgraded to, if it was older
    server: bool = False  # a PostgreSQL server (whose app role may need its rights on new tables)


def backup(url: str | URL, destination: Path, *, force: bool = False) -> BackupResult:
    """Copy the whole database into `destination` (a new file unless `force`), or raise DatabaseProblem."""
    parsed = _parse(url)
    destination = Path(destination).expanduser().absolute()
    if destination.is_dir():
        raise DatabaseProblem("That is a folder", f"{destination} is a folder. Give the name of the backup file to"
                                                  f" write, e.g. {destination / 'techapproval-backup'}. "
                                                  f"{NOTHING_CHANGED}")
    if destination.exists() and not force:
        raise DatabaseProblem("The backup file already exists",
                              f"{destination} already exists. Choose another name, or add --force to replace it."
                              f" {NOTHING_CHANGED}")
    path = _sqlite_file(parsed)
    if path is not None:
        return _backup_sqlite(path, destination)
    return _backup_server(parsed, destination)


def restore(url: str | URL, source: Path, *, confirm: Callable[[str], bool] | None = None) -> RestoreResult:
    """Replace everything in the database with the backup `source`, after checking it completely and
    keeping a copy of the database as it was. `confirm(location)` is asked once the checks have passed,
    before anything changes; False cancels. Raises DatabaseProblem for every refusal."""
    parsed = _parse(url)
    source = Path(source).expanduser().absolute()
    _check_source_file(source)
    path = _sqlite_file(parsed)
    if path is not None:
        return _restore_sqlite(path, source, confirm)
    return _restore_server(parsed, source, confirm)


# --- common ------------------------------------------------------------------------------------------------


def _parse(url: str | URL) -> URL:
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        raise DatabaseProblem("Not a database address", f"{url!s} is not a database URL.") from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseProblem("Cannot back up this database",
                              f"techapproval backs up SQLite files and PostgreSQL servers, not {parsed.drivername}.")
    return parsed


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    path = sqlite_path(url)
    if path is None:
        raise DatabaseProblem("Nothing to back up", "This database lives in memory only; there is no file to copy.")
    return path.expanduser().resolve()


def _check_source_file(source: Path) -> None:
    if not source.exists():
        raise DatabaseProblem("No such backup file", f"There is no file {source}. Check the name. {NOTHING_CHANGED}")
    if source.is_dir():
        raise DatabaseProblem("That is a folder", f"{source} is a folder, not a backup file. Give the backup file"
                                                  f" itself. {NOTHING_CHANGED}")
    if not source.is_file():  # a pipe or a device: reading it could wait forever
        raise DatabaseProblem("Not a backup file", f"{source} is not a regular file, so it cannot be a backup. Give"
                                                   f" the backup file itself. {NOTHING_CHANGED}")
    try:
        with source.open("rb") as f:
            empty = not f.read(1)
    except OSError as exc:
        raise DatabaseProblem("Cannot read the backup file",
                              f"{source} cannot be read ({exc.strerror}). {NOTHING_CHANGED}") from None
    if empty:
        raise DatabaseProblem("The backup file is empty",
                              f"{source} is empty: it holds no backup (perhaps copying it failed). {NOTHING_CHANGED}")


def _header(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(len(SQLITE_HEADER))


def _not_a_backup(source: Path, detail: str = "") -> DatabaseProblem:
    return DatabaseProblem("Not a techapproval backup",
                           f"{source} is not a techapproval backup{detail}. Choose a file made by `techapproval"
                           f" backup`. {NOTHING_CHANGED}")


def _check_revision(source: Path, revision: str | None) -> str:
    if revision is None:
        raise _not_a_backup(source, " (it holds no techapproval data)")
    if revision not in schema.REVISIONS:
        raise DatabaseProblem(
            "Made by a newer techapproval",
            f"{source} was made by a newer version of techapproval (schema {revision}; this version knows up to"
            f" {schema.HEAD}). Install the newer version of techapproval to restore it. {NOTHING_CHANGED}",
        )
    return revision


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem+suffix, or with -2, -3 ... when two copies are made within the same second."""
    candidate, n = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}-{n}{suffix}"
    return candidate


def _temporary_next_to(destination: Path) -> Path:
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp")
    except OSError as exc:
        raise DatabaseProblem("Cannot write the backup",
                              f"Cannot write to the folder {destination.parent} ({exc.strerror}). Choose a folder"
                              f" you can write to. {NOTHING_CHANGED}") from None
    os.close(fd)  # mkstemp made it private (0600), which it stays
    return Path(tmp)


def _put_in_place(tmp: Path, destination: Path) -> None:
    try:
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, PRIVATE)
        os.replace(tmp, destination)
    except OSError as exc:
        raise DatabaseProblem("Cannot write the backup",
                              f"Cannot save {destination} ({exc.strerror}). No backup was written.") from None
    try:  # the rename itself survives a power cut only once the folder is on disk
        fd = os.open(destination.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


# --- SQLite --------------------------------------------------------------------------------------------------


def _check_sqlite_database(path: Path) -> None:
    """The database to back up: there, and a SQLite file."""
    if not path.exists():
        raise DatabaseProblem("There is no database yet",
                              f"There is no database at {path}, so there is nothing to back up. {NOTHING_CHANGED}")
    if path.is_dir() or _header(path) != SQLITE_HEADER:
        raise DatabaseProblem("Not a database", f"{path} is not a techapproval database, so it cannot be backed up."
                                                f" {NOTHING_CHANGED}")


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").fetchone() is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _integrity_ok(conn: sqlite3.Connection) -> bool:
    return [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()] == ["ok"]


def _sqlite_error(exc: sqlite3.Error, what: str) -> DatabaseProblem:
    problem = plain_error(exc)
    return DatabaseProblem(problem.title, f"{problem.message} {what}".strip())


def _backup_sqlite(path: Path, destination: Path) -> BackupResult:
    _check_sqlite_database(path)
    if destination.resolve() == path:
        raise DatabaseProblem("That is the database itself",
                              f"{destination} is the database. Give another file for the backup. {NOTHING_CHANGED}")
    tmp = _temporary_next_to(destination)
    try:
        try:
            src = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                revision = _sqlite_revision(src)
                if revision is None:
                    raise DatabaseProblem("Nothing to back up", f"{path} holds no techapproval data yet."
                                                                f" {NOTHING_CHANGED}")
                dst = sqlite3.connect(tmp)
                try:
                    src.backup(dst)
                    # One self-contained file: a WAL database's copy would otherwise come with -wal and -shm files.
                    dst.execute("PRAGMA journal_mode = DELETE")
                    if not _integrity_ok(dst) or _sqlite_revision(dst) != revision:
                        raise DatabaseProblem("The backup failed", "The copy did not check out as complete. Try"
                                                                   " again; no backup was written.")
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, "No backup was written.") from exc
        _put_in_place(tmp, destination)
    finally:
        remove_sqlite_files(tmp)
    return BackupResult(str(path), destination, destination.stat().st_size, revision)


def _check_sqlite_backup(source: Path) -> str:
    header = _header(source)
    if header.startswith(PG_DUMP_HEADER):
        raise DatabaseProblem("A backup of a database server",
                              f"{source} is a backup of a PostgreSQL database server. Restore it with --database"
                              f" set to the server's address. {NOTHING_CHANGED}")
    if header != SQLITE_HEADER:
        raise _not_a_backup(source, " (it is not a database file at all)")
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            if not _integrity_ok(conn):
                raise DatabaseProblem("The backup is damaged", f"{source} is damaged: SQLite's integrity check"
                                                               f" found errors in it. {NOTHING_CHANGED}")
            return _check_revision(source, _sqlite_revision(conn))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # e.g. "file is not a database" past a valid header
        raise DatabaseProblem("The backup is damaged", f"{source} cannot be read as a database ({exc})."
                                                       f" {NOTHING_CHANGED}") from exc


def _restore_sqlite(path: Path, source: Path, confirm: Callable[[str], bool] | None) -> RestoreResult:
    if source.resolve() == path:
        raise DatabaseProblem("That is the database itself",
                              f"{source} is the database in use, not a backup of it. {NOTHING_CHANGED}")
    revision = _check_sqlite_backup(source)
    move_away = (f"Move it (with any {path.name}-wal and {path.name}-shm files) to another folder, then run the"
                 f" restore again: it will make the database anew. {NOTHING_CHANGED}")
    if path.exists():
        try:
            _check_sqlite_file(path)  # not a folder or another kind of file, and writable
        except DatabaseProblem as exc:
            if exc.title != "Not a database" or path.is_dir():
                raise
            raise DatabaseProblem("The database cannot be read",
                                  f"{path} is not a database file, so no copy of it can be kept. {move_away}") from None
    if confirm is not None and not confirm(str(path)):
        raise DatabaseProblem("Restore cancelled", NOTHING_CHANGED)
    _check_sqlite_file(path)  # makes the folder of a new database
    previous = None
    if path.exists() and path.stat().st_size:
        previous = _free_name(path.parent, f"{path.stem}.before-restore-{_stamp()}", path.suffix or ".db")
        try:
            backup_sqlite(path, previous)  # made private (0600): `previous` is a new name
        except sqlite3.DatabaseError as exc:
            remove_sqlite_files(previous)
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise plain_error(exc) from exc
            raise DatabaseProblem("The database cannot be read",
                                  f"{path} cannot be read ({exc}), so no copy of it can be kept. {move_away}") from exc
        except (sqlite3.Error, OSError) as exc:
            remove_sqlite_files(previous)
            raise DatabaseProblem("Cannot keep a copy of the database",
                                  f"The database could not be copied to {previous} before the restore ({exc})."
                                  f" {NOTHING_CHANGED}") from exc
    kept = f" The database as it was is kept in {previous}." if previous else ""
    try:
        backup_sqlite(source, path)
    except sqlite3.Error as exc:
        problem = plain_error(exc)
        raise DatabaseProblem(problem.title, f"The restore did not happen: {problem.message}{kept}") from exc
    upgraded = _upgrade_restored(f"sqlite:///{path}", revision, kept)
    return RestoreResult(str(path), source, source.stat().st_size, revision, previous, upgraded)


def _upgrade_restored(url: str | URL, revision: str, kept: str) -> str | None:
    """Open the restored database as the app does: an older backup is upgraded now, not at the next start."""
    try:
        open_database(url).dispose()
    except DatabaseProblem as exc:
        raise DatabaseProblem(exc.title, f"The backup was restored (schema {revision}), but then: {exc.message}"
                                         f"{kept}") from exc
    return schema.HEAD if revision != schema.HEAD else None


# --- PostgreSQL ----------------------------------------------------------------------------------------------


def find_program(name: str) -> Path | None:
    """The PostgreSQL client program `name`: on the PATH, else the newest in Debian's version folders."""
    found = shutil.which(name)
    if found:
        return Path(found)
    versions = []
    for folder in glob.glob(PG_BIN_DIRS):
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            number = re.search(r"(\d+(?:\.\d+)*)", Path(folder).parent.name)
            key = tuple(int(x) for x in number.group(1).split(".")) if number else ()
            versions.append((key, candidate))
    return max(versions)[1] if versions else None


def _program(name: str) -> Path:
    found = find_program(name)
    if found is None:
        raise DatabaseProblem(
            f"{name} is not installed",
            f"Backing up and restoring a database server needs PostgreSQL's {name} program, which is not installed"
            " on this computer. Install the PostgreSQL client tools (Debian and Ubuntu: apt install"
            f" postgresql-client; Windows and macOS: the PostgreSQL installer), then try again. {NOTHING_CHANGED}",
        )
    return found


# libpq reads these settings from the environment; the address's query may carry them too.
_LIBPQ_QUERY_ENV = {
    "host": "PGHOST", "hostaddr": "PGHOSTADDR", "port": "PGPORT", "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT", "sslkey": "PGSSLKEY", "sslcrl": "PGSSLCRL",
    "connect_timeout": "PGCONNECT_TIMEOUT", "target_session_attrs": "PGTARGETSESSIONATTRS",
    "application_name": "PGAPPNAME", "passfile": "PGPASSFILE", "service": "PGSERVICE",
    "gssencmode": "PGGSSENCMODE", "channel_binding": "PGCHANNELBINDING", "options": "PGOPTIONS",
}


def _libpq_env(url: URL, *, lock_timeout: bool = False) -> dict[str, str]:
    """The connection settings as libpq's environment: the password never appears on a command line
    (which every user of the computer can see)."""
    env = dict(os.environ)
    for key, name in _LIBPQ_QUERY_ENV.items():
        value = url.query.get(key)
        if value is not None:
            env[name] = value if isinstance(value, str) else ",".join(value)
    for name, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                        ("PGPASSWORD", url.password), ("PGDATABASE", url.database)):
        if value not in (None, ""):
            env[name] = str(value)
    env.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT_S))
    if lock_timeout:
        env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={PG_LOCK_TIMEOUT_MS}".strip()
    return env


def _run(program: Path, args: list[str], env: dict[str, str], failed: str) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run([str(program), *args], env=env, capture_output=True, stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise DatabaseProblem(f"Cannot run {program.name}", f"{program} could not be started ({exc.strerror})."
                                                            f" {failed}") from exc
    if done.returncode != 0:
        raise DatabaseProblem(f"{program.name} failed", f"{_last_error(done.stderr, program.name)} {failed}")
    return done


def _last_error(stderr: bytes, name: str) -> str:
    """The line that says what went wrong: the last error line (a "Command was: ..." may follow it)."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    errors = [line for line in lines if "error:" in line.lower() or line.startswith(("ERROR", "FATAL"))]
    line = (errors or lines or [f"{name} stopped without saying why"])[-1]
    line = re.sub(rf"^{re.escape(name)}:\s*(error:\s*)?", "", line)
    if "depend on it" in line:
        line += (". The backup is from an older version of the schema than the database; restore it into a new,"
                 " empty database instead")
    if "lock timeout" in line:
        line += ". Another program is using the database; try again when it is quiet"
    if "must be owner" in line or "permission denied" in line:
        line += (". Use the address of the database's owner (the one `techapproval init-server` uses), not the"
                 " app's own role")
    if "role" in line and "does not exist" in line and "connection" not in line:
        line += (". The backup gives rights to that role: create it on this server first (see `techapproval"
                 " init-server`)")
    if "server version mismatch" in line:
        line += (". Install the PostgreSQL client tools of the server's version (or newer) on this computer")
    return line.rstrip(".") + "."


def _location(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _server_tables(url: URL) -> tuple[str | None, set[str]]:
    """The database's schema revision and tables, without creating or upgrading anything."""
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            return revision, tables
    except DBAPIError as exc:
        raise plain_error(exc) from exc
    finally:
        engine.dispose()


def _dump_revision(pg_restore: Path, dump: Path, env: dict[str, str], failed: str) -> tuple[str | None, set[str]]:
    """The schema revision in a pg_dump archive (the data of its alembic_version), and its tables."""
    listing = _dump_listing(pg_restore, dump, env, failed)
    tables = set(re.findall(r"^\d+;\s+\d+\s+\d+\s+TABLE\s+(?!DATA\s)\S+\s+(\S+)\s", listing, flags=re.MULTILINE))
    if "alembic_version" not in tables:
        return None, tables
    data = _run(pg_restore, ["--data-only", "--table=alembic_version", "--file=-", str(dump)], env, failed)
    revision, copying = None, False
    for line in data.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("COPY ") and "alembic_version" in line:
            copying = True
        elif copying and line == "\\.":
            break
        elif copying and line:
            revision = line.split("\t")[0]
    return revision, tables


def _backup_server(url: URL, destination: Path) -> BackupResult:
    pg_dump, pg_restore = _program("pg_dump"), _program("pg_restore")
    revision, _tables = _server_tables(url)
    if revision is None:
        raise DatabaseProblem("Nothing to back up", f"The database {_location(url)} holds no techapproval data yet."
                                                    f" {NOTHING_CHANGED}")
    env = _libpq_env(url)
    tmp = _temporary_next_to(destination)
    try:
        failed = "No backup was written."
        _run(pg_dump, ["--format=custom", "--file", str(tmp)], env, failed)
        # The archive must read back, and hold the revision it was made at.
        dumped, _ = _dump_revision(pg_restore, tmp, env, failed)
        if dumped is None:
            raise DatabaseProblem("The backup failed", f"The copy did not check out as complete. {failed}")
        _put_in_place(tmp, destination)
    finally:
        tmp.unlink(missing_ok=True)
    return BackupResult(_location(url), destination, destination.stat().st_size, dumped)


def _dump_listing(pg_restore: Path, dump: Path, env: dict[str, str], failed: str) -> str:
    return _run(pg_restore, ["--list", str(dump)], env, failed).stdout.decode("utf-8", "replace")


def _dump_foreign_keys(listing: str) -> set[str]:
    """The names of the foreign keys a pg_dump archive creates."""
    return set(re.findall(r"^\d+;\s+\d+\s+\d+\s+FK CONSTRAINT\s+\S+\s+\S+\s+(\S+)\s", listing, flags=re.MULTILINE))


def _restore_server(url: URL, source: Path, confirm: Callable[[str], bool] | None) -> RestoreResult:
    from ..paths import data_dir

    header = _header(source)
    if header == SQLITE_HEADER:
        raise DatabaseProblem("A backup of a single-computer database",
                              f"{source} is a backup of a SQLite database file, not of a database server. Restore"
                              f" it with --database set to a file (sqlite:///PATH). {NOTHING_CHANGED}")
    if not header.startswith(PG_DUMP_HEADER):
        raise _not_a_backup(source)
    pg_dump, pg_restore = _program("pg_dump"), _program("pg_restore")
    env = _libpq_env(url)
    revision, dumped_tables = _dump_revision(pg_restore, source, env, NOTHING_CHANGED)
    revision = _check_revision(source, revision)
    _current, tables = _server_tables(url)  # reachable, and what is there now
    location = _location(url)
    if confirm is not None and not confirm(location):
        raise DatabaseProblem("Restore cancelled", NOTHING_CHANGED)
    previous = None
    if tables:
        folder = data_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem("Cannot keep a copy of the database",
                                  f"The folder {folder} cannot be created ({exc.strerror}). {NOTHING_CHANGED}",
                                  ) from None
        previous = _free_name(folder, f"{url.database or 'database'}.before-restore-{_stamp()}", ".dump")
        tmp = _temporary_next_to(previous)
        try:
            _run(pg_dump, ["--format=custom", "--file", str(tmp)], env,
                 f"The database could not be copied before the restore. {NOTHING_CHANGED}")
            _put_in_place(tmp, previous)
        finally:
            tmp.unlink(missing_ok=True)
    kept = f" The database as it was is kept in {previous}." if previous else ""
    # The app's tables the backup does not have (it is from an older schema) would stop its upgrade, and
    # one with a foreign key to a table the backup has (records_import to person) stops pg_restore from
    # replacing that table: they go first. Should the restore then fail, the copy above has them.
    from .models import Base

    leftover = (tables & (set(Base.metadata.tables) | {"alembic_version"})) - dumped_tables
    # Likewise a newer column's foreign key on a table the backup has (request.renews_request_id to
    # request): pg_restore --clean cannot drop the key it points at while it stands.
    dumped_keys = _dump_foreign_keys(_dump_listing(pg_restore, source, env, NOTHING_CHANGED))
    newer_keys = {(table, name) for table, name in _server_foreign_keys(url)
                  if table in dumped_tables and name not in dumped_keys}
    not_restored = f"The restore did not happen: the database is as it was.{kept}"
    if leftover or newer_keys:
        _drop_tables(url, leftover, kept, newer_keys)
        not_restored = (f"The restore did not happen. The tables and links of the newer schema that the backup "
                        "lacks had been removed for it; restore the copy of the database as it was to have them "
                        f"back.{kept}")
    _run(pg_restore, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
                      "--dbname", url.database or "", str(source)],
         _libpq_env(url, lock_timeout=True), not_restored)
    upgraded = _upgrade_restored(url, revision, kept)
    return RestoreResult(location, source, source.stat().st_size, revision, previous, upgraded, server=True)


def _server_foreign_keys(url: URL) -> list[tuple[str, str]]:
    """(table, constraint) of every foreign key in the database's schema."""
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT table_name, constraint_name FROM information_schema.table_constraints "
                "WHERE constraint_type = 'FOREIGN KEY' AND table_schema = current_schema()"))]
    except DBAPIError as exc:
        raise plain_error(exc) from exc
    finally:
        engine.dispose()


def _drop_tables(url: URL, names: set[str], kept: str, keys: set[tuple[str, str]] = frozenset()) -> None:
    """Drop the newer schema's tables, and its foreign keys on the tables the backup has."""
    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    try:
        with engine.begin() as conn:
            for table, key in sorted(keys):
                conn.execute(text(f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{key}"'))
            for name in sorted(names):
                conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    except DBAPIError as exc:
        problem = plain_error(exc)
        raise DatabaseProblem(problem.title, "The tables and links of the newer schema that the backup lacks "
                                             f"could not be removed: {problem.message} The restore did not "
                                             f"happen.{kept}") from exc
    finally:
        engine.dispose()
