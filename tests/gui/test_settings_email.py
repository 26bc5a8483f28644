"""Settings → Email, driven as an administrator does: set the relay, send a test email to a real SMTP
server on loopback, see the last errors and send again."""

from __future__ import annotations

import ssl

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QListWidget, QSpinBox

from techapproval.services import outbox
from tests.helpers import submitted_request
from tests.mail_server import PASSWORD, USER, MailServer

from .conftest import choose, click, find, open_main, settle, type_into


def test_an_administrator_sets_email_sends_a_test_and_sends_again(qtbot, signed_in, district, monkeypatch):
    server = MailServer("starttls").start()
    monkeypatch.setattr(ssl, "create_default_context", lambda *a, **k: server.client_context)
    try:
        window = open_main(qtbot, signed_in(district.admin))
        window.tabs.setCurrentWidget(window.pages["settings"])
        settle()
        type_into(qtbot, window, "Relay host", "127.0.0.1")
        find(window, "Relay port", QSpinBox).setValue(server.port)
        choose(qtbot, window, "Encryption", "STARTTLS (port 587)")
        type_into(qtbot, window, "Relay user name", USER)
        type_into(qtbot, window, "Relay password", PASSWORD)
        type_into(qtbot, window, "From address", "not an address")
        click(qtbot, window, "Save email settings")
        assert "is not an email address" in find(window, "From address error").text()
        find(window, "From address").clear()
        type_into(qtbot, window, "From address", "techapproval@riverside.example")
        click(qtbot, window, "Save email settings")
        assert find(window, "Email settings message").text() == "Email settings saved."
        assert find(window, "Relay password").text() == ""  # never shown again
        assert "A password is kept" in find(window, "Relay password").placeholderText()
        with district.db.transaction() as s:
            assert outbox.relay(s).password == PASSWORD

        type_into(qtbot, window, "Test email address", "it@riverside.example")
        click(qtbot, window, "Send a test email")
        settle()
        assert "accepted the test email" in find(window, "Email settings message").text()
        assert server.inbox.received[-1].envelope_to == ["it@riverside.example"]

        # A message the relay refuses for good shows among the last errors, and goes again on request.
        from techapproval.mail import send_due

        submitted_request(district)
        server.inbox.handler_fail.append(554)
        send_due(district.db, ssl_context=server.client_context, digests=False)
        window.email_box.refresh()
        errors = find(window, "Last email errors", QListWidget)
        assert "554" in errors.item(0).text() and "failed" in errors.item(0).text()
        click(qtbot, window, "Send the failed messages again")
        settle()
        assert "1 message(s) will be sent again" in find(window, "Email settings message").text()
        assert send_due(district.db, ssl_context=server.client_context, digests=False).sent == 1
        assert find(window, "Encryption", QComboBox).currentData() == "starttls"
    finally:
        server.stop()


def test_a_teacher_chooses_spanish_and_turns_off_decisions(qtbot, signed_in, district):
    from techapproval.domain.letters import Language
    from techapproval.domain.notifications import NotificationKind
    from techapproval.gui.settings_email import NotificationsDialog
    from techapproval.services import notifications

    from .conftest import when_dialog_opens

    window = open_main(qtbot, signed_in(district.teacher))

    def act(dialog):
        choose(qtbot, dialog, "Language of my emails", "Español")
        box = find(dialog, "My request was decided", QCheckBox)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert not box.isChecked()
        offered = {b.text() for b in dialog.findChildren(QCheckBox)}
        assert "A renewal waits for review" not in offered and "My request was decided" in offered
        click(qtbot, dialog, "Save")

    problems = when_dialog_opens(NotificationsDialog, act)
    window.email_preferences()
    assert problems == []
    assert window.statusBar().currentMessage() == "Your email notifications are saved."
    with district.db.transaction() as s:
        mine = notifications.my_preferences(s, district.teacher)
    assert mine.language is Language.ES and mine.turned_off == {NotificationKind.DECIDED}


def test_a_reviewer_sends_the_yearly_notice_to_the_mailing_list(qtbot, signed_in, district):
    from sqlalchemy import select

    from techapproval.db.models import OutboxMessage
    from techapproval.services import settings
    from tests.mail_server import configure

    configure(district, mail_family_list="families@lists.riverside.example")
    with district.db.transaction() as s:
        settings.update_settings(s, district.admin, {"contracts_website": "https://riverside.example/contracts"})
    main = open_main(qtbot, signed_in(district.reviewer))
    main.tabs.setCurrentWidget(main.deadlines_page)
    settle()
    click(qtbot, main, "Send yearly notice to the mailing list")
    assert "families@lists.riverside.example" in find(main, "Yearly notice file message").text()
    click(qtbot, main, "Send yearly notice to the mailing list")
    assert "already sent" in find(main, "Yearly notice file message").text()
    with district.db.transaction() as s:
        assert s.scalars(select(OutboxMessage.recipient)).all() == ["families@lists.riverside.example"]


def test_a_single_desk_sends_while_open_and_a_server_desk_does_not(district, tmp_path):
    from techapproval.gui.settings_email import DeskSender
    from techapproval.services.backend import LocalBackend

    class ServerDesk:  # a backend over a district server: no database of its own
        pass

    assert DeskSender.start_for(ServerDesk()) is None
    backend = LocalBackend(district.db)
    sender = DeskSender.start_for(backend)
    if sender is not None:
        sender.stop()
    if district.db.url.get_backend_name() != "sqlite":
        assert sender is None
        return
    server = MailServer("none").start()
    try:
        from tests.mail_server import configure

        configure(district, server)
        submitted_request(district)
        sender.stop()
        sender.send_now()
        sender.wait()
        assert [r.envelope_to for r in server.inbox.received][:1] == [["reviewer@riverside.example"]]
    finally:
        server.stop()
