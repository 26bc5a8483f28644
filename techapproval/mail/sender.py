"""The sender: claims the messages due in the outbox, delivers them over one SMTP connection, and marks each
sent or failed (tried again after a back-off) in a transaction of its own.

Nothing is lost: a message leaves the outbox only once the relay has accepted it. Nothing is sent twice by
us: a message is claimed before it is sent, so a second sender running at the same moment skips it, and it is
marked sent as soon as the relay accepts it. A sender killed between the relay's acceptance and that mark
leaves the message to be sent again once its claim runs out, with the same Message-ID, which mail systems
use to drop the copy.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from ..domain.notifications import HeaderProblem, address_problem, checked_header
from ..services import mailings, outbox
from ..services.access import acting
from ..services.outbox import OutgoingMessage, RelayConfig

TIMEOUT = 30  # seconds for the relay to answer


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    digests: int = 0
    errors: list[str] = field(default_factory=list)
    email_off: bool = False


def build_message(m: OutgoingMessage, from_address: str, from_name: str = "techapproval") -> EmailMessage:
    """The RFC 5322 message: text and HTML alternatives, in the person's language. A line break in a header
    value or an address that is not one plain address is refused (HeaderProblem)."""
    for address in (m.recipient, from_address):
        if problem := address_problem(address):
            raise HeaderProblem(problem)
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = formataddr((checked_header(from_name), from_address))
    message["To"] = checked_header(m.recipient)
    message["Subject"] = checked_header(m.subject)
    message["Message-ID"] = checked_header(m.message_id)
    message["Date"] = format_datetime(m.created_at.astimezone(UTC))
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies to an automatic message
    message.set_content(m.body_text, charset="utf-8", cte="quoted-printable")
    message.add_alternative(m.body_html, subtype="html", charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = checked_header(m.language)
    return message


def connect(config: RelayConfig, ssl_context: ssl.SSLContext | None = None, timeout: float = TIMEOUT) -> smtplib.SMTP:
    """An SMTP connection to the relay, encrypted as configured (STARTTLS, or TLS from the start) and signed in
    when a user is set. The certificate is checked against the system's authorities (or `ssl_context`'s)."""
    context = ssl_context or ssl.create_default_context()
    if config.security == "tls":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(config.host, config.port, timeout=timeout)
        if config.security == "starttls":
            smtp.starttls(context=context)
    try:
        smtp.ehlo()
        if config.user:
            offered = smtp.esmtp_features.get("auth", "").upper().split()
            if "PLAIN" in offered:  # over TLS; the one every relay has, and one round trip
                smtp.esmtp_features["auth"] = "PLAIN"
            smtp.login(config.user, config.password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _plain(exc: BaseException, config: RelayConfig | None = None) -> str:
    """What went wrong, in words for Settings → Email, with no password in it."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        text = "The relay refused the user name or password."
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        text = "The relay refused the recipient's address."
    elif isinstance(exc, smtplib.SMTPResponseException):
        text = f"The relay answered {exc.smtp_code}: {exc.smtp_error.decode('utf-8', 'replace')[:200]}"
    elif isinstance(exc, ssl.SSLError):
        text = f"The secure connection to the relay failed ({exc.reason or exc})."
    elif isinstance(exc, OSError):
        text = f"The relay cannot be reached ({exc.strerror or exc})."
    else:
        text = f"{type(exc).__name__}: {exc}"
    if config is not None and config.password:
        text = text.replace(config.password, "****")
    return text


def _permanent(exc: BaseException) -> bool:
    """The relay refused this message itself (a 5xx answer to it), or the message cannot be built."""
    if isinstance(exc, HeaderProblem | smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(exc, smtplib.SMTPResponseException) and 500 <= exc.smtp_code < 600 and not isinstance(
        exc, smtplib.SMTPAuthenticationError)


def send_due(db, now: datetime | None = None, *, limit: int = 50, ssl_context: ssl.SSLContext | None = None,
             digests: bool = True, timeout: float = TIMEOUT) -> SendReport:
    """Write the morning digests that are due, then deliver up to `limit` messages due. Safe to run from
    several places at once and as often as wanted."""
    now = now or datetime.now(UTC)
    report = SendReport()
    with db.transaction() as session:
        config = outbox.relay(session)
        if config is None:
            report.email_off = True
            return report
        if digests:
            report.digests = mailings.queue_digests(session, now)
    with db.transaction() as session:
        claimed = outbox.claim_due(session, now, limit)
    if not claimed:
        return report
    remaining = list(claimed)
    try:
        smtp = connect(config, ssl_context, timeout)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a failed try, in words
        error = _plain(exc, config)
        report.errors.append(error)
        with db.transaction() as session:
            for m in remaining:
                outbox.mark_failed(session, m.id, error, now)
        report.failed += len(remaining)
        return report
    try:
        while remaining:
            m = remaining.pop(0)
            try:
                message = build_message(m, config.from_address)
                smtp.send_message(message)
            except smtplib.SMTPServerDisconnected as exc:
                remaining.insert(0, m)
                raise exc
            except Exception as exc:  # noqa: BLE001
                error = _plain(exc, config)
                report.errors.append(error)
                report.failed += 1
                with db.transaction() as session:
                    outbox.mark_failed(session, m.id, error, now, final=_permanent(exc))
                if not _permanent(exc):
                    smtp.rset()
                continue
            with db.transaction() as session:
                outbox.mark_sent(session, m.id, datetime.now(UTC))
            report.sent += 1
    except Exception as exc:  # noqa: BLE001 - the connection went: the rest wait for the next run
        error = _plain(exc, config)
        report.errors.append(error)
        with db.transaction() as session:
            for m in remaining:
                outbox.mark_failed(session, m.id, error, now)
        report.failed += len(remaining)
    finally:
        try:
            smtp.quit()
        except Exception:  # noqa: BLE001, S110 - the connection may already be gone
            pass
    return report


def send_test_email(db, actor_id: int, to_address: str, *, ssl_context: ssl.SSLContext | None = None,
                    timeout: float = TIMEOUT) -> str | None:
    """"Send a test email": an administrator sends one message straight through the relay as it is set now.
    None when the relay accepted it, else what went wrong in words."""
    from ..domain.enums import Role
    from ..domain.notifications import notification_texts
    from ..services.notifications import compose, district_name, language_of

    with db.transaction() as session:
        actor = acting(session, actor_id, Role.ADMINISTRATOR)
        config = outbox.relay(session)
        if config is None:
            return "Set the relay's host first."
        language = language_of(session, actor)
        district = district_name(session)
        name = actor.name
    texts = notification_texts(language)
    composed = compose(language, name, texts.get("test.subject"),
                       [{"text": texts.fill("test.body", {"district": district or "the district"})}],
                       district=district)
    m = OutgoingMessage(0, f"<ta.test.{outbox.new_key()}@{config.from_address.rpartition('@')[2] or 'invalid'}>",
                        to_address.strip(), language, composed.subject, composed.text, composed.html,
                        datetime.now(UTC))
    try:
        message = build_message(m, config.from_address)
        smtp = connect(config, ssl_context, timeout)
        try:
            smtp.send_message(message)
        finally:
            smtp.quit()
    except HeaderProblem as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001
        return _plain(exc, config)
    return None
