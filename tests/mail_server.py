"""A real SMTP server on loopback for the mail tests: aiosmtpd, with STARTTLS or TLS from a trustme
certificate authority, and AUTH with one user. Each test starts its own."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

aiosmtpd = pytest.importorskip("aiosmtpd", reason="the mail tests need aiosmtpd (uv sync --dev)")
trustme = pytest.importorskip("trustme", reason="the mail tests need trustme (uv sync --dev)")

from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

USER, PASSWORD = "relay-user@riverside.example", "relay secret 42"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Received:
    envelope_to: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    handler_fail: list[int] = field(default_factory=list)  # SMTP codes to answer DATA with, one per message
    received: list[Received] = field(default_factory=list)
    stall_after: int | None = None  # after receiving this many, hold the answer (a relay that hangs)
    stalled: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.handler_fail:
            return f"{self.handler_fail.pop(0)} not now"
        self.received.append(Received(list(envelope.rcpt_tos),
                                      message_from_bytes(envelope.original_content or envelope.content,
                                                         policy=policy.default)))
        if self.stall_after is not None and len(self.received) == self.stall_after:
            self.stalled.set()
            await asyncio.sleep(15)
        return "250 OK"

    def ids(self) -> list[str]:
        return [r.message["Message-ID"] for r in self.received]


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER \
        and auth_data.password.decode() == PASSWORD
    return AuthResult(success=ok, handled=False)


class MailServer:
    """aiosmtpd on 127.0.0.1: `security` is "starttls" (required, with AUTH), "tls" (TLS from the start, with
    AUTH) or "none" (no AUTH). `client_context` trusts its certificate."""

    def __init__(self, security: str = "starttls"):
        self.security = security
        self.port = free_port()
        self.inbox = Inbox()
        self.ca = trustme.CA()
        cert = self.ca.issue_cert("127.0.0.1", "localhost")
        self.server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(self.server_context)
        self.client_context = ssl.create_default_context()
        self.ca.configure_trust(self.client_context)
        self.controller: Controller | None = None

    def start(self) -> MailServer:
        kwargs: dict = {}
        if self.security == "starttls":
            kwargs = dict(tls_context=self.server_context, require_starttls=True, auth_required=True,
                          authenticator=_authenticator)
        elif self.security == "tls":
            kwargs = dict(ssl_context=self.server_context, server_hostname="127.0.0.1", auth_required=True,
                          authenticator=_authenticator, auth_require_tls=False)
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, ready_timeout=5, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def settings(self) -> dict[str, str]:
        """The email settings that reach this server."""
        values = {"mail_host": "127.0.0.1", "mail_port": str(self.port), "mail_security": self.security,
                  "mail_from": "techapproval@riverside.example"}
        if self.security != "none":
            values["mail_user"] = USER
        return values


def configure(district, server: MailServer | None = None, **extra: str) -> None:
    """Turn email on for the district (towards `server`, or a port where nobody listens)."""
    from techapproval.services import outbox

    values = server.settings() if server else {"mail_host": "127.0.0.1", "mail_port": str(free_port()),
                                               "mail_security": "none",
                                               "mail_from": "techapproval@riverside.example"}
    values.update(extra)
    with district.db.transaction() as s:
        outbox.update_email_settings(s, district.admin, values,
                                     password=PASSWORD if server and server.security != "none" else None)
