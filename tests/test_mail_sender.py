"""The sender against a real SMTP server on loopback (aiosmtpd): STARTTLS or TLS with a trustme certificate,
AUTH, retries after the relay was down, no duplicates, header injection refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from techapproval.db.models import OutboxMessage
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.notifications import HeaderProblem
from techapproval.mail import send_due, send_test_email
from techapproval.mail.sender import build_message
from techapproval.services import outbox
from techapproval.services import requests as svc
from techapproval.services.errors import NotAllowed
from tests.helpers import submitted_request
from tests.mail_server import MailServer, configure


@pytest.fixture
def server():
    s = MailServer("starttls").start()
    yield s
    s.stop()


def send(db, *args, **kwargs):
    """The sender without the morning digest (its own test has it), so counts are the events'."""
    return send_due(db, *args, digests=False, **kwargs)


def statuses(district) -> list[str]:
    with district.db.transaction() as s:
        return list(s.scalars(select(OutboxMessage.status).order_by(OutboxMessage.id)))


def test_every_event_arrives_over_starttls_with_auth(district, server):
    configure(district, server)
    rid = submitted_request(district, resource_name="Kahoot!")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
    report = send(district.db, ssl_context=server.client_context)
    assert (report.sent, report.failed) == (2, 0), report.errors
    to_reviewer, to_teacher = server.inbox.received
    assert to_reviewer.envelope_to == ["reviewer@riverside.example"]
    assert to_teacher.envelope_to == ["teacher@riverside.example"]
    m = to_teacher.message
    assert m["Subject"] == f"Your request {rid} was decided: Kahoot!" and m["Auto-Submitted"] == "auto-generated"
    assert m["From"] == "techapproval <techapproval@riverside.example>"
    assert {p.get_content_type() for p in m.iter_parts()} == {"text/plain", "text/html"}
    assert "Rita Reviewer approved your request" in m.get_body(("plain",)).get_content()
    assert statuses(district) == ["sent", "sent"]
    assert send(district.db, ssl_context=server.client_context).sent == 0  # nothing twice


def test_tls_from_the_start(district):
    server = MailServer("tls").start()
    try:
        configure(district, server)
        submitted_request(district)
        report = send(district.db, ssl_context=server.client_context)
        assert report.sent == 1, report.errors
    finally:
        server.stop()


def test_a_wrong_password_is_said_without_the_password(district, server):
    configure(district, server)
    with district.db.transaction() as s:
        outbox.update_email_settings(s, district.admin, {}, password="not it")
    submitted_request(district)
    report = send(district.db, ssl_context=server.client_context, timeout=5)
    assert report.failed == 1 and report.errors == ["The relay refused the user name or password."]
    assert statuses(district) == ["pending"]  # tried again later


def test_an_untrusted_certificate_is_refused(district, server):
    configure(district, server)
    submitted_request(district)
    report = send(district.db)  # the system's authorities do not know the test CA
    assert report.sent == 0 and "secure connection" in report.errors[0]
    assert server.inbox.received == []


def test_the_relay_down_for_a_while_then_every_message_arrives_once(district, server):
    configure(district, server)
    server.stop()
    for _ in range(3):
        submitted_request(district)
    start = datetime.now(UTC)
    first = send(district.db, start, ssl_context=server.client_context, timeout=5)
    assert first.failed == 3 and "cannot be reached" in first.errors[0]
    assert send(district.db, start + timedelta(seconds=30), ssl_context=server.client_context).sent == 0
    server.start()  # back, on the same port
    later = start + timedelta(minutes=2)  # after the first back-off
    assert send(district.db, later, ssl_context=server.client_context).sent == 3
    assert send(district.db, later + timedelta(hours=7), ssl_context=server.client_context).sent == 0
    ids = server.inbox.ids()
    assert len(ids) == 3 == len(set(ids))
    with district.db.transaction() as s:
        assert [m.attempts for m in s.scalars(select(OutboxMessage))] == [1, 1, 1]


def test_a_message_the_relay_answers_4xx_is_sent_once_on_retry(district, server):
    configure(district, server)
    submitted_request(district)
    server.inbox.handler_fail.append(451)
    start = datetime.now(UTC)
    assert send(district.db, start, ssl_context=server.client_context).failed == 1
    assert send(district.db, start + timedelta(minutes=5), ssl_context=server.client_context).sent == 1
    assert send(district.db, start + timedelta(minutes=9), ssl_context=server.client_context).sent == 0
    assert len(server.inbox.received) == 1


def test_a_sender_killed_mid_batch_loses_nothing(district, server):
    configure(district, server)
    for _ in range(2):
        submitted_request(district)
    now = datetime.now(UTC)
    with district.db.transaction() as s:  # a sender claimed them, then died
        assert len(outbox.claim_due(s, now)) == 2
    assert send(district.db, now + timedelta(minutes=1), ssl_context=server.client_context).sent == 0
    assert send(district.db, now + timedelta(minutes=11), ssl_context=server.client_context).sent == 2


