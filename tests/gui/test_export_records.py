"""File → Export records…: a reviewer picks a format, the tables and where to save, and the export runs off
the UI thread with a progress dialog and Cancel."""

from __future__ import annotations

import threading
import zipfile

from openpyxl import load_workbook
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QProgressBar, QProgressDialog

from techapproval.gui.dialogs.export_records import ExportRecordsDialog
from techapproval.services import records_export as rx
from tests.gui.conftest import choose, click, find, open_main, type_into
from tests.helpers import submitted_request


def open_dialog(qtbot, ctx) -> ExportRecordsDialog:
    dialog = ExportRecordsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def result_text(dialog) -> str:
    label = find(dialog, "Result")
    return label.text() if label.isVisible() else ""


def test_a_reviewer_exports_a_workbook(qtbot, signed_in, district, tmp_path):
    submitted_request(district, resource_name="Kahoot!")
    dialog = open_dialog(qtbot, signed_in(district.reviewer))
    assert all(find(dialog, name, QCheckBox).isChecked() for name in ("Requests and decisions", "Audit trail"))
    type_into(qtbot, dialog, "Destination", str(tmp_path / "records.xlsx"))
    click(qtbot, dialog, "Export")

    qtbot.waitUntil(lambda: "Exported" in result_text(dialog), timeout=20_000)
    book = load_workbook(tmp_path / "records.xlsx", read_only=True)
    assert book.sheetnames == [t.title for t in rx.TABLES]
    book.close()
    assert find(dialog, "Export", QAbstractButton).isEnabled()  # ready for another


def test_some_tables_as_csv_in_a_zip_and_the_choices_checked(qtbot, signed_in, district, tmp_path):
    dialog = open_dialog(qtbot, signed_in(district.admin))
    for name in ("Requests and decisions", "Approved resources, with their compliance status",
                 "Contracts, with their eleven provisions", "Incidents", "Deletion requests",
                 "IEP/504 exceptions (case references only)", "Accessibility reviews", "Audit trail"):
        click(qtbot, dialog, name)
    click(qtbot, dialog, "Export")
    assert "Choose at least one table" in find(dialog, "Tables error").text()
    assert "Choose where to save" in find(dialog, "Destination error").text()

    click(qtbot, dialog, "Audit trail")
    type_into(qtbot, dialog, "Destination", str(tmp_path / "records.xlsx"))
    choose(qtbot, dialog, "Format", "CSV files in a zip archive (.zip)")
    assert find(dialog, "Destination").text() == str(tmp_path / "records.zip")  # follows the format
    click(qtbot, dialog, "Export")
    qtbot.waitUntil(lambda: "Exported" in result_text(dialog), timeout=20_000)
    with zipfile.ZipFile(tmp_path / "records.zip") as z:
        assert z.namelist() == ["audit-trail.csv"]


def test_cancel_leaves_no_file(qtbot, signed_in, district, tmp_path, monkeypatch):
    """The second page is held back until Cancel has been pressed, so the test knows where the work is."""
    for n in range(3):
        submitted_request(district, resource_name=f"Tool {n}")
    real = rx.export_records
    cancel_pressed = threading.Event()
    pages = []

    def held(*args, **kwargs):
        def progress(done, total):
            pages.append(done)
            kwargs_progress(done, total)
            if len(pages) == 2:
                assert cancel_pressed.wait(10), "Cancel was never pressed"

        kwargs_progress = kwargs.pop("progress")
        return real(*args, progress=progress, page_size=1, **kwargs)

    monkeypatch.setattr(rx, "export_records", held)
    dialog = open_dialog(qtbot, signed_in(district.reviewer))
    type_into(qtbot, dialog, "Destination", str(tmp_path / "records.xlsx"))
    click(qtbot, dialog, "Export")
    progress = find(dialog, "Exporting records", QProgressDialog)
    bar = find(progress, "Progress", QProgressBar)
    qtbot.waitUntil(lambda: progress.isVisible() and bar.value() == 1, timeout=20_000)
    assert not find(dialog, "Export", QAbstractButton).isEnabled()
    click(qtbot, progress, "Cancel")
    cancel_pressed.set()

    qtbot.waitUntil(lambda: "Stopped" in result_text(dialog), timeout=20_000)
    assert list(tmp_path.glob("*records*")) == []


def test_the_menu_offers_it_to_reviewers_only(qtbot, signed_in, district):
    def offered(person_id) -> bool:
        window = open_main(qtbot, signed_in(person_id))
        texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
        window.close()
        return "E&xport records\u2026" in texts

    assert offered(district.reviewer)
    assert not offered(district.teacher)
