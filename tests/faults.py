"""Broken databases and full disks, for the fault tests (tests/test_faults.py, tests/gui/test_database_faults.py).

Two full disks:
- "pages": a SQLite file that may not grow. Every connection the app takes from its pool gets
  `PRAGMA max_page_count` set to the file's size once `fill()` has used up the room inside it. SQLite
  then fails exactly as on a full disk (SQLITE_FULL, "database or disk is full"). Needs no privileges.
- "tmpfs": a real full disk: a small tmpfs mounted for the test and filled with a ballast file, so that
  writes fail with ENOSPC. Needs root (or CAP_SYS_ADMIN); skipped where it cannot be mounted.

And the ways a database file can be unusable at start, each a context manager that yields the file.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from techapproval.db import database
from techapproval.db.database import open_database
from tests.conftest import make_district

DISKS = ["pages", "tmpfs"]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def fingerprint(path: Path) -> tuple[str, int]:
    """The file's bytes (as a hash) and its modification time: both must stay as they were."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def migrated(path: Path) -> Path:
    open_database(f"sqlite:///{path}").dispose()
    return path


# --- full disks -----------------------------------------------------------------------------------


class PageLimit:
    """The file may not grow past its size at fill(); make_room() lets it grow again."""

    def __init__(self, folder: Path):
        self.path = (folder / "test.db").resolve()
        self.url = f"sqlite:///{self.path}"
        self.cap: int | None = None
        event.listen(Pool, "checkout", self._on_checkout)

    def _on_checkout(self, dbapi_connection, _record, _proxy) -> None:
        if self.cap is None or not isinstance(dbapi_connection, sqlite3.Connection):
            return
        files = {row[2] for row in dbapi_connection.execute("PRAGMA database_list")}
        if str(self.path) in files:
            dbapi_connection.execute(f"PRAGMA max_page_count = {self.cap}")

    def fill(self, leave: int = 0) -> None:
        """Use up the room inside the file and let it grow no more (`leave` is for the real disk only)."""
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=5)
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS ballast (b BLOB)")
            self.cap = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {self.cap}")
            for size in (4000, 1000, 200, 20, 1):  # every free page, then the room left in the last one
                while True:
                    try:
                        conn.execute("INSERT INTO ballast VALUES (randomblob(?))", (size,))
                    except sqlite3.OperationalError as exc:
                        assert "full" in str(exc)
                        break
        finally:
            conn.close()

    def make_room(self) -> None:
        self.cap += 256  # the file may grow again (for connections taken from the pool from now on)
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=5)
        try:
            conn.execute("DELETE FROM ballast")
        finally:
            conn.close()

    def close(self) -> None:
        event.remove(Pool, "checkout", self._on_checkout)


class Tmpfs:
    """A small real file system of its own; fill() writes a ballast file until the disk says ENOSPC."""

    def __init__(self, folder: Path, size: str = "2m"):
        self.mount_point = folder / "disk"
        self.mount_point.mkdir()
        if not IS_ROOT:
            pytest.skip("a real full disk needs a file system of its own: mounting one needs root")
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                                  str(self.mount_point)], capture_output=True, text=True)
        if mounted.returncode != 0:
            pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
        self.path = self.mount_point / "test.db"
        self.url = f"sqlite:///{self.path}"
        self.ballast = self.mount_point / "ballast"

    def fill(self, leave: int = 0) -> None:
        """Fill the disk, then free `leave` bytes again."""
        fd = os.open(self.ballast, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            size = 1 << 16
            while size:
                try:
                    os.write(fd, b"\0" * size)
                except OSError:
                    size //= 2
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
        finally:
            os.close(fd)

    def make_room(self) -> None:
        self.ballast.unlink()

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.mount_point)], check=True, capture_output=True)

    def close(self) -> None:
        if subprocess.run(["umount", str(self.mount_point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(self.mount_point)], capture_output=True)  # a file still open


@contextmanager
def full_disk(kind: str, folder: Path) -> Iterator[PageLimit | Tmpfs]:
    """A disk for the database that fill() fills and make_room() frees again."""
    disk = PageLimit(folder) if kind == "pages" else Tmpfs(folder)
    try:
        yield disk
    finally:
        disk.close()


# --- databases that cannot be used ------------------------------------------------------------------


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("DELETE FROM setting")  # never committed: must be neither seen nor lost
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


@contextmanager
def broken(case: str, folder: Path, monkeypatch) -> Iterator[Path]:
    """A database file the app must refuse at start, left as it is for the test's duration."""
    path = folder / "test.db"
    if case == "not a database":
        path.write_bytes(os.urandom(8192))
        yield path
    elif case == "truncated":
        migrated(path).write_bytes(path.read_bytes()[:2000])
        yield path
    elif case == "damaged inside":  # a sound header and schema, but garbage where two tables' rows were
        db = open_database(f"sqlite:///{path}")
        make_district(db)  # set up: the app goes on to sign-in, which reads the settings
        db.dispose()
        conn = sqlite3.connect(path)
        pages = [conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
                 for table in ("setting", "audit_head")]  # read at sign-in; read by every command that writes
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
        data = bytearray(path.read_bytes())
        for page in pages:
            data[(page - 1) * size:page * size] = random.Random(page).randbytes(size)
        path.write_bytes(bytes(data))
        yield path
    elif case == "newer":
        conn = sqlite3.connect(migrated(path))
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.close()
        yield path
    elif case == "read-only":
        if IS_ROOT:  # root may write to any file, but not to a read-only file system
            with full_disk("tmpfs", folder) as disk:
                migrated(disk.path)
                disk.read_only()
                yield disk.path
        else:
            migrated(path).chmod(0o444)
            try:
                yield path
            finally:
                path.chmod(0o600)
    elif case == "locked":
        monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(migrated(path))],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline() == "locked\n"
            yield path
        finally:
            holder.stdin.close()
            holder.wait(timeout=10)
    elif case == "full disk":
        with full_disk("tmpfs", folder) as disk:
            migrated(disk.path)
            disk.fill()
            yield disk.path
    else:
        raise AssertionError(case)


# What each case's message must say: its title, and something it tells the person to do.
ADVICE = {
    "not a database": ("Not a database", "Restore it from a backup"),
    "truncated": ("The database is damaged", "Restore it from a backup"),
    "damaged inside": ("The database is damaged", "Restore it from a backup"),
    "newer": ("Made by a newer techapproval", "Install the newer version"),
    "read-only": ("The database is read-only", "Ask district IT"),
    "locked": ("The database is busy", "Close other copies of techapproval"),
    "full disk": ("The disk is full", "Free some disk space"),
}

NOT_FOR_PEOPLE = ("Traceback", "sqlite3", "OperationalError", "DatabaseError", "SELECT ", "INSERT ", "PRAGMA",
                  "sqlalche.me", "Errno")
