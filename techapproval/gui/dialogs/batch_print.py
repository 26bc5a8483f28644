"""File → Save decision sheets…: the decision sheets of every request decided in a period (a school year,
or any dates), saved into a folder as one PDF per request, off the UI thread with progress and Cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.contracts import format_day
from ...domain.deadlines import school_year_label, school_year_of
from ...services import printing
from ...services.errors import ServiceError
from ..background import BackgroundTask, say_failure
from ..common import ErrorLabel, MessageLabel, named
from ..context import AppContext
from ..folders import existing_folder
from ..i18n import translate
from ..widgets.date_field import OptionalDateField

CUSTOM = "Other dates"
YEARS_BACK = 10  # school years offered in the list, this one included


class BatchPrintDialog(QDialog):
    """Reviewers and administrators; the service refuses anyone else."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task: BackgroundTask | None = None
        self.result: printing.SavedSheets | None = None
        self.setWindowTitle(translate("BatchPrintDialog", "Save decision sheets"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "BatchPrintDialog",
                "Saves the decision sheet of every request approved or not approved in the period into a "
                "folder, one PDF per request named by its number (decision-00123.pdf), so the folder lists "
                "them in order. A file of the same name is replaced; other files are left alone.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.school_year = named(
            QComboBox(),
            translate("BatchPrintDialog", "School year"),
            translate("BatchPrintDialog", "Fills in the dates: July 1 to June 30"),
        )
        this_year = school_year_of(date.today())
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.school_year.addItem(school_year_label(year), year)
        self.school_year.addItem(CUSTOM, None)
        form.addRow(translate("BatchPrintDialog", "School &year:"), self.school_year)
        self.first = OptionalDateField(
            translate("BatchPrintDialog", "From"),
            required=True,
            description=translate("BatchPrintDialog", "The first day of decisions to save"),
        )
        self.last = OptionalDateField(
            translate("BatchPrintDialog", "To"),
            required=True,
            description=translate("BatchPrintDialog", "The last day of decisions to save, included"),
        )
        self.dates_error = ErrorLabel(self.last.date_edit, translate("BatchPrintDialog", "Dates"))
        form.addRow(translate("BatchPrintDialog", "&From:"), self.first)
        form.addRow(translate("BatchPrintDialog", "&To:"), self.last)
        form.addRow("", self.dates_error)
        self.folder = named(
            QLineEdit(),
            translate("BatchPrintDialog", "Folder"),
            translate("BatchPrintDialog", "The folder to save the PDFs in (created if need be)"),
        )
        choose = named(
            QPushButton(translate("BatchPrintDialog", "C&hoose\u2026")), translate("BatchPrintDialog", "Choose folder")
        )
        choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        folder_label = QLabel(translate("BatchPrintDialog", "F&older:"))
        folder_label.setBuddy(self.folder)  # the row's field is a layout: the label needs its buddy named
        form.addRow(folder_label, row)
        self.folder_error = ErrorLabel(self.folder, translate("BatchPrintDialog", "Folder"))
        form.addRow("", self.folder_error)
        layout.addLayout(form)

        self.message = MessageLabel(translate("BatchPrintDialog", "Result"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = named(
            buttons.addButton(
                translate("BatchPrintDialog", "&Save decision sheets"), QDialogButtonBox.ButtonRole.ActionRole
            ),
            translate("BatchPrintDialog", "Save decision sheets"),
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = named(
            buttons.button(QDialogButtonBox.StandardButton.Close), translate("BatchPrintDialog", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.school_year.currentIndexChanged.connect(self._year_chosen)
        self.first.changed.connect(self._dates_edited)
        self.last.changed.connect(self._dates_edited)
        self._year_chosen()

    # --- the period -----------------------------------------------------------------------

    def _year_chosen(self) -> None:
        year = self.school_year.currentData()
        if year is not None:
            first, last = _year_dates(year)
            self.first.set_value(first)
            self.last.set_value(last)

    def _dates_edited(self) -> None:
        """Dates changed by hand: the list says which school year they are, else "Other dates"."""
        dates = (self.first.value(), self.last.value())
        index = next((i for i in range(self.school_year.count())
                      if self.school_year.itemData(i) is not None
                      and _year_dates(self.school_year.itemData(i)) == dates), self.school_year.findData(None))
        blocked = self.school_year.blockSignals(True)
        self.school_year.setCurrentIndex(index)
        self.school_year.blockSignals(blocked)

    def choose_folder(self) -> None:
        folder = existing_folder(
            self, translate("BatchPrintDialog", "Save the decision sheets in a folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        self.message.say("")
        first, last = self.first.value(), self.last.value()
        self.dates_error.show_message(
            translate("BatchPrintDialog", "The first day is after the last day.") if first > last else None
        )
        text = self.folder.text().strip()
        folder = Path(text).expanduser() if text else None
        if folder is None:
            self.folder_error.show_message(
                translate("BatchPrintDialog", "Choose the folder to save the decision sheets in.")
            )
        elif folder.exists() and not folder.is_dir():
            self.folder_error.show_message(
                translate("BatchPrintDialog", "{folder} is a file, not a folder.").format(folder=folder)
            )
        else:
            self.folder_error.show_message(None)
        if first > last or folder is None or not self.folder_error.isHidden():
            return
        try:
            ids = self.ctx.call(printing.decided_between, first, last)
        except (ServiceError, DatabaseProblem) as exc:
            self.message.say(exc)
            return
        if not ids:
            self.message.say(
                translate(
                    "BatchPrintDialog", "No request was decided from {first} to {last}; nothing was saved."
                ).format(first=format_day(first), last=format_day(last))
            )
            return
        ctx = self.ctx

        def work(progress, cancelled) -> printing.SavedSheets:  # in the worker thread: its own transactions
            return ctx.long_run(printing.save_decision_sheets, ids, folder, progress=progress, cancelled=cancelled)

        self._set_busy(True)
        self.task = BackgroundTask(
            self,
            translate("BatchPrintDialog", "Saving decision sheets"),
            translate("BatchPrintDialog", "Saving {count} decision sheet(s) in {folder}\u2026").format(
                count=len(ids), folder=folder
            ),
            work,
        )
        self.task.succeeded.connect(self._saved)
        self.task.failed.connect(self._failed)
        self.task.done.connect(lambda: self._set_busy(False))
        self.task.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.save_button, self.close_button, self.school_year, self.first, self.last, self.folder):
            widget.setEnabled(not busy)

    def _saved(self, result: printing.SavedSheets) -> None:
        self.result = result
        if result.cancelled:
            self.message.say(
                translate(
                    "BatchPrintDialog",
                    "Stopped: {files} of {total} decision sheets were saved in {folder}; each saved file is whole.",
                ).format(files=len(result.files), total=result.total, folder=result.folder)
            )
        else:
            self.message.say(
                translate("BatchPrintDialog", "Saved {total} decision sheet(s) in {folder}.").format(
                    total=result.total, folder=result.folder
                )
            )

    def _failed(self, exc: BaseException) -> None:
        say_failure(self.message, exc, lambda e: translate(
            "BatchPrintDialog",
            "The decision sheets could not be saved in {text}: {value}. The files saved before this are whole.",
        ).format(text=self.folder.text(), value=e.strerror or e))

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()  # Escape or the window's close button while saving: stop, keep what is saved
            return
        super().reject()


def _year_dates(year: int) -> tuple[date, date]:
    """July 1 to June 30, or to today for the school year under way (nothing is decided in the future)."""
    first, last = printing.school_year_dates(year)
    return first, min(last, max(first, date.today()))
