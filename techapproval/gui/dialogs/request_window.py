"""One request: the form (editable while it is the requester's draft or returned to them), the
conversation, the history, and the actions the signed-in person may take now."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...domain.enums import (
    Answer,
    ClaimedConformance,
    Decision,
    Grade,
    InfoCategory,
    Permission,
    RequestStatus,
    format_grades,
)
from ...domain.matching import Fit
from ...domain.validation import FIELD_LABELS, RequestForm
from ...domain.workflow import EDITABLE, Action
from ...services import accessibility, catalog, printing, renewals
from ...services import requests as svc
from ...services.errors import Conflict, Invalid, ServiceError
from ..common import ErrorLabel, local_date, local_datetime, named, people_day, show_problem
from ..context import AppContext
from ..i18n import domain_text, translate
from ..models.tables import badge
from ..recovery import DraftStore, Recovered, as_text, is_blank
from ..screen import fit_to_screen, stacked
from ..widgets.decision_panel import DecisionPanel
from ..widgets.permissions import ParentalPermissionsBox
from ..widgets.policy_help import PolicyHelpPanel
from ..widgets.request_form import RequestFormWidget
from .accessibility_review import requester_answers

AUTOSAVE_MS = 700
JOURNAL_MS = 300  # what is typed reaches this computer's recovery journal this soon, database or not
RETRY_MS = 2_000  # while the database does not answer, the draft is tried again after this, then less often
RETRY_MAX_MS = 60_000
UNREACHABLE = QT_TRANSLATE_NOOP(
    "RequestWindow",
    "\u26a0 Cannot reach the database; your text is kept on this computer and will be saved when it answers.")
MATCH_DELAY_MS = 300
HISTORY_FIELDS = {**FIELD_LABELS, "status": QT_TRANSLATE_NOOP("RequestWindow", "Status"),
                  "decision": QT_TRANSLATE_NOOP("RequestWindow", "Decision"),
                  "permission": QT_TRANSLATE_NOOP("RequestWindow", "Permission"),
                  "reason": QT_TRANSLATE_NOOP("RequestWindow", "Reason"),
                  "not_used_by_students": QT_TRANSLATE_NOOP("RequestWindow", "Used by students"),
                  "renewal_of": QT_TRANSLATE_NOOP("RequestWindow", "Approved resource"),
                  "renews_request": QT_TRANSLATE_NOOP("RequestWindow", "Renews request"),
                  "renewal_due_on": QT_TRANSLATE_NOOP("RequestWindow", "Renewal due"),
                  "label": QT_TRANSLATE_NOOP("RequestWindow", "Class or case"),
                  "class_or_case": QT_TRANSLATE_NOOP("RequestWindow", "Class or case"),
                  "expected": QT_TRANSLATE_NOOP("RequestWindow", "Slips expected"),
                  "granted": QT_TRANSLATE_NOOP("RequestWindow", "Permission given"),
                  "refused": QT_TRANSLATE_NOOP("RequestWindow", "Permission refused")}
# The audit trail's event codes for a request (services/requests.py, renewals.py, permissions.py).
HISTORY_ACTIONS = {"draft started": QT_TRANSLATE_NOOP("RequestWindow", "Draft started"),
                   Action.SUBMIT.value: QT_TRANSLATE_NOOP("RequestWindow", "Submitted"),
                   Action.RESUBMIT.value: QT_TRANSLATE_NOOP("RequestWindow", "Resubmitted with answers"),
                   Action.RETURN.value: QT_TRANSLATE_NOOP("RequestWindow", "Returned with a question"),
                   Action.APPROVE.value: QT_TRANSLATE_NOOP("RequestWindow", "Approved"),
                   Action.NOT_APPROVE.value: QT_TRANSLATE_NOOP("RequestWindow", "Not approved"),
                   Action.WITHDRAW.value: QT_TRANSLATE_NOOP("RequestWindow", "Withdrawn"),
                   "renewal opened": QT_TRANSLATE_NOOP("RequestWindow", "Renewal opened"),
                   "permission slips added": QT_TRANSLATE_NOOP("RequestWindow", "Permission slips added"),
                   "permission slips changed": QT_TRANSLATE_NOOP("RequestWindow", "Permission slips changed"),
                   "permission slips removed": QT_TRANSLATE_NOOP("RequestWindow", "Permission slips removed")}
# Fields whose stored value is an enum's value (a list of them, comma-separated, for grades and information).
_ENUM_FIELDS = {"status": RequestStatus, "decision": Decision, "student_accounts": Answer,
                "download_required": Answer, "app_requires_parental_permission": Answer, "acr_available": Answer,
                "claimed_conformance": ClaimedConformance}
_LIST_FIELDS = {"grades": Grade, "information_shared": InfoCategory}

# The renewal comparison's rows (services/renewals.py names them in English).
COMPARISON_LABELS = (QT_TRANSLATE_NOOP("RequestWindow", "Decision"),
                     QT_TRANSLATE_NOOP("RequestWindow", "Contract status"),
                     QT_TRANSLATE_NOOP("RequestWindow", "Accessibility"),
                     QT_TRANSLATE_NOOP("RequestWindow", "Information shared"),
                     QT_TRANSLATE_NOOP("RequestWindow", "Grades"))


def _short(value) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "\u2026"


NOTHING = "\u2014"  # a value removed


def history_action(code: str) -> str:
    """An audit event's code in people's words."""
    label = HISTORY_ACTIONS.get(code)
    return translate("RequestWindow", label) if label else code.replace("_", " ").capitalize()


def history_value(key: str, value) -> str:
    """One stored value of the audit trail as the form shows it: its labels, Yes or No, a date."""
    if value is None or value == "":
        return ""
    if key == "not_used_by_students":  # shown the way the question reads: "Used by students"
        value = not value
    if isinstance(value, bool):
        return translate("RequestWindow", "Yes") if value else translate("RequestWindow", "No")
    try:
        if key in _ENUM_FIELDS:
            return domain_text(_ENUM_FIELDS[key](value).label)
        if key == "permission":
            return domain_text(Permission(value).short_label)
        if key in _LIST_FIELDS:
            kind = _LIST_FIELDS[key]
            members = [kind(v) for v in str(value).split(",") if v]
            return ", ".join(m.value if kind is Grade else domain_text(m.label) for m in members)
        if key == "renewal_due_on":
            return people_day(date.fromisoformat(value))
    except ValueError:  # a value from an older version of the app: shown as stored
        pass
    return _short(value)


def describe_changes(changes: dict) -> str:
    parts = []
    for key, value in changes.items():
        label = HISTORY_FIELDS.get(key, key.replace("_", " ").capitalize())
        # the domain's field names and this file's own: whichever context knows it
        label = domain_text(label) if key in FIELD_LABELS else translate("RequestWindow", label)
        if isinstance(value, list) and len(value) == 2:
            old, new = (history_value(key, v) for v in value)
            if not old and not new:
                continue  # an empty answer at submission
            parts.append(f"{label}: {new}" if not old else f"{label}: {old} \u2192 {new or NOTHING}")
        else:
            parts.append(f"{label}: {history_value(key, value)}")
    return "; ".join(parts)


def grades_words(grades, staff_only: bool) -> str:
    """ "grades 4–5", "grade 9", "staff use only (not by students)": what an approval covers, or what is asked."""
    if staff_only:
        return translate("RequestWindow", "staff use only (not by students)")
    text = format_grades(grades, False)
    if len(grades) == 1:
        return translate("RequestWindow", "grade {grades}").format(grades=text)
    return translate("RequestWindow", "grades {grades}").format(grades=text)


def approval_words(m: catalog.PriorDecision, asked, asked_staff_only: bool) -> str:
    """An approval found before filing, with what it covers and what differs from what is asked: the
    teacher may not need to file only when the approval covers every grade asked for."""
    values = dict(name=m.name, link=m.link or translate("RequestWindow", "no link"),
                  permission=domain_text(m.permission.short_label).lower(), date=local_date(m.decided_at),
                  approved=grades_words(m.grades, m.not_used_by_students))
    fit = m.fit.fit if m.fit else Fit.NOT_ASKED
    if fit is Fit.UNKNOWN:
        return translate("RequestWindow", "\u2713 APPROVED: {name} ({link}), {permission}, since {date}; the grades "
                         "it was approved for are not recorded. Ask the technology coordinator before relying on "
                         "it.").format(**values)
    if fit is Fit.NOT_ASKED:
        return translate("RequestWindow", "\u2713 APPROVED for {approved}: {name} ({link}), {permission}, since "
                         "{date}. You may not need to file this request if you use it there.").format(**values)
    if fit is Fit.COVERED:
        return translate("RequestWindow", "\u2713 APPROVED for {approved}: {name} ({link}), {permission}, since "
                         "{date}. It covers what you asked for: you may not need to file this request.").format(
            **values)
    missing = m.fit.missing
    values["asked"] = grades_words(list(asked), asked_staff_only)
    if len(missing) == len(set(asked)):
        return translate("RequestWindow", "\u26a0 APPROVED for {approved} only: {name} ({link}), {permission}, "
                         "since {date}. You asked for {asked}: file a request for those grades.").format(**values)
    values["missing"] = grades_words(missing, False)
    return translate("RequestWindow", "\u26a0 APPROVED for {approved} only: {name} ({link}), {permission}, since "
                     "{date}. You asked for {asked}: file a request for {missing}.").format(**values)


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
        self.journal = DraftStore.for_database(ctx.backend.url, ctx.person.id).journal(
            request_id, recovered.token if recovered else None)
        self.recovered: Recovered | None = None  # a journal this window shows, recovered or read-only
        self._kept_locally = True  # the last write of the journal worked
        self._database_problem: DatabaseProblem | None = None  # why the last save did not reach the database
        self._retry_ms = RETRY_MS
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        fit_to_screen(self, 1150, 780)

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
        named(self.heading, translate("RequestWindow", "Request heading"))
        self.heading.setWordWrap(True)  # a long name wraps: it never widens the window past a small screen
        self.status = named(QLabel(), translate("RequestWindow", "Status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        top = QHBoxLayout()  # one line for both: the height is the form's and the decision's
        top.addWidget(self.heading, 2)
        top.addWidget(self.status, 3)
        layout.addLayout(top)
        self._build_renewal_box()
        self._build_recovered_box()

        splitter = QSplitter()
        self.tabs = named(QTabWidget(), translate("RequestWindow", "Request sections"))
        self.form = RequestFormWidget()
        self.form.edited.connect(self._on_edit)
        self.form.matchInputsEdited.connect(self.match_timer.start)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Text wraps; only a window narrower than the form's widest line (200% scale on a small screen) scrolls
        # sideways, instead of cutting the form off.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(self.form)
        # No Tab stop of its own (a nameless one, between the tabs and the first field): Tab goes through the
        # fields, and the area scrolls each into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(scroll, translate("RequestWindow", "&Form"))
        self.conversation = named(QPlainTextEdit(), translate("RequestWindow", "Conversation"))
        self.conversation.setReadOnly(True)
        self.tabs.addTab(self.conversation, translate("RequestWindow", "&Conversation"))
        self.history = named(QTreeWidget(), translate("RequestWindow", "History"))
        self.history.setHeaderLabels([translate("RequestWindow", "When"), translate("RequestWindow", "Who"),
                                      translate("RequestWindow", "What"), translate("RequestWindow", "Changes")])
        self.history.header().setAccessibleName(translate("RequestWindow", "History columns"))
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        self.tabs.addTab(self.history, translate("RequestWindow", "&History"))
        # A renewal's comparison and recovered text go over the form, not over the whole window: the column
        # of actions keeps its height.
        splitter.addWidget(stacked(translate("RequestWindow", "Request and what goes with it"),
                                   (self.renewal_box, 0), (self.recovered_box, 0), (self.tabs, 1)))

        side = QWidget()
        self.side = QVBoxLayout(side)
        self.side.setContentsMargins(4, 0, 4, 0)  # the scroll area's frame is margin enough
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(side)
        side_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # as the form's: Tab goes straight to the actions
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll = side_scroll
        # Beside the form, under the actions: what policy 3520.13 says about the field in focus (the
        # decision's choices too). The actions keep the height they need (see _fit_policy_help).
        self.policy_help = PolicyHelpPanel()
        self.policy_help.follow(self)
        self.policy_help.toggle.toggled.connect(lambda on: on and self._fit_policy_help(asked=True))
        self.side_splitter = named(QSplitter(Qt.Orientation.Vertical),
                                   translate("RequestWindow", "Actions and policy help"))
        self.side_splitter.addWidget(side_scroll)
        self.side_splitter.addWidget(self.policy_help)
        self.side_splitter.setCollapsible(0, False)
        self.side_splitter.setStretchFactor(1, 1)
        splitter.addWidget(self.side_splitter)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3000, 1000])  # 3:1 from the start too, not by the panels' (long, wrapping) size hints
        layout.addWidget(splitter, 1)

        self._build_requester_panel()
        self._build_reviewer_panel()
        # Wide enough for the decision choices' full wording, which must not be cut; for a requester (a button
        # and wrapping text) about 40 characters, so that the form keeps the room at 200% scale.
        scrollbar = side_scroll.verticalScrollBar().sizeHint().width()
        measured = side if self.ctx.is_reviewer else self.requester_box  # requesters never see the decision
        side_scroll.setMinimumWidth(max(side.fontMetrics().horizontalAdvance("x") * 40,
                                        measured.sizeHint().width() + scrollbar))
        self.decision_summary = named(QLabel(), translate("RequestWindow", "Decision"))
        self.decision_summary.setWordWrap(True)
        self.decision_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.decision_summary.setFrameShape(QLabel.Shape.StyledPanel)
        self.side.addWidget(self.decision_summary)
        self.permissions = ParentalPermissionsBox(ctx)
        self.permissions.changed.connect(self.reload)  # the history tab shows each change
        self.side.addWidget(self.permissions)
        self.side.addStretch(1)

        buttons = QHBoxLayout()
        # No Alt+letter: Ctrl+P prints, and P is the form's "How you plan" (every letter of Print is taken).
        self.print_button = named(QPushButton(translate("RequestWindow", "Print\u2026")),
                                  translate("RequestWindow", "Print decision"), "Ctrl+P")
        self.pdf_button = named(
            QPushButton(translate("RequestWindow", "Sa&ve as PDF\u2026")), translate("RequestWindow", "Save as PDF")
        )
        self.close_button = named(QPushButton(translate("RequestWindow", "Close")), translate("RequestWindow", "Close"))
        self.print_button.clicked.connect(self.print_decision)
        self.pdf_button.clicked.connect(self.save_decision_pdf)
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.policy_help.toggle)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_decision)

        self.reload()
        self._fit_policy_help()
        self._shown_once = False
        if recovered is None and request_id is not None:
            recovered = self.journal.read()  # this window was closed while the database did not answer
        if recovered is not None:
            self._recover(recovered)

    # --- panels -----------------------------------------------------------------------------

    def _fit_policy_help(self, asked: bool = False) -> None:
        """The actions get the height they need, the policy help the rest: a requester's column is mostly help,
        a reviewer's the decision. Where the rest is too little to read (a reviewer on a small screen), the
        help waits, its switch off for this window only, and the actions show whole; once the person
        switches it on (`asked`), it gets a few lines and the actions scroll. The person moves the line."""
        column = (self.side_splitter.height() if self.isVisible()
                  else max(self.height() - 100, 300))  # about the splitter's height once shown
        side = self.side_scroll.widget()
        # Measured as if its scroll bar showed: no width for one, and the text wraps to more lines.
        width = self.side_scroll.viewport().width() - self.side_scroll.verticalScrollBar().sizeHint().width()
        need = (side.heightForWidth(width) if side.hasHeightForWidth() and self.isVisible()
                else side.sizeHint().height()) + 2 * self.side_scroll.frameWidth()
        least = self.policy_help.minimumSizeHint().height()
        shown = self.policy_help.toggle.isChecked()
        room_left = column - need
        if shown and room_left < least and not asked and self.isVisible():  # measured, not estimated
            blocked = self.policy_help.toggle.blockSignals(True)  # not the person's choice: nothing is kept
            self.policy_help.toggle.setChecked(False)
            self.policy_help.toggle.blockSignals(blocked)
            self.policy_help.hide()
            shown = False
        help_height = max(room_left, least) if shown else 0
        self.side_splitter.setSizes([column - help_height, help_height])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:  # once the layout has settled, the column has its height on this screen
            self._shown_once = True
            QTimer.singleShot(0, self, self._fit_policy_help)

    def _build_requester_panel(self) -> None:
        self.requester_box = QGroupBox(translate("RequestWindow", "Your request"))
        box = QVBoxLayout(self.requester_box)
        self.submit_button = named(
            QPushButton(translate("RequestWindow", "&Submit request")), translate("RequestWindow", "Submit request")
        )
        self.submit_button.clicked.connect(self.submit)
        box.addWidget(self.submit_button)
        self.answer_label = QLabel(
            translate(
                "RequestWindow",
                "The reviewer asked a question (see Conversation). "
                "Change the form if needed, answer here, and resubmit:",
            )
        )
        self.answer_label.setWordWrap(True)
        self.answer = named(QPlainTextEdit(), translate("RequestWindow", "Your answer"))
        self.answer.setTabChangesFocus(True)
        self.answer.setMaximumHeight(self.answer.fontMetrics().lineSpacing() * 6 + 12)
        self.answer_label.setBuddy(self.answer)
        self.answer_error = ErrorLabel(self.answer, translate("RequestWindow", "Your answer"))
        self.resubmit_button = named(
            QPushButton(translate("RequestWindow", "Send answer and &resubmit")),
            translate("RequestWindow", "Send answer and resubmit"),
        )
        self.resubmit_button.clicked.connect(self.resubmit)
        for w in (self.answer_label, self.answer, self.answer_error, self.resubmit_button):
            box.addWidget(w)
        self.withdraw_button = named(
            QPushButton(translate("RequestWindow", "Withdraw re&quest")), translate("RequestWindow", "Withdraw request")
        )
        self.withdraw_button.clicked.connect(self.withdraw)
        box.addWidget(self.withdraw_button)
        self.delete_button = named(
            QPushButton(translate("RequestWindow", "Delete draft")), translate("RequestWindow", "Delete draft"),
            translate("RequestWindow", "Deletes this draft: it was never submitted, so nobody else has seen it"))
        self.delete_button.clicked.connect(self.delete_draft)
        box.addWidget(self.delete_button)
        self.side.addWidget(self.requester_box)

    def _build_renewal_box(self) -> None:
        """A renewal's previous decision beside what is true now (services/renewals.py), for the reviewer and
        the staff member alike."""
        self.renewal_box = QGroupBox(translate("RequestWindow", "Renewal: previous decision and what changed"))
        box = QVBoxLayout(self.renewal_box)
        self.renewal_due = named(QLabel(), translate("RequestWindow", "Renewal due date"))
        self.renewal_due.setTextFormat(Qt.TextFormat.PlainText)
        self.renewal_due.setWordWrap(True)
        box.addWidget(self.renewal_due)
        self.renewal_table = named(QTableWidget(0, 4), translate("RequestWindow", "Previous decision and what changed"))
        self.renewal_table.setHorizontalHeaderLabels([
            translate("RequestWindow", "What"), translate("RequestWindow", "Previous"),
            translate("RequestWindow", "Now"), translate("RequestWindow", "Changed")])
        self.renewal_table.horizontalHeader().setAccessibleName(
            translate("RequestWindow", "Renewal comparison columns"))
        self.renewal_table.verticalHeader().setAccessibleName(translate("RequestWindow", "Renewal comparison rows"))
        self.renewal_table.verticalHeader().hide()
        self.renewal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.renewal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.renewal_table.setWordWrap(True)
        self.renewal_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.renewal_table.setTabKeyNavigation(False)  # Tab leaves the table, as in the other lists
        header = self.renewal_table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        # Rows grow to their wrapped text as the window is resized.
        self.renewal_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        box.addWidget(self.renewal_table)
        self.renewal_box.hide()

    def _show_renewal(self, d: svc.RequestDetail | None) -> None:
        if d is None or d.renewal_of_id is None:
            self.renewal_box.hide()
            return
        self.renewal_due.setText(
            translate("RequestWindow", "This approval is due for renewal on {day}.").format(
                day=format_day(d.renewal_due_on))
            if d.renewal_due_on
            else translate("RequestWindow", "This approval was opened for renewal by a reviewer; it has no due date.")
        )
        self.renewal_table.setRowCount(0)
        try:
            rows = self.ctx.call(renewals.renewal_comparison, d.id)
        except (ServiceError, DatabaseProblem) as exc:
            self.renewal_table.hide()
            self.renewal_due.setText(self.renewal_due.text() + "\n" + (exc.message if isinstance(exc, ServiceError)
                                                                         else f"{exc.title}: {exc.message}"))
            self.renewal_box.show()
            return
        same, changed, unknown = (translate("RequestWindow", "Same"), translate("RequestWindow", "\u2731 Changed"),
                                  translate("RequestWindow", "? Not known"))
        self.renewal_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            mark = changed if row.changed else same if row.known else unknown
            for column, text in enumerate((translate("RequestWindow", row.label), row.previous, row.now, mark)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.renewal_table.setItem(i, column, item)
        self.renewal_table.resizeRowsToContents()
        lines = 2 * len(rows) + 2  # room for each row to wrap once, no taller
        self.renewal_table.setFixedHeight(self.renewal_table.fontMetrics().lineSpacing() * lines
                                          + 2 * self.renewal_table.frameWidth() + 8)
        self.renewal_table.show()
        self.renewal_box.show()

    def _build_recovered_box(self) -> None:
        self.recovered_box = QGroupBox(translate("RequestWindow", "Recovered from this computer"))
        box = QVBoxLayout(self.recovered_box)
        self.recovered_note = named(QLabel(), translate("RequestWindow", "Recovered input"))
        self.recovered_note.setTextFormat(Qt.TextFormat.PlainText)
        self.recovered_note.setWordWrap(True)
        self.recovered_text = named(QPlainTextEdit(), translate("RequestWindow", "Recovered text"))
        self.recovered_text.setReadOnly(True)
        self.recovered_text.setTabChangesFocus(True)
        self.recovered_text.setMaximumHeight(self.recovered_text.fontMetrics().lineSpacing() * 8 + 12)
        buttons = QHBoxLayout()
        self.copy_recovered_button = named(
            QPushButton(translate("RequestWindow", "Copy recovered text")),
            translate("RequestWindow", "Copy recovered text"),
        )
        self.copy_recovered_button.clicked.connect(
            lambda: QApplication.clipboard().setText(self.recovered_text.toPlainText())
        )
        self.discard_recovered_button = named(
            QPushButton(translate("RequestWindow", "Discard recovered text")),
            translate("RequestWindow", "Discard recovered text"),
        )
        self.discard_recovered_button.clicked.connect(self.discard_recovered)
        buttons.addWidget(self.copy_recovered_button)
        buttons.addWidget(self.discard_recovered_button)
        buttons.addStretch(1)
        box.addWidget(self.recovered_note)
        box.addWidget(self.recovered_text)
        box.addLayout(buttons)
        self.recovered_box.hide()

    def _build_reviewer_panel(self) -> None:
        self.contract_status = named(QLabel(), translate("RequestWindow", "Contract status"))
        self.contract_status.setTextFormat(Qt.TextFormat.PlainText)
        self.contract_status.setWordWrap(True)
        self.contract_status.setFrameShape(QLabel.Shape.StyledPanel)
        self.side.addWidget(self.contract_status)
        # The tool's accessibility (ADA Title II): its status, what the requester said, and the review.
        self.accessibility_status = named(QLabel(), translate("RequestWindow", "Accessibility status"))
        self.accessibility_status.setTextFormat(Qt.TextFormat.PlainText)
        self.accessibility_status.setWordWrap(True)
        self.accessibility_status.setFrameShape(QLabel.Shape.StyledPanel)
        self.side.addWidget(self.accessibility_status)
        # No Alt+letter: the form and this window take every letter of it; Tab reaches it.
        self.accessibility_button = named(
            QPushButton(translate("RequestWindow", "Accessibility review\u2026")),
            translate("RequestWindow", "Accessibility review"),
            translate("RequestWindow", "Record a review of this tool against WCAG 2.1 Level AA (ADA Title II)"),
        )
        self.accessibility_button.clicked.connect(self.review_accessibility)
        self.side.addWidget(self.accessibility_button)
        self.decision_panel = DecisionPanel()
        self.decision_panel.decideClicked.connect(self.decide)
        self.side.addWidget(self.decision_panel)
        self.question_box = QGroupBox(translate("RequestWindow", "Ask the requester"))
        box = QVBoxLayout(self.question_box)
        self.question = named(QPlainTextEdit(), translate("RequestWindow", "Question for the requester"))
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText(translate("RequestWindow", "What do you need to know before deciding?"))
        self.question.setMaximumHeight(self.question.fontMetrics().lineSpacing() * 3 + 12)
        self.question_error = ErrorLabel(self.question, translate("RequestWindow", "Question for the requester"))
        self.return_button = named(
            QPushButton(translate("RequestWindow", "Ret&urn for more information")),
            translate("RequestWindow", "Return for more information"),
        )
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
        reference = (translate("RequestWindow", "Request {id}").format(id=d.id) if d
                     else translate("RequestWindow", "New request"))
        self.heading.setText(translate("RequestWindow", "{reference}: {name}").format(reference=reference, name=name)
                             if name else reference)
        self.setWindowTitle(
            translate("RequestWindow", "{reference} \u2014 Staff Request for Approval of Technology Resources").format(
                reference=reference
            )
        )
        self.status.setText(self._status_text(d))
        if d:
            self.form.set_requester(
                d.requester_name, d.requester_position,
                local_date(d.submitted_at) or translate("RequestWindow", "not yet submitted")
            )
            if not self._dirty:
                self.form.set_form(d.form)
        else:
            self.form.set_requester(self.ctx.person.name, self.ctx.person.position,
                                    translate("RequestWindow", "not yet submitted"))
        self.form.set_read_only(not editable)

        self.requester_box.setVisible(own and bool(actions & {Action.SUBMIT, Action.RESUBMIT, Action.WITHDRAW}))
        self.delete_button.setVisible(own and status is RequestStatus.DRAFT and d is not None
                                      and d.submitted_at is None)
        self.submit_button.setVisible(Action.SUBMIT in actions)
        for w in (self.answer_label, self.answer, self.resubmit_button):
            w.setVisible(Action.RESUBMIT in actions)
        self.withdraw_button.setVisible(Action.WITHDRAW in actions and d is not None)
        self.decision_panel.setVisible(Action.APPROVE in actions)
        self.compliance = None
        reviewing = self.ctx.is_reviewer and d is not None and status is not RequestStatus.DRAFT
        self.contract_status.setVisible(reviewing)
        self.accessibility_status.setVisible(reviewing)
        self.accessibility_button.setVisible(
            reviewing and (d.status.awaits_reviewer or d.status is RequestStatus.APPROVED))
        if reviewing:  # both read the catalog and contracts: on the worker thread, shown when they come
            from ..operations import Operation

            self.contract_status.setText(translate("RequestWindow", "Contract status: reading\u2026"))
            Operation.reads(self, self.ctx, [(catalog.status_for_request, d.id),
                                             (accessibility.status_for_request, d.id)]) \
                .latest(f"request {d.id} statuses").success(lambda results, d=d: self._show_statuses(d, *results)) \
                .failure(lambda exc: self.contract_status.setText(getattr(exc, "message", str(exc)))).run()
        self._show_renewal(d)
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
            item = QTreeWidgetItem([local_datetime(entry.at), entry.actor, history_action(entry.action),
                                    describe_changes(entry.changes)])
            self.history.addTopLevelItem(item)
        self.history.resizeColumnToContents(0)
        if self.isVisible():  # the actions shown may have changed: the column is shared out again
            self._fit_policy_help()
        if d and d.messages and d.status is RequestStatus.RETURNED and own:
            self.tabs.setTabText(
                1, translate("RequestWindow", "&Conversation ({messages})").format(messages=len(d.messages))
            )
        self.refresh_matches()

    def _show_statuses(self, d: svc.RequestDetail, compliance, access) -> None:
        """For a reviewer: the tool's contract status, its accessibility status and the requester's answers."""
        self.compliance = compliance
        state, reason = compliance.state, compliance.reason
        text = translate("RequestWindow", "Contract status: {state}").format(state=badge(state))
        if reason.rstrip(".").casefold() != state.label.casefold():  # "No contract on file." says it again
            text += "\n" + reason
        self.contract_status.setText(text)
        self.accessibility_status.setText(
            translate("RequestWindow", "Accessibility: {status}").format(status=access.text)
            + "\n" + requester_answers(d.form))
        if self.isVisible():  # longer words in the column: it is shared out again
            self._fit_policy_help()

    def review_accessibility(self) -> None:
        from .accessibility_review import AccessibilityReviewDialog  # on first use

        d = self.detail
        if d is None:
            return
        dialog = AccessibilityReviewDialog(self.ctx, d.form.resource_name, request_id=d.id, requester_form=d.form,
                                           parent=self)
        if dialog.exec():
            self.reload()
            self.changed.emit(self.request_id)

    def _status_text(self, d: svc.RequestDetail | None) -> str:
        if d is None:
            return translate("RequestWindow", "Status: new draft. Your draft is saved as you type.")
        status = domain_text(d.status.label)
        if d.status is RequestStatus.RETURNED and d.messages:
            return translate("RequestWindow", "Status: {status}. Question from the reviewer: {question}").format(
                status=status, question=d.messages[-1].body)
        if d.status is RequestStatus.DRAFT:
            return translate("RequestWindow", "Status: {status}. Your draft is saved as you type.").format(
                status=status)
        return translate("RequestWindow", "Status: {status}").format(status=status)

    def _decision_text(self, d: svc.RequestDetail) -> str:
        lines = [translate("RequestWindow", "For Office Use Only"), f"\u2612 {domain_text(d.decision.label)}"]
        if d.permission:
            lines.append(f"    \u2612 {domain_text(d.permission.label)}")
        if d.reason:
            lines.append(translate("RequestWindow", "Reason: {reason}").format(reason=d.reason))
        approver = self.ctx.settings.get("approver_title", translate("RequestWindow", "Approver"))
        lines.append(f"{approver}: {d.decided_by}, {local_date(d.decided_at)}")
        return "\n".join(lines)

    def _conversation_text(self, d: svc.RequestDetail | None) -> str:
        if not d or not d.messages:
            return translate("RequestWindow", "No questions or answers yet.")
        said = {"question": translate("RequestWindow", "{author} asked on {when}:"),
                "answer": translate("RequestWindow", "{author} answered on {when}:")}
        wrote = translate("RequestWindow", "{author} wrote on {when}:")
        return "\n\n".join(
            said.get(m.kind, wrote).format(author=m.author, when=local_datetime(m.at)) + f"\n{m.body}"
            for m in d.messages
        )

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
                translate(
                    "RequestWindow",
                    "Recovered what you typed on {when}, which had not reached the database (techapproval closed, or "
                    "the database did not answer). Check it: it is saved as your draft like anything you type.",
                ).format(when=when)
            )
            for w in (self.recovered_text, self.copy_recovered_button, self.discard_recovered_button):
                w.hide()
            QTimer.singleShot(0, self, self.save_now)
        else:
            self.recovered_note.setText(
                translate(
                    "RequestWindow",
                    "What you typed here on {when} never reached the database, and since then this request was "
                    "{status}, so it can no longer be changed: nothing in it was overwritten. Your text is below to "
                    "copy. It stays on this computer until you discard it.",
                ).format(when=when, status=domain_text(d.status.label).lower())
            )
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
            self.status.setText(translate("RequestWindow", "Not saved: {errors}").format(
                errors="; ".join(exc.errors.values())))
            return False
        except DatabaseProblem as exc:
            self._database_silent(exc)
            return False
        except ServiceError as exc:
            self._database_problem = None
            self.status.setText(translate("RequestWindow", "Not saved: {message}").format(message=exc.message))
            return False
        self.request_id = request_id
        self.journal_timer.stop()
        self.journal.saved(request_id)  # the database has exactly what is on screen
        self._database_answers()
        self._dirty = False
        self.form.show_errors({})
        self.status.setText(translate("RequestWindow", "Draft saved at {now:%I:%M:%S %p}.").format(now=datetime.now()))
        self.changed.emit(self.request_id)
        return True

    def _database_silent(self, exc: DatabaseProblem) -> None:
        """The draft did not reach the database: keep it here, say so plainly, and try again, less and less
        often, until the database takes it. The form keeps everything typed."""
        self._database_problem = exc
        self.keep_locally()
        if not self._kept_locally:
            text = translate(
                "RequestWindow",
                "\u26a0 Not saved: {problem}, and your text could not be kept on this computer either. Keep this "
                "window open: it will be saved when the database answers.").format(problem=exc.title.rstrip('.'))
        elif exc.unreachable:
            text = translate("RequestWindow", UNREACHABLE)
        else:
            text = translate(
                "RequestWindow",
                "\u26a0 Not saved: {problem}. Your text is kept on this computer and will be saved when the database "
                "accepts it.").format(problem=exc.title.rstrip('.'))
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
        form = self.form.form()
        matches = self.ctx.call(catalog.find_matches, self.form.resource_name.text(), self.form.resource_link.text(),
                                form.grades, form.not_used_by_students)
        if not matches:
            self.form.show_matches("")
            return
        lines = [translate("RequestWindow", "The district has already decided on a resource like this:")]
        for m in matches:
            if m.approved:
                lines.append(approval_words(m, form.grades, form.not_used_by_students))
            else:
                lines.append(translate("RequestWindow", "\u2717 NOT APPROVED on {date}: {name}. Reason: {reason}")
                             .format(date=local_date(m.decided_at), name=m.name, reason=m.reason))
        self.form.show_matches("\n".join(lines))

    # --- actions ----------------------------------------------------------------------------

    def _act(self, use_case, *args, **kwargs) -> bool:
        try:
            self.ctx.call(use_case, *args, **kwargs)
        except Conflict as exc:
            QMessageBox.warning(self, translate("RequestWindow", "Someone else got there first"), exc.message)
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
            self.status.setText(
                translate(
                    "RequestWindow", "Not submitted yet: {errors} field(s) need attention (marked \u26a0)."
                ).format(errors=len(exc.errors))
            )
            self.tabs.setCurrentIndex(0)
            if field := self.form.first_error_field():
                field.setFocus()
            return
        if done:
            self.status.setText(
                translate("RequestWindow", "Status: {label}. The reviewer has been sent your request.").format(
                    label=domain_text(RequestStatus.SUBMITTED.label)
                )
            )

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
            self.status.setText(translate("RequestWindow", "Not resubmitted: {errors}").format(
                errors="; ".join(exc.errors.values())))

    def withdraw(self) -> None:
        answer = QMessageBox.question(
            self,
            translate("RequestWindow", "Withdraw request"),
            translate("RequestWindow", "Withdraw this request? The reviewer will not decide it."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._dirty = False
            if self._act(svc.withdraw_request, self.request_id):
                self.journal.remove()

    def delete_draft(self) -> None:
        answer = QMessageBox.question(
            self,
            translate("RequestWindow", "Delete draft"),
            translate("RequestWindow", "Delete this draft? It was never submitted; what you typed in it is removed "
                                       "and cannot be brought back."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.call(svc.delete_draft, self.request_id)
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return
        self.journal.remove()
        self._dirty = False
        self.autosave.stop()
        self.journal_timer.stop()
        self.retry.stop()
        self.changed.emit(self.request_id)
        self.close()

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
        if decision is Decision.APPROVED and self.compliance is None:  # clicked before its status came
            try:
                self.compliance = self.ctx.call(catalog.status_for_request, self.request_id)
            except (ServiceError, DatabaseProblem) as exc:
                show_problem(self, exc)
                return
        if decision is Decision.APPROVED and self.compliance and not self.compliance.state.within_law:
            # The law needs a contract before student data flows; approval is still the reviewer's call.
            answer = QMessageBox.warning(
                self,
                translate("RequestWindow", "Approve without a compliant contract?"),
                translate(
                    "RequestWindow",
                    "{resource_name}: {status}\n\nIf it will receive student data, the district needs a "
                    "contract with all eleven provisions (C.G.S. 10-234bb). After approving, record its contract, or "
                    "why none is required, under Approved resources \u2192 Contract coverage.\n\nApprove anyway?",
                ).format(
                    resource_name=self.detail.form.resource_name,
                    # the state once, even when the reason starts with it ("No contract on file.")
                    status=f"{self.compliance.state.mark} {catalog.status_words(self.compliance)}",
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
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
                self.status.setText(translate("RequestWindow", "Saved {path}").format(path=path))

    def _may_close(self) -> bool:
        """Save first; when that fails, ask. Input the database does not answer for stays in the journal,
        offered at the next start; input the person chose to lose goes."""
        if not self._dirty or self.save_now():
            return True
        if (problem := self._database_problem) is not None:
            kept = (
                translate("RequestWindow",
                          "They are kept on this computer and will be offered again when you next start techapproval.")
                if self._kept_locally
                else translate("RequestWindow", "They could not be kept on this computer either: closing loses them.")
            )
            answer = QMessageBox.question(
                self,
                translate("RequestWindow", "Not in the database yet"),
                translate(
                    "RequestWindow",
                    "Your last changes are not in the database yet ({problem}). {kept}\n\nClose the window now?",
                ).format(problem=problem.title.lower().rstrip("."), kept=kept),
            )
        else:
            answer = QMessageBox.question(
                self,
                translate("RequestWindow", "Not saved"),
                translate(
                    "RequestWindow",
                    "Your last changes could not be saved (see the messages by the fields). "
                    "Close anyway and lose them?",
                ),
            )
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
