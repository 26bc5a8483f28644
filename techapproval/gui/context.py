"""What every window needs: the database and who is signed in. Handed in, never global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..db.database import Database, plain_error
from ..services import settings as settings_service
from ..services.people import PersonView

T = TypeVar("T")


@dataclass
class AppContext:
    db: Database
    person: PersonView
    settings: dict[str, str] = field(default_factory=dict)

    def call(self, use_case: Callable[..., T], *args, **kwargs) -> T:
        """Run one use case as the signed-in person, in its own transaction."""
        try:
            with self.db.transaction() as session:
                return use_case(session, self.person.id, *args, **kwargs)
        except DBAPIError as exc:
            raise plain_error(exc) from exc

    def read(self, query: Callable[[Session], T]) -> T:
        try:
            with self.db.transaction() as session:
                return query(session)
        except DBAPIError as exc:
            raise plain_error(exc) from exc

    def reload_settings(self) -> None:
        self.settings = self.read(settings_service.read)

    @property
    def is_reviewer(self) -> bool:
        return self.person.role.may_review()
