"""File → Import approved resources and contracts…: a district's own spreadsheet (CSV or XLSX) of approved
apps and their contracts, read, mapped column by column, checked row by row, then imported as a whole (or
only its valid rows, the rest saved to a CSV to fix); past imports listed, each can be undone as a whole.
Reviewers and administrators; the service refuses anyone else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db.database import DatabaseProblem
from ...domain.records_import import ImportField, ImportPlan, Sheet, SheetProblem, guess_mapping, read_sheet
from ...services import records_import as svc
from ...services.errors import ServiceError
from ..common import MessageLabel, local_datetime, named
from ..context import AppContext
from ..folders import open_file_name
from ..i18n import domain_text, translate
from ..screen import fit_to_screen, stacked

PREVIEW_ROWS = 10


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.verticalHeader().setAccessibleName(translate("RecordsImportDialog", "{name} rows").format(name=name))
    table.horizontalHeader().setAccessibleName(
        translate("RecordsImportDialog", "{name} columns").format(name=name))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


class RecordsImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: Sheet | None = None
        self.plan: ImportPlan | None = None
        self.imported = False  # something was imported or undone: the main window reads its lists again
        self.setWindowTitle(translate("RecordsImportDialog", "Import approved resources and contracts"))
        fit_to_screen(self, 1100, 820)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "RecordsImportDialog",
            "Imports the list of approved resources and their contracts that the district keeps in a spreadsheet "
            "(CSV or Excel .xlsx). One row is one resource, with the contract that covers it on the same row if "
            "there is one. A column the sheet does not have stays empty: a contract without its purpose, description "
            "or student information is imported all the same and listed on the Deadlines tab as details to "
            "complete. Dates are read month first (8/1/2025). Nothing is written until you import, and an import "
            "can be undone as a whole below.",
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        file_label = QLabel(translate("RecordsImportDialog", "&File:"))
        self.file = named(QLineEdit(), translate("RecordsImportDialog", "File"),
                          translate("RecordsImportDialog", "The spreadsheet to import: CSV or .xlsx"))
        file_label.setBuddy(self.file)
        choose = named(QPushButton(translate("RecordsImportDialog", "C&hoose\u2026")),
                       translate("RecordsImportDialog", "Choose file"))
        choose.clicked.connect(self.choose_file)
        self.read_button = named(QPushButton(translate("RecordsImportDialog", "&Read file")),
                                 translate("RecordsImportDialog", "Read file"))
        self.read_button.clicked.connect(self.read_file)
        self.file.returnPressed.connect(self.read_file)
        for w in (file_label, self.file, choose, self.read_button):
            row.addWidget(w, 1 if w is self.file else 0)
        layout.addLayout(row)
        self.summary = MessageLabel(translate("RecordsImportDialog", "File summary"))
        layout.addWidget(self.summary)

        columns_box = QGroupBox(translate("RecordsImportDialog", "Columns"))
        columns_layout = QVBoxLayout(columns_box)
        self.mapping_table = _table(translate("RecordsImportDialog", "Column mapping"), [
            translate("RecordsImportDialog", "Spreadsheet column"), translate("RecordsImportDialog", "First value"),
            translate("RecordsImportDialog", "Imported as")])
        # What each column is imported as comes next to its name, in view; the first value, last, is shortened
        # to the room left.
        mapping_header = self.mapping_table.horizontalHeader()
        mapping_header.moveSection(2, 1)
        mapping_header.setStretchLastSection(False)
        mapping_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview_table = _table(translate("RecordsImportDialog", "Preview of the first rows"), [])
        # The mapping is the work of this dialog: at least five columns and three rows of preview show, on the
        # smallest screen too (a row of the mapping holds a drop-down, a little taller than a line of text).
        row_height = QComboBox().sizeHint().height() + 2
        self.mapping_table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.mapping_table.horizontalHeader().sizeHint().height()
        self.mapping_table.setMinimumHeight(header + 5 * row_height + 2 * self.mapping_table.frameWidth())
        self.preview_table.setMinimumHeight(header + 3 * row_height + 2 * self.preview_table.frameWidth())
        columns_layout.addWidget(stacked(translate("RecordsImportDialog", "Column mapping and preview"),
                                         (self.mapping_table, 3), (self.preview_table, 2)))

        report_box = QGroupBox(translate("RecordsImportDialog", "Check of every row"))
        report_layout = QVBoxLayout(report_box)
        self.report_table = _table(translate("RecordsImportDialog", "Validation report"), [
            translate("RecordsImportDialog", "Row"), translate("RecordsImportDialog", "Column"),
            translate("RecordsImportDialog", "What"), translate("RecordsImportDialog", "Reason")])
        self.report_table.setMinimumHeight(header + 3 * row_height)
        report_layout.addWidget(self.report_table, 1)
        self.report_summary = MessageLabel(translate("RecordsImportDialog", "Check summary"))
        report_layout.addWidget(self.report_summary)
        fix_row = QHBoxLayout()
        fix_label = QLabel(translate("RecordsImportDialog", "Save rows to fi&x as:"))
        self.fix_file = named(QLineEdit(), translate("RecordsImportDialog", "File for the rows to fix"),
                              translate("RecordsImportDialog", "Where the rows left out are saved, with a column "
                                                               "saying what to fix, when only valid rows are "
                                                               "imported"))
        fix_label.setBuddy(self.fix_file)
        fix_row.addWidget(fix_label)
        fix_row.addWidget(self.fix_file, 1)
        report_layout.addLayout(fix_row)
        buttons_row = QHBoxLayout()
        self.import_all = named(QPushButton(translate("RecordsImportDialog", "Import &all")),
                                translate("RecordsImportDialog", "Import all"))
        self.import_all.clicked.connect(lambda: self.run_import(valid_only=False))
        self.import_valid = named(QPushButton(translate("RecordsImportDialog", "Import &valid rows only")),
                                  translate("RecordsImportDialog", "Import valid rows only"))
        self.import_valid.clicked.connect(lambda: self.run_import(valid_only=True))
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.import_all)
        buttons_row.addWidget(self.import_valid)
        report_layout.addLayout(buttons_row)
        self.result = MessageLabel(translate("RecordsImportDialog", "Result"))
        report_layout.addWidget(self.result)

        past_box = QGroupBox(translate("RecordsImportDialog", "Past imports"))
        past_layout = QVBoxLayout(past_box)
        self.past_table = _table(translate("RecordsImportDialog", "Past imports"), [
            translate("RecordsImportDialog", "Imported"), translate("RecordsImportDialog", "File"),
            translate("RecordsImportDialog", "By"), translate("RecordsImportDialog", "Resources"),
            translate("RecordsImportDialog", "Contracts"), translate("RecordsImportDialog", "Status")])
        self.past_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.past_table.setMinimumHeight(header + 2 * row_height)
        past_layout.addWidget(self.past_table, 1)
        undo_row = QHBoxLayout()
        self.undo_button = named(QPushButton(translate("RecordsImportDialog", "&Undo import")),
                                 translate("RecordsImportDialog", "Undo import"),
                                 translate("RecordsImportDialog", "Removes everything the selected import created"))
        self.undo_button.clicked.connect(self.undo)
        undo_row.addStretch(1)
        undo_row.addWidget(self.undo_button)
        past_layout.addLayout(undo_row)
        self.undo_message = MessageLabel(translate("RecordsImportDialog", "Undo result"))
        past_layout.addWidget(self.undo_message)
        # The columns on the left, the check and the past imports on the right: side by side, the mapping gets
        # the window's height, which a laptop's wide screen has least of.
        beside = QSplitter()
        beside.setAccessibleName(translate("RecordsImportDialog", "Columns, check and past imports"))
        beside.setChildrenCollapsible(False)
        beside.addWidget(columns_box)
        beside.addWidget(stacked(translate("RecordsImportDialog", "Check and past imports"),
                                 (report_box, 3), (past_box, 2)))
        beside.setStretchFactor(0, 11)
        beside.setStretchFactor(1, 9)
        layout.addWidget(beside, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(buttons.button(QDialogButtonBox.StandardButton.Close), translate("RecordsImportDialog", "Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.past_table.itemSelectionChanged.connect(self._past_selected)
        self._show_plan()
        self.refresh_past()

    # --- the file ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = open_file_name(
            self, translate("RecordsImportDialog", "Choose the spreadsheet to import"),
            translate("RecordsImportDialog", "Spreadsheets (*.csv *.xlsx *.txt);;All files (*)"), self.file.text())
        if path:
            self.file.setText(path)
            self.read_file()

    def read_file(self) -> None:
        self.result.say("")
        path = Path(self.file.text().strip()).expanduser()
        self.sheet = self.plan = None
        try:
            if not self.file.text().strip() or not path.is_file():
                raise SheetProblem(translate("RecordsImportDialog", "Choose a CSV or .xlsx file that exists."))
            self.sheet = read_sheet(path.name, path.read_bytes())
        except (SheetProblem, OSError) as exc:
            self.summary.say(translate("RecordsImportDialog", "\u26a0 {problem}").format(problem=exc))
            self._fill_mapping()
            self._show_plan()
            return
        where = self.sheet.encoding or self.sheet.sheet_name
        self.summary.say(translate(
            "RecordsImportDialog", "{rows} row(s) read from {file}; the column names are on row {header} ({where})."
        ).format(rows=len(self.sheet.rows), file=path.name, header=self.sheet.header_row, where=where))
        self.fix_file.setText(str(path.with_name(f"{path.stem}-to-fix.csv")))
        self._fill_mapping()
        self.check()

    def _fill_mapping(self) -> None:
        sheet = self.sheet
        headers = list(sheet.headers) if sheet else []
        guessed = guess_mapping(headers)
        self.mapping_table.setRowCount(len(headers))
        first = sheet.rows[0].cells if sheet and sheet.rows else ()
        self.combos: list[QComboBox] = []
        for i, header in enumerate(headers):
            shown = header or translate("RecordsImportDialog", "(no name)")
            self.mapping_table.setItem(i, 0, _item(shown))
            self.mapping_table.setItem(i, 1, _item(first[i] if i < len(first) else ""))
            combo = named(QComboBox(), translate("RecordsImportDialog", "Imported as, for column {column}").format(
                column=shown))
            combo.addItem(translate("RecordsImportDialog", "(not imported)"), None)
            for f in ImportField:
                combo.addItem(domain_text(f.label), f.value)
            combo.setCurrentIndex(combo.findData(guessed[i].value) if i in guessed else 0)
            combo.currentIndexChanged.connect(self.check)
            self.mapping_table.setCellWidget(i, 2, combo)
            self.combos.append(combo)
        if self.combos:  # as wide as its drop-downs: their words show whole
            header = self.mapping_table.horizontalHeader()
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(2, max(combo.sizeHint().width() for combo in self.combos))
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(headers) + 1)
        self.preview_table.setHorizontalHeaderLabels([translate("RecordsImportDialog", "Row"), *headers])
        rows = sheet.rows[:PREVIEW_ROWS] if sheet else ()
        self.preview_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.preview_table.setItem(r, 0, _item(row.number))
            for c, value in enumerate(row.cells, start=1):
                self.preview_table.setItem(r, c, _item(value))

    def mapping(self) -> dict[int, ImportField]:
        return {i: ImportField(combo.currentData()) for i, combo in enumerate(getattr(self, "combos", []))
                if combo.currentData() is not None}

    # --- checking -------------------------------------------------------------------------

    def check(self) -> None:
        """Check every row with the mapping as it now is (no writes)."""
        self.plan = None
        if self.sheet is not None:
            try:
                self.plan = self.ctx.call(svc.preview, self.sheet, self.mapping())
            except (ServiceError, DatabaseProblem) as exc:
                self.report_summary.say(exc)
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        lines: list[tuple[object, str, str, str]] = []
        if plan is not None:
            for p in plan.problems:
                lines.append((p.row or "", p.column, translate("RecordsImportDialog", "\u26a0 Problem"), p.reason))
            for n in plan.notices:
                if n.already:
                    what = translate("RecordsImportDialog", "Already imported")
                elif n.skipped:
                    what = translate("RecordsImportDialog", "Skipped")
                else:
                    what = translate("RecordsImportDialog", "Note")
                lines.append((n.row or "", "", what, n.reason))
            lines.sort(key=lambda line: (line[0] if isinstance(line[0], int) else 0))
            lines[:0] = [("", "", translate("RecordsImportDialog", "Note"), remark) for remark in plan.remarks]
        self.report_table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, value in enumerate(line):
                self.report_table.setItem(r, c, _item(value))
        if plan is None:
            if self.sheet is None:
                self.report_summary.say("")
        else:
            self.report_summary.say(self.summary_text(plan))
        ready = plan is not None and bool(plan.records)
        self.import_all.setEnabled(ready and plan.valid)
        self.import_valid.setEnabled(ready and not plan.valid)
        self.fix_file.setEnabled(ready and not plan.valid)

    @staticmethod
    def summary_text(plan: ImportPlan) -> str:
        counts = plan.counts()
        if plan.nothing_new:  # the file was imported before: nothing is wrong
            text = translate("RecordsImportDialog", "\u2714 {already} row(s) already imported; nothing new to "
                                                    "import.").format(**counts)
            if counts["repeats"]:
                text += " " + translate("RecordsImportDialog", "{repeats} repeated row(s) skipped.").format(**counts)
            return text
        parts = [translate("RecordsImportDialog", "{resources} resource(s) and {contracts} new or existing "
                                                  "contract(s) ready to import").format(**counts)]
        if counts["already"]:
            parts.append(translate("RecordsImportDialog", "{already} row(s) already imported").format(**counts))
        if counts["repeats"]:
            parts.append(translate("RecordsImportDialog", "{repeats} repeated row(s) skipped").format(**counts))
        parts.append(translate("RecordsImportDialog", "{invalid} row(s) with problems").format(**counts)
                     if counts["invalid"] else translate("RecordsImportDialog", "no problems"))
        text = "; ".join(parts) + "."
        if counts["to_complete"]:
            text += " " + translate(
                "RecordsImportDialog", "{to_complete} contract(s) will have details to complete, listed on the "
                                       "Deadlines tab.").format(**counts)
        return text

    # --- importing ------------------------------------------------------------------------

    def run_import(self, valid_only: bool) -> None:
        if self.sheet is None or self.plan is None:
            return
        fix_path = None
        if valid_only:
            text = self.fix_file.text().strip()
            fix_path = Path(text).expanduser() if text else None
            if fix_path is None or fix_path.is_dir() or not fix_path.parent.is_dir():
                self.result.say(translate("RecordsImportDialog", "\u26a0 Give a file in an existing folder to save "
                                                                 "the rows to fix in; nothing was imported."))
                return
        name = Path(self.file.text().strip()).name
        try:
            outcome = self.ctx.call(svc.apply, name, self.sheet, self.mapping(), valid_only)
        except (ServiceError, DatabaseProblem) as exc:
            self.result.say(exc)
            return
        self.imported = True
        message = translate(
            "RecordsImportDialog",
            "Imported {resources} resource(s), {contracts} contract(s) and {contractors} contractor(s) (import "
            "{id}); {skipped} row(s) skipped.",
        ).format(resources=outcome.resources, contracts=outcome.contracts, contractors=outcome.contractors,
                 id=outcome.import_id, skipped=outcome.skipped)
        if outcome.to_fix_csv is not None and fix_path is not None:
            try:
                fix_path.write_bytes(outcome.to_fix_csv)
                message += " " + translate("RecordsImportDialog", "{rows} row(s) to fix were saved in {file}.").format(
                    rows=outcome.left_out, file=fix_path)
            except OSError as exc:
                message += " " + translate(
                    "RecordsImportDialog", "\u26a0 The rows to fix could not be saved in {file}: {problem}"
                ).format(file=fix_path, problem=exc.strerror or exc)
        self.result.say(message)
        self.refresh_past()
        self.check()  # what is left of the file: now mostly skipped as already approved

    # --- past imports ---------------------------------------------------------------------

    def refresh_past(self) -> None:
        try:
            self.imports = self.ctx.call(svc.list_imports)
        except (ServiceError, DatabaseProblem) as exc:
            self.imports = []
            self.undo_message.say(exc)
        self.past_table.setRowCount(len(self.imports))
        for r, view in enumerate(self.imports):
            status = (translate("RecordsImportDialog", "Undone {when} by {who}").format(
                when=local_datetime(view.undone_at), who=view.undone_by) if view.undone
                else translate("RecordsImportDialog", "Imported"))
            for c, value in enumerate((local_datetime(view.imported_at), view.file_name, view.imported_by,
                                       view.resources, view.contracts, status)):
                self.past_table.setItem(r, c, _item(value))
        self._past_selected()

    def selected_import(self) -> svc.ImportView | None:
        rows = self.past_table.selectionModel().selectedRows()
        return self.imports[rows[0].row()] if rows else None

    def _past_selected(self) -> None:
        view = self.selected_import()
        self.undo_button.setEnabled(view is not None and not view.undone)

    def undo(self) -> None:
        view = self.selected_import()
        if view is None:
            return
        answer = QMessageBox.question(
            self, translate("RecordsImportDialog", "Undo import"),
            translate("RecordsImportDialog", "Remove the {resources} resource(s) and {contracts} contract(s) that the "
                                             "import of {file} created?").format(
                resources=view.resources, contracts=view.contracts, file=view.file_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.call(svc.undo_import, view.id)
        except (ServiceError, DatabaseProblem) as exc:
            self.undo_message.say(exc)
            return
        self.imported = True
        self.undo_message.say(translate("RecordsImportDialog", "The import of {file} was undone.").format(
            file=view.file_name))
        self.refresh_past()
        if self.sheet is not None:
            self.check()
