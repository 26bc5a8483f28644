"""Every test gets a fresh, migrated SQLite database file of its own, and a home folder of its own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

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


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


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
