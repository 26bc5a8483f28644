"""What makes the use of an approved resource lawful: its contract, no contract required, an IEP/504
exception, or nothing on file yet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.contracts import Coverage
from ...services import contracts
from ...services.catalog import CatalogEntry
from ...services.errors import Invalid, ServiceError
from ..common import ErrorLabel, named
from ..context import AppContext
from ..i18n import translate

CHOICES = {
    Coverage.CONTRACT: "Covered by a contract",
    Coverage.NOT_REQUIRED: "No contract required (general-audience site, or no student data collected)",
    Coverage.IEP_504_EXCEPTION: "IEP/504 exception (recorded with its conditions under IEP/504 exceptions)",
    Coverage.NONE: "No contract on file yet",
}


class CoverageDialog(QDialog):
    def __init__(self, ctx: AppContext, entry: CatalogEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.entry = ctx, entry
        self.setWindowTitle(translate("CoverageDialog", "Contract coverage \u2014 {name}").format(name=entry.name))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = QLabel(
            translate("CoverageDialog", "How is the district's use of {name} covered under C.G.S. 10-234bb?").format(
                name=entry.name
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)

        self.group = QButtonGroup(self)
        self.radios: dict[Coverage, QRadioButton] = {}
        for coverage, text in CHOICES.items():
            radio = named(QRadioButton(text), text)
            self.group.addButton(radio)
            self.radios[coverage] = radio
        self.contract = named(QComboBox(), translate("CoverageDialog", "Contract"))
        for contract_id, label in ctx.call(contracts.contract_choices):
            self.contract.addItem(label, contract_id)
        self.contract_error = ErrorLabel(self.contract, translate("CoverageDialog", "Contract"))
        self.reason = named(QLineEdit(), translate("CoverageDialog", "Reason no contract is required"))
        self.reason.setPlaceholderText(
            translate("CoverageDialog", "e.g. a site for the general public; students do not sign in")
        )
        # Read-only here: an exception counts only with its conditions, which its own tab records.
        self.case = named(
            QLineEdit(),
            translate("CoverageDialog", "Case reference"),
            translate("CoverageDialog", "The exceptions' case references, from the IEP/504 exceptions tab."),
        )
        self.case.setReadOnly(True)
        self.case.setPlaceholderText(translate("CoverageDialog", "Record an exception on the IEP/504 exceptions tab"))
        self.note_error = ErrorLabel(self.reason, translate("CoverageDialog", "Note"))

        layout.addWidget(self.radios[Coverage.CONTRACT])
        layout.addWidget(self.contract)
        layout.addWidget(self.contract_error)
        if self.contract.count() == 0:
            none_yet = QLabel(
                translate("CoverageDialog", "No contracts are registered yet; add one under Contracts first.")
            )
            none_yet.setWordWrap(True)
            layout.addWidget(none_yet)
        layout.addWidget(self.radios[Coverage.NOT_REQUIRED])
        layout.addWidget(self.reason)
        layout.addWidget(self.radios[Coverage.IEP_504_EXCEPTION])
        layout.addWidget(self.case)
        layout.addWidget(self.note_error)
        layout.addWidget(self.radios[Coverage.NONE])
        self.message = named(QLabel(), translate("CoverageDialog", "Message"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        save = named(
            buttons.addButton(translate("CoverageDialog", "&Save coverage"), QDialogButtonBox.ButtonRole.AcceptRole),
            translate("CoverageDialog", "Save coverage"),
        )
        save.setDefault(True)
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.radios[entry.coverage].setChecked(True)
        if entry.contract_id is not None:
            self.contract.setCurrentIndex(max(0, self.contract.findData(entry.contract_id)))
        if entry.coverage is Coverage.NOT_REQUIRED:
            self.reason.setText(entry.coverage_note)
        elif entry.coverage is Coverage.IEP_504_EXCEPTION:
            self.case.setText(entry.coverage_note)
        self.group.buttonToggled.connect(self._enable)
        self._enable()

    def coverage(self) -> Coverage:
        return next(c for c, radio in self.radios.items() if radio.isChecked())

    def _enable(self) -> None:
        chosen = self.coverage()
        self.contract.setEnabled(chosen is Coverage.CONTRACT)
        self.reason.setEnabled(chosen is Coverage.NOT_REQUIRED)
        self.radios[Coverage.IEP_504_EXCEPTION].setEnabled(self.entry.coverage is Coverage.IEP_504_EXCEPTION)
        self.case.setEnabled(chosen is Coverage.IEP_504_EXCEPTION)
        self.note_error.field = self.case if chosen is Coverage.IEP_504_EXCEPTION else self.reason

    def save(self) -> None:
        chosen = self.coverage()
        if chosen is Coverage.IEP_504_EXCEPTION:  # unchanged: the exceptions tab keeps it
            self.accept()
            return
        note = {Coverage.NOT_REQUIRED: self.reason.text(), Coverage.IEP_504_EXCEPTION: self.case.text()}.get(chosen, "")
        contract_id = self.contract.currentData() if chosen is Coverage.CONTRACT else None
        try:
            self.ctx.call(contracts.link_resource, self.entry.id, chosen, contract_id, note,
                          expected_version=self.entry.version)
        except Invalid as exc:
            self.contract_error.show_message(exc.errors.get("contract"))
            self.note_error.show_message(exc.errors.get("note"))
            return
        except ServiceError as exc:
            self.message.setText(exc.message)
            return
        self.accept()
