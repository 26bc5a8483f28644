"""First-run setup, sign-in and the people who use the app."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import Person
from ..domain.enums import Role
from ..domain.settings import setting_problem
from ..domain.validation import email_problem, password_problem, too_long
from . import audit, settings
from .access import acting
from .errors import Invalid, NotAllowed, NotFound, Refused, SignInFailed

_hasher = PasswordHasher()
# Verifying against this keeps sign-in for an unknown email as slow as for a known one.
_DUMMY_HASH = _hasher.hash("not a real password")


@dataclass(frozen=True)
class PersonView:
    id: int
    name: str
    position: str
    email: str
    role: Role
    active: bool


def _view(p: Person) -> PersonView:
    return PersonView(p.id, p.name, p.position, p.email, Role(p.role), p.active)


def needs_setup(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(Person)) == 0


def _person_errors(session: Session, name: str, position: str, email: str, password: str | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "Enter the person's name."
    elif too_long("name", name):
        errors["name"] = "Use at most 120 characters."
    if too_long("position", position):
        errors["position"] = "Use at most 120 characters."
    if message := email_problem(email):
        errors["email"] = message
    elif session.scalar(select(Person.id).where(Person.email == email.strip().casefold())) is not None:
        errors["email"] = "Someone already uses this email address."
    if password is not None and (message := password_problem(password)):
        errors["password"] = message
    return errors


def complete_setup(
    session: Session, *, district_name: str, town: str, approver_title: str,
    name: str, position: str, email: str, password: str,
) -> PersonView:
    """The first run: district settings and the first administrator, once."""
    if not needs_setup(session):
        raise Refused("This database is already set up; sign in instead.")
    values = {"district_name": district_name, "town": town, "approver_title": approver_title}
    errors = {k: m for k, v in values.items() if (m := setting_problem(k, v))}
    errors |= _person_errors(session, name, position, email, password)
    if errors:
        raise Invalid(errors)
    person = _new_person(session, None, name, position, email, Role.ADMINISTRATOR, password)
    settings.write(session, person.id, values)
    return _view(person)


def _new_person(
    session: Session, actor_id: int | None, name: str, position: str, email: str, role: Role, password: str
) -> Person:
    """actor_id None: the person creates their own account (the first administrator at setup)."""
    person = Person(
        name=name.strip(), position=position.strip(), email=email.strip().casefold(), role=role.value,
        password_hash=_hasher.hash(password), active=True, created_at=audit.now(),
    )
    session.add(person)
    session.flush()
    # Only the role goes into the audit trail: names and emails stay in the person record.
    audit.record(session, actor_id or person.id, "person", person.id, "created", {"role": [None, role.value]})
    return person


def authenticate(session: Session, email: str, password: str) -> PersonView:
    person = session.scalar(select(Person).where(Person.email == email.strip().casefold()))
    try:
        _hasher.verify(person.password_hash if person else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        person = None
    if person is None:
        raise SignInFailed("The email address or password is not right.")
    if not person.active:
        raise SignInFailed("This account is switched off. Ask district IT.")
    if _hasher.check_needs_rehash(person.password_hash):
        person.password_hash = _hasher.hash(password)
    return _view(person)


def add_person(
    session: Session, actor_id: int, *, name: str, position: str, email: str, role: Role, password: str
) -> PersonView:
    actor = acting(session, actor_id, Role.ADMINISTRATOR)
    role = Role(role)  # also from a plain string: Qt hands enum values back as str
    errors = _person_errors(session, name, position, email, password)
    if errors:
        raise Invalid(errors)
    return _view(_new_person(session, actor.id, name, position, email, role, password))


def change_role(session: Session, actor_id: int, person_id: int, role: Role) -> PersonView:
    acting(session, actor_id, Role.ADMINISTRATOR)
    role = Role(role)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("That person no longer exists.")
    if person.role == Role.ADMINISTRATOR and role is not Role.ADMINISTRATOR and _admin_count(session) <= 1:
        raise Refused("This is the only administrator; make someone else an administrator first.")
    if person.role != role.value:
        audit.record(session, actor_id, "person", person.id, "role changed", {"role": [person.role, role.value]})
        person.role = role.value
    return _view(person)


def _admin_count(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(Person).where(Person.role == Role.ADMINISTRATOR.value, Person.active)
    )


def list_people(session: Session, actor_id: int) -> list[PersonView]:
    acting(session, actor_id, Role.ADMINISTRATOR)
    return [_view(p) for p in session.scalars(select(Person).order_by(func.lower(Person.name), Person.id))]


def get_person(session: Session, person_id: int) -> PersonView:
    person = session.get(Person, person_id)
    if person is None:
        raise NotAllowed("Your account no longer exists.")
    return _view(person)

