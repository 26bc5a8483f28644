"""File → Export records…: the records as an Excel workbook or CSV files, for a public-records request or an
auditor, written off the UI thread with a progress dialog and Cancel (services/records_export.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...export.writers import TableFormat
from ...services import records_export
from ...services.errors import Invalid
from ..background import BackgroundTask, say_failure
from ..common import ErrorLabel, MessageLabel, named
from ..context import AppContext
from ..folders import existing_folder, save_file_name
from ..i18n import translate

SUFFIXES = {TableFormat.XLSX: ".xlsx", TableFormat.CSV_ZIP: ".zip", TableFormat.CSV: ""}


def _format_names() -> dict[TableFormat, str]:
    return {
        TableFormat.XLSX: translate("ExportRecordsDialog", "Excel workbook (.xlsx), a sheet per table"),
        TableFormat.CSV: translate("ExportRecordsDialog", "CSV files in a folder, a file per table"),
        TableFormat.CSV_ZIP: translate("ExportRecordsDialog", "CSV files in a zip archive (.zip)"),
    }


def _table_names() -> dict[str, str]:
    return {
        "requests": translate("ExportRecordsDialog", "Requests and decisions"),
        "resources": translate("ExportRecordsDialog", "Approved resources, with their compliance status"),
        "contracts": translate("ExportRecordsDialog", "Contracts, with their eleven provisions"),
        "incidents": translate("ExportRecordsDialog", "Incidents"),
        "deletions": translate("ExportRecordsDialog", "Deletion requests"),
        "exceptions": translate("ExportRecordsDialog", "IEP/504 exceptions (case references only)"),
        "accessibility": translate("ExportRecordsDialog", "Accessibility reviews"),
        "audit": translate("ExportRecordsDialog", "Audit trail"),
    }


class ExportRecordsDialog(QDialog):
    """Reviewers and administrators; the service refuses anyone else."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.task: BackgroundTask | None = None
        self.result: records_export.ExportResult | None = None
        self.setWindowTitle(translate("ExportRecordsDialog", "Export records"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ExportRecordsDialog",
                "Exports the records for a public-records request or an auditor. Staff names and positions are "
                "included; students appear only by case reference. Drafts are not exported. The export is "
                "recorded in the audit trail.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.format = named(
            QComboBox(),
            translate("ExportRecordsDialog", "Format"),
            translate("ExportRecordsDialog", "An Excel workbook, or CSV files that any spreadsheet opens"),
        )
        for fmt, text in _format_names().items():
            self.format.addItem(text, fmt.value)
        form.addRow(translate("ExportRecordsDialog", "F&ormat:"), self.format)
        layout.addLayout(form)

        group = named(QGroupBox(translate("ExportRecordsDialog", "Tables")),
                      translate("ExportRecordsDialog", "Tables to export"))
        boxes = QVBoxLayout(group)
        self.tables: dict[str, QCheckBox] = {}
        for key, text in _table_names().items():
            box = named(QCheckBox(text), text)
            box.setChecked(True)
            boxes.addWidget(box)
            self.tables[key] = box
        self.tables_error = ErrorLabel(group, translate("ExportRecordsDialog", "Tables"))
        boxes.addWidget(self.tables_error)
        layout.addWidget(group)

        where = QFormLayout()
        self.destination = named(
            QLineEdit(),
            translate("ExportRecordsDialog", "Destination"),
            translate("ExportRecordsDialog", "The file to save, or for CSV files in a folder, the folder"),
        )
        choose = named(
            QPushButton(translate("ExportRecordsDialog", "C&hoose\u2026")),
            translate("ExportRecordsDialog", "Choose destination"),
        )
        choose.clicked.connect(self.choose_destination)
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(choose)
        destination_label = QLabel(translate("ExportRecordsDialog", "&Save to:"))
        destination_label.setBuddy(self.destination)
        where.addRow(destination_label, row)
        self.destination_error = ErrorLabel(self.destination, translate("ExportRecordsDialog", "Destination"))
        where.addRow("", self.destination_error)
        layout.addLayout(where)

        self.message = MessageLabel(translate("ExportRecordsDialog", "Result"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = named(
            buttons.addButton(translate("ExportRecordsDialog", "&Export"), QDialogButtonBox.ButtonRole.ActionRole),
            translate("ExportRecordsDialog", "Export"),
        )
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = named(
            buttons.button(QDialogButtonBox.StandardButton.Close), translate("ExportRecordsDialog", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_chosen)
        self._set_placeholder()

    # --- choices --------------------------------------------------------------------------

    def chosen_format(self) -> TableFormat:
        return TableFormat(self.format.currentData())

    def _set_placeholder(self) -> None:
        self.destination.setPlaceholderText(
            translate("ExportRecordsDialog", "A folder for the CSV files")
            if self.chosen_format() is TableFormat.CSV
            else translate("ExportRecordsDialog", "A file ending in {suffix}").format(
                suffix=SUFFIXES[self.chosen_format()]
            )
        )

    def _format_chosen(self) -> None:
        """The destination follows the format: records.xlsx ⇄ records.zip ⇄ the folder records."""
        self._set_placeholder()
        text = self.destination.text().strip()
        if text:
            path = Path(text)
            if path.suffix.lower() in (".xlsx", ".zip"):
                path = path.with_suffix("")
            self.destination.setText(str(path) + SUFFIXES[self.chosen_format()])

    def choose_destination(self) -> None:
        fmt, current = self.chosen_format(), self.destination.text()
        if fmt is TableFormat.CSV:
            chosen = existing_folder(self, translate("ExportRecordsDialog", "Save the CSV files in a folder"), current)
        else:
            chosen = save_file_name(
                self,
                translate("ExportRecordsDialog", "Save the records as"),
                translate("ExportRecordsDialog", "records") + SUFFIXES[fmt],
                translate("ExportRecordsDialog", "Excel workbook (*.xlsx)")
                if fmt is TableFormat.XLSX
                else translate("ExportRecordsDialog", "Zip archive (*.zip)"),
                current,
            )
            if chosen and not chosen.lower().endswith(SUFFIXES[fmt]):
                chosen += SUFFIXES[fmt]
        if chosen:
            self.destination.setText(chosen)

    # --- exporting ------------------------------------------------------------------------

    def export(self) -> None:
        self.message.say("")
        keys = [key for key, box in self.tables.items() if box.isChecked()]
        self.tables_error.show_message(
            None if keys else translate("ExportRecordsDialog", "Choose at least one table to export.")
        )
        fmt = self.chosen_format()
        text = self.destination.text().strip()
        destination = Path(text).expanduser() if text else None
        problem = None
        if destination is None:
            problem = translate("ExportRecordsDialog", "Choose where to save the export.")
        elif fmt is not TableFormat.CSV and destination.suffix.lower() != SUFFIXES[fmt]:
            problem = translate("ExportRecordsDialog", "Give a file name ending in {suffix}.").format(
                suffix=SUFFIXES[fmt]
            )
        else:
            try:
                records_export.check_destination(fmt, destination)
            except Invalid as exc:
                problem = " ".join(exc.errors.values())
        self.destination_error.show_message(problem)
        if problem or not keys:
            return
        ctx = self.ctx

        def work(progress, cancelled) -> records_export.ExportResult:  # in the worker thread
            return ctx.long_run(
                records_export.export_records, destination, fmt, keys, progress=progress, cancelled=cancelled
            )

        self._set_busy(True)
        self.task = BackgroundTask(
            self,
            translate("ExportRecordsDialog", "Exporting records"),
            translate("ExportRecordsDialog", "Exporting the records to {destination}\u2026").format(
                destination=destination
            ),
            work,
        )
        self.task.succeeded.connect(self._exported)
        self.task.failed.connect(self._failed)
        self.task.done.connect(lambda: self._set_busy(False))
        self.task.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.export_button, self.close_button, self.format, self.destination, *self.tables.values()):
            widget.setEnabled(not busy)

    def _exported(self, result: records_export.ExportResult) -> None:
        self.result = result
        if result.cancelled:
            self.message.say(translate("ExportRecordsDialog", "Stopped: nothing was exported."))
        else:
            self.message.say(
                translate("ExportRecordsDialog", "Exported {rows} rows to {destination}.").format(
                    rows=result.row_count, destination=result.destination
                )
            )

    def _failed(self, exc: BaseException) -> None:
        say_failure(self.message, exc, lambda e: translate(
            "ExportRecordsDialog", "The records could not be saved to {destination}: {problem}. Nothing was exported."
        ).format(destination=self.destination.text(), problem=e.strerror or e))

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()  # Escape or the window's close button while exporting: stop, leave nothing
            return
        super().reject()
