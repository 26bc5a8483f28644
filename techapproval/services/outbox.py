"""The outbox: every email is written here in the same transaction as the change that causes it, and the
sender (techapproval/mail) delivers it later. Also the email settings (the district's relay), which only
administrators read and change, and what the sender needs: claim the messages due, mark each sent or failed.

Email is off until an administrator sets the relay's host: until then no message is written.

The relay's password is kept in the database's `setting` table (key `mail_password`), never in the audit
trail, never handed to a screen: only the sender reads it. Whoever can open the database (the SQLite file on
a single desk; the app's database role in district mode) can read it too, so give the relay an account that
can only send mail. TECHAPPROVAL_SMTP_PASSWORD, when set, is used instead and nothing need be stored.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ..db.models import OutboxMessage, Person, Setting
from ..domain.enums import Role
from ..domain.notifications import CLAIM, MAX_ATTEMPTS, address_problem, retry_after
from . import audit
from .access import acting
from .errors import Invalid

PASSWORD_ENV = "TECHAPPROVAL_SMTP_PASSWORD"
SECURITIES = ("starttls", "tls", "none")

# The email settings, each with its default. Kept apart from the district settings (services/settings.py),
# which every signed-in person reads.
MAIL_SETTINGS = {
    "mail_host": "",
    "mail_port": "587",
    "mail_security": "starttls",
    "mail_user": "",
    "mail_password": "",
    "mail_from": "",
    "mail_digest_days": "7",
    "mail_family_list": "",
}


@dataclass(frozen=True)
class EmailSettings:
    """What Settings → Email shows: everything but the password, of which only whether one is kept."""

    host: str
    port: int
    security: str
    user: str
    password_stored: bool
    password_from_environment: bool
    from_address: str
    digest_days: int
    family_list: str


@dataclass(frozen=True)
class RelayConfig:
    """What the sender needs to reach the relay."""

    host: str
    port: int
    security: str
    user: str
    password: str
    from_address: str


@dataclass(frozen=True)
class OutgoingMessage:
    id: int
    message_id: str
    recipient: str
    language: str
    subject: str
    body_text: str
    body_html: str
    created_at: datetime


@dataclass(frozen=True)
class FailedMessage:
    id: int
    kind: str
    recipient: str
    subject: str
    attempts: int
    last_error: str
    status: str
    created_at: datetime


def _stored(session: Session) -> dict[str, str]:
    rows = {s.key: s.value for s in session.scalars(select(Setting).where(Setting.key.in_(MAIL_SETTINGS)))}
    return {key: rows.get(key, default) for key, default in MAIL_SETTINGS.items()}


def _port(text: str) -> int:
    return int(text) if text.isdecimal() and 1 <= int(text) <= 65535 else 587


def email_on(session: Session) -> bool:
    """Whether messages are written at all: an administrator has set the relay."""
    return bool(_stored(session)["mail_host"].strip())


def digest_days(session: Session) -> int:
    """The district's N: a reviewer's digest lists what is overdue or due within N days."""
    text = _stored(session)["mail_digest_days"].strip()
    return int(text) if text.isdecimal() and 0 <= int(text) <= 365 else 7


def family_list(session: Session) -> str:
    """The district's mailing-list address for families (the yearly notice), or ""."""
    return _stored(session)["mail_family_list"].strip()


def message_domain(session: Session) -> str:
    """The domain of the Message-ID headers: the from address's, or a name that is nobody's."""
    address = _stored(session)["mail_from"].strip()
    return address.rpartition("@")[2] if "@" in address else "techapproval.invalid"


def relay(session: Session) -> RelayConfig | None:
    """For the sender only (no screen): the relay with its password, or None while email is off."""
    values = _stored(session)
    if not values["mail_host"].strip():
        return None
    return RelayConfig(values["mail_host"].strip(), _port(values["mail_port"]), values["mail_security"],
                       values["mail_user"].strip(), os.environ.get(PASSWORD_ENV) or values["mail_password"],
                       values["mail_from"].strip())


