"""A reviewer opens a tool's renewal, naming the staff member who uses it: for a tool imported without a
request on file, whose requester has left, or that waits for room in the queue (services/renewals.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QWidget

from ...db.database import DatabaseProblem
from ...services import renewals
from ...services.errors import ServiceError
from ..common import named
from ..context import AppContext
from ..i18n import translate
from .forms import FieldDialog


class OpenRenewalDialog(FieldDialog):
    def __init__(self, ctx: AppContext, resource_id: int, tool: str, parent: QWidget | None = None):
        super().__init__(
            translate("OpenRenewalDialog", "Open a renewal"),
            translate(
                "OpenRenewalDialog",
                "{tool} is due for renewal and not in the review queue yet. Choose the staff member who uses it: "
                "the renewal goes to the review queue now, in their name, with what the district has on file filled "
                "in. Ask them for the rest with Return for more information.",
            ).format(tool=tool),
            parent,
        )
        self.ctx = ctx
        self.resource_id = resource_id
        self.request_id: int | None = None
        self.staff = self.add_field("staff", translate("OpenRenewalDialog", "&Staff member who uses it:"), QComboBox())
        try:
            choices = ctx.call(renewals.renewal_staff_choices)
        except (ServiceError, DatabaseProblem) as exc:
            choices = []
            self.message.setText(exc.message)
        for person in choices:
            self.staff.addItem(f"{person.name} \u2014 {person.position}" if person.position else person.name, person.id)
        self.open_button = self.add_button(translate("OpenRenewalDialog", "&Open renewal"),
                                           translate("OpenRenewalDialog", "Open renewal"))
        self.open_button.clicked.connect(self.open_renewal)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("OpenRenewalDialog", "Cancel"))
        named(cancel, translate("OpenRenewalDialog", "Cancel"))
        if not choices and not self.message.text():
            self.message.setText(translate("OpenRenewalDialog", "No other active staff member is on file. "
                                                                "An administrator adds staff under People."))
        self.open_button.setEnabled(bool(choices))

    def open_renewal(self) -> None:
        try:
            self.request_id = self.attempt(
                lambda: self.ctx.call(renewals.open_renewal, self.resource_id, self.staff.currentData()))
        except DatabaseProblem as exc:
            self.message.setText(f"{exc.title}: {exc.message}")
