"""The first run: the district's name and the first administrator."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...domain.settings import SETTINGS
from ...services import people
from ..context import as_backend
from ..i18n import translate
from .forms import FieldDialog


class SetupDialog(FieldDialog):
    def __init__(self, backend, parent: QWidget | None = None):
        super().__init__(
            translate("SetupDialog", "Set up techapproval"),
            translate("SetupDialog", "Welcome. This database is new. Enter your district as it appears on the form "
            "(\u201c___ PUBLIC SCHOOLS, ___, Connecticut\u201d) and create the first administrator account. "
            "The administrator then adds teachers and reviewers."),
            parent,
        )
        self.backend = as_backend(backend)
        self.person: people.PersonView | None = None
        self.add_field("district_name", translate("SetupDialog", "&District name:"))
        self.add_field("town", translate("SetupDialog", "&Town:"))
        self.add_field(
            "approver_title", translate("SetupDialog", "&Approver title:"), text=SETTINGS["approver_title"].default
        )
        self.add_field("name", translate("SetupDialog", "Your &name:"))
        self.add_field("position", translate("SetupDialog", "Your &position:"))
        self.add_field("email", translate("SetupDialog", "Your &email:"))
        self.add_field("password", translate("SetupDialog", "Pass&word:"), password=True)
        self.add_field("confirm", translate("SetupDialog", "&Repeat password:"), password=True)
        self.fields["district_name"].setPlaceholderText(translate("SetupDialog", "e.g. Riverside"))
        self.fields["password"].setPlaceholderText(translate("SetupDialog", "at least 10 characters"))
        self.add_button(
            translate("SetupDialog", "&Finish setup"), translate("SetupDialog", "Finish setup")
        ).clicked.connect(self.finish)

    def finish(self) -> None:
        if self.text("password") != self.text("confirm"):
            self.show_errors({"confirm": "The two passwords are not the same."})
            return
        self.person = self.attempt(self._complete)

    def _complete(self):
        return self.backend.complete_setup(
            district_name=self.text("district_name"), town=self.text("town"),
            approver_title=self.text("approver_title"), name=self.text("name"),
            position=self.text("position"), email=self.text("email"), password=self.text("password"),
        )