# --- administrators: the settings, the failures, sending again ---------------------------------------


def email_settings(session: Session, actor_id: int) -> EmailSettings:
    acting(session, actor_id, Role.ADMINISTRATOR)
    v = _stored(session)
    return EmailSettings(v["mail_host"], _port(v["mail_port"]), v["mail_security"], v["mail_user"],
                         bool(v["mail_password"]), bool(os.environ.get(PASSWORD_ENV)), v["mail_from"],
                         digest_days(session), v["mail_family_list"])


def update_email_settings(session: Session, actor_id: int, values: dict[str, str],
                          password: str | None = None) -> EmailSettings:
    """Change the email settings in `values` (keys of MAIL_SETTINGS but the password). `password`: None keeps
    the one stored, "" removes it. The audit trail records that the password changed, never the password."""
    actor = acting(session, actor_id, Role.ADMINISTRATOR)
    values = {k: (v or "").strip() for k, v in values.items()}
    unknown = set(values) - (set(MAIL_SETTINGS) - {"mail_password"})
    if unknown:
        raise Invalid({k: "Not an email setting." for k in unknown})
    errors = {}
    if "mail_port" in values and not (values["mail_port"].isdecimal() and 1 <= int(values["mail_port"]) <= 65535):
        errors["mail_port"] = "Enter the relay's port, a number from 1 to 65535 (587 for STARTTLS, 465 for TLS)."
    if "mail_security" in values and values["mail_security"] not in SECURITIES:
        errors["mail_security"] = "Choose STARTTLS, TLS or none."
    if "mail_digest_days" in values and not (values["mail_digest_days"].isdecimal()
                                             and 0 <= int(values["mail_digest_days"]) <= 365):
        errors["mail_digest_days"] = "Enter a whole number of days from 0 to 365."
    for key in ("mail_from", "mail_family_list"):
        if values.get(key) and (problem := address_problem(values[key])):
            errors[key] = problem
    if any(c in values.get("mail_host", "") + values.get("mail_user", "") for c in "\r\n\0 "):
        errors["mail_host"] = "A host name or user name holds no spaces or line breaks."
    if password is not None and any(c in password for c in "\r\n\0"):
        errors["mail_password"] = "A password cannot hold a line break."
    if errors:
        raise Invalid(errors)
    if password is not None:
        values["mail_password"] = password
    current = _stored(session)
    changes = {}
    for key, value in values.items():
        if current[key] == value:
            continue
        changes[key] = ["(kept)", "(changed)"] if key == "mail_password" else [current[key], value]
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    if changes:
        audit.record(session, actor.id, "setting", 0, "email settings changed", changes)
    session.flush()
    return email_settings(session, actor_id)


def list_failures(session: Session, actor_id: int, limit: int = 50) -> list[FailedMessage]:
    """The messages that failed (given up) or are waiting to be tried again after an error, newest first."""
    acting(session, actor_id, Role.ADMINISTRATOR)
    rows = session.scalars(select(OutboxMessage).where(OutboxMessage.status != "sent", OutboxMessage.last_error != "")
                           .order_by(OutboxMessage.id.desc()).limit(limit))
    return [FailedMessage(m.id, m.kind, m.recipient, m.subject, m.attempts, m.last_error, m.status, m.created_at)
            for m in rows]


def retry_failed(session: Session, actor_id: int) -> int:
    """"Send again": every failed message waits to be sent at once; how many."""
    actor = acting(session, actor_id, Role.ADMINISTRATOR)
    now = audit.now()
    count = session.execute(update(OutboxMessage).where(OutboxMessage.status == "failed")
                            .values(status="pending", attempts=0, next_attempt_at=now, claimed_until=None)
                            .execution_options(synchronize_session=False)).rowcount
    if count:
        audit.record(session, actor.id, "setting", 0, "email sent again", {"messages": [None, count]})
    return count


