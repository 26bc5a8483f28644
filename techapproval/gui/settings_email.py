"""Settings → Email: the district's relay, the from address, the digest's days and the families' mailing
list; the last errors with "Send again"; "Send a test email". Administrators only (the settings tab is theirs).

Also the desk's own sender: while the app is open on a single desk, `DeskSender` delivers the outbox every
few minutes on a thread of its own, off the UI thread and off the operations' worker.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.letters import Language
from ..domain.notifications import NotificationKind
from ..services import notifications, outbox
from ..services.errors import Invalid, ServiceError
from .common import ErrorLabel, MessageLabel, local_datetime, named
from .context import AppContext
from .i18n import domain_text, translate
from .operations import Operation

SEND_EVERY_MS = 2 * 60 * 1000


class EmailBox(QGroupBox):
    """The email settings, read when the settings page is shown (`refresh`)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(translate("EmailBox", "Email"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "EmailBox",
            "Requests, questions, decisions, renewals and each morning's deadlines are emailed through the "
            "district's mail relay. Email is off until the relay's host is set. The password is kept in the "
            "database, where only the sender reads it (this page never shows it), but anyone who can open the "
            "database file or connect as the app's database user can read it: give the relay an account that "
            "can only send mail, or set TECHAPPROVAL_SMTP_PASSWORD where the sender runs and leave it empty "
            "here. See docs/EMAIL.md."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}

        def add(key: str, title: str, widget: QWidget) -> None:
            named(widget, title)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            error = ErrorLabel(widget, title)
            column.addWidget(error)
            label = QLabel(title + ":")
            label.setBuddy(widget)
            form.addRow(label, holder)
            self.fields[key], self.errors[key] = widget, error

        add("mail_host", translate("EmailBox", "Relay host"), QLineEdit())
        self.fields["mail_host"].setPlaceholderText(translate("EmailBox", "smtp-relay.gmail.com, smtp.office365.com"))
        port = QSpinBox()
        port.setRange(1, 65535)
        port.setValue(587)
        add("mail_port", translate("EmailBox", "Relay port"), port)
        security = QComboBox()
        for value, label in (("starttls", translate("EmailBox", "STARTTLS (port 587)")),
                             ("tls", translate("EmailBox", "TLS from the start (port 465)")),
                             ("none", translate("EmailBox", "None (a relay inside the district network only)"))):
            security.addItem(label, value)
        add("mail_security", translate("EmailBox", "Encryption"), security)
        add("mail_user", translate("EmailBox", "Relay user name"), QLineEdit())
        password = QLineEdit()
        password.setEchoMode(QLineEdit.EchoMode.Password)
        add("mail_password", translate("EmailBox", "Relay password"), password)
        add("mail_from", translate("EmailBox", "From address"), QLineEdit())
        days = QSpinBox()
        days.setRange(0, 365)
        add("mail_digest_days", translate("EmailBox", "Digest: deadlines due within (days)"), days)
        add("mail_family_list", translate("EmailBox", "Families' mailing-list address (yearly notice)"), QLineEdit())

        buttons = QHBoxLayout()
        self.save_button = named(QPushButton(translate("EmailBox", "Save email settings")),
                                 translate("EmailBox", "Save email settings"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        self.test_address = named(QLineEdit(), translate("EmailBox", "Test email address"))
        self.test_address.setPlaceholderText(translate("EmailBox", "Send the test to"))
        buttons.addWidget(self.test_address)
        self.test_button = named(QPushButton(translate("EmailBox", "Send a test email")),
                                 translate("EmailBox", "Send a test email"))
        self.test_button.clicked.connect(self.send_test)
        buttons.addWidget(self.test_button)
        layout.addLayout(buttons)
        self.message = MessageLabel(translate("EmailBox", "Email settings message"))
        layout.addWidget(self.message)

        self.counts = named(QLabel(), translate("EmailBox", "Outbox"))
        layout.addWidget(self.counts)
        failures_label = QLabel(translate("EmailBox", "Last errors:"))
        layout.addWidget(failures_label)
        self.failures = named(QListWidget(), translate("EmailBox", "Last email errors"))
        failures_label.setBuddy(self.failures)
        self.failures.setMaximumHeight(140)
        layout.addWidget(self.failures)
        self.again_button = named(QPushButton(translate("EmailBox", "Send again")),
                                  translate("EmailBox", "Send the failed messages again"))
        self.again_button.clicked.connect(self.send_again)
        layout.addWidget(self.again_button)

    # --- reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.show_settings(self.ctx.call(outbox.email_settings))
        self.show_failures(self.ctx.call(outbox.list_failures), self.ctx.call(outbox.outbox_counts))

    def show_settings(self, view: outbox.EmailSettings) -> None:
        self.fields["mail_host"].setText(view.host)
        self.fields["mail_port"].setValue(view.port)
        security = self.fields["mail_security"]
        security.setCurrentIndex(max(0, security.findData(view.security)))
        self.fields["mail_user"].setText(view.user)
        password = self.fields["mail_password"]
        password.clear()
        if view.password_from_environment:
            hint = translate("EmailBox", "Taken from TECHAPPROVAL_SMTP_PASSWORD")
        elif view.password_stored:
            hint = translate("EmailBox", "A password is kept: type here to replace it")
        else:
            hint = translate("EmailBox", "No password kept")
        password.setPlaceholderText(hint)
        self.fields["mail_from"].setText(view.from_address)
        self.fields["mail_digest_days"].setValue(view.digest_days)
        self.fields["mail_family_list"].setText(view.family_list)

    def show_failures(self, failures: list[outbox.FailedMessage], counts: dict[str, int]) -> None:
        self.counts.setText(translate("EmailBox", "Waiting: {pending}. Sent: {sent}. Failed: {failed}.")
                            .format(**counts))
        self.failures.clear()
        for f in failures:
            state = (translate("EmailBox", "failed") if f.status == "failed"
                     else translate("EmailBox", "to be tried again"))
            self.failures.addItem(f"{local_datetime(f.created_at)} \u2014 {f.recipient} \u2014 {state} "
                                  f"({f.attempts}): {f.last_error}")
        if not failures:
            self.failures.addItem(translate("EmailBox", "No errors."))
        self.again_button.setEnabled(counts.get("failed", 0) > 0)

    # --- changing --------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {
            "mail_host": self.fields["mail_host"].text(),
            "mail_port": str(self.fields["mail_port"].value()),
            "mail_security": self.fields["mail_security"].currentData(),
            "mail_user": self.fields["mail_user"].text(),
            "mail_from": self.fields["mail_from"].text(),
            "mail_digest_days": str(self.fields["mail_digest_days"].value()),
            "mail_family_list": self.fields["mail_family_list"].text(),
        }

    def save(self) -> bool:
        password = self.fields["mail_password"].text() or None  # empty: keep the one stored
        for error in self.errors.values():
            error.show_message(None)
        try:
            view = self.ctx.call(outbox.update_email_settings, self.values(), password)
        except Invalid as exc:
            for key, text in exc.errors.items():
                (self.errors.get(key) or self.errors["mail_host"]).show_message(text)
            self.message.say(exc)
            return False
        except ServiceError as exc:
            self.message.say(exc)
            return False
        self.show_settings(view)
        self.message.say(translate("EmailBox", "Email settings saved."))
        return True

    def send_test(self) -> None:
        """Save what is typed, then send one message through the relay, off the UI thread."""
        from ..mail import send_test_email

        if not self.save():
            return
        address = self.test_address.text().strip() or self.ctx.person.email
        self.message.say(translate("EmailBox", "Sending a test email to {address}\u2026").format(address=address))

        def done(problem: str | None) -> None:
            if problem is None:
                self.message.say(translate("EmailBox", "The relay accepted the test email to {address}.")
                                 .format(address=address))
            else:
                self.message.say(translate("EmailBox", "The test email was not sent: {problem}")
                                 .format(problem=problem))

        Operation.on_backend(self, self.ctx, lambda backend: backend.long_run(send_test_email, self.ctx.person.id,
                                                                              address)) \
            .busy(self.test_button, self.save_button).success(done).failure(self.message.say).run()

    def send_again(self) -> None:
        def done(count: int) -> None:
            self.message.say(translate("EmailBox", "{count} message(s) will be sent again.").format(count=count))
            self.refresh()
            DeskSender.nudge()

        Operation(self, self.ctx, outbox.retry_failed).busy(self.again_button).success(done) \
            .failure(self.message.say).run()


REVIEWERS_KINDS = (NotificationKind.SUBMITTED, NotificationKind.RENEWAL, NotificationKind.DIGEST)


class NotificationsDialog(QDialog):
    """File → My email notifications: each person's language, the kinds they want, their digest's hour."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(translate("NotificationsDialog", "My email notifications"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        current = ctx.call(notifications.my_preferences)
        self.language = named(QComboBox(), translate("NotificationsDialog", "Language of my emails"))
        for language in Language:
            self.language.addItem(language.label, language.value)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language.value)))
        label = QLabel(translate("NotificationsDialog", "Language of my emails:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        self.kinds: dict[NotificationKind, QCheckBox] = {}
        for kind in NotificationKind:
            if kind in REVIEWERS_KINDS and not ctx.is_reviewer:
                continue
            box = named(QCheckBox(domain_text(kind.label)), domain_text(kind.label))
            box.setChecked(kind not in current.turned_off)
            layout.addWidget(box)
            self.kinds[kind] = box
        self.hour = named(QSpinBox(), translate("NotificationsDialog", "Hour of my morning digest"))
        self.hour.setRange(0, 23)
        self.hour.setSuffix(":00")
        self.hour.setValue(current.digest_hour)
        if ctx.is_reviewer:
            hour_label = QLabel(translate("NotificationsDialog", "Hour of my morning digest:"))
            hour_label.setBuddy(self.hour)
            form.addRow(hour_label, self.hour)
        else:
            self.hour.hide()
        self.message = MessageLabel(translate("NotificationsDialog", "Notifications message"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        for which, name in ((QDialogButtonBox.StandardButton.Save, translate("NotificationsDialog", "Save")),
                            (QDialogButtonBox.StandardButton.Cancel, translate("NotificationsDialog", "Cancel"))):
            named(buttons.button(which), name)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        off = frozenset(kind for kind, box in self.kinds.items() if not box.isChecked())
        try:
            self.ctx.call(notifications.set_my_preferences, Language(self.language.currentData()), off,
                          self.hour.value())
        except ServiceError as exc:
            self.message.say(exc)
            return
        self.accept()


class DeskSender(QObject):
    """On a single desk, while the app is open: deliver the outbox every SEND_EVERY_MS on a thread of its own
    (the same `send_due` the scheduled task and the district server run; their claims keep them apart)."""

    sent = Signal(object)  # the SendReport, back on the UI thread
    _current: DeskSender | None = None

    def __init__(self, backend, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self, interval=SEND_EVERY_MS)
        self.timer.timeout.connect(self.send_now)
        self.first = QTimer(self, singleShot=True, interval=5_000)  # soon after start, not during it
        self.first.timeout.connect(self.send_now)
        DeskSender._current = self

    @classmethod
    def start_for(cls, backend, parent: QObject | None = None) -> DeskSender | None:
        """Start sending for a single desk (its own SQLite database); None in district mode, where the district
        server (or a scheduled `send-notifications`) sends for everyone."""
        db = getattr(backend, "db", None)
        if db is None or db.url.get_backend_name() != "sqlite":
            return None
        sender = cls(backend, parent)
        sender.timer.start()
        sender.first.start()
        return sender

    @classmethod
    def nudge(cls) -> None:
        if cls._current is not None:
            cls._current.send_now()

    def send_now(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self._run, name="techapproval mail", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from ..mail import send_due

        try:
            report = send_due(self.backend.db)
        except Exception:  # noqa: BLE001 - a database that is busy or gone: the next tick tries again
            return
        try:
            self.sent.emit(report)
        except RuntimeError:  # the window closed meanwhile
            pass

    def stop(self) -> None:
        self.timer.stop()
        self.first.stop()

    def wait(self, timeout: float = 30) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
