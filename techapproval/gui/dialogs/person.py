"""An administrator adds a person."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.enums import Role
from ...services import people
from ..context import AppContext
from ..i18n import domain_text, translate
from .forms import FieldDialog


def role_box() -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(domain_text(role.label), role)
    return box


class AddPersonDialog(FieldDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(
            translate("AddPersonDialog", "Add a person"),
            translate(
                "AddPersonDialog",
                "They sign in with this email and the password you set here; give it to them in person.",
            ),
            parent,
        )
        self.ctx = ctx
        self.person: people.PersonView | None = None
        self.add_field("name", translate("AddPersonDialog", "&Name:"))
        self.add_field("position", translate("AddPersonDialog", "&Position:"))
        self.add_field("email", translate("AddPersonDialog", "&Email:"))
        self.role = self.add_field("role", translate("AddPersonDialog", "&Role:"), role_box())
        self.add_field("password", translate("AddPersonDialog", "Initial pass&word:"), password=True)
        self.add_button(
            translate("AddPersonDialog", "&Add person"), translate("AddPersonDialog", "Add person")
        ).clicked.connect(self.add)

    def add(self) -> None:
        self.person = self.attempt(lambda: self.ctx.call(
            people.add_person, name=self.text("name"), position=self.text("position"),
            email=self.text("email"), role=self.role.currentData(), password=self.text("password"),
        ))
