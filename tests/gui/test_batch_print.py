"""File → Save decision sheets…: a reviewer picks a period and a folder and saves a PDF per decided request,
off the UI thread, with a progress dialog and Cancel."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QProgressBar, QProgressDialog
from sqlalchemy import update

from techapproval.db.models import Request
from techapproval.domain.deadlines import school_year_label, school_year_of
from techapproval.domain.enums import Decision, Permission
from techapproval.gui.dialogs.batch_print import BatchPrintDialog
from techapproval.services import requests as svc
from tests.gui.conftest import click, find, type_into
from tests.helpers import submitted_request

YEAR = school_year_of(date.today()) - 1  # last school year, offered in the dialog's list
DECIDED_ON = datetime(YEAR, 10, 15, 15, 0, tzinfo=UTC)


def decided(district, count: int, on: datetime = DECIDED_ON) -> list[int]:
    ids = []
    for n in range(count):
        rid = submitted_request(district, resource_name=f"Tool {n:02d}")
        with district.db.transaction() as s:
            svc.decide_request(s, district.reviewer, rid, Decision.APPROVED, Permission.NONE_REQUIRED)
            s.execute(update(Request).where(Request.id == rid).values(decided_at=on))
        ids.append(rid)
    return ids


def open_dialog(qtbot, ctx) -> BatchPrintDialog:
    dialog = BatchPrintDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def set_date(dialog, name: str, day: date) -> None:
    edit = find(dialog, name, QDateEdit)
    edit.setFocus()
    edit.setDate(QDate(day.year, day.month, day.day))


def result_text(dialog) -> str:
    label = find(dialog, "Result")
    return label.text() if label.isVisible() else ""


def whole_pdfs(folder) -> list[str]:
    """The names in the folder, each checked to be a complete PDF (pypdf reads its pages and text)."""
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        assert name.startswith("decision-") and name.endswith(".pdf"), name  # no temporary file left
        reader = PdfReader(folder / name)
        assert "Approved for use" in reader.pages[0].extract_text()
    return names


def test_a_reviewer_saves_a_school_years_decision_sheets(qtbot, signed_in, district, tmp_path):
    ids = decided(district, 3)
    other_year = decided(district, 1, datetime(YEAR - 1, 10, 1, 15, 0, tzinfo=UTC))
    dialog = open_dialog(qtbot, signed_in(district.reviewer))
    years = find(dialog, "School year", QComboBox)
    years.setFocus()
    qtbot.keyClicks(years, str(YEAR))  # the list jumps to the item typed
    assert years.currentText() == school_year_label(YEAR)
    assert find(dialog, "From", QDateEdit).date() == QDate(YEAR, 7, 1)
    assert find(dialog, "To", QDateEdit).date() == QDate(YEAR + 1, 6, 30)
    type_into(qtbot, dialog, "Folder", str(tmp_path / "filed"))
    click(qtbot, dialog, "Save decision sheets")

    qtbot.waitUntil(lambda: "Saved" in result_text(dialog), timeout=20_000)
    assert "Saved 3 decision sheet(s)" in result_text(dialog)
    assert whole_pdfs(tmp_path / "filed") == [f"decision-{rid:05d}.pdf" for rid in ids]
    assert f"decision-{other_year[0]:05d}.pdf" not in whole_pdfs(tmp_path / "filed")
    assert find(dialog, "Save decision sheets", QAbstractButton).isEnabled()  # ready for another period


def test_cancel_midway_keeps_the_whole_files_already_saved(qtbot, signed_in, district, tmp_path, monkeypatch):
    """The third sheet is held back until Cancel has been pressed, so the test knows where the work is."""
    from techapproval.pdf import decision

    ids = decided(district, 6)
    render = decision.render_decision_pdf
    calls = []
    cancel_pressed = threading.Event()

    def held_render(sheet):
        calls.append(sheet.reference)
        if len(calls) == 3:
            assert cancel_pressed.wait(10), "Cancel was never pressed"
        return render(sheet)

    monkeypatch.setattr(decision, "render_decision_pdf", held_render)
    dialog = open_dialog(qtbot, signed_in(district.admin))
    set_date(dialog, "From", date(YEAR, 10, 1))
    set_date(dialog, "To", date(YEAR, 10, 31))
    assert find(dialog, "School year", QComboBox).currentText() == "Other dates"
    type_into(qtbot, dialog, "Folder", str(tmp_path / "filed"))
    click(qtbot, dialog, "Save decision sheets")

    progress = find(dialog, "Saving decision sheets", QProgressDialog)
    bar = find(progress, "Progress", QProgressBar)
    qtbot.waitUntil(lambda: progress.isVisible() and bar.value() == 2 and bar.maximum() == 6, timeout=20_000)
    assert not find(dialog, "Save decision sheets", QAbstractButton).isEnabled()  # one batch at a time
    click(qtbot, progress, "Cancel")
    cancel_pressed.set()

    qtbot.waitUntil(lambda: "Stopped" in result_text(dialog), timeout=20_000)
    assert "2 of 6 decision sheets were saved" in result_text(dialog)
    assert whole_pdfs(tmp_path / "filed") == [f"decision-{rid:05d}.pdf" for rid in ids[:2]]


def test_nothing_decided_in_the_period_and_a_missing_folder_are_said(qtbot, signed_in, district, tmp_path):
    decided(district, 1)
    dialog = open_dialog(qtbot, signed_in(district.reviewer))
    click(qtbot, dialog, "Save decision sheets")
    assert "Choose the folder" in find(dialog, "Folder error").text()

    set_date(dialog, "From", date(YEAR + 1, 1, 1))
    set_date(dialog, "To", date(YEAR + 1, 1, 31))
    type_into(qtbot, dialog, "Folder", str(tmp_path / "filed"))
    click(qtbot, dialog, "Save decision sheets")
    assert "No request was decided" in result_text(dialog)
    assert not (tmp_path / "filed").exists()

    set_date(dialog, "From", date(YEAR + 1, 2, 1))
    click(qtbot, dialog, "Save decision sheets")
    assert "after the last day" in find(dialog, "Dates error").text()
