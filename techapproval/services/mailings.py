"""Mailings that no single change causes: each morning's digest of deadlines for each reviewer, and the
yearly notice to families sent to the district's mailing-list address. Both go through the outbox
(services/outbox.py), composed as services/notifications.py composes every message."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from ..db.models import NotificationPreference
from ..domain.district_time import LOCAL
from ..domain.letters import Language, letter_texts
from ..domain.notifications import NotificationKind, notification_texts, one_line
from . import audit, compliance, outbox
from .access import REVIEWERS, acting
from .errors import Invalid
from .notifications import compose, district_name, send_to, wants

# --- each morning's digest ---------------------------------------------------------------------------


def queue_digests(session: Session, now: datetime | None = None) -> int:
    """Write each reviewer's digest of the deadlines overdue or due within the district's N days, once a day
    per person (the Message-ID comes from the person and the day), from their digest hour on. Nothing is
    written for a person with nothing to do. How many were written."""
    if not outbox.email_on(session):
        return 0
    now = now or audit.now()
    local = now.astimezone(LOCAL)
    today = local.date()
    days = outbox.digest_days(session)
    district = district_name(session)

    written = 0
    obligations = None
    for person in outbox.reviewer_addresses(session):
        pref = session.get(NotificationPreference, person.id)
        if local.hour < (pref.digest_hour if pref is not None else 7) or not wants(session, person,
                                                                                   NotificationKind.DIGEST):
            continue
        if obligations is None:
            obligations = compliance.deadlines(session, person.id, today)
        overdue = [o for o in obligations if o.overdue]
        soon = [o for o in obligations if not o.overdue and o.due <= today + timedelta(days=days)]
        if not overdue and not soon:
            break  # the same list for every reviewer: nothing for anyone

        def build(language, texts, person, overdue=overdue, soon=soon):
            dates = letter_texts(Language(language))

            def item(o):
                return texts.fill("digest.item", {"what": texts.get(f"kinds.{o.kind.value}"),
                                                  "subject": one_line(o.subject), "due": dates.format_date(o.due)})

            counts = {"overdue": str(len(overdue)), "soon": str(len(soon)), "days": str(days)}
            sections = [{"title": texts.get(f"digest.{name}"), "items": [item(o) for o in group]}
                        for name, group in (("overdue", overdue), ("soon", soon)) if group]
            return compose(language, person.name, texts.fill("digest.subject", counts),
                           [{"text": texts.fill("digest.body", counts)}], texts.get("digest.open"), sections,
                           district=district)

        before = len(session.new)
        key = f"ta.digest.p{person.id}.{today.isoformat()}"  # once a day per person
        send_to(session, person, NotificationKind.DIGEST, key, build, None, now)
        written += len(session.new) > before
    return written


# --- the yearly notice to the district's mailing list ------------------------------------------------


def send_annual_notice(session: Session, actor_id: int, school_year: int, language: Language) -> str:
    """Queue the yearly notice to families (the same words as the email exported today) to the district's
    mailing-list address, once per school year and language. The address it goes to."""
    import email
    from email import policy

    from .permissions import annual_notice_email

    acting(session, actor_id, *REVIEWERS)
    if not outbox.email_on(session):
        raise Invalid({"mail_host": "Email is not set up: an administrator sets the relay under Settings → Email."})
    address = outbox.family_list(session)
    if not address:
        raise Invalid({"mail_family_list": "Set the district's mailing-list address under Settings → Email first."})
    exported = email.message_from_bytes(annual_notice_email(session, actor_id, school_year, language),
                                        policy=policy.default)
    subject = one_line(str(exported["Subject"]))
    body = exported.get_content().strip()
    paragraphs = [{"text": p} for p in body.split("\n\n")]
    district = district_name(session)
    texts, values = notification_texts(language), {"subject": subject}
    html = compose(Language(language).value, "", texts.fill("annual_notice.subject", values), paragraphs,
                   district=district)
    key = f"ta.annual-notice.{school_year}.{Language(language).value}"
    if not outbox.write(session, key=key, kind="annual_notice", recipient=address, language=Language(language).value,
                        subject=subject, body_text=body + "\n", body_html=html.html):
        raise Invalid({"school_year": "The yearly notice of this school year, in this language, was already sent "
                                      "to the mailing list."})
    return address
