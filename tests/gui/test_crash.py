"""An unexpected error shows a plain dialog and logs where it happened, never the data it was about."""

import sys
import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPlainTextEdit

from techapproval.db.models import Person
from techapproval.gui import crash
from techapproval.gui.crash import CrashDialog
from techapproval.paths import log_dir
from techapproval.services import contracts
from tests.gui.conftest import click, find, when_dialog_opens
from tests.gui.test_contracts_page import add_contract_directly, open_page

# What a failure may carry in its message: a teacher's name and email, and a student's case reference.
NAME, EMAIL, CASE = "Nguyễn Thị Ánh", "teacher@riverside.example", "IEP-2026-017"


def every_log() -> str:
    """Every file in the log folder (errors.log and any rotated ones), as text."""
    return "".join(p.read_text(encoding="utf-8") for p in sorted(log_dir().rglob("*")) if p.is_file())


@pytest.fixture
def hook(monkeypatch):
    """crash.install() for this test only (pytest-qt's own hook comes back afterwards)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install()
    assert sys.excepthook is crash.report


def test_the_dialog_explains_and_copies_data_free_details_from_the_keyboard(qtbot, qapp, hook):
    QApplication.clipboard().setText("")
    seen = {}

    def act(dialog):
        words = find(dialog, "What went wrong", QLabel).text()
        assert "may not have finished" in words and "saved before is safe" in words
        assert str(log_dir() / "errors.log") in words
        copy = find(dialog, "Copy details")
        copy.setFocus()
        qtbot.keyClick(copy, Qt.Key.Key_Space)  # no mouse needed
        seen["clipboard"] = QApplication.clipboard().text()
        seen["shown"] = find(dialog, "Error details", QPlainTextEdit).toPlainText()
        assert find(dialog, "Copy result", QLabel).text().startswith("Copied")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    problems = when_dialog_opens(CrashDialog, act)
    try:
        raise ValueError(f"{NAME}, grade 4, {CASE}")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert problems == []
    copied = seen["clipboard"]
    assert copied == seen["shown"]
    assert copied.startswith("builtins.ValueError\n")
    assert "techapproval 0.1.0, Python 3." in copied and ", Qt 6." in copied
    assert "tests/gui/test_crash.py:" in copied and "in test_the_dialog_explains" in copied
    log = every_log()
    assert "builtins.ValueError" in log and "test_crash.py:" in log
    for data in (NAME, "Nguy", CASE, "grade 4"):
        assert data not in copied and data not in log


def test_a_failure_in_a_real_flow_leaves_no_personal_data_in_the_logs(qtbot, qapp, signed_in, district, tmp_path,
                                                                      monkeypatch, hook):
    """A reviewer attaches a document; the service fails with a database error that quotes a teacher's
    name, email and a case reference (a genuine IntegrityError, whose text lists the values), and
    wraps it in an error that names them too. The exception escapes the button's slot."""
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), "PDF documents (*.pdf)"))

    def duplicate_teacher(session):
        session.add(Person(name=NAME, position=f"Case manager for {CASE}", email=EMAIL, role="requester",
                           password_hash="x", created_at=datetime.now(UTC)))
        session.flush()

    def failing_attach(session, actor_id, contract_id, filename, content):
        from sqlalchemy.exc import IntegrityError

        try:
            duplicate_teacher(session)
        except IntegrityError as exc:
            assert EMAIL in str(exc)  # what the log must not get
            raise RuntimeError(f"Could not attach {filename} for {NAME} <{EMAIL}>, {CASE}") from exc

    monkeypatch.setattr(contracts, "attach_document", failing_attach)
    add_contract_directly(district)
    page = open_page(qtbot, signed_in(district.reviewer))
    copied = []

    def copy_then_close(dialog):
        click(qtbot, dialog, "Copy details")
        copied.append(QApplication.clipboard().text())
        dialog.reject()

    problems = when_dialog_opens(CrashDialog, copy_then_close)
    click(qtbot, page, "Attach signed document")  # the slot raises; PySide6 hands it to sys.excepthook
    assert problems == []

    # The bare IntegrityError too, raised in a timer's slot outside any use case.
    def bare():
        with district.db.transaction() as s:
            duplicate_teacher(s)

    problems = when_dialog_opens(CrashDialog, copy_then_close)
    QTimer.singleShot(0, bare)
    qtbot.waitUntil(lambda: len(copied) == 2, timeout=5000)
    assert problems == []

    log = every_log()
    assert log.count("Unexpected") == 2
    assert "builtins.RuntimeError" in log and "caused by sqlalchemy.exc.IntegrityError" in log
    assert "sqlalchemy.exc.IntegrityError\n" in log  # the bare one
    # the attach runs as an operation: its failure is raised again on the UI thread, where it was asked for
    assert "techapproval/gui/operations.py:" in log and "tests/gui/test_crash.py:" in log
    assert len(copied) == 2 and "builtins.RuntimeError" in copied[0]
    for data in (NAME, "Nguy", EMAIL, "riverside", CASE, "2026-017", "INSERT", "signed.pdf"):
        assert data not in log, data
        assert all(data not in text for text in copied), data
    frames = [line.strip() for line in log.splitlines() if line.startswith("  ") and " in " in line]
    assert frames and not [f for f in frames if f.startswith("/") or ":\\" in f]  # no folder naming an account


def test_errors_while_the_dialog_is_open_are_logged_without_a_second_dialog(qtbot, qapp, hook):
    counted = []

    def act(dialog):
        try:
            raise KeyError(CASE)
        except KeyError:
            crash.report(*sys.exc_info())  # e.g. a timer failing again behind the dialog
        counted.append(sum(isinstance(w, CrashDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
        dialog.reject()

    problems = when_dialog_opens(CrashDialog, act)
    try:
        raise ValueError(NAME)
    except ValueError:
        crash.report(*sys.exc_info())
    assert problems == [] and counted == [1]
    log = every_log()
    assert "builtins.ValueError" in log and "builtins.KeyError" in log
    assert NAME not in log and CASE not in log


def test_a_dialog_that_cannot_be_shown_does_not_loop_and_is_logged(qapp, hook, monkeypatch, capsys):
    calls = []

    def broken(self):
        calls.append(1)
        raise RuntimeError(f"cannot show it to {NAME}")

    monkeypatch.setattr(CrashDialog, "exec", broken)
    try:
        raise ValueError(CASE)
    except ValueError:
        crash.report(*sys.exc_info())
    assert calls == [1]
    err = capsys.readouterr().err
    assert "unexpected problem" in err and "saved before is safe" in err and CASE not in err
    log = every_log()
    assert "builtins.ValueError" in log and "builtins.RuntimeError" in log  # both, once each
    assert log.count("Unexpected") == 2 and NAME not in log and CASE not in log


def test_an_error_in_another_thread_is_logged(qapp, hook):
    def work():
        raise OSError(f"cannot read {NAME}'s file")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    log = every_log()
    assert "builtins.OSError" in log and "in work" in log and NAME not in log
