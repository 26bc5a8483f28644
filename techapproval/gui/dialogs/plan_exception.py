"""Register an IEP/Section 504 exception (policy 3520.13 section 7): the approved resource one child's plan
needs, the kind of plan, and the case reference of the child's file, never the child's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPlainTextEdit, QWidget

from ...db.database import DatabaseProblem
from ...domain.deletions import CASE_REFERENCE_MAX
from ...domain.exceptions import Plan
from ...services import exceptions
from ...services.exceptions import ExceptionView
from ..common import named
from ..context import AppContext
from ..i18n import translate
from .deletion import chosen_value, radio_row
from .forms import FieldDialog

CASE_PLACEHOLDER = "Case reference, e.g. IEP-2026-014 (never a student's name)"


class PlanExceptionDialog(FieldDialog):
    """`saved` holds the recorded ExceptionView once the dialog is accepted."""

    def __init__(self, ctx: AppContext, resource_id: int | None = None, parent: QWidget | None = None):
        super().__init__(
            translate("PlanExceptionDialog", "Record an IEP/504 exception"),
            translate(
                "PlanExceptionDialog",
                "No contract is required for a resource that is unique and necessary to implement a child's IEP or "
                "Section 504 plan and cannot comply, provided every condition of the law is met. Record the "
                "exception here, then date each condition and attach its evidence.",
            ),
            parent,
        )
        self.ctx = ctx
        self.saved: ExceptionView | None = None
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.resource = self.add_field("resource_id", translate("PlanExceptionDialog", "&Resource:"), QComboBox())
        self.resource.addItem(translate("PlanExceptionDialog", "Choose the approved resource\u2026"), None)
        for rid, name in ctx.call(exceptions.resource_choices):
            self.resource.addItem(name, rid)
        if resource_id is not None:
            self.resource.setCurrentIndex(max(0, self.resource.findData(resource_id)))
        self.plan = radio_row(self, "plan", translate("PlanExceptionDialog", "Plan"), {p.value: p.label for p in Plan})
        self.case = self.add_field("case_reference", translate("PlanExceptionDialog", "&Case reference:"))
        self.case.setPlaceholderText(CASE_PLACEHOLDER)
        self.case.setMaxLength(CASE_REFERENCE_MAX + 1)
        named(
            self.case,
            translate("PlanExceptionDialog", "Case reference"),
            translate(
                "PlanExceptionDialog",
                "The reference of the child's IEP or 504 file. Never a student's name: the app keeps no names "
                "of students.",
            ),
        )
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setPlaceholderText(
            translate(
                "PlanExceptionDialog",
                "Why the resource is unique and necessary; what was tried. Printed in the "
                "evidence packet for the parent: never the student's name.",
            )
        )
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 14)
        self.notes = self.add_field("notes", translate("PlanExceptionDialog", "&Notes:"), notes)
        named(
            self.notes,
            translate("PlanExceptionDialog", "Notes"),
            translate("PlanExceptionDialog", "Printed in the evidence packet a parent may ask for"),
        )
        self.save_button = self.add_button(
            translate("PlanExceptionDialog", "&Save exception"), translate("PlanExceptionDialog", "Save exception")
        )
        self.save_button.clicked.connect(self.save)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(translate("PlanExceptionDialog", "Cancel"))
        if self.resource.count() == 1:
            self.message.setText(
                translate(
                    "PlanExceptionDialog",
                    "No approved resource can take an exception: each is covered by a contract, or "
                    "none is approved yet.",
                )
            )

    def save(self) -> None:
        try:
            self.saved = self.attempt(lambda: self.ctx.call(
                exceptions.record_exception, self.case.text(), chosen_value(self.plan), self.resource.currentData(),
                self.notes.toPlainText()))
        except DatabaseProblem as exc:
            self.message.setText(f"\u26a0 {exc.title}: {exc.message}")
