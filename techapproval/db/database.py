"""Opening the database safely: checks, pragmas, migrations with a backup first.

Every way a database can be unusable becomes a DatabaseProblem with a plain-language message;
the caller shows it (dialog or CLI) and exits non-zero. Nothing here ever deletes or rewrites a
file it cannot read.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from . import schema

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000
CONNECT_TIMEOUT_S = 10


class DatabaseProblem(Exception):
    """A database the app cannot or must not use, with what to do about it. `unreachable`: the server or the
    file did not answer at all (it may well answer again: worth retrying), rather than refusing something."""

    def __init__(self, title: str, message: str, *, unreachable: bool = False):
        super().__init__(f"{title}: {message}")
        self.title = title
        self.message = message
        self.unreachable = unreachable


class Database:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def location(self) -> str:
        """Where the data lives, for people: a file path or a server without the password."""
        if self.engine.dialect.name == "sqlite":
            return self.engine.url.database or ":memory:"
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed if the block finishes, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if path.is_dir():
            raise DatabaseProblem("Not a database", f"{path} is a folder, not a techapproval database file.")
        try:
            with path.open("rb") as f:
                header = f.read(len(SQLITE_HEADER))
        except PermissionError:
            raise DatabaseProblem(
                "Cannot read the database", f"You do not have permission to read {path}. Ask district IT."
            ) from None
        if path.stat().st_size and header != SQLITE_HEADER:
            raise DatabaseProblem(
                "Not a database",
                f"{path} is not a techapproval database (it may be damaged or a different kind of file)."
                " It has not been changed. Restore it from a backup, or choose another file.",
            )
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseProblem(
                "The database is read-only",
                f"techapproval cannot write to {path} or its folder. Nothing has been changed."
                " Ask district IT to give you write access, or copy the file somewhere you can write.",
            )
    else:
        try:
            # Only the user may read what the app creates: staff names, requests, contracts. SQLite gives
            # its -wal and -shm files the database file's permissions.
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            except FileExistsError:
                pass  # another program created it a moment ago: it is checked when opened
        except OSError as exc:
            raise DatabaseProblem(
                "Cannot create the database", f"The file {path} cannot be created ({exc.strerror})."
            ) from None


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy control transactions so that writes begin IMMEDIATE (no upgrade deadlocks).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # No journal_mode here: switching to WAL writes the file's header, and a file we are about to
        # refuse must stay byte for byte as it was. _bring_up_to_date switches once the checks pass.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


# PostgreSQL's SQLSTATE codes (psycopg reports them as .sqlstate) that a person can act on.
_SERVER_CODES = {
    "28P01": ("Cannot sign in to the database server",
              "The server refused the user name or password in the database address. Ask district IT."),
    "28000": ("Cannot sign in to the database server",
              "The server does not let this user in. Ask district IT to check the database address."),
    "3D000": ("The database does not exist",
              "The server has no database by that name. Ask district IT to create it, or check the address."),
    "42501": ("Not allowed by the database server",
              "The database user may not do this. Ask district IT to grant it the rights on the database."),
    "25006": ("The database is read-only", "The database server accepts no changes right now."),
    "53100": ("The database server's disk is full",
              "There is no room left on the server to save. Ask district IT; nothing saved was lost."),
    "53300": ("The database server is busy", "The server has too many connections open. Try again in a moment."),
    "55P03": ("The database is busy", "Someone else is changing the same records. Try again in a moment."),
    "40P01": ("The database is busy", "Someone else was changing the same records at once. Try again."),
    "40001": ("The database is busy", "Someone else was changing the same records at once. Try again."),
    "57P01": ("The database server is shutting down", "Try again once district IT has restarted it."),
    "57P03": ("The database server is starting up", "Try again in a moment."),
}


def _server_problem(exc: BaseException, text_: str) -> DatabaseProblem | None:
    """PostgreSQL's errors, by code when the server sent one, else by libpq's words (a failed
    connection has no code)."""
    code = getattr(getattr(exc, "orig", exc), "sqlstate", None)
    if code in _SERVER_CODES:
        return DatabaseProblem(*_SERVER_CODES[code], unreachable=code in ("57P01", "57P03"))
    if code is not None and code.startswith("08"):
        return DatabaseProblem("Lost the database server", "The connection to the server broke. Try again.",
                               unreachable=True)
    if "password authentication failed" in text_ or "no password supplied" in text_:
        return DatabaseProblem(*_SERVER_CODES["28P01"])
    if "no pg_hba.conf entry" in text_ or ("role" in text_ and "does not exist" in text_):
        return DatabaseProblem(*_SERVER_CODES["28000"])
    if "database" in text_ and "does not exist" in text_:
        return DatabaseProblem(*_SERVER_CODES["3D000"])
    if "could not translate host name" in text_ or "name or service not known" in text_:
        return DatabaseProblem(
            "Cannot find the database server", "No server has that name. Check the server address with district IT.",
            unreachable=True,
        )
    if "connection refused" in text_ or "could not connect" in text_ or "connection failed" in text_ \
            or "server closed the connection" in text_ or "timeout expired" in text_:
        return DatabaseProblem(
            "Cannot reach the database server",
            "The server did not answer. Check the network and the server address, or ask district IT"
            " whether the server is running.",
            unreachable=True,
        )
    return None


def plain_error(exc: BaseException) -> DatabaseProblem:
    """A database error from the driver, in words a person can act on."""
    text_ = str(getattr(exc, "orig", exc)).lower()
    server = _server_problem(exc, text_)
    if server is not None:
        return server
    if "locked" in text_ or "busy" in text_:
        return DatabaseProblem(
            "The database is busy",
            "Another program is holding the database locked and did not let go in time."
            " Close other copies of techapproval (or the program using the file) and try again.",
        )
    if "readonly" in text_ or "read-only" in text_:
        return DatabaseProblem("The database is read-only", "techapproval cannot write to the database file.")
    if ("disk" in text_ and ("full" in text_ or "i/o" in text_)) or "no space left" in text_:  # the last: ENOSPC
        return DatabaseProblem(
            "The disk is full", "There is no room left to save. Free some disk space; nothing saved was lost."
        )
    if "unable to open database file" in text_:  # its folder or drive went away while the app was open
        return DatabaseProblem(
            "Cannot reach the database",
            "The database file cannot be opened: the drive or folder it is on may be gone. Check it, or ask"
            " district IT.",
            unreachable=True,
        )
    if "not a database" in text_ or "malformed" in text_ or "file is encrypted" in text_:
        return DatabaseProblem(
            "The database is damaged",
            "The database file cannot be read. It has not been changed. Restore it from a backup.",
        )
    return DatabaseProblem("Database error", str(getattr(exc, "orig", exc)))


def backup_sqlite(path: Path, destination: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe with WAL and other readers)."""
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        if not destination.exists():  # a copy of personal data: private, like the database itself
            os.close(os.open(destination, os.O_CREAT | os.O_WRONLY, 0o600))
        dst = sqlite3.connect(destination, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            # One step, one write transaction on the target: other connections see the old or the new data.
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def open_database(url: str | URL, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and bring the schema to this version, or raise DatabaseProblem."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        raise DatabaseProblem("Not a database address", f"{url!s} is not a database URL.") from None
    if parsed.drivername == "postgresql":  # the plain address district IT hands out: use the driver we ship
        parsed = parsed.set(drivername="postgresql+psycopg")
    path = sqlite_path(parsed)
    if path is not None:
        path = path.expanduser().resolve()
        parsed = parsed.set(database=str(path))
        _check_sqlite_file(path)
    try:
        connect_args = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S  # an unreachable server fails soon, not in minutes
        engine = create_engine(parsed, pool_pre_ping=path is None and parsed.get_backend_name() != "sqlite",
                               connect_args=connect_args)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseProblem("Cannot use this database", str(exc)) from None
    if engine.dialect.name == "sqlite":
        _sqlite_pragmas(engine)
    db = Database(engine)
    try:
        if migrate:
            _bring_up_to_date(db, path)
        else:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
    except DatabaseProblem:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise plain_error(exc) from exc
    return db


def current_revision(db: Database) -> str | None:
    return _state(db)[0]


def _state(db: Database) -> tuple[str | None, bool]:
    """The schema revision and whether any table exists, read in one transaction: another program
    creating the schema at the same moment is seen either not at all or completely."""
    with db.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        if "alembic_version" not in tables:
            return None, bool(tables)
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        # An empty alembic_version alone is a schema downgraded to nothing: as good as an empty database.
        return revision, revision is not None or set(tables) != {"alembic_version"}


def _use_wal(db: Database) -> None:
    """Switch the file to WAL (a no-op when it is already). SQLite refuses the switch at once, without
    waiting, while another connection is writing, so wait here, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        raw = db.engine.raw_connection()  # outside any transaction: SQLite ignores the switch inside one
        try:
            raw.cursor().execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise plain_error(exc) from exc
        finally:
            raw.close()
        time.sleep(0.05)


def _bring_up_to_date(db: Database, path: Path | None) -> None:
    revision, has_tables = _state(db)
    if revision is not None and revision not in schema.REVISIONS:
        raise DatabaseProblem(
            "Made by a newer techapproval",
            f"This database was made by a newer version of techapproval (schema {revision})."
            " It has not been touched. Install the newer version to open it.",
        )
    if revision is None and has_tables:
        raise DatabaseProblem(
            "Not a techapproval database",
            "This database already holds other tables. It has not been changed. Choose an empty database.",
        )
    if db.engine.dialect.name == "sqlite":
        _use_wal(db)
    if revision == schema.HEAD:
        return
    backup = None
    if path is not None and revision is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = _copy_before_upgrade(path, path.with_name(f"{path.stem}.before-{schema.HEAD}-{stamp}{path.suffix}"))
    try:
        schema.upgrade(db.engine)
    except Exception as exc:
        if getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501":
            # District mode: the app's role may not change the schema (as it should be).
            raise DatabaseProblem(
                "The database needs an upgrade",
                f"This version of techapproval needs the database at schema {schema.HEAD}; "
                f"{f'it is at {revision}' if revision else 'it has no tables yet'}."
                " The database user in this address may not change the schema."
                " Nothing has been changed. Ask district IT to run `techapproval init-server` with the"
                " owner's address.",
            ) from exc
        where = f" The copy made before the upgrade is at {backup}." if backup else ""
        why = plain_error(exc) if isinstance(exc, DBAPIError) else None
        because = (f": {why.title[0].lower()}{why.title[1:]}. {why.message}" if why and why.title != "Database error"
                   else f" ({exc.__class__.__name__}).")
        raise DatabaseProblem(
            "The upgrade failed", f"The database could not be upgraded{because} It is unchanged.{where}",
        ) from exc


def remove_sqlite_files(*paths: Path) -> None:
    """A half-written copy, with any journal or WAL files SQLite left beside it."""
    for p in paths:
        for extra in ("", "-journal", "-wal", "-shm"):
            Path(f"{p}{extra}").unlink(missing_ok=True)


def _copy_before_upgrade(path: Path, destination: Path) -> Path:
    """The copy taken before an upgrade, or a DatabaseProblem (and no half copy) when it cannot be written:
    then nothing is upgraded."""
    try:
        return backup_sqlite(path, destination)
    except (sqlite3.Error, OSError) as exc:
        remove_sqlite_files(destination)
        why = plain_error(exc)
        if why.title == "The disk is full":
            raise DatabaseProblem(
                why.title, f"There is no room next to {path} for the copy techapproval makes before upgrading the"
                " database. Free some disk space and start again. Nothing has been changed.") from exc
        raise DatabaseProblem(
            "Cannot copy the database before the upgrade",
            f"techapproval copies the database before upgrading it, and the copy could not be written next to"
            f" {path} ({getattr(exc, 'strerror', None) or exc}). Nothing has been changed.") from exc
