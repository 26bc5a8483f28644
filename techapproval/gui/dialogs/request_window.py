"""One request: the form (editable while it is the requester's draft or returned to them), the
conversation, the history, and the actions the signed-in person may take now."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.enums import Decision, RequestStatus
from ...domain.validation import FIELD_LABELS, RequestForm
from ...domain.workflow import EDITABLE, Action
from ...services import catalog, printing
from ...services import requests as svc
from ...services.errors import Conflict, Invalid, ServiceError
from ..common import ErrorLabel, local_date, local_datetime, named, show_problem
from ..context import AppContext
from ..models.tables import badge
from ..recovery import DraftStore, Recovered, as_text, is_blank
from ..widgets.decision_panel import DecisionPanel
from ..widgets.permissions import ParentalPermissionsBox
from ..widgets.request_form import RequestFormWidget

AUTOSAVE_MS = 700
JOURNAL_MS = 300  # what is typed reaches this computer's recovery journal this soon, database or not
RETRY_MS = 2_000  # while the database does not answer, the draft is tried again after this, then less often
RETRY_MAX_MS = 60_000
UNREACHABLE = ("\u26a0 Cannot reach the database; your text is kept on this computer and will be saved when it"
               " answers.")
MATCH_DELAY_MS = 300
HISTORY_FIELDS = {**FIELD_LABELS, "status": "Status", "decision": "Decision", "permission": "Permission",
                  "reason": "Reason", "not_used_by_students": "Not used by students"}


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "\u2026"


def describe_changes(changes: dict) -> str:
    parts = []
    for key, value in changes.items():
        label = HISTORY_FIELDS.get(key, key.replace("_", " ").capitalize())
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            parts.append(f"{label}: {_short(new)}" if old in (None, "") else
                         f"{label}: {_short(old)} \u2192 {_short(new)}")
        else:
            parts.append(f"{label}: {_short(value)}")
    return "; ".join(parts)


class RequestWindow(QDialog):
    changed = Signal(int)  # the request id, after anything was saved

    def __init__(self, ctx: AppContext, request_id: int | None = None, parent: QWidget | None = None,
                 recovered: Recovered | None = None):
        """`recovered`: a journal found on this computer, for this request (or a new one) and this person."""
        super().__init__(parent)
        self.ctx = ctx
        self.request_id = request_id
        self.detail: svc.RequestDetail | None = None
        self._dirty = False
        # What is typed is kept on this computer until the database has it (see ..recovery).
        self.journal = DraftStore.for_database(ctx.db.url, ctx.person.id).journal(
            request_id, recovered.token if recovered else None)
        self.recovered: Recovered | None = None  # a journal this window shows, recovered or read-only
        self._kept_locally = True  # the last write of the journal worked
        self._database_problem: DatabaseProblem | None = None  # why the last save did not reach the database
        self._retry_ms = RETRY_MS
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1150, 780)

        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_now)
        self.match_timer = QTimer(self, singleShot=True, interval=MATCH_DELAY_MS)
        self.match_timer.timeout.connect(self.refresh_matches)
        self.journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self.journal_timer.timeout.connect(self.keep_locally)
        self.retry = QTimer(self, singleShot=True)
        self.retry.timeout.connect(self.save_now)

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        named(self.heading, "Request heading")
        layout.addWidget(self.heading)
        self.status = named(QLabel(), "Status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._build_recovered_box()
        layout.addWidget(self.recovered_box)

        splitter = QSplitter()
        self.tabs = named(QTabWidget(), "Request sections")
        self.form = RequestFormWidget()
        self.form.edited.connect(self._on_edit)
        self.form.matchInputsEdited.connect(self.match_timer.start)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps instead
        scroll.setWidget(self.form)
        self.tabs.addTab(scroll, "&Form")
        self.conversation = named(QPlainTextEdit(), "Conversation")
        self.conversation.setReadOnly(True)
        self.tabs.addTab(self.conversation, "&Conversation")
        self.history = named(QTreeWidget(), "History")
        self.history.setHeaderLabels(["When", "Who", "What", "Changes"])
        self.history.header().setAccessibleName("History columns")
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.tabs.addTab(self.history, "&History")
        splitter.addWidget(self.tabs)

        side = QWidget()
        self.side = QVBoxLayout(side)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(side)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll = side_scroll
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self._build_requester_panel()
        self._build_reviewer_panel()
        # Wide enough for the decision choices' full wording, which must not be cut.
        scrollbar = side_scroll.verticalScrollBar().sizeHint().width()
        side_scroll.setMinimumWidth(max(360, side.sizeHint().width() + scrollbar))
        self.decision_summary = named(QLabel(), "Decision")
        self.decision_summary.setWordWrap(True)
        self.decision_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.decision_summary.setFrameShape(QLabel.Shape.StyledPanel)
        self.side.addWidget(self.decision_summary)
        self.permissions = ParentalPermissionsBox(ctx)
        self.permissions.changed.connect(self.reload)  # the history tab shows each change
        self.side.addWidget(self.permissions)
        self.side.addStretch(1)

        buttons = QHBoxLayout()
        self.print_button = named(QPushButton("&Print\u2026"), "Print decision")
        self.pdf_button = named(QPushButton("Save as P&DF\u2026"), "Save as PDF")
        self.close_button = named(QPushButton("Close"), "Close")
        self.print_button.clicked.connect(self.print_decision)
        self.pdf_button.clicked.connect(self.save_decision_pdf)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_decision)

        self.reload()
        if recovered is None and request_id is not None:
            recovered = self.journal.read()  # this window was closed while the database did not answer
        if recovered is not None:
            self._recover(recovered)

    # --- panels -----------------------------------------------------------------------------

    def _build_requester_panel(self) -> None:
        self.requester_box = QGroupBox("Your request")
        box = QVBoxLayout(self.requester_box)
        self.submit_button = named(QPushButton("&Submit request"), "Submit request")
        self.submit_button.clicked.connect(self.submit)
        box.addWidget(self.submit_button)
        self.answer_label = QLabel("The reviewer asked a question (see Conversation). "
                                   "Change the form if needed, answer here, and resubmit:")
        self.answer_label.setWordWrap(True)
        self.answer = named(QPlainTextEdit(), "Your answer")
        self.answer.setTabChangesFocus(True)
        self.answer.setMaximumHeight(self.answer.fontMetrics().lineSpacing() * 6 + 12)
        self.answer_label.setBuddy(self.answer)
        self.answer_error = ErrorLabel(self.answer, "Your answer")
        self.resubmit_button = named(QPushButton("Send answer and &resubmit"), "Send answer and resubmit")
        self.resubmit_button.clicked.connect(self.resubmit)
        for w in (self.answer_label, self.answer, self.answer_error, self.resubmit_button):
            box.addWidget(w)
        self.withdraw_button = named(QPushButton("&Withdraw request"), "Withdraw request")
        self.withdraw_button.clicked.connect(self.withdraw)
        box.addWidget(self.withdraw_button)
        self.side.addWidget(self.requester_box)

    def _build_recovered_box(self) -> None:
        self.recovered_box = QGroupBox("Recovered from this computer")
        box = QVBoxLayout(self.recovered_box)
        self.recovered_note = named(QLabel(), "Recovered input")
        self.recovered_note.setTextFormat(Qt.TextFormat.PlainText)
        self.recovered_note.setWordWrap(True)
        self.recovered_text = named(QPlainTextEdit(), "Recovered text")
        self.recovered_text.setReadOnly(True)
        self.recovered_text.setTabChangesFocus(True)
        self.recovered_text.setMaximumHeight(self.recovered_text.fontMetrics().lineSpacing() * 8 + 12)
        buttons = QHBoxLayout()
        self.copy_recovered_button = named(QPushButton("Copy recovered text"), "Copy recovered text")
        self.copy_recovered_button.clicked.connect(
            lambda: QApplication.clipboard().setText(self.recovered_text.toPlainText()))
        self.discard_recovered_button = named(QPushButton("Discard recovered text"), "Discard recovered text")
        self.discard_recovered_button.clicked.connect(self.discard_recovered)
        buttons.addWidget(self.copy_recovered_button)
        buttons.addWidget(self.discard_recovered_button)
        buttons.addStretch(1)
        box.addWidget(self.recovered_note)
        box.addWidget(self.recovered_text)
        box.addLayout(buttons)
        self.recovered_box.hide()

    def _build_reviewer_panel(self) -> None:
        self.contract_status = named(QLabel(), "Contract status")
        self.contract_status.setTextFormat(Qt.TextFormat.PlainText)
        self.contract_status.setWordWrap(True)
        self.contract_status.setFrameShape(QLabel.Shape.StyledPanel)
        self.side.addWidget(self.contract_status)
        self.decision_panel = DecisionPanel()
        self.decision_panel.decideClicked.connect(self.decide)
        self.side.addWidget(self.decision_panel)
        self.question_box = QGroupBox("Ask the requester")
        box = QVBoxLayout(self.question_box)
        self.question = named(QPlainTextEdit(), "Question for the requester")
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText("What do you need to know before deciding?")
        self.question.setMaximumHeight(self.question.fontMetrics().lineSpacing() * 5 + 12)
        self.question_error = ErrorLabel(self.question, "Question for the requester")
        self.return_button = named(QPushButton("Return for more &information"), "Return for more information")
        self.return_button.clicked.connect(self.return_for_information)
        for w in (self.question, self.question_error, self.return_button):
            box.addWidget(w)
        self.side.addWidget(self.question_box)

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if self.request_id is not None:
            self.detail = self.ctx.call(svc.get_request, self.request_id)
        d = self.detail
        status = d.status if d else RequestStatus.DRAFT
        own = d is None or d.requester_id == self.ctx.person.id
        editable = own and status in EDITABLE
        actions = set(d.actions) if d else {Action.SUBMIT}

        name = d.form.resource_name if d else ""
        reference = f"Request {d.id}" if d else "New request"
        self.heading.setText(f"{reference}: {name}" if name else reference)
        self.setWindowTitle(f"{reference} \u2014 Staff Request for Approval of Technology Resources")
        self.status.setText(self._status_text(d))
        if d:
            self.form.set_requester(d.requester_name, d.requester_position,
                                    local_date(d.submitted_at) or "not yet submitted")
            if not self._dirty:
                self.form.set_form(d.form)
        else:
            self.form.set_requester(self.ctx.person.name, self.ctx.person.position, "not yet submitted")
        self.form.set_read_only(not editable)

        self.requester_box.setVisible(own and bool(actions & {Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW}))
        self.submit_button.setVisible(Action.SUBMIT in actions)
        for w in (self.answer_label, self.answer, self.resubmit_button):
            w.setVisible(Action.RESUBMIT in actions)
        self.withdraw_button.setVisible(Action.WITHDRAW in actions and d is not None)
        self.decision_panel.setVisible(Action.APPROVE in actions)
        self.compliance = None
        if self.ctx.is_reviewer and d is not None and status is not RequestStatus.DRAFT:
            self.compliance = self.ctx.call(catalog.status_for_request, d.id)
            self.contract_status.setText(
                f"Contract status: {badge(self.compliance.state)}\n{self.compliance.reason}")
        self.contract_status.setVisible(self.compliance is not None)
        self.question_box.setVisible(Action.RETURN in actions)
        decided = d is not None and d.status.is_decided
        self.decision_summary.setVisible(decided)
        if decided:
            self.decision_summary.setText(self._decision_text(d))
        self.permissions.show_request(d)
        printable = d is not None and d.status is not RequestStatus.DRAFT
        self.print_button.setEnabled(printable)
        self.pdf_button.setEnabled(printable)

        self.conversation.setPlainText(self._conversation_text(d))
        self.history.clear()
        for entry in d.history if d else ():
            item = QTreeWidgetItem([local_datetime(entry.at), entry.actor, entry.action.replace("_", " "),
                                    describe_changes(entry.changes)])
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        if d and d.messages and d.status is RequestStatus.RETURNED and own:
            self.tabs.setTabText(1, f"&Conversation ({len(d.messages)})")
        self.refresh_matches()

    def _status_text(self, d: svc.RequestDetail | None) -> str:
        if d is None:
            return "Status: new draft. Your draft is saved as you type."
        text = f"Status: {d.status.label}"
        if d.status is RequestStatus.RETURNED and d.messages:
            text += f". Question from the reviewer: {d.messages[-1].body}"
        elif d.status is RequestStatus.DRAFT:
            text += ". Your draft is saved as you type."
        return text

    def _decision_text(self, d: svc.RequestDetail) -> str:
        lines = ["For Office Use Only", f"\u2612 {d.decision.label}"]
        if d.permission:
            lines.append(f"    \u2612 {d.permission.label}")
        if d.reason:
            lines.append(f"Reason: {d.reason}")
        approver = self.ctx.settings.get("approver_title", "Approver")
        lines.append(f"{approver}: {d.decided_by}, {local_date(d.decided_at)}")
        return "\n".join(lines)

    def _conversation_text(self, d: svc.RequestDetail | None) -> str:
        if not d or not d.messages:
            return "No questions or answers yet."
        verbs = {"question": "asked", "answer": "answered", "comment": "wrote"}
        return "\n\n".join(f"{m.author} {verbs.get(m.kind, 'wrote')} on {local_datetime(m.at)}:\n{m.body}"
                           for m in d.messages)

    # --- recovered input --------------------------------------------------------------------

    def _recover(self, recovered: Recovered) -> None:
        """What was typed here before and never reached the database: back into the form and saved, when
        the request can still be changed; otherwise shown to copy, and nothing in the request is touched."""
        d = self.detail
        if d is not None and d.requester_id != self.ctx.person.id:
            return  # journals are kept per person: never someone else's
        if is_blank(recovered.form) if d is None else recovered.form.cleaned() == d.form.cleaned():
            self.journal.remove()  # the database has it after all
            return
        self.recovered = recovered
        when = local_datetime(recovered.saved_at)
        if d is None or d.status in EDITABLE:
            self.form.set_form(recovered.form)
            self._dirty = True
            self.refresh_matches()
            self.recovered_note.setText(
                f"Recovered what you typed on {when}, which had not reached the database (techapproval closed, "
                "or the database did not answer). Check it: it is saved as your draft like anything you type.")
            for w in (self.recovered_text, self.copy_recovered_button, self.discard_recovered_button):
                w.hide()
            QTimer.singleShot(0, self, self.save_now)
        else:
            self.recovered_note.setText(
                f"What you typed here on {when} never reached the database, and since then this request was "
                f"{d.status.label.lower()}, so it can no longer be changed: nothing in it was overwritten. Your "
                "text is below to copy. It stays on this computer until you discard it.")
            self.recovered_text.setPlainText(as_text(recovered.form))
        self.recovered_box.show()

    def discard_recovered(self) -> None:
        self.journal.remove()
        self.recovered = None
        self.recovered_text.clear()
        self.recovered_box.hide()

    # --- editing ----------------------------------------------------------------------------

    def _on_edit(self) -> None:
        self._dirty = True
        self.journal_timer.start()
        if not self.retry.isActive():  # while the database does not answer, only the retry asks it
            self.autosave.start()

    def keep_locally(self) -> None:
        """Write what the form shows to this computer's recovery journal, until the database has it."""
        self.journal_timer.stop()
        if not self._dirty:
            return
        try:
            self.journal.write(self.form.form())
            self._kept_locally = True
        except OSError:  # a full or read-only disk: the database autosave is all there is
            self._kept_locally = False

    def save_now(self) -> bool:
        """Save the draft; False (and messages by the fields) when something cannot be saved."""
        self.autosave.stop()
        if not self._dirty:
            return True
        form: RequestForm = self.form.form()
        try:
            request_id = self.ctx.call(svc.save_draft, self.request_id, form)
        except Invalid as exc:
            self._database_problem = None
            self.form.show_errors(exc.errors)
            self.status.setText("Not saved: " + "; ".join(exc.errors.values()))
            return False
        except DatabaseProblem as exc:
            self._database_silent(exc)
            return False
        except ServiceError as exc:
            self._database_problem = None
            self.status.setText(f"Not saved: {exc.message}")
            return False
        self.request_id = request_id
        self.journal_timer.stop()
        self.journal.saved(request_id)  # the database has exactly what is on screen
        self._database_answers()
        self._dirty = False
        self.form.show_errors({})
        self.status.setText(f"Draft saved at {datetime.now():%I:%M:%S %p}.")
        self.changed.emit(self.request_id)
        return True

    def _database_silent(self, exc: DatabaseProblem) -> None:
        """The draft did not reach the database: keep it here, say so plainly, and try again, less and less
        often, until the database takes it. The form keeps everything typed."""
        self._database_problem = exc
        self.keep_locally()
        if not self._kept_locally:
            text = (f"\u26a0 Not saved: {exc.title.rstrip('.')}, and your text could not be kept on this computer"
                    " either. Keep this window open: it will be saved when the database answers.")
        elif exc.unreachable:
            text = UNREACHABLE
        else:
            text = (f"\u26a0 Not saved: {exc.title.rstrip('.')}. Your text is kept on this computer and will be "
                    "saved when the database accepts it.")
        self.status.setText(text)
        self.status.setToolTip(f"{exc.title}: {exc.message}")
        self.status.setAccessibleDescription(self.status.toolTip())
        self.retry.start(self._retry_ms)
        self._retry_ms = min(self._retry_ms * 2, RETRY_MAX_MS)

    def _database_answers(self) -> None:
        self._database_problem = None
        self.retry.stop()
        self._retry_ms = RETRY_MS
        self.status.setToolTip("")
        self.status.setAccessibleDescription("")

    def refresh_matches(self) -> None:
        if not self.form.resource_name.isEnabled() or self.form.resource_name.isReadOnly():
            self.form.show_matches("")
            return
        matches = self.ctx.call(catalog.find_matches, self.form.resource_name.text(), self.form.resource_link.text())
        if not matches:
            self.form.show_matches("")
            return
        lines = ["The district has already decided on a resource like this:"]
        for m in matches:
            if m.approved:
                lines.append(f"\u2713 APPROVED: {m.name} ({m.link or 'no link'}), {m.permission.short_label.lower()}"
                             f", since {local_date(m.decided_at)}. You may not need to file this request.")
            else:
                lines.append(f"\u2717 NOT APPROVED on {local_date(m.decided_at)}: {m.name}. Reason: {m.reason}")
        self.form.show_matches("\n".join(lines))

    # --- actions ----------------------------------------------------------------------------

    def _act(self, use_case, *args, **kwargs) -> bool:
        try:
            self.ctx.call(use_case, *args, **kwargs)
        except Conflict as exc:
            QMessageBox.warning(self, "Someone else got there first", exc.message)
            self.reload()
            return False
        except Invalid:
            raise
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return False
        self.reload()
        self.changed.emit(self.request_id)
        return True

    def submit(self) -> None:
        if not self.save_now():
            return
        if self.request_id is None:  # nothing typed at all
            self.save_empty_draft()
        try:
            done = self._act(svc.submit_request, self.request_id)
        except Invalid as exc:
            self.form.show_errors(exc.errors)
            self.status.setText(f"Not submitted yet: {len(exc.errors)} field(s) need attention (marked \u26a0).")
            self.tabs.setCurrentIndex(0)
            if field := self.form.first_error_field():
                field.setFocus()
            return
        if done:
            self.status.setText(f"Status: {RequestStatus.SUBMITTED.label}. The reviewer has been sent your request.")

    def save_empty_draft(self) -> None:
        self.request_id = self.ctx.call(svc.save_draft, None, self.form.form())

    def resubmit(self) -> None:
        if not self.save_now():
            return
        try:
            if self._act(svc.resubmit_request, self.request_id, self.answer.toPlainText()):
                self.answer.clear()
                self.answer_error.show_message(None)
        except Invalid as exc:
            self.form.show_errors(exc.errors)
            self.answer_error.show_message(exc.errors.get("message"))
            self.status.setText("Not resubmitted: " + "; ".join(exc.errors.values()))

    def withdraw(self) -> None:
        answer = QMessageBox.question(self, "Withdraw request",
                                      "Withdraw this request? The reviewer will not decide it.")
        if answer == QMessageBox.StandardButton.Yes:
            self._dirty = False
            if self._act(svc.withdraw_request, self.request_id):
                self.journal.remove()

    def return_for_information(self) -> None:
        try:
            if self._act(svc.return_request, self.request_id, self.question.toPlainText(),
                         expected_version=self.detail.version):
                self.question.clear()
                self.question_error.show_message(None)
        except Invalid as exc:
            self.question_error.show_message(exc.errors.get("message"))

    def decide(self) -> None:
        decision, permission, reason = self.decision_panel.value()
        if decision is Decision.APPROVED and self.compliance and not self.compliance.state.within_law:
            # The law needs a contract before student data flows; approval is still the reviewer's call.
            answer = QMessageBox.warning(
                self, "Approve without a compliant contract?",
                f"{self.detail.form.resource_name}: {badge(self.compliance.state)}. {self.compliance.reason}\n\n"
                "If it will receive student data, the district needs a contract with all eleven provisions "
                "(C.G.S. 10-234bb). After approving, record its contract, or why none is required, under "
                "Approved resources \u2192 Contract coverage.\n\nApprove anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self._act(svc.decide_request, self.request_id, decision, permission, reason,
                      expected_version=self.detail.version)
        except Invalid as exc:
            self.decision_panel.show_errors(exc.errors)
            return
        self.decision_panel.show_errors({})

    def _pdf(self) -> bytes | None:
        try:
            sheet = self.ctx.call(printing.decision_sheet, self.request_id)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return None
        from ..printing import decision_pdf

        return decision_pdf(sheet)

    def print_decision(self) -> None:
        if not self.print_button.isEnabled():
            return
        if (data := self._pdf()) is not None:
            from ..printing import print_pdf

            print_pdf(self, data)

    def save_decision_pdf(self) -> None:
        if (data := self._pdf()) is not None:
            from ..printing import save_pdf

            name = f"request-{self.request_id}-decision.pdf"
            if path := save_pdf(self, data, name):
                self.status.setText(f"Saved {path}")

    def _may_close(self) -> bool:
        """Save first; when that fails, ask. Input the database does not answer for stays in the journal,
        offered at the next start; input the person chose to lose goes."""
        if not self._dirty or self.save_now():
            return True
        if (problem := self._database_problem) is not None:
            kept = ("They are kept on this computer and will be offered again when you next start techapproval."
                    if self._kept_locally else "They could not be kept on this computer either: closing loses them.")
            answer = QMessageBox.question(
                self, "Not in the database yet",
                f"Your last changes are not in the database yet ({problem.title.lower().rstrip('.')}). {kept}\n\n"
                "Close the window now?")
        else:
            answer = QMessageBox.question(
                self, "Not saved", "Your last changes could not be saved (see the messages by the fields). "
                "Close anyway and lose them?")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if problem is None:
            self.journal.remove()
        self._dirty = False  # closed as it is: nothing more is saved from this window
        for timer in (self.autosave, self.journal_timer, self.retry):
            timer.stop()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._may_close():
            event.ignore()
            return
        self.retry.stop()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        # Escape closes a QDialog through done(): save first, like closing the window.
        if not self._may_close():
            return
        self.retry.stop()
        super().done(result)
