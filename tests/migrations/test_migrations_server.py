"""Migrations and opening a database on a PostgreSQL server (TECHAPPROVAL_TEST_DATABASE_URL; see
tests/pg_server.sh). The SQLite file cases are in test_migrations.py and run on SQLite either way."""

import socket
import threading

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import make_url

from techapproval.db import schema
from techapproval.db.database import DatabaseProblem, current_revision, open_database
from techapproval.db.models import Base
from techapproval.db.search import is_search_object
from tests.conftest import ON_SERVER
from tests.helpers import sql

pytestmark = pytest.mark.skipif(not ON_SERVER, reason="needs TECHAPPROVAL_TEST_DATABASE_URL (a PostgreSQL server)")



def tables(url: str) -> list:
    return sql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    " ORDER BY table_name")


def test_an_empty_server_database_is_migrated_to_match_the_models(db_url):
    db = open_database(db_url)
    try:
        assert db.engine.dialect.name == "postgresql"
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
            assert compare_metadata(context, Base.metadata) == []
        assert current_revision(db) == schema.HEAD
    finally:
        db.dispose()


def test_the_audit_trail_is_append_only_on_the_server(db_url):
    open_database(db_url).dispose()
    sql(db_url, "INSERT INTO audit_event (at, entity, entity_id, action, changes, prev_hash, hash)"
                " VALUES (now(), 'request', 1, 'created', '{}', '', '')")
    for statement in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"):
            sql(db_url, statement)
    assert sql(db_url, "SELECT action FROM audit_event") == [("created",)]


def test_downgrade_to_nothing_and_up_again(db_url):
    from alembic import command

    open_database(db_url).dispose()
    engine = sqlalchemy.create_engine(db_url)
    try:
        config = schema.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert tables(db_url) == [("alembic_version",)]
        assert sql(db_url, "SELECT count(*) FROM pg_proc WHERE proname = 'audit_event_append_only'") == [(0,)]
    finally:
        engine.dispose()
    db = open_database(db_url)
    try:
        assert current_revision(db) == schema.HEAD
    finally:
        db.dispose()


def test_newer_schema_is_refused_untouched(db_url):
    open_database(db_url).dispose()
    sql(db_url, "UPDATE alembic_version SET version_num = '9999'")
    before = tables(db_url)
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_url)
    assert "newer" in problem.value.title.lower() and "9999" in problem.value.message
    assert tables(db_url) == before
    assert sql(db_url, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_another_programs_database_is_refused_untouched(db_url):
    sql(db_url, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('x')")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_url)
    assert "not a techapproval database" in problem.value.title.lower()
    assert tables(db_url) == [("contacts",)]


def test_an_approved_resource_survives_the_contract_registry_upgrade(db_url):
    engine = sqlalchemy.create_engine(db_url)
    schema.upgrade(engine, "0001")
    engine.dispose()
    sql(db_url, "INSERT INTO catalog_resource (id, name, normalised_name, link, normalised_link, description,"
                " permission, grades, not_used_by_students, approved_at, version)"
                " VALUES (7, 'Kahoot!', 'kahoot', '', '', 'Quizzes', 'none_required', '4,5', false,"
                " '2026-10-01 12:00:00', 1)")

    open_database(db_url).dispose()

    assert sql(db_url, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    assert sql(db_url, "SELECT name, coverage, contract_id, coverage_note FROM catalog_resource") == [
        ("Kahoot!", "none", None, "")]
    with pytest.raises(sqlalchemy.exc.IntegrityError):  # the new CHECK holds on the upgraded table
        sql(db_url, "UPDATE catalog_resource SET coverage = 'contract' WHERE id = 7")


def test_a_failed_upgrade_leaves_the_database_as_it_was(db_url, monkeypatch):
    engine = sqlalchemy.create_engine(db_url)
    schema.upgrade(engine, "0002")
    engine.dispose()
    before = tables(db_url)
    # This version claims a revision 9999 that has no script: the upgrade fails inside Alembic, and
    # PostgreSQL rolls back the whole transaction, 0003's tables included.
    monkeypatch.setattr(schema, "REVISIONS", (*schema.REVISIONS, "9999"))
    monkeypatch.setattr(schema, "HEAD", "9999")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(db_url)
    assert "upgrade failed" in problem.value.title.lower()
    assert sql(db_url, "SELECT version_num FROM alembic_version") == [("0002",)]
    assert tables(db_url) == before


def test_two_desks_opening_a_new_database_at_once(db_url):
    """Both migrate-or-find-migrated; neither fails and the schema is created once."""
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def open_and_close():
        try:
            start.wait()
            open_database(db_url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "the desks are stuck waiting for each other"
    assert errors == []
    assert sql(db_url, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]


# --- a server that cannot be used: plain words, no traceback ------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_server_listening_is_cannot_reach(db_url):
    url = make_url(db_url).set(host="127.0.0.1", port=free_port())
    with pytest.raises(DatabaseProblem) as problem:
        open_database(url)
    assert problem.value.title == "Cannot reach the database server"


def test_a_missing_database_is_named_so(db_url):
    url = make_url(db_url).set(database="no_such_database_here")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(url)
    assert problem.value.title == "The database does not exist"


def test_a_refused_sign_in_is_named_so(db_url):
    """The test server trusts every local user, so a missing role stands in for a wrong password."""
    url = make_url(db_url).set(username="nobody_with_this_name")
    with pytest.raises(DatabaseProblem) as problem:
        open_database(url)
    assert problem.value.title == "Cannot sign in to the database server"


def test_a_plain_postgresql_address_uses_the_shipped_driver(db_url):
    db = open_database(make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        assert db.engine.dialect.driver == "psycopg"
        assert current_revision(db) == schema.HEAD
    finally:
        db.dispose()


def include_name(name, _type, _parent) -> bool:
    return not is_search_object(name)  # made by hand, not from the models (db/search.py)
