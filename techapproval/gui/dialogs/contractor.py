"""A reviewer adds or changes a contractor: the operator or consultant a contract is made with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from ...db.database import DatabaseProblem
from ...domain.contract_form import CONTRACT_LIMITS, ContractorForm, ContractorKind
from ...services import contracts
from ..context import AppContext
from ..i18n import translate
from .forms import FieldDialog


def kind_box() -> QComboBox:
    box = QComboBox()
    for value, label in ContractorKind.LABELS.items():
        box.addItem(label, value)
    return box


class ContractorDialog(FieldDialog):
    """`contractor` holds the saved ContractorView once the dialog is accepted."""

    def __init__(self, ctx: AppContext, contractor: contracts.ContractorView | None = None,
                 parent: QWidget | None = None):
        adding = contractor is None
        super().__init__(
            translate("ContractorDialog", "Add a contractor")
            if adding
            else translate("ContractorDialog", "Change a contractor"),
            translate(
                "ContractorDialog",
                "The operator (website, online service or app) or consultant that receives student information, "
                "records or content under a contract with the Board.",
            ),
            parent,
        )
        self.ctx = ctx
        self.original = contractor
        self.contractor: contracts.ContractorView | None = None
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        form = contractor.form() if contractor else ContractorForm()
        self.add_field("name", translate("ContractorDialog", "&Name:"), text=form.name)
        self.kind = self.add_field("kind", translate("ContractorDialog", "&Kind:"), kind_box())
        self.kind.setCurrentIndex(max(0, self.kind.findData(form.kind)))
        self.add_field("contact_name", translate("ContractorDialog", "&Contact name:"), text=form.contact_name)
        self.add_field("contact_email", translate("ContractorDialog", "Contact &email:"), text=form.contact_email)
        self.add_field("contact_phone", translate("ContractorDialog", "Contact &phone:"), text=form.contact_phone)
        website = self.add_field("website", translate("ContractorDialog", "&Website:"), text=form.website)
        website.setPlaceholderText(translate("ContractorDialog", "https://"))
        for key, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.setMaxLength(CONTRACT_LIMITS[key] + 1)  # one over: the service explains the limit
        self.save_button = self.add_button(
            translate("ContractorDialog", "&Add contractor")
            if adding
            else translate("ContractorDialog", "&Save contractor"),
            translate("ContractorDialog", "Add contractor")
            if adding
            else translate("ContractorDialog", "Save contractor"),
        )
        self.save_button.clicked.connect(self.save)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("ContractorDialog", "Cancel"))

    def current_form(self) -> ContractorForm:
        return ContractorForm(
            name=self.text("name"), kind=self.kind.currentData(), contact_name=self.text("contact_name"),
            contact_email=self.text("contact_email"), contact_phone=self.text("contact_phone"),
            website=self.text("website"),
        )

    def save(self) -> None:
        form = self.current_form()
        contractor_id = self.original.id if self.original else None
        version = self.original.version if self.original else None
        try:
            self.contractor = self.attempt(
                lambda: self.ctx.call(contracts.save_contractor, contractor_id, form, version))
        except DatabaseProblem as exc:
            self.message.setText(f"\u26a0 {exc.title}: {exc.message}")
