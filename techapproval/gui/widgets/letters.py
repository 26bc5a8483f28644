"""Letters to families, saved as files: a save dialog for any letter, and the yearly notice of the contracts
website as a letter (PDF) or an email (.eml) for the deadlines page. reportlab loads only when a PDF is made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...db.database import DatabaseProblem
from ...domain.deadlines import school_year_label
from ...domain.letters import Language
from ...services import permissions
from ...services import settings as settings_service
from ...services.errors import Invalid, ServiceError
from ..common import named, show_problem
from ..folders import save_file_name
from ..i18n import translate

PDF_FILTER = "PDF documents (*.pdf)"
EML_FILTER = "Email messages (*.eml)"


def save_file(parent: QWidget, data: bytes, title: str, suggested_name: str, file_filter: str,
              suffix: str) -> Path | None:
    """Ask where to save, add the suffix if the name lacks it, and write without leaving half a file."""
    from ..printing import write_atomically  # on first use: it loads QtPrintSupport, not needed at start

    path = save_file_name(parent, title, suggested_name, file_filter)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
    write_atomically(target, data)
    return target


def language_box(name: str) -> QComboBox:
    combo = named(QComboBox(), name, translate("Letters", "The language of the families who will read it"))
    for language in Language:
        combo.addItem(language.label, language.value)
    return combo


class AnnualNoticeFiles(QWidget):
    """"Save letter…" and "Save email…" for the yearly notice, in the language chosen."""

    def __init__(self, ctx, school_year: Callable[[], int], parent: QWidget | None = None):
        super().__init__(parent)
        named(self, translate("Letters", "Yearly notice files"))
        self.ctx = ctx
        self.school_year = school_year
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.language = language_box("Yearly notice language")
        caption = QLabel(translate("Letters", "Notice for families in:"))
        caption.setBuddy(self.language)
        self.letter_button = named(
            QPushButton(translate("Letters", "Save &letter\u2026")),
            translate("Letters", "Save yearly notice letter"),
            translate("Letters", "The notice as a PDF letter to print or attach"),
        )
        self.email_button = named(
            QPushButton(translate("Letters", "Sa&ve email\u2026")),
            translate("Letters", "Save yearly notice email"),
            translate(
                "Letters",
                "The notice as an email (.eml) to open in your mail program, address to families (Bcc) and send",
            ),
        )
        self.list_button = named(
            QPushButton(translate("Letters", "Send to the mailin&g list")),
            translate("Letters", "Send yearly notice to the mailing list"),
            translate("Letters", "Email the notice to the families' mailing-list address set under Settings, Email"),
        )
        self.letter_button.clicked.connect(self.save_letter)
        self.email_button.clicked.connect(self.save_email)
        self.list_button.clicked.connect(self.send_to_list)
        for w in (caption, self.language, self.letter_button, self.email_button, self.list_button):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = named(QLabel(), translate("Letters", "Yearly notice file message"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def chosen_language(self) -> Language:
        return Language(self.language.currentData())

    def _settings(self) -> dict[str, str] | None:
        settings = self.ctx.query(settings_service.read)
        if not settings.get("contracts_website", "").strip():
            self.message.setText(
                translate(
                    "Letters",
                    "\u26a0 Set the address of the district's contracts web page under Settings first: "
                    "the notice is about it.",
                )
            )
            return None
        return settings

    def _file_name(self, suffix: str) -> str:
        year = school_year_label(self.school_year())
        return f"contracts-website-notice-{year}-{self.chosen_language().value}{suffix}"

    def save_letter(self) -> None:
        if (settings := self._settings()) is None:
            return
        from ...pdf.letters import render_annual_notice_letter

        data = render_annual_notice_letter(settings, self.school_year(), self.chosen_language(), on=date.today())
        self._saved(
            save_file(
                self,
                data,
                translate("Letters", "Save the yearly notice as a letter"),
                self._file_name(".pdf"),
                PDF_FILTER,
                ".pdf",
            )
        )

    def send_to_list(self) -> None:
        """Queue the notice for the district's mailing list (services/mailings.py): sent once per school year and
        language, by the same sender as every other email."""
        from ...services import mailings

        try:
            address = self.ctx.call(mailings.send_annual_notice, self.school_year(), self.chosen_language())
        except Invalid as exc:
            self.message.setText("\u26a0 " + " ".join(exc.errors.values()))
            return
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return
        self.message.setText(translate("Letters", "The notice will be emailed to {address}. Record the day it was "
                                                  "sent below.").format(address=address))

    def save_email(self) -> None:
        try:
            data = self.ctx.call(permissions.annual_notice_email, self.school_year(), self.chosen_language())
        except Invalid as exc:
            self.message.setText("\u26a0 " + " ".join(exc.errors.values()))
            return
        except (ServiceError, DatabaseProblem) as exc:
            show_problem(self, exc)
            return
        self._saved(
            save_file(
                self,
                data,
                translate("Letters", "Save the yearly notice as an email"),
                self._file_name(".eml"),
                EML_FILTER,
                ".eml",
            )
        )

    def _saved(self, path: Path | None) -> None:
        self.message.setText(translate("Letters", "\u2714 Saved {path}").format(path=path) if path else "")
