"""Who is acting: every use case starts here, so roles are checked on each call, fresh from the database."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..db.models import Person
from ..domain.enums import Role
from .errors import NotAllowed


def acting(session: Session, actor_id: int, *roles: Role) -> Person:
    person = session.get(Person, actor_id)
    if person is None or not person.active:
        raise NotAllowed("Your account is not active. Ask district IT.")
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
