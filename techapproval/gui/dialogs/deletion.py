"""Deletion of student data at a contractor: recording a request, closing it, and confirming deletion
after a contract has expired. Who asked is a case reference, never a student's name."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...domain.deletions import (
    CASE_REFERENCE_MAX,
    CLOSING_OUTCOMES,
    DISASTER_RECOVERY_PROVISO,
    Outcome,
    Requester,
    deletion_due,
)
from ...domain.settings import days_setting
from ...services import contracts, deletions
from ...services.deletions import DeletionRequestView, ExpiredContractView
from ..common import ErrorLabel, named
from ..context import AppContext
from ..i18n import translate
from ..widgets.date_field import OptionalDateField
from .forms import FieldDialog

CASE_PLACEHOLDER = "Case reference, e.g. DEL-2026-014 (never a student's name)"


def radio_row(dialog: FieldDialog, key: str, caption: str, choices: dict[str, str]) -> QButtonGroup:
    """Radio buttons in one named group, with the error label of `key` under them."""
    holder = QWidget()
    named(holder, caption)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(dialog)
    for value, text in choices.items():
        radio = named(QRadioButton(text), text)
        radio.setProperty("choice", value)
        group.addButton(radio)
        column.addWidget(radio)
    error = ErrorLabel(group.buttons()[0], caption)
    column.addWidget(error)
    label = QLabel(f"{caption}:")
    label.setBuddy(group.buttons()[0])
    dialog.form.addRow(label, holder)
    dialog.fields[key] = group.buttons()[0]
    dialog.errors[key] = error
    return group


def chosen_value(group: QButtonGroup) -> str:
    button = group.checkedButton()
    return button.property("choice") if button is not None else ""


def _text_box(placeholder: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _date_row(dialog: FieldDialog, key: str, field: OptionalDateField) -> None:
    """add_field names the widget it is given; a date field names its own date edit, and its error
    belongs there too."""
    named(field, translate("DeletionDialogs", "{label} field").format(label=field.label))
    dialog.errors[key].field = field.date_edit


def _db_problem(dialog: FieldDialog, exc: DatabaseProblem) -> None:
    dialog.message.setText(f"\u26a0 {exc.title}: {exc.message}")


class DeletionRequestDialog(FieldDialog):
    """Record a request that a contractor delete student data. `saved` holds the view once accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(
            translate("DeletionDialogs", "Record a deletion request"),
            translate(
                "DeletionDialogs",
                "A student, a parent or guardian, or the Board asked a contractor to delete student information, "
                "records or content. The contractor must delete it within the district's reasonable time, unless a "
                "law requires keeping it or the only copy is an inaccessible disaster-recovery copy.",
            ),
            parent,
        )
        self.ctx = ctx
        self.saved: DeletionRequestView | None = None
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.days = days_setting(ctx.settings, "deletion_days")

        self.contractor = self.add_field("contractor_id", translate("DeletionDialogs", "Con&tractor:"), QComboBox())
        self.contractor.addItem(translate("DeletionDialogs", "Choose the contractor\u2026"), None)
        for v in ctx.call(contracts.list_contractors):
            self.contractor.addItem(v.name, v.id)
        self.contract = self.add_field("contract_id", translate("DeletionDialogs", "Contr&act:"), QComboBox())
        self.requested_by = radio_row(
            self, "requested_by", translate("DeletionDialogs", "Requested by"), {r.value: r.label for r in Requester}
        )
        self.case = self.add_field("case_reference", translate("DeletionDialogs", "&Case reference:"))
        self.case.setPlaceholderText(CASE_PLACEHOLDER)
        self.case.setMaxLength(CASE_REFERENCE_MAX + 1)
        named(
            self.case,
            translate("DeletionDialogs", "Case reference"),
            translate(
                "DeletionDialogs",
                "The reference of the request's file. Never a student's name: the app keeps no names of students.",
            ),
        )
        self.requested_on = OptionalDateField(
            translate("DeletionDialogs", "Date requested"),
            required=True,
            description=translate("DeletionDialogs", "The day the request reached the district or contractor"),
        )
        self.add_field("requested_on", translate("DeletionDialogs", "Date re&quested:"), self.requested_on)
        _date_row(self, "requested_on", self.requested_on)
        self.what = self.add_field(
            "what",
            translate("DeletionDialogs", "&What to delete:"),
            _text_box(
                translate(
                    "DeletionDialogs",
                    "e.g. the account and essays of case DEL-2026-014 (describe the data, never name the student)",
                )
            ),
        )
        self.due = named(QLabel(), translate("DeletionDialogs", "Deletion due date"))
        self.due.setWordWrap(True)
        self.form.addRow(QLabel(""), self.due)

        self.save_button = self.add_button(
            translate("DeletionDialogs", "&Record request"), translate("DeletionDialogs", "Record request")
        )
        self.save_button.clicked.connect(self.save)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("DeletionDialogs", "Cancel"))

        self.contractor.currentIndexChanged.connect(self._load_contracts)
        self.requested_on.changed.connect(self._show_due)
        self.requested_by.buttonToggled.connect(lambda *_: self._case_needed())
        self._load_contracts()
        self._show_due()

    def _load_contracts(self, *_args) -> None:
        self.contract.clear()
        self.contract.addItem(translate("DeletionDialogs", "No particular contract"), None)
        contractor_id = self.contractor.currentData()
        if contractor_id is None:
            return
        for v in self.ctx.call(contracts.list_contracts):
            if v.contractor_id == contractor_id:
                self.contract.addItem(v.label, v.id)

    def _case_needed(self) -> None:
        board = chosen_value(self.requested_by) == Requester.BOARD.value
        self.case.setPlaceholderText(
            translate("DeletionDialogs", "Optional for the Board: e.g. its minute number")
            if board
            else CASE_PLACEHOLDER
        )

    def _show_due(self) -> None:
        requested = self.requested_on.value() or date.today()
        self.due.setText(
            translate(
                "DeletionDialogs", "Deletion due by {value} ({days} days, the district's reasonable time)."
            ).format(value=format_day(deletion_due(requested, self.days)), days=self.days)
        )

    def save(self) -> None:
        try:
            self.saved = self.attempt(lambda: self.ctx.call(
                deletions.record_deletion_request, self.contractor.currentData(), chosen_value(self.requested_by),
                self.case.text(), self.requested_on.value(), self.what.toPlainText(),
                contract_id=self.contract.currentData()))
        except DatabaseProblem as exc:
            _db_problem(self, exc)


