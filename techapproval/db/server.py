"""District mode on a PostgreSQL server: the rights of the role the app signs in as.

Two roles: the owner, which `techapproval init-server` uses to create and upgrade the schema, and
the app role, which every desk's copy of the app uses day to day and which can change no table's
shape. The app role gets exactly GRANTS_SQL, nothing more:

- CONNECT on the database, USAGE on schema public (never CREATE);
- SELECT, INSERT, UPDATE, DELETE on the app's tables, and USAGE, SELECT on their sequences;
- on audit_event only SELECT and INSERT: the audit trail stays append-only even if its triggers
  were ever bypassed; on alembic_version (the schema's revision) only SELECT.

The statements first take back whatever the role had, so running them again leaves exactly these
rights. They set no default privileges: a table added by an upgrade is out of the app role's reach
until init-server has run again, which every upgrade does anyway (the app role cannot upgrade).
"""

from __future__ import annotations

import textwrap

from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import Connection

# {role} and {database} are identifiers, quoted by psycopg.sql.Identifier when the statements run.
GRANT_STATEMENTS: tuple[str, ...] = (
    # Start from nothing: re-running leaves exactly the rights below, and takes back any given by hand.
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
    "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}",
    "REVOKE ALL ON SCHEMA public FROM {role}",
    # Nobody but the owner creates tables here (PostgreSQL before version 15 lets every role).
    "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    "GRANT CONNECT ON DATABASE {database} TO {role}",
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    # The audit trail is append-only, and only the owner changes the schema's revision.
    "REVOKE UPDATE, DELETE ON audit_event FROM {role}",
    "REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {role}",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
)
GRANTS_SQL = "".join(f"{statement};\n" for statement in GRANT_STATEMENTS)

REGRANT_NOTE = ("No default privileges are set: run `techapproval init-server` with the owner's address after "
                "each upgrade of techapproval; it upgrades the database and re-applies these grants.")


class AppRoleProblem(Exception):
    """The role named for the app cannot be used as one (missing, too powerful)."""


def _statements(role: str, database: str) -> list[sql.Composed]:
    names = {"role": sql.Identifier(role), "database": sql.Identifier(database)}
    return [sql.SQL(statement).format(**names) for statement in GRANT_STATEMENTS]


def grant_statements(role: str, database: str) -> str:
    """The grants as SQL text for one role and database, identifiers quoted, for IT to run themselves."""
    lines = [f"-- Rights of the techapproval app role {role} on the database {database} (run as its owner)."]
    lines += [f"{statement.as_string(None)};" for statement in _statements(role, database)]
    lines += [f"-- {line}" for line in textwrap.wrap(REGRANT_NOTE, 96)]
    return "\n".join(lines) + "\n"


def check_app_role(conn: Connection, role: str) -> None:
    """Refuse a role the grants cannot restrict: missing, a superuser, the owner or one of its members."""
    row = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = :role"), {"role": role}).first()
    if row is None:
        raise AppRoleProblem(
            f"The database server has no role named {role}. Create it first, e.g. "
            f"CREATE ROLE {sql.Identifier(role).as_string(None)} LOGIN PASSWORD '...', then run init-server again."
        )
    if row.rolsuper:
        raise AppRoleProblem(f"{role} is a superuser: no grant can limit it. Give the app an ordinary role.")
    if role == conn.execute(text("SELECT current_user")).scalar():
        raise AppRoleProblem(
            f"{role} is the role in this address, which owns the schema. Give the app a role of its own."
        )
    owners = conn.execute(text(
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
        " AND pg_has_role(:role, tableowner, 'USAGE')"
    ), {"role": role}).scalars().all()
    if owners:
        raise AppRoleProblem(
            f"{role} owns the app's tables (or acts as their owner {', '.join(owners)}), so grants cannot"
            " limit it. Give the app a role of its own."
        )


def grant_app_role(conn: Connection, role: str) -> None:
    """Give `role` exactly the app's rights (GRANTS_SQL), in the caller's transaction, as the owner."""
    check_app_role(conn, role)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    cursor = conn.connection.driver_connection.cursor()
    try:
        for statement in _statements(role, database):
            cursor.execute(statement)
    finally:
        cursor.close()
