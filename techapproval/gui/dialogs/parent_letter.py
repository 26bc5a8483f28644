"""The parent notification and permission letter: which language, and the date to return the slip by;
then the PDF, saved where the person chooses."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.letters import Language
from ...services import settings as settings_service
from ...services.requests import RequestDetail
from ..common import named
from ..i18n import translate
from ..widgets.date_field import OptionalDateField
from ..widgets.letters import PDF_FILTER, language_box, save_file

RETURN_AFTER_DAYS = 7  # the date first offered for the slips to come back


class ParentLetterDialog(QDialog):
    def __init__(self, resource_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("ParentLetterDialog", "Parent letter"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ParentLetterDialog",
                "A letter to families about {resource_name}, with a permission slip to sign and return. Choose the "
                "language the family reads; print one letter per student.",
            ).format(resource_name=resource_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.language = language_box("Letter language")
        caption = QLabel(translate("ParentLetterDialog", "&Language:"))
        caption.setBuddy(self.language)
        form.addRow(caption, self.language)
        self.return_by = OptionalDateField(
            translate("ParentLetterDialog", "Return by"),
            toggle_text=translate("ParentLetterDialog", "Ask for the slip back by"),
            description=translate("ParentLetterDialog", "The date the letter asks families to return the slip by"),
        )
        self.return_by.set_value(date.today() + timedelta(days=RETURN_AFTER_DAYS))
        caption = QLabel(translate("ParentLetterDialog", "&Return by:"))
        caption.setBuddy(self.return_by.focus_widget())
        form.addRow(caption, self.return_by)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.save_button = named(
            buttons.addButton(
                translate("ParentLetterDialog", "&Save letter\u2026"), QDialogButtonBox.ButtonRole.AcceptRole
            ),
            translate("ParentLetterDialog", "Save parent letter"),
        )
        self.save_button.setDefault(True)
        cancel = named(
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel), translate("ParentLetterDialog", "Cancel")
        )
        cancel.setText(translate("ParentLetterDialog", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_language(self) -> Language:
        return Language(self.language.currentData())


def save_parent_letter(parent: QWidget, ctx, detail: RequestDetail) -> Path | None:
    """Ask for the language and return date, render the letter, and save it; the path, or None if cancelled."""
    dialog = ParentLetterDialog(detail.form.resource_name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    language, return_by = dialog.chosen_language(), dialog.return_by.value()
    settings = ctx.query(settings_service.read)
    from ...pdf.letters import render_permission_letter

    data = render_permission_letter(detail, settings, language, return_by, on=date.today())
    name = f"request-{detail.id}-parent-letter-{language.value}.pdf"
    return save_file(
        parent, data, translate("ParentLetterDialog", "Save the parent letter as PDF"), name, PDF_FILTER, ".pdf"
    )
