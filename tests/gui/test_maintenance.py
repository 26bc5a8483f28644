"""File → Back up / Restore the database, through the menu as an administrator does it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import update

from techapproval.db.database import open_database
from techapproval.db.models import Person
from techapproval.gui.context import AppContext
from techapproval.services import people
from tests.conftest import make_district
from tests.gui.conftest import open_main


@pytest.fixture
def local(tmp_path):
    """A district in a SQLite file of its own, whichever database the other tests use."""
    db = open_database(f"sqlite:///{tmp_path / 'live' / 'techapproval.db'}")
    try:
        yield make_district(db)
    finally:
        db.dispose()


def signed_in(district, person_id: int) -> AppContext:
    with district.db.transaction() as s:
        ctx = AppContext(district.db, people.get_person(s, person_id))
    ctx.reload_settings()
    return ctx


def menu_action(window, menu_title: str, text: str):
    for menu in window.menuBar().actions():
        if menu.text().replace("&", "") == menu_title:
            for action in menu.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    return None


def admin_name(district) -> str:
    with district.db.transaction() as s:
        return people.get_person(s, district.admin).name


def test_an_administrator_backs_up_and_restores_through_the_menu(qtbot, local, tmp_path, monkeypatch):
    window = open_main(qtbot, signed_in(local, local.admin))
    backup_file = tmp_path / "saved" / "riverside.db"
    backup_file.parent.mkdir()
    told = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(backup_file), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: told.append((title, text)))
    menu_action(window, "File", "Back up the database\u2026").trigger()
    assert backup_file.exists()
    [(title, text)] = told
    assert title == "Backup made" and str(backup_file) in text and "personal data" in text

    with local.db.transaction() as s:  # a change after the backup, which the restore takes back
        s.execute(update(Person).where(Person.id == local.admin).values(name="Changed Since"))
    told.clear()
    warned = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup_file), ""))
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, text, *a: warned.append(text) or QMessageBox.StandardButton.Yes)
    menu_action(window, "File", "Restore the database from a backup\u2026").trigger()
    [question] = warned
    assert local.db.location in question and str(backup_file) in question and "copy" in question
    [(title, text)] = told
    assert title == "Database restored" and "kept in" in text and "sign in again" in text
    assert admin_name(local) == "Dana Admin"
    assert list((tmp_path / "live").glob("techapproval.before-restore-*.db"))  # the database as it was
    assert window.restart_requested and not window.isVisible()  # gui/app.py signs in again


def test_a_restore_can_be_cancelled_and_a_newer_backup_is_refused(qtbot, local, tmp_path, monkeypatch):
    import sqlite3

    from techapproval.services import maintenance

    newer = tmp_path / "newer.db"
    maintenance.backup_database(local.db, local.admin, newer)
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with local.db.transaction() as s:
        s.execute(update(Person).where(Person.id == local.admin).values(name="Kept As Is"))
    window = open_main(qtbot, signed_in(local, local.admin))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(newer), ""))
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: answers.pop(0))
    restore = menu_action(window, "File", "Restore the database from a backup\u2026")
    restore.trigger()  # cancelled at the question
    assert admin_name(local) == "Kept As Is" and window.isVisible()

    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, title, text, *a: shown.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text: shown.append(text))
    restore.trigger()
    assert any("newer version of techapproval" in text for text in shown)
    assert admin_name(local) == "Kept As Is"
    assert window.isVisible() and not window.restart_requested and window.poll_timer.isActive()


def test_only_the_administrator_has_the_menu(qtbot, local):
    reviewer = open_main(qtbot, signed_in(local, local.reviewer))
    assert menu_action(reviewer, "File", "Back up the database\u2026") is None
    admin = open_main(qtbot, signed_in(local, local.admin))
    assert menu_action(admin, "File", "Back up the database\u2026") is not None


def test_after_a_restore_the_app_signs_in_again_on_the_database_opened_afresh(qtbot, local, monkeypatch):
    """gui/app.py: the main window closed by a restore is followed by a new sign-in and a new main window."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from techapproval.gui import app as gui_app
    from techapproval.gui import crash
    from techapproval.gui.main_window import MainWindow

    monkeypatch.setattr(crash, "install", lambda: None)
    opened, windows = [], []

    def sign_in(backend):
        opened.append(backend)
        if len(opened) == 2:
            return None  # the person cancels the second sign-in: the app ends
        with backend.db.transaction() as s:
            ctx = AppContext(backend, people.get_person(s, local.admin))
        ctx.reload_settings()
        return ctx

    def restore_done():
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        windows.append(window)
        window.restart_requested = True  # as File → Restore leaves it
        window.close()

    monkeypatch.setattr(gui_app, "sign_in", sign_in)
    QTimer.singleShot(500, restore_done)
    assert gui_app.run_gui(str(local.db.url)) == 0
    assert len(opened) == 2 and opened[0] is not opened[1]  # the database opened again, not reused
    assert windows and windows[0].restart_requested
