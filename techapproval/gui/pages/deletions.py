"""Deletion of student data at contractors: requests from students, parents or the Board with where each
stands today, and the contracts that have expired without the contractor confirming deletion."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...domain.deletions import DISASTER_RECOVERY_PROVISO, Outcome
from ...services import deletions
from ...services.deletions import DeletionRequestView, ExpiredContractView
from ...services.errors import ServiceError
from ..common import MessageLabel, details_panel, named
from ..context import AppContext
from ..i18n import translate
from ..models.tables import Column, RowTableModel, sorting_proxy
from ..widgets.list_view import ListView
from . import ReadWhenShown


def _state_order(v: DeletionRequestView) -> tuple:
    """Overdue first, then open by due date, then closed."""
    return (0 if v.overdue else 1 if v.is_open else 2, v.due_on.toordinal())


REQUEST_COLUMNS: list[Column[DeletionRequestView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "State"), lambda v: v.state, _state_order),
    Column(QT_TRANSLATE_NOOP("Tables", "Contractor"), lambda v: v.contractor_name),
    Column(QT_TRANSLATE_NOOP("Tables", "Requested by"), lambda v: v.requested_by.label),
    Column(QT_TRANSLATE_NOOP("Tables", "Case reference"), lambda v: v.case_reference),
    Column(QT_TRANSLATE_NOOP("Tables", "Requested"),
           lambda v: format_day(v.requested_on), lambda v: v.requested_on.toordinal()),
    Column(QT_TRANSLATE_NOOP("Tables", "Due"), lambda v: format_day(v.due_on), lambda v: v.due_on.toordinal()),
    Column(QT_TRANSLATE_NOOP("Tables", "What"), lambda v: " ".join(v.what.split())),
]


def _since(v: ExpiredContractView) -> str:
    days = (date.today() - v.expires_on).days
    return f"\u26a0 Expired {days} day{'s' if days != 1 else ''} ago"


EXPIRED_COLUMNS: list[Column[ExpiredContractView]] = [
    Column(QT_TRANSLATE_NOOP("Tables", "Contract"), lambda v: v.label),
    Column(QT_TRANSLATE_NOOP("Tables", "Last day in effect"),
           lambda v: format_day(v.expires_on), lambda v: v.expires_on.toordinal()),
    Column(QT_TRANSLATE_NOOP("Tables", "Deletion"), _since, lambda v: v.expires_on.toordinal()),
]


def request_details(v: DeletionRequestView | None) -> str:
    if v is None:
        return "Select a deletion request to see it in full."
    case = f", case {v.case_reference}" if v.case_reference else ""
    lines = [f"{v.contractor_name}: requested by {v.requested_by.label.lower()}{case}. {v.state}"]
    if v.contract_label:
        lines.append(f"Contract: {v.contract_label}")
    lines.append(f"What to delete: {v.what}")
    if v.note:
        lines.append(f"Note: {v.note}")
    if v.outcome is Outcome.DISASTER_RECOVERY:
        lines.append(DISASTER_RECOVERY_PROVISO)
    return "\n".join(lines)


class DeletionsPage(ReadWhenShown, QWidget):
    changed = Signal()  # a request recorded or closed, or a deletion confirmed: the deadlines moved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "DeletionsPage",
                "Requests that a contractor delete student information, records or content, from a student, a "
                "parent or guardian, or the Board. The contractor deletes within the district's reasonable time "
                "unless a law requires keeping the data or the only copy is an inaccessible disaster-recovery copy. "
                "Requests are kept by case reference, never by a student's name.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.model = RowTableModel(REQUEST_COLUMNS, self)
        self.table = ListView(translate("DeletionsPage", "Deletion requests"), self.close_request, stretch=6)
        self.table.setModel(sorting_proxy(self.model, self))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 2)
        self.details = details_panel(translate("DeletionsPage", "Deletion request details"))
        layout.addWidget(self.details)

        buttons = QHBoxLayout()
        self.record_button = named(
            QPushButton(translate("DeletionsPage", "&Record deletion request\u2026")),
            translate("DeletionsPage", "Record deletion request"),
        )
        self.close_button = named(
            QPushButton(translate("DeletionsPage", "C&lose request\u2026")),
            translate("DeletionsPage", "Close request"),
            translate(
                "DeletionsPage", "Record that the contractor deleted the data, or kept it under the law's exceptions"
            ),
        )
        self.record_button.clicked.connect(self.record_request)
        self.close_button.clicked.connect(self.close_request)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.expired_box = QGroupBox(translate("DeletionsPage", "Expired contracts without confirmed deletion"))
        named(self.expired_box, translate("DeletionsPage", "Expired contracts without confirmed deletion"))
        box = QVBoxLayout(self.expired_box)
        explain = QLabel(
            translate(
                "DeletionsPage",
                "When a contract expires the contractor may keep no student data. Record the day it "
                "confirmed deleting it.",
            )
        )
        explain.setWordWrap(True)
        box.addWidget(explain)
        self.expired_model = RowTableModel(EXPIRED_COLUMNS, self)
        self.expired = ListView(translate("DeletionsPage", "Expired contracts"), self.confirm_deletion, stretch=0)
        self.expired.setModel(sorting_proxy(self.expired_model, self))
        self.expired.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        box.addWidget(self.expired, 1)
        self.expired_summary = named(QLabel(), translate("DeletionsPage", "Expired contracts summary"))
        self.expired_summary.setWordWrap(True)
        box.addWidget(self.expired_summary)
        row = QHBoxLayout()
        self.confirm_button = named(
            QPushButton(translate("DeletionsPage", "C&onfirm deletion\u2026")),
            translate("DeletionsPage", "Confirm deletion"),
            translate("DeletionsPage", "Record the contractor's confirmation that it retains no student data"),
        )
        self.confirm_button.clicked.connect(self.confirm_deletion)
        row.addWidget(self.confirm_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(self.expired_box, 1)

        self.message = MessageLabel(translate("DeletionsPage", "Deletions message"))
        layout.addWidget(self.message)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.expired.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        if not ctx.is_reviewer:
            for widget in (self.record_button, self.close_button, self.confirm_button):
                widget.hide()

    # --- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload both lists (states are for today), keeping the selected rows selected."""
        if not self.ctx.is_reviewer:
            self.message.say(translate("DeletionsPage", "Only a reviewer keeps the deletion requests."))
            self._selection_changed()
            return
        try:
            results = [self.ctx.call(*call) for call in self.reads()]
        except (ServiceError, DatabaseProblem) as exc:
            self.read_failed(exc)
            return
        self.show_rows(*results)

    def reads(self) -> list[tuple]:
        """The use cases this page shows (the main window runs them on the worker thread, then `show_rows`)."""
        return [(deletions.list_deletion_requests,), (deletions.list_expired_unconfirmed,)]

    def read_failed(self, exc) -> None:
        self.message.say(exc)

    def show_rows(self, rows, expired) -> None:
        self.model.set_rows(rows)
        self.expired_model.set_rows(expired)
        self.table.select_first_if_none()  # the tables kept the selected rows if they are still listed
        self.expired.select_first_if_none()
        overdue = sum(v.overdue for v in rows)
        if not expired:
            self.expired_summary.setText(
                translate("DeletionsPage", "\u2714 Every expired contract has its deletion confirmed.")
            )
        else:
            self.expired_summary.setText(
                translate(
                    "DeletionsPage", "\u26a0 {expired} expired contract{value} without confirmed deletion."
                ).format(expired=len(expired), value="s" if len(expired) != 1 else "")
            )
        self.table.setAccessibleDescription(
            translate("DeletionsPage", "{rows} requests, {overdue} overdue").format(rows=len(rows), overdue=overdue)
        )
        self._selection_changed()

    def select_request(self, request_id: int) -> None:
        self.table.select_key_or_first(request_id)
        self._selection_changed()

    def current_request(self) -> DeletionRequestView | None:
        return self.table.current_row()

    def current_contract(self) -> ExpiredContractView | None:
        return self.expired.current_row()

    def _selection_changed(self) -> None:
        v = self.current_request()
        empty = "No deletion requests recorded." if self.model.rowCount() == 0 else None
        self.details.setText(empty or request_details(v))
        self.close_button.setEnabled(v is not None and v.is_open)
        self.confirm_button.setEnabled(self.current_contract() is not None)

    # --- actions ----------------------------------------------------------------------------

    def record_request(self) -> None:
        from ..dialogs.deletion import DeletionRequestDialog  # on first use: not at every start

        self.message.say("")
        try:
            dialog = DeletionRequestDialog(self.ctx, self)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        accepted = dialog.exec()
        dialog.deleteLater()  # a closed dialog is not left behind among the page's children
        if accepted and dialog.saved is not None:
            self.refresh()
            self.select_request(dialog.saved.id)
            self.message.say(
                translate("DeletionsPage", "Recorded. {contractor_name} must delete the data by {due_on}.").format(
                    contractor_name=dialog.saved.contractor_name, due_on=format_day(dialog.saved.due_on)
                )
            )
            self.changed.emit()

    def close_request(self) -> None:
        from ..dialogs.deletion import CloseDeletionDialog  # on first use: not at every start

        v = self.current_request()
        if v is None or not self.ctx.is_reviewer:
            return
        self.message.say("")
        if not v.is_open:
            self.message.say(
                translate("DeletionsPage", "This request is already closed: {label}.").format(label=v.outcome.label)
            )
            return
        dialog = CloseDeletionDialog(self.ctx, v, self)
        accepted = dialog.exec()
        dialog.deleteLater()  # a closed dialog is not left behind among the page's children
        if accepted and dialog.saved is not None:
            self.refresh()
            self.select_request(v.id)
            self.message.say(translate("DeletionsPage", "Closed: {label}.").format(label=dialog.saved.outcome.label))
            self.changed.emit()

    def confirm_deletion(self) -> None:
        from ..dialogs.deletion import ConfirmDeletionDialog  # on first use: not at every start

        c = self.current_contract()
        if c is None or not self.ctx.is_reviewer:
            return
        self.message.say("")
        dialog = ConfirmDeletionDialog(self.ctx, c, self)
        accepted = dialog.exec()
        dialog.deleteLater()  # a closed dialog is not left behind among the page's children
        if accepted and dialog.saved is not None:
            self.refresh()
            self.message.say(translate("DeletionsPage", "Deletion confirmed for {label}.").format(label=c.label))
            self.changed.emit()
