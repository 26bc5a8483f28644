"""`techapproval init-server`: an empty PostgreSQL database made ready, and an app role that can use
it but not reshape it or rewrite the audit trail. Needs TECHAPPROVAL_TEST_DATABASE_URL (see
tests/pg_server.sh) except for the cases that never reach a server."""

from __future__ import annotations

import uuid

import psycopg
import pytest
import sqlalchemy
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from techapproval.__main__ import main
from techapproval.db import schema
from techapproval.db.database import DatabaseProblem, current_revision, open_database
from techapproval.db.models import Person
from techapproval.db.server import GRANTS_SQL, grant_app_role
from techapproval.domain.enums import Decision, Permission, RequestStatus, Role
from techapproval.services import audit, people
from techapproval.services import requests as svc
from tests.conftest import ON_SERVER, PASSWORD
from tests.helpers import complete_form, sql

on_server = pytest.mark.skipif(not ON_SERVER, reason="needs TECHAPPROVAL_TEST_DATABASE_URL (a PostgreSQL server)")

SETUP = ["--district", "Riverside", "--town", "Riverside", "--admin-name", "Dana Admin",
         "--admin-email", "admin@riverside.example"]



@pytest.fixture
def app_role(db_url, server_admin):
    """A LOGIN role with a random name and no rights yet; dropped after the test."""
    if server_admin is None:
        pytest.skip("needs a PostgreSQL server")
    name = f"ta_app_{uuid.uuid4().hex[:12]}"
    with server_admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'app password'"))
    try:
        yield name
    finally:
        sql(db_url, f"DROP OWNED BY {name}")  # its grants here and on the database itself
        with server_admin.connect() as conn:
            conn.execute(text(f"DROP ROLE {name}"))


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role, password="app password").render_as_string(hide_password=False)


@pytest.fixture
def admin_password(monkeypatch):
    monkeypatch.setenv("TECHAPPROVAL_ADMIN_PASSWORD", PASSWORD)


def grants(url: str, role: str) -> set[tuple[str, str]]:
    return set(sql(url, "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
                        f" WHERE grantee = '{role}'"))


def refused(url: str, statement: str) -> bool:
    try:
        sql(url, statement)
    except sqlalchemy.exc.DBAPIError as exc:
        return isinstance(exc.orig, psycopg.errors.InsufficientPrivilege)
    return False


