"""Every test gets a fresh, migrated database of its own, and a home folder of its own.

The database is a SQLite file by default. With TECHAPPROVAL_TEST_DATABASE_URL set to a PostgreSQL
server's URL (see tests/pg_server.sh), each test gets a new, empty database on that server instead,
dropped after the test.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from techapproval.db.database import Database, open_database
from techapproval.domain.enums import Role
from techapproval.services import people

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test touches the real user's data folder or database."""
    monkeypatch.setenv("TECHAPPROVAL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TECHAPPROVAL_DATABASE_URL", raising=False)
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Argon2 with the smallest parameters: the tests check the flow, not the hash's cost."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


TEST_SERVER_ENV = "TECHAPPROVAL_TEST_DATABASE_URL"
TEST_SERVER_URL = os.environ.get(TEST_SERVER_ENV) or None
ON_SERVER = TEST_SERVER_URL is not None


def server_url(database: str | None = None) -> str:
    """The test server's URL, with the driver the app ships (psycopg 3), on another database if given."""
    url = make_url(TEST_SERVER_URL)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if database is not None:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def server_admin():
    """An AUTOCOMMIT connection to the test server's maintenance database (CREATE/DROP DATABASE)."""
    if not ON_SERVER:
        yield None
        return
    url = make_url(TEST_SERVER_URL)
    if url.get_backend_name() != "postgresql":
        raise pytest.UsageError(f"{TEST_SERVER_ENV} must be a PostgreSQL server's URL, not {url.drivername}")
    engine = create_engine(server_url(), isolation_level="AUTOCOMMIT")
    try:
        yield engine
    finally:
        engine.dispose()


def _delete_closed_widgets() -> None:
    """pytest-qt closes a test's windows with deleteLater(), which happens only when an event loop next
    runs: in the next test, where a pending timer of an old window (an autosave, a search) would reach
    for this test's database after it is dropped. Delete them now, while the database is still there."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def new_server_database(admin) -> tuple[str, object]:
    """A new, empty database on the test server: its URL and a callable that drops it."""
    name = f"test_{uuid.uuid4().hex}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        _delete_closed_widgets()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return server_url(name), drop


@pytest.fixture
def db_url(tmp_path, server_admin) -> str:
    if server_admin is None:
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url, drop = new_server_database(server_admin)
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def db(db_url) -> Database:
    database = open_database(db_url)
    yield database
    database.dispose()


@dataclass
class District:
    db: Database
    admin: int
    reviewer: int
    teacher: int
    other_teacher: int


def make_district(db: Database) -> District:
    with db.transaction() as s:
        admin = people.complete_setup(
            s, district_name="Riverside", town="Riverside", approver_title="Technology Coordinator/Principal",
            name="Dana Admin", position="Director of Technology", email="admin@riverside.example", password=PASSWORD,
        )
    ids = {}
    with db.transaction() as s:
        for key, name, position, role in (
            ("reviewer", "Rita Reviewer", "Technology Coordinator", Role.REVIEWER),
            ("teacher", "Nguyễn Thị Ánh", "Teacher", Role.REQUESTER),
            ("other_teacher", "Tom Teacher", "Teacher", Role.REQUESTER),
        ):
            ids[key] = people.add_person(
                s, admin.id, name=name, position=position, email=f"{key}@riverside.example", role=role,
                password=PASSWORD,
            ).id
    return District(db, admin.id, **ids)


@pytest.fixture
def district(db) -> District:
    return make_district(db)