class CloseDeletionDialog(FieldDialog):
    """Record how a deletion request ended. `saved` holds the view once accepted."""

    def __init__(self, ctx: AppContext, request: DeletionRequestView, parent: QWidget | None = None):
        case = f", case {request.case_reference}" if request.case_reference else ""
        super().__init__(
            translate("DeletionDialogs", "Close a deletion request"),
            translate(
                "DeletionDialogs", "{contractor_name}: requested by {lower}{case} on {requested_on}; due {due_on}."
            ).format(
                contractor_name=request.contractor_name,
                lower=request.requested_by.label.lower(),
                case=case,
                requested_on=format_day(request.requested_on),
                due_on=format_day(request.due_on),
            ),
            parent,
        )
        self.ctx, self.request = ctx, request
        self.saved: DeletionRequestView | None = None
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome = radio_row(
            self, "outcome", translate("DeletionDialogs", "Outcome"), {o.value: o.label for o in CLOSING_OUTCOMES}
        )
        self.proviso = QLabel(DISASTER_RECOVERY_PROVISO)
        self.proviso.setWordWrap(True)
        self.form.addRow(QLabel(""), self.proviso)
        self.closed_on = OptionalDateField(
            translate("DeletionDialogs", "Date closed"),
            required=True,
            description=translate("DeletionDialogs", "The day the contractor confirmed deleting or keeping it"),
        )
        self.add_field("closed_on", translate("DeletionDialogs", "Date &confirmed:"), self.closed_on)
        _date_row(self, "closed_on", self.closed_on)
        self.note = self.add_field(
            "note",
            translate("DeletionDialogs", "&Note:"),
            _text_box(
                translate(
                    "DeletionDialogs",
                    "Required when the data is kept: which law requires it, or which disaster-recovery copy remains",
                )
            ),
        )
        named(self.note, translate("DeletionDialogs", "Note"))
        self.save_button = self.add_button(
            translate("DeletionDialogs", "&Save outcome"), translate("DeletionDialogs", "Save outcome")
        )
        self.save_button.clicked.connect(self.save)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("DeletionDialogs", "Cancel"))
        self.outcome.buttonToggled.connect(lambda *_: self._outcome_changed())
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        self.proviso.setVisible(chosen_value(self.outcome) == Outcome.DISASTER_RECOVERY.value)

    def save(self) -> None:
        try:
            self.saved = self.attempt(lambda: self.ctx.call(
                deletions.close_deletion_request, self.request.id, chosen_value(self.outcome), self.closed_on.value(),
                self.note.toPlainText(), self.request.version))
        except DatabaseProblem as exc:
            _db_problem(self, exc)


class ConfirmDeletionDialog(FieldDialog):
    """The contractor confirmed it retains no student data after the contract expired."""

    def __init__(self, ctx: AppContext, contract: ExpiredContractView, parent: QWidget | None = None):
        super().__init__(
            translate("DeletionDialogs", "Confirm deletion after expiry"),
            translate(
                "DeletionDialogs",
                "{label}: the last day in effect was {expires_on}. Record the day the contractor confirmed that it "
                "retains no student information, records or content.",
            ).format(label=contract.label, expires_on=format_day(contract.expires_on)),
            parent,
        )
        self.ctx, self.contract = ctx, contract
        self.saved: ExpiredContractView | None = None
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.confirmed_on = OptionalDateField(translate("DeletionDialogs", "Date deletion confirmed"), required=True)
        self.add_field("confirmed_on", translate("DeletionDialogs", "Date &confirmed:"), self.confirmed_on)
        _date_row(self, "confirmed_on", self.confirmed_on)
        self.save_button = self.add_button(
            translate("DeletionDialogs", "&Save confirmation"), translate("DeletionDialogs", "Save confirmation")
        )
        self.save_button.clicked.connect(self.save)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("DeletionDialogs", "Cancel"))

    def save(self) -> None:
        try:
            self.saved = self.attempt(lambda: self.ctx.call(
                deletions.confirm_contract_deletion, self.contract.id, self.confirmed_on.value(),
                self.contract.version))
        except DatabaseProblem as exc:
            _db_problem(self, exc)