@on_server
def test_init_server_prepares_a_database_the_app_role_uses_but_cannot_reshape(db_url, app_role, admin_password,
                                                                               capsys):
    assert main(["init-server", db_url, "--app-role", app_role, *SETUP]) == 0
    out = capsys.readouterr().out
    assert f"Created the techapproval schema ({schema.HEAD})" in out
    assert "Dana Admin (admin@riverside.example) is the first administrator" in out
    assert f"Granted {app_role}" in out and "after each upgrade" in out

    app_url = as_role(db_url, app_role)
    db = open_database(app_url)
    try:
        assert current_revision(db) == schema.HEAD
        with db.transaction() as s:
            admin = s.scalar(select(Person.id).where(Person.email == "admin@riverside.example"))
            reviewer = people.add_person(s, admin, name="Rita Reviewer", position="Coordinator",
                                         email="rita@riverside.example", role=Role.REVIEWER, password=PASSWORD).id
            teacher = people.add_person(s, admin, name="Tom Teacher", position="Teacher",
                                        email="tom@riverside.example", role=Role.REQUESTER, password=PASSWORD).id
        rids = []
        for name in ("Kahoot!", "Quizlet"):
            with db.transaction() as s:
                rid = svc.save_draft(s, teacher, None, complete_form(resource_name=name))
                svc.submit_request(s, teacher, rid)
                rids.append(rid)
        with db.transaction() as s:
            svc.decide_request(s, reviewer, rids[0], Decision.APPROVED, Permission.NONE_REQUIRED)
            svc.decide_request(s, reviewer, rids[1], Decision.NOT_APPROVED, reason="Ads shown to students.")
        with db.transaction() as s:
            assert svc.get_request(s, teacher, rids[0]).status is RequestStatus.APPROVED
            assert svc.get_request(s, teacher, rids[1]).status is RequestStatus.NOT_APPROVED
            report = audit.verify_chain(s)
            assert report.problem is None and report.events > 5
    finally:
        db.dispose()

    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event",
                      "UPDATE alembic_version SET version_num = '9999'", "DELETE FROM alembic_version",
                      "CREATE TABLE x (id integer)", "DROP TABLE request", "ALTER TABLE request ADD COLUMN x integer",
                      "CREATE INDEX ix_x ON request (status)"):
        assert refused(app_url, statement), statement
    assert sql(db_url, "SELECT count(*) FROM audit_event") == [(report.events,)]
    assert sql(db_url, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    rights = grants(db_url, app_role)
    assert {p for t, p in rights if t == "audit_event"} == {"SELECT", "INSERT"}
    assert {p for t, p in rights if t == "alembic_version"} == {"SELECT"}
    assert {p for t, p in rights if t == "request"} == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    assert not {p for _, p in rights} & {"TRUNCATE", "REFERENCES", "TRIGGER"}


@on_server
def test_init_server_again_only_upgrades_and_regrants(db_url, app_role, admin_password, capsys):
    assert main(["init-server", db_url, "--app-role", app_role, *SETUP]) == 0
    first = grants(db_url, app_role)
    sql(db_url, f"GRANT UPDATE, DELETE, TRUNCATE ON audit_event TO {app_role}")  # given by hand, say
    capsys.readouterr()

    assert main(["init-server", db_url, "--app-role", app_role]) == 0  # no setup details needed any more
    out = capsys.readouterr().out
    assert "already initialised" in out and "already set up" in out and f"Granted {app_role}" in out
    assert grants(db_url, app_role) == first  # exactly the same rights: the extra ones taken back
    assert sql(db_url, "SELECT count(*) FROM person") == [(1,)]
    assert sql(db_url, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]


@on_server
def test_the_app_role_on_a_database_behind_is_told_to_ask_for_init_server(db_url, app_role, admin_password, capsys):
    engine = create_engine(db_url)
    try:
        schema.upgrade(engine, "0003")
        with engine.begin() as conn:
            grant_app_role(conn, app_role)
    finally:
        engine.dispose()

    with pytest.raises(DatabaseProblem) as problem:
        open_database(as_role(db_url, app_role))
    assert problem.value.title == "The database needs an upgrade"
    assert "init-server" in problem.value.message and "0003" in problem.value.message
    assert sql(db_url, "SELECT version_num FROM alembic_version") == [("0003",)]

    assert main(["init-server", db_url, "--app-role", app_role, *SETUP]) == 0
    assert f"from schema 0003 to {schema.HEAD}" in capsys.readouterr().out
    db = open_database(as_role(db_url, app_role))  # the new table (audit_head) is granted too
    try:
        with db.transaction() as s:
            assert audit.verify_chain(s).problem is None
    finally:
        db.dispose()


@on_server
def test_the_app_role_cannot_create_the_schema_itself(db_url, app_role):
    sql(db_url, f'GRANT CONNECT ON DATABASE "{make_url(db_url).database}" TO {app_role}')
    with pytest.raises(DatabaseProblem) as problem:
        open_database(as_role(db_url, app_role))
    assert problem.value.title == "The database needs an upgrade"
    assert sql(db_url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") == [(0,)]


@on_server
def test_missing_setup_details_are_named(db_url, monkeypatch, capsys):
    monkeypatch.delenv("TECHAPPROVAL_ADMIN_PASSWORD", raising=False)
    assert main(["init-server", db_url, "--district", "Riverside"]) == 1
    err = capsys.readouterr().err
    for option in ("--town", "--admin-name", "--admin-email", "$TECHAPPROVAL_ADMIN_PASSWORD"):
        assert option in err
    assert "--district" not in err and "--approver-title" not in err
    assert sql(db_url, "SELECT count(*) FROM person") == [(0,)]


@on_server
def test_a_role_the_grants_cannot_limit_is_refused(db_url, admin_password, capsys):
    owner = make_url(db_url).username  # the test server's superuser
    assert main(["init-server", db_url, "--app-role", owner, *SETUP]) == 1
    assert "superuser" in capsys.readouterr().err
    assert main(["init-server", db_url, "--app-role", "no_such_role_here", *SETUP]) == 1
    assert "no role named no_such_role_here" in capsys.readouterr().err


def test_init_server_on_sqlite_says_it_needs_none(tmp_path, capsys):
    target = tmp_path / "techapproval.db"
    assert main(["init-server", f"sqlite:///{target}"]) == 1
    captured = capsys.readouterr()
    assert "SQLite file needs no init" in captured.err and "first run" in captured.err
    assert captured.out == "" and not target.exists()


def test_print_grants_quotes_the_names_and_touches_nothing(capsys):
    assert main(["init-server", "postgresql://owner@nowhere.invalid/district db", "--app-role", 'app"role',
                 "--print-grants"]) == 0
    out = capsys.readouterr().out
    assert 'GRANT CONNECT ON DATABASE "district db" TO "app""role";' in out
    assert 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "app""role";' in out
    assert 'REVOKE UPDATE, DELETE ON audit_event FROM "app""role";' in out
    assert "ALTER DEFAULT PRIVILEGES" not in out and "ALTER DEFAULT PRIVILEGES" not in GRANTS_SQL
    statements = [line for line in out.splitlines() if not line.startswith("--")]
    assert len(statements) == GRANTS_SQL.count(";\n") and all(line.endswith(";") for line in statements)
