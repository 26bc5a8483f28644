"""Parental permission for a resource approved with "additional parental notification and permission
required": the slips expected, granted and refused per class (or per student case reference), and how
many are still outstanding. Never a student's name: the paper slips stay at school.

Also the yearly notice of the contracts website as an email (.eml) a district can open, address to
families (Bcc) and send.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db.models import PermissionTally, Person, Request
from ..domain.deadlines import school_year_label
from ..domain.district_time import LOCAL
from ..domain.enums import Permission, RequestStatus, Role
from ..domain.letters import Language, letter_texts
from ..domain.settings import district_short
from . import audit
from .access import REVIEWERS, acting
from .errors import Conflict, Invalid, NotAllowed, NotFound, Refused
from .settings import read as read_settings

LABEL_MAX = 100
COUNT_MAX = 2000  # more than any class or school; catches a typo such as 250 for 25
LABEL_PLACEHOLDER = "e.g. \u201cGrade 3 \u2013 Room 12\u201d or a case reference; never a student\u2019s name"


@dataclass(frozen=True)
class TallyView:
    id: int
    label: str
    expected: int
    granted: int
    refused: int
    version: int
    updated_at: datetime

    @property
    def outstanding(self) -> int:
        return self.expected - self.granted - self.refused


def _view(t: PermissionTally) -> TallyView:
    return TallyView(t.id, t.label, t.expected, t.granted, t.refused, t.version, t.updated_at)


# --- who may ------------------------------------------------------------------------------------


def _request(session: Session, actor: Person, request_id: int) -> Request:
    """The request, if the actor may keep its permissions: a reviewer, or the staff member who asked."""
    r = session.get(Request, request_id)
    if r is None:
        raise NotFound(f"Request {request_id} does not exist.")
    if r.requester_id != actor.id and Role(actor.role) not in REVIEWERS:
        raise NotAllowed("Only a reviewer or the staff member who made this request can keep its permission slips.")
    return r


def _needs_permission(r: Request) -> None:
    if r.status != RequestStatus.APPROVED.value or r.permission != Permission.PARENTAL_REQUIRED.value:
        raise Refused("Permission slips are kept only for a resource approved with additional parental "
                      "notification and permission required.")


def _tally(session: Session, r: Request, tally_id: int) -> PermissionTally:
    t = session.get(PermissionTally, tally_id)
    if t is None or t.request_id != r.id:
        raise NotFound("This class or case is no longer on the list; someone may have removed it.")
    return t


def _stale() -> Conflict:
    return Conflict("Someone else changed these permission slips while you were editing them. Nothing was "
                    "overwritten; look at the list again and redo your change.")


# --- reading ------------------------------------------------------------------------------------


def list_tallies(session: Session, actor_id: int, request_id: int) -> list[TallyView]:
    actor = acting(session, actor_id)
    r = _request(session, actor, request_id)
    rows = session.scalars(select(PermissionTally).where(PermissionTally.request_id == r.id)
                           .order_by(PermissionTally.label, PermissionTally.id))
    return [_view(t) for t in rows]


def outstanding(session: Session, actor_id: int, request_id: int) -> int:
    """Permission slips not yet back: expected minus granted minus refused, over every class and case."""
    return sum(t.outstanding for t in list_tallies(session, actor_id, request_id))


# --- changing -----------------------------------------------------------------------------------


def _count_problem(value: object, what: str, minimum: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"Enter the number of {what} as a whole number."
    if value < minimum:
        return f"The number of {what} cannot be less than {minimum}."
    if value > COUNT_MAX:
        return f"The number of {what} cannot be more than {COUNT_MAX}."
    return None


def validate_tally(label: str, expected: object, granted: object, refused: object) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not label:
        errors["label"] = ("Name the class or the case, e.g. \u201cGrade 3 \u2013 Room 12\u201d "
                           "(never a student\u2019s name).")
    elif len(label) > LABEL_MAX:
        errors["label"] = f"Use at most {LABEL_MAX} characters."
    for key, value, what, minimum in (("expected", expected, "slips expected", 1),
                                      ("granted", granted, "permissions granted", 0),
                                      ("refused", refused, "permissions refused", 0)):
        if problem := _count_problem(value, what, minimum):
            errors[key] = problem
    if not errors.keys() & {"expected", "granted", "refused"} and granted + refused > expected:
        errors["expected"] = (f"{granted} granted and {refused} refused make {granted + refused}, more than the "
                              f"{expected} slips expected. Correct the counts or raise the number expected.")
    return errors


def save_tally(
    session: Session, actor_id: int, request_id: int, tally_id: int | None, label: str, expected: int,
    granted: int, refused: int, expected_version: int | None = None,
) -> TallyView:
    """Add a class or case (tally_id None) or change one. `label` is a class label or a case reference."""
    actor = acting(session, actor_id)
    r = _request(session, actor, request_id)
    _needs_permission(r)
    label = " ".join((label or "").split())
    errors = validate_tally(label, expected, granted, refused)
    if "label" not in errors:
        others = session.scalars(select(PermissionTally).where(PermissionTally.request_id == r.id))
        clash = next((t for t in others if t.id != tally_id and t.label.casefold() == label.casefold()), None)
        if clash is not None:
            errors["label"] = f"{clash.label} is already on the list; change its counts instead."
    if errors:
        raise Invalid(errors)
    values = {"label": label, "expected": expected, "granted": granted, "refused": refused}
    now = audit.now()
    if tally_id is None:
        t = PermissionTally(request_id=r.id, updated_at=now, **values)
        session.add(t)
        session.flush()
        audit.record(session, actor.id, "request", r.id, "permission slips added", audit.diff({}, values))
        return _view(t)
    t = _tally(session, r, tally_id)
    if expected_version is not None and t.version != expected_version:
        raise _stale()
    old = {k: getattr(t, k) for k in values}
    if changes := audit.diff(old, values):
        for k, v in values.items():
            setattr(t, k, v)
        t.updated_at = now
        context = {} if "label" in changes else {"class_or_case": label}
        audit.record(session, actor.id, "request", r.id, "permission slips changed", context | changes)
    try:
        session.flush()
    except StaleDataError:
        raise _stale() from None
    return _view(t)


def delete_tally(
    session: Session, actor_id: int, request_id: int, tally_id: int, expected_version: int | None = None,
) -> None:
    actor = acting(session, actor_id)
    r = _request(session, actor, request_id)
    _needs_permission(r)
    t = _tally(session, r, tally_id)
    if expected_version is not None and t.version != expected_version:
        raise _stale()
    old = {"label": t.label, "expected": t.expected, "granted": t.granted, "refused": t.refused}
    audit.record(session, actor.id, "request", r.id, "permission slips removed", {k: [v, None] for k, v in old.items()})
    session.delete(t)
    try:
        session.flush()
    except StaleDataError:
        raise _stale() from None


# --- the yearly notice as an email -----------------------------------------------------------------


def annual_notice_email(session: Session, actor_id: int, school_year: int, language: Language) -> bytes:
    """The yearly notice of the contracts website (C.G.S. 10-234bb(d)) as an RFC 5322 message, to open in
    a mail program, address to families and send. The same school year and settings always give the same
    bytes: the Date is fixed (August 1 of that school year, 9:00 in Connecticut) and there is no
    Message-ID (the sending program adds one). There is no From: the sending program fills it in."""
    from email import policy  # on first use: the email package is not needed at start
    from email.message import EmailMessage
    from email.utils import format_datetime

    acting(session, actor_id, *REVIEWERS)
    settings = read_settings(session)
    website = settings.get("contracts_website", "").strip()
    if not website:
        raise Invalid({"contracts_website": "Set the address of the district's contracts web page under "
                                            "Settings first: the notice is about it."})
    texts = letter_texts(Language(language))
    values = {
        "district": district_short(settings.get("district_name", "")) or "District",
        "town": settings.get("town", "").strip(),
        "approver_title": settings.get("approver_title", "").strip(),
        "website": website,
        "school_year": school_year_label(school_year),
    }
    k = "annual_notice."
    body = "\n\n".join([
        texts.fill(k + "greeting", values),
        texts.fill(k + "law", values),
        texts.fill(k + "website_intro", values) + "\n" + website,
        texts.fill(k + "contents", values),
        texts.fill(k + "questions", values),
        texts.fill(k + "closing", values) + "\n" + texts.fill(k + "signature", values),
    ]) + "\n"
    message = EmailMessage(policy=policy.SMTP)
    # A header is one line: a line break typed into a setting must not start a header of its own.
    message["Subject"] = " ".join(texts.fill(k + "email_subject", values).split())
    message["To"] = "undisclosed-recipients:;"
    message["Date"] = format_datetime(datetime(school_year, 8, 1, 9, 0, tzinfo=LOCAL))
    message["X-Unsent"] = "1"  # opens as a draft to send in Outlook and others
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = Language(language).value  # after set_content, which clears Content-*
    return message.as_bytes()
