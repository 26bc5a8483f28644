"""gui.background: work off the UI thread, its progress dialog, its result or failure back on the UI thread;
and the website export, which runs through it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressBar, QProgressDialog, QWidget

from techapproval.gui.background import BackgroundTask
from techapproval.services import contracts
from tests.gui.conftest import click, find
from tests.website import build_registry


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_result_and_the_progress_come_back_on_the_ui_thread(qtbot, window):
    ui = QApplication.instance().thread()
    release = threading.Event()
    seen = []

    def work(progress, cancelled):
        seen.append(QThread.currentThread() is not ui)
        for n in range(3):
            progress(n + 1, 3)
        assert release.wait(10)
        return "done"

    task = BackgroundTask(window, "Counting", "Counting to three\u2026", work)
    results = []
    task.succeeded.connect(lambda value: results.append((value, QThread.currentThread() is ui)))
    task.start()
    progress = find(window, "Counting", QProgressDialog)
    bar = find(progress, "Progress", QProgressBar)
    qtbot.waitUntil(lambda: progress.isVisible() and bar.value() == 3, timeout=5000)
    assert "3 of 3 done" in find(progress, "Progress status").text()
    release.set()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [("done", True)] and seen == [True]
    assert not task.running and not task.was_cancelled


def test_a_failure_is_raised_by_wait_and_the_dialog_goes(qtbot, window):
    def work(progress, cancelled):
        raise OSError(28, "No space left on device")

    task = BackgroundTask(window, "Failing", "Trying\u2026", work).start()
    with pytest.raises(OSError, match="No space left"):
        task.wait()
    assert not task.dialog.isVisible()


@pytest.mark.parametrize("how", ["the Cancel button", "Escape"])
def test_cancel_asks_the_work_to_stop(qtbot, window, how):
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            QThread.msleep(10)
        return "stopped"

    task = BackgroundTask(window, "Waiting", "Waiting for Cancel\u2026", work).start()
    progress = find(window, "Waiting", QProgressDialog)
    qtbot.waitUntil(lambda: started.is_set() and progress.isVisible(), timeout=5000)
    if how == "Escape":
        qtbot.keyClick(progress, Qt.Key.Key_Escape)
    else:
        click(qtbot, progress, "Cancel")
    qtbot.waitUntil(lambda: not task.running, timeout=5000)  # not wait(): a missed Cancel would hang for good
    assert task.wait() == "stopped" and task.was_cancelled


def test_the_website_export_can_be_cancelled_before_its_pages_change(qtbot, window, signed_in, district, tmp_path,
                                                                     monkeypatch):
    """The export reads each signed document in the worker; the first is held back until Cancel is pressed."""
    from techapproval.gui.website import export_contracts_website

    build_registry(district)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last week's site")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(site))
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append((title, text)))
    pressed = threading.Event()
    read = contracts.document_content

    def held(session, actor_id, contract_id):
        assert pressed.wait(10), "Cancel was never pressed"
        return read(session, actor_id, contract_id)

    monkeypatch.setattr(contracts, "document_content", held)

    def cancel_once_shown():
        dialogs = window.findChildren(QProgressDialog)
        if not (dialogs and dialogs[0].isVisible()):
            QTimer.singleShot(20, cancel_once_shown)
            return
        click(qtbot, dialogs[0], "Cancel")
        pressed.set()

    QTimer.singleShot(0, cancel_once_shown)
    assert export_contracts_website(window, signed_in(district.reviewer)) is None  # returns once it has stopped
    assert told == [("Website export stopped", f"The export was stopped. The pages in {site} are as they were; "
                                               "nothing was recorded.")]
    assert (site / "index.html").read_text() == "last week's site"


def test_a_failed_task_is_told_in_plain_words_and_a_bug_is_raised(qtbot):
    from techapproval.gui.background import say_failure
    from techapproval.gui.common import MessageLabel
    from techapproval.services.errors import NotAllowed

    message = MessageLabel("Result")
    qtbot.addWidget(message)
    say_failure(message, PermissionError(13, "Permission denied"), lambda e: f"Not saved: {e.strerror}.")
    assert message.text() == "Not saved: Permission denied."
    say_failure(message, NotAllowed("Only a reviewer can do this."), lambda e: "unused")
    assert message.text() == "Only a reviewer can do this."
    with pytest.raises(ZeroDivisionError):
        say_failure(message, ZeroDivisionError(), lambda e: "unused")
