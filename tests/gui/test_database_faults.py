"""The window's side of database faults (tests/faults.py makes them): a full disk while a teacher types,
and each database the app must refuse at start."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from techapproval.__main__ import main
from techapproval.db.database import open_database
from techapproval.gui.context import AppContext
from techapproval.gui.dialogs import request_window
from techapproval.services import people
from techapproval.services import requests as svc
from tests import faults
from tests.conftest import make_district
from tests.gui.conftest import find, open_main, type_into

WAIT_MS = 5_000
LONG = "Students post exit tickets after each lesson. " * 200  # about 9,000 characters: new pages


@pytest.fixture(params=faults.DISKS)
def disk(request, tmp_path):
    with faults.full_disk(request.param, tmp_path) as disk:
        yield disk


def test_on_a_full_disk_the_typed_text_stays_on_screen_and_the_window_says_why_it_was_not_saved(
        qtbot, disk, monkeypatch):
    monkeypatch.setattr(request_window, "RETRY_MS", 50)  # the window tries again on its own; soon, here
    db = open_database(disk.url)
    try:
        district = make_district(db)
        with db.transaction() as s:
            ctx = AppContext(db, people.get_person(s, district.teacher))
        ctx.reload_settings()
        window = open_main(qtbot, ctx).new_request()
        type_into(qtbot, window, "Name of the resource", "Padlet")
        qtbot.waitUntil(lambda: window.request_id is not None and not window._dirty, timeout=WAIT_MS)
        rid = window.request_id
        status = find(window, "Status", QLabel)
        plan = find(window, "How you plan to use it", QPlainTextEdit)

        disk.fill()
        QApplication.clipboard().setText(LONG)
        plan.setFocus()
        qtbot.keyClick(plan, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # a long plan, pasted in
        assert plan.toPlainText() == LONG
        qtbot.waitUntil(lambda: "Not saved" in status.text(), timeout=WAIT_MS)
        assert "disk is full" in status.text().lower(), status.text()
        assert QApplication.activeModalWidget() is None  # said in the window, not in a dialog
        qtbot.wait(200)  # it tries again, and again fails, with the text still there
        assert plan.toPlainText() == LONG and find(window, "Name of the resource", QLineEdit).text() == "Padlet"
        assert "Not saved" in status.text()
        with db.transaction() as s:  # what was saved before is all there, and nothing half saved
            saved = svc.get_request(s, district.teacher, rid).form
            assert (saved.resource_name, saved.planned_use) == ("Padlet", "")

        disk.make_room()
        qtbot.waitUntil(lambda: status.text().startswith("Draft saved"), timeout=WAIT_MS)
        with db.transaction() as s:
            assert svc.get_request(s, district.teacher, rid).form.planned_use == LONG.strip()
        window.close()
    finally:
        db.dispose()


@pytest.mark.parametrize("case", list(faults.ADVICE))
def test_a_database_the_app_cannot_use_gets_a_plain_dialog_at_start_and_is_left_as_it_was(
        case, qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start-up installs the crash dialog: this test only
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []

    def critical(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(QDialog, "exec", lambda self: pytest.fail(f"{type(self).__name__} opened after all"))
    title, advice = faults.ADVICE[case]
    with faults.broken(case, tmp_path, monkeypatch) as path:
        before = faults.fingerprint(path)
        assert main(["--database", f"sqlite:///{path}"]) == 1  # the exit status of `techapproval`
        assert faults.fingerprint(path) == before
    assert len(shown) == 1, shown
    [(shown_title, text)] = shown
    assert shown_title == title and advice in text, (shown_title, text)
    assert not any(word in f"{shown_title} {text}" for word in faults.NOT_FOR_PEOPLE), text
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []  # no window opened after it
