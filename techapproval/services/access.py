"""Who is acting: every use case starts here, so roles are checked on each call, fresh from the database."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import Person
from ..domain.enums import Role
from .errors import NotAllowed


def acting(session: Session, actor_id: int, *roles: Role, changing_password: bool = False) -> Person:
    person = session.get(Person, actor_id)
    if person is None or not person.active:
        raise NotAllowed("Your account is not active. Ask district IT.")
    if person.must_change_password and not changing_password:
        # After a reset the temporary password was seen by someone else: it opens nothing but its own change.
        raise NotAllowed("Choose a new password first: yours was reset by an administrator.")
    if roles and Role(person.role) not in roles:
        raise NotAllowed(_need(roles))
    return person


def _need(roles: tuple[Role, ...]) -> str:
    if Role.REVIEWER in roles:
        return "Only a reviewer can do this."
    if roles == (Role.ADMINISTRATOR,):
        return "Only an administrator can do this."
    return "Your role does not allow this."


REVIEWERS = (Role.REVIEWER, Role.ADMINISTRATOR)
