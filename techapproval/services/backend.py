"""The one way front ends run use cases: `backend.run(use_case, actor_id, *args)` gives the result and the
change set its transaction wrote.

On a single desk the backend is `LocalBackend`: the use case runs in this process, in a transaction of its own,
on the desk's own database. The front ends (gui, cli) hold a backend and never a session or a transaction:
they hand a use case and its arguments over, and get back an `Outcome`. A database error comes back as the
`DatabaseProblem` it means, in words a person can act on, never as a driver's exception.

Use cases take the session first and the acting person's id second (services/access.py checks the role).
A few reads need no person (`query`): the district's settings and its calendar, which every screen shows.
Long work that keeps its own transactions short (exports, batches of PDFs) is `long_run`: the service is
handed the database itself, and opens one short transaction after another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import DBAPIError

from ..db.database import Database, plain_error
from ..domain.changes import NOTHING, ChangeSet
from . import audit
from . import changes as changes_service

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A use case's result, what its transaction changed (empty for reads), and the numbers of the audit
    events it added: a desk that looks for others' changes leaves its own out."""

    value: T
    changes: ChangeSet = NOTHING
    events: frozenset[int] = frozenset()


@contextmanager
def _plain_errors() -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        raise plain_error(exc) from exc


class LocalBackend:
    """Use cases run in this process on the desk's own database, each in its own transaction."""

    def __init__(self, db: Database):
        self.db = db

    @classmethod
    def open(cls, url: str) -> LocalBackend:
        """Open (creating or upgrading) the database at `url`; DatabaseProblem says why it cannot be used."""
        from ..db.database import open_database

        return cls(open_database(url))

    def dispose(self) -> None:
        self.db.dispose()

    @property
    def schema_version(self) -> str:
        from ..db.schema import HEAD

        return HEAD

    # --- before anyone is signed in ------------------------------------------------------

    def needs_setup(self) -> bool:
        """A new database: nobody can sign in until the district and its first administrator are set up."""
        from .people import needs_setup

        return self.query(needs_setup)

    def complete_setup(self, **values: str):
        """The first run: the district's name and the first administrator, who is signed in."""
        from .people import complete_setup

        with _plain_errors(), self.db.transaction() as session:
            return complete_setup(session, **values)

    def district_name(self) -> str:
        from .settings import read

        return self.query(read)["district_name"]

    def sign_in(self, email: str, password: str):
        """The person with that email and password (services/people.py), or SignInFailed says why not."""
        from .people import sign_in

        with _plain_errors():
            return sign_in(self.db, email, password)

    @property
    def location(self) -> str:
        """Where the data lives, for people: a file path, or a server without the password."""
        return self.db.location

    @property
    def url(self):
        """The database's address (a SQLAlchemy URL): what the desk's own files (drafts) are kept under."""
        return self.db.url

    def run(self, use_case: Callable[..., T], actor_id: int, *args: Any, **kwargs: Any) -> Outcome[T]:
        """Run one use case as `actor_id`, in its own transaction; its result and what it wrote."""
        with _plain_errors():
            with self.db.transaction() as session:
                changes_service.collect(session)
                value = use_case(session, actor_id, *args, **kwargs)
                session.flush()
                changes, events = changes_service.changes(session), audit.pending(session)
            return Outcome(value, changes, frozenset(e.id for e in events))  # numbered at commit

    def query(self, read: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A read that needs no acting person (the district's settings, its calendar)."""
        with _plain_errors(), self.db.transaction() as session:
            return read(session, *args, **kwargs)

    def long_run(self, work: Callable[..., T], actor_id: int, *args: Any, **kwargs: Any) -> T:
        """Long work with its own short transactions: `work(db, actor_id, *args)`."""
        with _plain_errors():
            return work(self.db, actor_id, *args, **kwargs)

    def maintain(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """District IT's work at a terminal, done as no signed-in person (seeding a demo district, preparing a
        server, resetting a locked-out administrator's password): `work(db, *args)`, which opens its own
        transactions."""
        with _plain_errors():
            return work(self.db, *args, **kwargs)

    def last_event(self) -> int:
        """Where a look for other people's changes starts: the newest audit event now."""
        return self.query(changes_service.last_event)

    def changes_since(self, after: int, ignore: frozenset[int] = frozenset()) -> tuple[ChangeSet, int]:
        """What changed, by anyone at any desk, since event number `after` (leaving out the events numbered in
        `ignore`: this desk's own, already shown); and the newest event's number."""
        return self.query(changes_service.changes_since, after, ignore)
