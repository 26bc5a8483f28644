"""File → Import approved resources and contracts…: a reviewer reads the messy sample, sees the guessed
columns, the preview and the report, imports the valid rows (the rest saved to fix), then undoes the import."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QComboBox, QMessageBox, QTableWidget

from techapproval.gui.dialogs.records_import import RecordsImportDialog
from techapproval.services import catalog
from tests.gui.conftest import choose, click, find, open_main, settle, type_into, when_dialog_opens
from tests.helpers import approved_resource

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "import-samples"


def open_dialog(qtbot, ctx) -> RecordsImportDialog:
    dialog = RecordsImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def table_rows(dialog, name: str) -> list[list[str]]:
    table = find(dialog, name, QTableWidget)
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def said(dialog, name: str) -> str:
    label = find(dialog, name)
    return label.text() if label.isVisible() else ""


def catalog_names(district) -> list[str]:
    with district.db.transaction() as s:
        return sorted(e.name for e in catalog.list_catalog(s, district.reviewer))


def test_a_reviewer_imports_the_valid_rows_of_a_messy_file_then_undoes_it(qtbot, signed_in, district, tmp_path,
                                                                           monkeypatch):
    approved_resource(district, resource_name="Padlet", resource_link="https://padlet.com")
    source = tmp_path / "apps 2025.csv"
    shutil.copy(SAMPLES / "approved-resources-messy.csv", source)
    dialog = open_dialog(qtbot, signed_in(district.reviewer))
    assert not find(dialog, "Import all", QAbstractButton).isEnabled()
    type_into(qtbot, dialog, "File", str(source))
    click(qtbot, dialog, "Read file")

    assert "9 row(s) read from apps 2025.csv" in said(dialog, "File summary")
    assert "row 3" in said(dialog, "File summary")
    assert find(dialog, "Imported as, for column Tool name", QComboBox).currentText() == "Resource name"
    assert find(dialog, "Imported as, for column Date Signed (mm/dd/yyyy)", QComboBox).currentText() == "Date signed"
    assert table_rows(dialog, "Preview of the first rows")[0][:2] == ["4", "Caf\u00e9 Fran\u00e7ais"]
    report = table_rows(dialog, "Validation report")
    assert [(r[0], r[1]) for r in report if "Problem" in r[2]] == [
        ("10", "Date Signed (mm/dd/yyyy)"), ("11", "Parent permission?"), ("12", "Grade(s)")]
    assert [r[0] for r in report if r[2] == "Skipped"] == ["8"]  # the repeat of row 7
    assert [r[0] for r in report if r[2] == "Already imported"] == ["9"]  # Padlet, approved before
    assert "4 resource(s)" in said(dialog, "Check summary") and "3 row(s) with problems" in said(
        dialog, "Check summary")
    assert not find(dialog, "Import all", QAbstractButton).isEnabled()  # not while rows have problems

    # Grades not imported: the Typing Club row's problem goes away at once.
    choose(qtbot, dialog, "Imported as, for column Grade(s)", "(not imported)")
    assert [r[0] for r in table_rows(dialog, "Validation report") if "Problem" in r[2]] == ["10", "11"]
    choose(qtbot, dialog, "Imported as, for column Grade(s)", "Grades")

    assert find(dialog, "File for the rows to fix").text() == str(tmp_path / "apps 2025-to-fix.csv")
    click(qtbot, dialog, "Import valid rows only")
    assert "Imported 4 resource(s), 4 contract(s)" in said(dialog, "Result")
    assert "3 row(s) to fix were saved" in said(dialog, "Result")
    with open(tmp_path / "apps 2025-to-fix.csv", encoding="utf-8-sig", newline="") as f:
        assert [r[0] for r in csv.reader(f)][1:] == ["Prodigy Math", "Epic!", "Typing Club"]
    assert catalog_names(district) == ["Caf\u00e9 Fran\u00e7ais", "Flip", "Newsela", "Padlet", "Quizlet"]
    assert not find(dialog, "Import valid rows only", QAbstractButton).isEnabled()  # all that was valid is in

    past = find(dialog, "Past imports", QTableWidget)
    assert table_rows(dialog, "Past imports")[0][1:5] == ["apps 2025.csv", "Rita Reviewer", "4", "4"]
    past.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    click(qtbot, dialog, "Undo import")
    assert "was undone" in said(dialog, "Undo result")
    assert table_rows(dialog, "Past imports")[0][5].startswith("Undone")
    assert catalog_names(district) == ["Padlet"]


def test_a_sheet_without_contract_details_imports_then_reads_as_already_in(qtbot, signed_in, district, tmp_path):
    """App, website, grades, permission, vendor, DPA signed, expiry: ready to import as it is, the contracts
    said to have details to complete; read again after the import, it is already in, not a failure. The
    Deadlines tab lists each contract's details to complete and opens the contract."""
    from PySide6.QtCore import Qt as QtKeys
    from PySide6.QtWidgets import QAbstractItemView

    from techapproval.gui.dialogs.contract import ContractDialog

    source = tmp_path / "our apps.csv"
    shutil.copy(SAMPLES / "approved-resources-first-week.csv", source)
    ctx = signed_in(district.reviewer)
    dialog = open_dialog(qtbot, ctx)
    type_into(qtbot, dialog, "File", str(source))
    click(qtbot, dialog, "Read file")
    summary = said(dialog, "Check summary")
    assert summary.startswith("5 resource(s) and 4 new or existing contract(s) ready to import")
    assert "; no problems." in summary and "4 contract(s) will have details to complete" in summary
    assert "already imported" not in summary and "repeated" not in summary  # nothing to say: not said
    report = table_rows(dialog, "Validation report")
    assert report[0][0] == "" and "no approval date" in report[0][3]  # the whole file's remark, first
    assert sum("details to complete" in r[3] for r in report) == 4
    assert find(dialog, "Import all", QAbstractButton).isEnabled()
    click(qtbot, dialog, "Import all")
    assert "Imported 5 resource(s), 4 contract(s) and 4 contractor(s)" in said(dialog, "Result")
    assert said(dialog, "Check summary") == "\u2714 5 row(s) already imported; nothing new to import."
    assert {r[2] for r in table_rows(dialog, "Validation report")} == {"Already imported"}
    assert not find(dialog, "Import all", QAbstractButton).isEnabled()
    dialog.close()

    window = open_main(qtbot, ctx)
    table = find(window, "Deadlines", QAbstractItemView)
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    rows = [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]
    details = [r for r, row in enumerate(rows) if row[0] == "Contract details to complete"]
    assert sorted(rows[r][1] for r in details) == ["Google LLC", "Kahoot! ASA", "Newsela Inc.",
                                                   "Seesaw Learning, Inc."]
    kahoot = next(r for r in details if rows[r][1] == "Kahoot! ASA")
    window.tabs.setCurrentWidget(window.deadlines_page)
    settle()  # the tab reads its list on the worker thread
    table.setCurrentIndex(model.index(kahoot, 0))
    opened = []
    problems = when_dialog_opens(ContractDialog, lambda d: (opened.append(
        (d.contractor.currentText(), d.status.text())), d.reject()))
    table.setFocus()
    qtbot.keyClick(table, QtKeys.Key.Key_Return)
    assert not problems, problems
    assert opened and opened[0][0] == "Kahoot! ASA"
    assert "Contract details to complete" in opened[0][1]  # the contract opened shows what is left to record


def test_an_unreadable_file_is_said(qtbot, signed_in, district, tmp_path):
    bad = tmp_path / "list.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    dialog = open_dialog(qtbot, signed_in(district.admin))
    type_into(qtbot, dialog, "File", str(bad))
    click(qtbot, dialog, "Read file")
    assert "could not be read as an Excel workbook" in said(dialog, "File summary")
    assert table_rows(dialog, "Column mapping") == []


def test_the_menu_opens_it_for_reviewers_only(qtbot, signed_in, district):
    def items(window) -> list[str]:
        return [a.text().replace("&", "") for menu in window.menuBar().actions() for a in menu.menu().actions()]

    assert "Import approved resources and contracts\u2026" in items(open_main(qtbot, signed_in(district.reviewer)))
    assert "Import approved resources and contracts\u2026" not in items(open_main(qtbot, signed_in(district.teacher)))
