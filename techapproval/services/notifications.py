"""What each event tells whom, by email: the messages are composed here, in each person's language, and
written to the outbox (services/outbox.py) in the transaction of the change that causes them.

The hooks the request services call, each with the session and the request:

    request_submitted(session, request)       submit and resubmit → the reviewers
    request_returned(session, request, actor, question)   → the requester, with the question
    request_decided(session, request)         → the requester, with the decision
    renewal_opened(session, request)          → the reviewers

`recipients` (a list of Person) on the reviewers' hooks lets review routing send to the approvers of a step
instead. Each morning's digest of deadlines is services/mailings.py's.

Messages carry no student data: the request's number, the resource's name, the staff names, the decision and
what the reviewer typed for the requester (a question, a reason). Typed text is escaped in the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from ..db.models import NotificationPreference, Person, Request
from ..domain.enums import Decision, Permission, RequestStatus
from ..domain.letters import Language
from ..domain.notifications import NotificationKind, notification_texts, one_line, texts_dir
from . import audit, outbox
from .access import acting
from .errors import Invalid

# --- composing ---------------------------------------------------------------------------------------


@cache
def _templates():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(str(texts_dir())), undefined=StrictUndefined,
                       autoescape=select_autoescape(["html"], default_for_string=False, default=False),
                       keep_trailing_newline=True)


@dataclass(frozen=True)
class Composed:
    subject: str
    text: str
    html: str


def compose(language: str, name: str, subject: str, paragraphs: list[dict[str, str]], open_: str = "",
            sections: list[dict[str, Any]] | None = None, district: str = "") -> Composed:
    """A message as plain text and HTML. Every value is the person's or the district's words: the HTML
    template escapes them all."""
    texts = notification_texts(language)
    values = {"language": language, "subject": subject, "greeting": texts.fill("greeting", {"name": name}),
              "paragraphs": paragraphs, "sections": sections or [], "open": open_,
              "footer": texts.fill("footer", {"district": district or "the district"})}
    env = _templates()
    return Composed(subject, env.get_template("message.txt").render(values),
                    env.get_template("message.html").render(values))


def district_name(session: Session) -> str:
    from .settings import read

    return read(session).get("district_name", "")


def language_of(session: Session, person: Person) -> str:
    pref = session.get(NotificationPreference, person.id)
    return pref.language if pref is not None else Language.EN.value


def wants(session: Session, person: Person, kind: NotificationKind) -> bool:
    pref = session.get(NotificationPreference, person.id)
    return person.active and (pref is None or kind.value not in pref.turned_off.split(","))


def _request_values(r: Request) -> dict[str, str]:
    return {"number": str(r.id), "resource": one_line(r.resource_name or "") or "?",
            "requester": one_line(r.requester.name)}


def send_to(session: Session, person: Person, kind: NotificationKind, key: str, build, request: Request | None,
            now: datetime | None = None) -> None:
    if not wants(session, person, kind):
        return
    language = language_of(session, person)
    message = build(language, notification_texts(language), person)
    outbox.write(session, key=key, kind=kind.value, recipient=person.email, language=language,
                 subject=message.subject, body_text=message.text, body_html=message.html, person_id=person.id,
                 request_id=request.id if request is not None else None, now=now)


# --- the hooks ---------------------------------------------------------------------------------------


def _to_reviewers(session: Session, r: Request, section: str, kind: NotificationKind,
                  recipients: list[Person] | None) -> None:
    if not outbox.email_on(session):
        return
    session.flush()
    district, key = district_name(session), outbox.new_key()
    values = _request_values(r)

    def build(language, texts, person):
        return compose(language, person.name, one_line(texts.fill(f"{section}.subject", values)),
                       [{"text": texts.fill(f"{section}.body", values)}], texts.fill(f"{section}.open", values),
                       district=district)

    for person in recipients if recipients is not None else outbox.reviewer_addresses(session):
        if person.id != r.requester_id:  # nobody reviews their own request
            send_to(session, person, kind, f"ta.{section}.r{r.id}.{key}.p{person.id}", build, r)


def request_submitted(session: Session, request: Request, recipients: list[Person] | None = None) -> None:
    """A request submitted or resubmitted: the reviewers (or `recipients`) hear of it."""
    section = "resubmitted" if request.status == RequestStatus.RESUBMITTED.value else "submitted"
    _to_reviewers(session, request, section, NotificationKind.SUBMITTED, recipients)


def renewal_opened(session: Session, request: Request, recipients: list[Person] | None = None) -> None:
    _to_reviewers(session, request, "renewal", NotificationKind.RENEWAL, recipients)


def request_returned(session: Session, request: Request, reviewer: Person, question: str) -> None:
    """Returned with a question: the requester hears of it, with the question."""
    if not outbox.email_on(session):
        return
    session.flush()
    values = {**_request_values(request), "reviewer": one_line(reviewer.name)}
    district = district_name(session)

    def build(language, texts, person):
        return compose(language, person.name, one_line(texts.fill("returned.subject", values)),
                       [{"text": texts.fill("returned.body", values), "quote": question}],
                       texts.fill("returned.open", values), district=district)

    key = f"ta.returned.r{request.id}.{outbox.new_key()}"
    send_to(session, request.requester, NotificationKind.RETURNED, key, build, request)


def request_decided(session: Session, request: Request) -> None:
    """Decided: the requester hears the decision, the parental-permission choice or the reason."""
    if not outbox.email_on(session):
        return
    session.flush()
    reviewer = request.decided_by
    values = {**_request_values(request), "reviewer": one_line(reviewer.name if reviewer else "")}
    district = district_name(session)

    def build(language, texts, person):
        if request.decision == Decision.APPROVED.value:
            permission = Permission(request.permission).value
            paragraphs = [{"text": texts.fill("decided.approved", values)},
                          {"text": texts.fill(f"decided.{permission}", values)}]
        else:
            paragraphs = [{"text": texts.fill("decided.not_approved", values), "quote": request.reason or ""}]
        return compose(language, person.name, one_line(texts.fill("decided.subject", values)), paragraphs,
                       texts.fill("decided.open", values), district=district)

    key = f"ta.decided.r{request.id}.{outbox.new_key()}"
    send_to(session, request.requester, NotificationKind.DECIDED, key, build, request)


# --- each person's preferences -----------------------------------------------------------------------


@dataclass(frozen=True)
class Preferences:
    language: Language
    turned_off: frozenset[NotificationKind]
    digest_hour: int


def my_preferences(session: Session, actor_id: int) -> Preferences:
    person = acting(session, actor_id)
    pref = session.get(NotificationPreference, person.id)
    if pref is None:
        return Preferences(Language.EN, frozenset(), 7)
    return Preferences(Language(pref.language),
                       frozenset(NotificationKind(k) for k in pref.turned_off.split(",") if k), pref.digest_hour)


def set_my_preferences(session: Session, actor_id: int, language: Language,
                       turned_off: frozenset[NotificationKind] = frozenset(), digest_hour: int = 7) -> Preferences:
    """Each person's own: their emails' language, the kinds they do not want, the hour of their digest."""
    person = acting(session, actor_id)
    if language not in set(Language):
        raise Invalid({"language": "Choose English or Spanish."})
    if not isinstance(digest_hour, int) or not 0 <= digest_hour <= 23:
        raise Invalid({"digest_hour": "Choose an hour from 0 to 23."})
    off = ",".join(sorted(NotificationKind(k).value for k in turned_off))
    pref = session.get(NotificationPreference, person.id)
    old = (pref.language, pref.turned_off, pref.digest_hour) if pref else (None, None, None)
    if pref is None:
        pref = NotificationPreference(person_id=person.id)
        session.add(pref)
    pref.language, pref.turned_off, pref.digest_hour = Language(language).value, off, digest_hour
    new = (pref.language, pref.turned_off, pref.digest_hour)
    if old != new:
        audit.record(session, person.id, "person", person.id, "notification preferences changed",
                     {k: [o, n] for k, o, n in zip(("language", "turned_off", "digest_hour"), old, new, strict=True)
                      if o != n})
    session.flush()
    return my_preferences(session, actor_id)


def remember_language(session: Session, actor_id: int, language: Language) -> None:
    """At sign-in, the language the person's desk shows: their emails' too, until they choose one."""
    person = acting(session, actor_id)
    if session.get(NotificationPreference, person.id) is None and Language(language) is not Language.EN:
        set_my_preferences(session, actor_id, Language(language))


def reviewers(session: Session) -> list[Person]:
    """Who hears of a request waiting for review (review routing may pass its own list to the hooks)."""
    return outbox.reviewer_addresses(session)
