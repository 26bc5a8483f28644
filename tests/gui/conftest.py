"""GUI tests drive real widgets, found by their accessible names, as a person (or a screen reader) would."""

from __future__ import annotations

import os
import re

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TECHAPPROVAL_LANGUAGE", "en")  # tests find widgets by their English names

from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QRadioButton,
    QWidget,
)

from techapproval.gui.context import AppContext  # noqa: E402
from techapproval.services import people  # noqa: E402


def settle() -> None:
    """Wait for the operations under way (gui/operations.py) to answer, as a person waits for the screen to
    show what they asked for before they read it or act on it."""
    from techapproval.gui.operations import Operations

    if Operations._instance is not None:
        assert Operations.instance().wait_idle(20_000), "an operation did not answer within 20 s"


def find(parent: QWidget | None, name: str, cls: type = QWidget):
    """The one visible-or-not widget called `name` under parent (or among all windows), once the screen
    shows what the operations under way were reading."""
    settle()
    roots = [parent] if parent is not None else QApplication.topLevelWidgets()
    found = []
    for root in roots:
        candidates = [root, *root.findChildren(cls)]
        found.extend(w for w in candidates if isinstance(w, cls) and w.accessibleName() == name)
    assert len(found) == 1, f"expected one widget named {name!r}, found {len(found)}"
    return found[0]


def type_into(qtbot, window, name: str, text: str) -> None:
    widget = find(window, name)
    widget.setFocus()
    type_text(qtbot, widget, text)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key presses for ASCII; for other characters (QTest aborts on them) the key event a keyboard
    layout or input method delivers: no key code, just the text."""
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, run))


def click(qtbot, window, name: str) -> None:
    button = find(window, name, QAbstractButton)
    assert button.isVisible() and button.isEnabled(), f"{name} cannot be clicked now"
    if isinstance(button, QCheckBox | QRadioButton):  # click the box itself, as a person aims
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()  # what the click asked for has answered, as a person waits to see it


def choose(qtbot, window, name: str, text: str) -> None:
    """Pick `text` in a closed combo box with the arrow keys (typing a choice's words is a keyboard search
    only while keys come fast: on a busy machine its space opens the popup, which then keeps the focus)."""
    combo = find(window, name, QComboBox)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text
    settle()  # what the choice asked for (a list read again) has answered


def open_main(qtbot, ctx):
    from techapproval.gui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: not window.unbuilt, timeout=5000)  # the hidden tabs' pages, built after it shows
    settle()
    return window



def when_dialog_opens(dialog_class: type, act) -> list:
    """Run act(dialog) once a modal dialog of that class shows (its exec() blocks the test's flow).
    Returns a list that receives any failure inside act, for the test to assert empty; the dialog
    is closed after a failure so the test cannot hang on it."""
    from PySide6.QtCore import QTimer

    problems: list = []

    def poll():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, dialog_class) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, poll)
            return
        dialog = dialogs[0]
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            problems.append(exc)
        if dialog.isVisible():  # act failed, or the dialog refused the input: say what it shows
            if not problems:
                shown = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and "\u26a0" in w.text()]
                problems.append(AssertionError(f"{dialog_class.__name__} is still open; it shows {shown}"))
            dialog.reject()

    QTimer.singleShot(0, poll)
    return problems


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A message box nobody expected fails the test instead of waiting forever for a click."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected dialog: {texts}")

    for name in ("question", "warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def signed_in(district):
    def as_person(person_id: int) -> AppContext:
        with district.db.transaction() as s:
            ctx = AppContext(district.db, people.get_person(s, person_id))
        ctx.reload_settings()
        return ctx

    return as_person


@pytest.fixture(autouse=True)
def operations_end_with_the_test():
    """Every operation a test started answers within it, and the worker thread ends with it: nothing of one
    test's reaches the next's database."""
    yield
    from techapproval.gui.operations import Operations

    if Operations._instance is not None:
        Operations.instance().wait_idle(10_000)
    Operations.reset()