def test_header_injection_and_a_malformed_address_are_refused():
    m = outbox.OutgoingMessage(1, "<x@riverside.example>", "teacher@riverside.example", "en",
                               "Hello\r\nBcc: victim@evil.example", "text", "<p>html</p>", datetime.now(UTC))
    with pytest.raises(HeaderProblem):
        build_message(m, "techapproval@riverside.example")
    bad = outbox.OutgoingMessage(1, "<x@riverside.example>", "teacher@riverside.example, other@evil.example", "en",
                                 "Hello", "text", "<p>html</p>", datetime.now(UTC))
    with pytest.raises(HeaderProblem):
        build_message(bad, "techapproval@riverside.example")


def test_a_typed_line_break_never_reaches_a_header(district, server):
    configure(district, server)
    submitted_request(district, resource_name="Quiz\r\nBcc: victim@evil.example")
    assert send(district.db, ssl_context=server.client_context).sent == 1
    [received] = server.inbox.received
    assert received.envelope_to == ["reviewer@riverside.example"] and received.message["Bcc"] is None


def test_send_again_after_failing_for_good(district, server):
    configure(district, server)
    submitted_request(district)
    server.inbox.handler_fail.append(554)
    assert send(district.db, ssl_context=server.client_context).failed == 1
    assert statuses(district) == ["failed"]
    with district.db.transaction() as s:
        [failure] = outbox.list_failures(s, district.admin)
        assert failure.status == "failed" and "554" in failure.last_error
        assert outbox.retry_failed(s, district.admin) == 1
    assert send(district.db, ssl_context=server.client_context).sent == 1


def test_a_test_email_is_for_administrators(district, server):
    configure(district, server)
    assert send_test_email(district.db, district.admin, "admin@riverside.example",
                           ssl_context=server.client_context) is None
    assert server.inbox.received[0].message["Subject"] == "techapproval test message"
    with pytest.raises(NotAllowed):
        send_test_email(district.db, district.reviewer, "x@riverside.example", ssl_context=server.client_context)
    assert "not an email address" in send_test_email(district.db, district.admin, "nobody",
                                                     ssl_context=server.client_context)


def test_the_command_sends_what_waits(district, server, monkeypatch):
    import ssl

    from techapproval.__main__ import main

    configure(district, server)
    submitted_request(district)
    monkeypatch.setattr(ssl, "create_default_context", lambda *a, **k: server.client_context)
    assert main(["--database", str(district.db.url.render_as_string(hide_password=False)),
                 "send-notifications"]) == 0
    assert any(r.message["Subject"].startswith("Request ") for r in server.inbox.received)


def test_the_morning_digest_is_sent_once(district, server):
    configure(district, server, mail_digest_days="30")
    morning = datetime(2026, 9, 14, 13, 0, tzinfo=UTC)
    first = send_due(district.db, morning, ssl_context=server.client_context)
    assert (first.digests, first.sent) == (1, 1)
    assert send_due(district.db, morning + timedelta(hours=3), ssl_context=server.client_context).digests == 0
    [digest] = server.inbox.received
    assert digest.message["Subject"].startswith("Deadlines:")


def test_a_sender_killed_with_sigkill_mid_batch_loses_nothing(district, db_url):
    """The command sends three messages; the relay holds its answer to the second, and the sender is killed
    then. The first is marked sent and never goes again; the next run (once the claims run out) sends the
    second and the third. The second reached the relay before the kill, so it arrives twice, with one
    Message-ID: the copy mail systems drop. Nothing is lost."""
    import os
    import signal
    import subprocess
    import sys

    server = MailServer("none")
    server.inbox.stall_after = 2
    server.start()
    try:
        configure(district, server)
        for name in ("One", "Two", "Three"):
            submitted_request(district, resource_name=name)
        with district.db.transaction() as s:  # no digest in this batch: the reviewer turned it off
            from techapproval.domain.letters import Language
            from techapproval.domain.notifications import NotificationKind
            from techapproval.services import notifications

            notifications.set_my_preferences(s, district.reviewer, Language.EN,
                                             frozenset({NotificationKind.DIGEST}))
        sender = subprocess.Popen([sys.executable, "-m", "techapproval", "--database", db_url, "send-notifications"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
        try:
            assert server.inbox.stalled.wait(60), "the sender never reached the second message"
        finally:
            sender.send_signal(signal.SIGKILL)
            sender.wait(10)
        assert statuses(district) == ["sent", "pending", "pending"]
        server.inbox.stall_after = None
        assert send(district.db, ssl_context=server.client_context).sent == 0  # still claimed by the dead one
        later = datetime.now(UTC) + timedelta(minutes=11)
        assert send(district.db, later, ssl_context=server.client_context).sent == 2
        assert statuses(district) == ["sent", "sent", "sent"]
        subjects = [r.message["Subject"].rsplit(": ", 1)[1] for r in server.inbox.received]
        assert subjects == ["One", "Two", "Two", "Three"]
        ids = server.inbox.ids()
        assert ids[1] == ids[2] and len(set(ids)) == 3
    finally:
        server.stop()
