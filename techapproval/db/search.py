"""Search indexes for finding requests and approved resources by any part of their words.

SQLite: FTS5 tables with the trigram tokenizer, filled and kept current by triggers, so the app's
code never writes them. A phrase of three or more characters matches wherever it occurs, as LIKE
'%text%' does, but through the index. PostgreSQL: pg_trgm GIN indexes, which the planner uses for
the plain LIKE. Migration 0006 creates them; `available` says whether this database has them (an
SQLite too old for the trigram tokenizer, or a server without pg_trgm, searches without them).
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

MIN_CHARS = 3  # trigrams: shorter text has none, and is searched with LIKE
REQUEST_TABLE = "request_search"
CATALOG_TABLE = "catalog_search"
_PG_INDEX_PREFIX = "ix_trgm_"

_SQLITE_TABLES = {
    REQUEST_TABLE: "resource_name, resource_link, requester_name",
    CATALOG_TABLE: "normalised_name, normalised_link",
}
_SQLITE_FILL = {
    REQUEST_TABLE: """INSERT INTO request_search(rowid, resource_name, resource_link, requester_name)
        SELECT r.id, r.resource_name, r.resource_link, p.name FROM request r JOIN person p ON p.id = r.requester_id""",
    CATALOG_TABLE: """INSERT INTO catalog_search(rowid, normalised_name, normalised_link)
        SELECT id, normalised_name, normalised_link FROM catalog_resource""",
}
_SQLITE_TRIGGERS = {
    "request_search_insert": """CREATE TRIGGER request_search_insert AFTER INSERT ON request BEGIN
        INSERT INTO request_search(rowid, resource_name, resource_link, requester_name) VALUES
        (new.id, new.resource_name, new.resource_link, (SELECT name FROM person WHERE id = new.requester_id));
        END""",
    "request_search_update": """CREATE TRIGGER request_search_update
        AFTER UPDATE OF resource_name, resource_link, requester_id ON request BEGIN
        UPDATE request_search SET resource_name = new.resource_name, resource_link = new.resource_link,
        requester_name = (SELECT name FROM person WHERE id = new.requester_id) WHERE rowid = new.id;
        END""",
    "request_search_delete": """CREATE TRIGGER request_search_delete AFTER DELETE ON request BEGIN
        DELETE FROM request_search WHERE rowid = old.id;
        END""",
    "request_search_person": """CREATE TRIGGER request_search_person AFTER UPDATE OF name ON person BEGIN
        UPDATE request_search SET requester_name = new.name
        WHERE rowid IN (SELECT id FROM request WHERE requester_id = new.id);
        END""",
    "catalog_search_insert": """CREATE TRIGGER catalog_search_insert AFTER INSERT ON catalog_resource BEGIN
        INSERT INTO catalog_search(rowid, normalised_name, normalised_link)
        VALUES (new.id, new.normalised_name, new.normalised_link);
        END""",
    "catalog_search_update": """CREATE TRIGGER catalog_search_update
        AFTER UPDATE OF normalised_name, normalised_link ON catalog_resource BEGIN
        UPDATE catalog_search SET normalised_name = new.normalised_name, normalised_link = new.normalised_link
        WHERE rowid = new.id;
        END""",
    "catalog_search_delete": """CREATE TRIGGER catalog_search_delete AFTER DELETE ON catalog_resource BEGIN
        DELETE FROM catalog_search WHERE rowid = old.id;
        END""",
}
_PG_INDEXES = {
    "ix_trgm_request_resource_name": "request USING gin (lower(resource_name) gin_trgm_ops)",
    "ix_trgm_request_resource_link": "request USING gin (lower(resource_link) gin_trgm_ops)",
    "ix_trgm_person_name": "person USING gin (lower(name) gin_trgm_ops)",
    "ix_trgm_catalog_name": "catalog_resource USING gin (normalised_name gin_trgm_ops)",
    "ix_trgm_catalog_link": "catalog_resource USING gin (normalised_link gin_trgm_ops)",
}


def is_search_object(name: str | None) -> bool:
    """Whether a table or index is one of these (not in the models: schema comparisons leave them out).
    FTS5 keeps each table's data in shadow tables named after it."""
    return bool(name) and (name.startswith((REQUEST_TABLE, CATALOG_TABLE, _PG_INDEX_PREFIX)))


def create_sqlite(conn: Connection) -> bool:
    try:
        for table, columns in _SQLITE_TABLES.items():
            conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, tokenize='trigram')")
    except DBAPIError as exc:  # no FTS5, or an SQLite before 3.34 (no trigram tokenizer)
        log.warning("Search indexes not created, searching without them: %s", exc.orig)
        drop_sqlite(conn)
        return False
    for fill in _SQLITE_FILL.values():
        conn.exec_driver_sql(fill)
    for trigger in _SQLITE_TRIGGERS.values():
        conn.exec_driver_sql(trigger)
    return True


def drop_sqlite(conn: Connection) -> None:
    for trigger in _SQLITE_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in _SQLITE_TABLES:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def create_postgresql(conn: Connection) -> bool:
    try:
        with conn.begin_nested():  # a refusal must not abort the migration's transaction
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError as exc:  # not installed on the server, or no right to add it
        log.warning("pg_trgm not available, searching without its indexes: %s", exc.orig)
        return False
    for name, definition in _PG_INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")
    return True


def drop_postgresql(conn: Connection) -> None:
    for name in _PG_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def available(conn: Connection) -> bool:
    """Whether this SQLite database has the FTS5 tables (see `in_use`, which remembers the answer)."""
    if conn.dialect.name != "sqlite":
        return False
    found = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (:a, :b)"),
                         {"a": REQUEST_TABLE, "b": CATALOG_TABLE}).scalar()
    return found == len(_SQLITE_TABLES)


def in_use(conn: Connection) -> bool:
    """`available`, asked once per database connection and remembered with it (not at every search)."""
    if "search_index" not in conn.info:
        conn.info["search_index"] = available(conn)
    return conn.info["search_index"]


def phrase(text_: str) -> str:
    """An FTS5 query that matches this text anywhere (a quoted phrase: no operators, no column names)."""
    return '"' + text_.replace('"', '""') + '"'