def outbox_counts(session: Session, actor_id: int) -> dict[str, int]:
    """How many messages are pending, sent and failed."""
    from sqlalchemy import func

    acting(session, actor_id, Role.ADMINISTRATOR)
    counts = {"pending": 0, "sent": 0, "failed": 0}
    rows = session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all()
    counts.update({status: n for status, n in rows})
    return counts


# --- writing a message (the services where events happen call this) ---------------------------------


def new_key() -> str:
    """A fresh part for the Message-ID of one event's messages."""
    return secrets.token_hex(8)


def write(session: Session, *, key: str, kind: str, recipient: str, language: str, subject: str,
          body_text: str, body_html: str, person_id: int | None = None, request_id: int | None = None,
          now: datetime | None = None) -> bool:
    """Add one message to the outbox, in the caller's transaction. `key` makes its Message-ID: a message
    with that id already written is not written again (False)."""
    message_id = f"<{key}@{message_domain(session)}>"
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.message_id == message_id)) is not None:
        return False
    now = now or audit.now()
    session.add(OutboxMessage(message_id=message_id, kind=kind, person_id=person_id, request_id=request_id,
                              recipient=recipient, language=language, subject=subject, body_text=body_text,
                              body_html=body_html, created_at=now, status="pending", attempts=0,
                              next_attempt_at=now, last_error=""))
    return True


# --- the sender's side (no person acts: the sender is the district's) ---------------------------------


def claim_due(session: Session, now: datetime, limit: int = 50) -> list[OutgoingMessage]:
    """The messages due now, each claimed for CLAIM so that no other sender takes it meanwhile. A message
    claimed by a sender that died is free again once its claim has run out."""
    free = or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now)
    ids = session.scalars(select(OutboxMessage.id).where(OutboxMessage.status == "pending",
                                                         OutboxMessage.next_attempt_at <= now, free)
                          .order_by(OutboxMessage.id).limit(limit)).all()
    claimed = []
    for message_id in ids:
        done = session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id,
                                                           OutboxMessage.status == "pending", free)
                               .values(claimed_until=now + CLAIM).execution_options(synchronize_session=False))
        if done.rowcount == 1:
            claimed.append(message_id)
    if not claimed:
        return []
    rows = session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(claimed)).order_by(OutboxMessage.id))
    return [OutgoingMessage(m.id, m.message_id, m.recipient, m.language, m.subject, m.body_text, m.body_html,
                            m.created_at) for m in rows]


def mark_sent(session: Session, message_id: int, now: datetime) -> None:
    session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id)
                    .values(status="sent", sent_at=now, claimed_until=None, last_error="")
                    .execution_options(synchronize_session=False))


def mark_failed(session: Session, message_id: int, error: str, now: datetime, *, final: bool = False) -> None:
    """One more failed try: tried again after a back-off, or failed for good after MAX_ATTEMPTS (or `final`:
    the relay refused the message itself)."""
    m = session.get(OutboxMessage, message_id)
    if m is None or m.status == "sent":
        return
    m.attempts += 1
    m.last_error = error[:500]
    m.claimed_until = None
    if final or m.attempts >= MAX_ATTEMPTS:
        m.status = "failed"
    else:
        m.next_attempt_at = now + retry_after(m.attempts)


def release(session: Session, message_id: int) -> None:
    """Give a claimed message back untried (the sender stopped before it)."""
    session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id, OutboxMessage.status == "pending")
                    .values(claimed_until=None).execution_options(synchronize_session=False))


def reviewer_addresses(session: Session) -> list[Person]:
    """The active reviewers; where a district has none, its administrators (who may review)."""
    people = session.scalars(select(Person).where(Person.active, Person.role == Role.REVIEWER.value)
                             .order_by(Person.id)).all()
    if not people:
        people = session.scalars(select(Person).where(Person.active, Person.role == Role.ADMINISTRATOR.value)
                                 .order_by(Person.id)).all()
    return list(people)
