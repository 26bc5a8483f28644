"""First-run setup, sign-in (with its lock-out), passwords and the people who use the app."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Person
from ..domain.district_time import LOCAL
from ..domain.enums import Role
from ..domain.settings import setting_problem
from ..domain.sign_in import is_locked, lock_until, locked_message
from ..domain.validation import email_problem, password_problem, too_long
from . import audit, settings
from .access import acting
from .errors import Invalid, NotAllowed, NotFound, Refused, SignInFailed

if TYPE_CHECKING:
    from argon2 import PasswordHasher

_hasher: PasswordHasher | None = None  # made when first needed (argon2 loads its C library): not at start


def hasher() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this keeps sign-in for an unknown email as slow as for a known one. Made at the
    first sign-in, not at import: hashing is slow on purpose, and every start would pay for it."""
    return hasher().hash("not a real password")

WRONG = "The email address or password is not right."
SWITCHED_OFF = "This account is switched off. Ask district IT."


@dataclass(frozen=True)
class PersonView:
    id: int
    name: str
    position: str
    email: str
    role: Role
    active: bool
    must_change_password: bool = False  # after an administrator's reset


def _view(p: Person) -> PersonView:
    return PersonView(p.id, p.name, p.position, p.email, Role(p.role), p.active, p.must_change_password)


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
        password_hash=hasher().hash(password), active=True, created_at=audit.now(),
    )
    session.add(person)
    session.flush()
    # Only the role goes into the audit trail: names and emails stay in the person record.
    audit.record(session, actor_id or person.id, "person", person.id, "created", {"role": [None, role.value]})
    return person


def sign_in(db: Database, email: str, password: str, *, now: datetime | None = None) -> PersonView:
    """Check an email and password; SignInFailed says why not. Runs its own transactions so that a
    wrong password is counted (domain/sign_in.py) even though the caller gets an exception.

    The password is checked between the two transactions: the slow hash never holds a write lock.
    """
    now = now or audit.now()
    with db.transaction() as session:
        found = session.execute(
            select(Person.id, Person.password_hash, Person.locked_until)
            .where(Person.email == email.strip().casefold())
        ).first()
    if found is not None and is_locked(found.locked_until, now):
        raise SignInFailed(locked_message(found.locked_until, LOCAL))
    right = _verifies(found.password_hash if found else _dummy_hash(), password)
    if found is None:
        raise SignInFailed(WRONG)
    with db.transaction() as session:
        outcome = _record_attempt(session, found.id, found.password_hash, password if right else None, now)
    if isinstance(outcome, str):
        raise SignInFailed(outcome)
    return outcome


def _verifies(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _record_attempt(
    session: Session, person_id: int, checked_hash: str, right_password: str | None, now: datetime
) -> PersonView | str:
    """The outcome of a checked password, under a lock on the person's row: their view, or the refusal."""
    person = session.scalars(
        select(Person).where(Person.id == person_id).with_for_update().execution_options(populate_existing=True)
    ).one_or_none()
    if person is None:
        return WRONG
    if is_locked(person.locked_until, now):  # another attempt locked it meanwhile
        return locked_message(person.locked_until, LOCAL)
    if person.password_hash != checked_hash:  # reset or changed meanwhile: the check no longer holds
        return WRONG
    if right_password is None:
        failures = person.failed_sign_ins + 1
        until = lock_until(failures, now)
        if until is not None:
            # Counts and times only: who it was is the event's entity, never an email in the details.
            audit.record(session, None, "person", person.id, "locked out", {
                "failed_sign_ins": [person.failed_sign_ins, failures],
                "locked_until": [_iso(person.locked_until), _iso(until)],
            })
            person.locked_until = until
        person.failed_sign_ins = failures
        return WRONG if until is None else locked_message(until, LOCAL)
    if not person.active:
        return SWITCHED_OFF
    if person.failed_sign_ins or person.locked_until is not None:
        person.failed_sign_ins, person.locked_until = 0, None
    if hasher().check_needs_rehash(person.password_hash):
        person.password_hash = hasher().hash(right_password)
    return _view(person)


def _iso(when: datetime | None) -> str | None:
    return when.isoformat(timespec="seconds") if when else None


def change_password(session: Session, actor_id: int, current_password: str, new_password: str) -> PersonView:
    """The signed-in person replaces their own password (after a reset: the temporary one)."""
    person = acting(session, actor_id, changing_password=True)
    errors: dict[str, str] = {}
    if not _verifies(person.password_hash, current_password):
        errors["current"] = "This is not your current password."
    if message := password_problem(new_password):
        errors["new"] = message
    elif "current" not in errors and new_password == current_password:
        errors["new"] = "Choose a password different from the current one."
    if errors:
        raise Invalid(errors)
    person.password_hash = hasher().hash(new_password)
    changes = {"must_change_password": [True, False]} if person.must_change_password else {}
    person.must_change_password = False
    audit.record(session, person.id, "person", person.id, "password changed", changes)
    return _view(person)


def reset_password(session: Session, admin_id: int, person_id: int, temporary_password: str) -> PersonView:
    """An administrator sets a temporary password, to be replaced at the next sign-in; any lock-out ends."""
    admin = acting(session, admin_id, Role.ADMINISTRATOR)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("That person no longer exists.")
    return _view(_reset(session, admin.id, person, temporary_password))


def reset_password_as_system(session: Session, email: str, temporary_password: str) -> PersonView:
    """The same reset by district IT from the command line, for when no administrator can sign in.
    Whoever can open the database can change it anyway; the audit trail records it as done by System."""
    person = session.scalar(select(Person).where(Person.email == email.strip().casefold()))
    if person is None:
        raise NotFound(f"Nobody with the email address {email.strip()} uses this database.")
    return _view(_reset(session, None, person, temporary_password))


def _reset(session: Session, actor_id: int | None, person: Person, temporary_password: str) -> Person:
    if message := password_problem(temporary_password):
        raise Invalid({"password": message})
    old = {"must_change_password": person.must_change_password, "failed_sign_ins": person.failed_sign_ins,
           "locked_until": _iso(person.locked_until)}
    person.password_hash = hasher().hash(temporary_password)
    person.must_change_password = True
    person.failed_sign_ins, person.locked_until = 0, None
    new = {"must_change_password": True, "failed_sign_ins": 0, "locked_until": None}
    audit.record(session, actor_id, "person", person.id, "password reset", audit.diff(old, new))
    return person


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


def set_active(session: Session, actor_id: int, person_id: int, active: bool) -> PersonView:
    """Switch an account off (someone left the district) or on again. Nothing is deleted: their requests
    and decisions stay on record under their name; they simply cannot sign in."""
    actor = acting(session, actor_id, Role.ADMINISTRATOR)
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("That person no longer exists.")
    if not active and person.id == actor.id:  # which also keeps at least one administrator: the actor
        raise Refused("You cannot switch off your own account; another administrator can.")
    if person.active != active:
        audit.record(session, actor.id, "person", person.id, "switched on" if active else "switched off",
                     {"active": [person.active, active]})
        person.active = active
        if active:  # a fresh start: an old lock-out would greet them otherwise
            person.failed_sign_ins, person.locked_until = 0, None
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

