"""Unexpected errors: a plain dialog for the person, and a log entry for IT that names the code, not the data.

Every unexpected exception on the GUI thread, including one raised inside a Qt slot (PySide6 hands
those to sys.excepthook), comes here. The exception's message is left out of the log and of the
details on purpose: database errors quote the values they failed on, and those may be a teacher's or
a student's details. While the dialog is up, further errors are only logged (a failing timer must
not stack dialogs), and if the dialog itself cannot be shown the error is still logged and a line
goes to stderr: the hook never calls itself.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..errorlog import describe, log_unexpected
from .common import named, text_label
from .i18n import translate
from .screen import fit_to_screen

TITLE = "Something went wrong"


def explanation(log_path: Path | None) -> str:
    where = (f"The details are also kept for district IT in {log_path}." if log_path
             else "The details could not be written to the log, so copy them now if you want to send them.")
    return ("techapproval hit an unexpected problem, so the last thing you did may not have finished. Everything "
            "you saved before is safe. If it happens again, tell district IT what you were doing: press Copy "
            "details and paste them into your message. The details say where in the program the problem was, "
            f"never what you typed. {where}")


class CrashDialog(QDialog):
    """What happened, in plain words; the data-free details, shown and one key press from the clipboard."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(TITLE)
        named(self, TITLE)
        layout = QVBoxLayout(self)
        message = text_label(translate("CrashDialog", "What went wrong"))
        message.setText(explanation(log_path))
        layout.addWidget(message)
        shown = named(
            QPlainTextEdit(details),
            translate("CrashDialog", "Error details"),
            translate("CrashDialog", "The details for district IT: where the problem was, without anything you typed"),
        )
        shown.setReadOnly(True)
        shown.setTabChangesFocus(True)
        layout.addWidget(shown)
        self.copied = named(QLabel(""), translate("CrashDialog", "Copy result"))
        layout.addWidget(self.copied)
        buttons = QDialogButtonBox()
        self.copy_button = named(
            QPushButton(translate("CrashDialog", "&Copy details")),
            translate("CrashDialog", "Copy details"),
            translate("CrashDialog", "Put the details on the clipboard, to paste into a message to district IT"),
        )
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = named(buttons.addButton(QDialogButtonBox.StandardButton.Close), translate("CrashDialog", "Close"))
        close.setDefault(True)  # Enter and Escape both close it
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 380)
        close.setFocus()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copied.setText(translate("CrashDialog", "Copied. Paste the details into your message to district IT."))


_showing = threading.Lock()  # held while a dialog is up (or being built): later errors are only logged


def report(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in the terminal that started the app: not an error
        return
    details = describe(exc_type, tb, exc, qVersion())
    path = log_unexpected(exc_type, tb, exc, qVersion())
    app = QApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        _to_stderr(path)
        return
    if not _showing.acquire(blocking=False):  # a dialog is already up: this one is in the log
        return
    try:
        CrashDialog(details, path, QApplication.activeWindow()).exec()
    except BaseException as failure:  # noqa: BLE001 - the dialog itself failed: log it, never loop
        log_unexpected(type(failure), failure.__traceback__, failure, qVersion())
        _to_stderr(path)
    finally:
        _showing.release()


def _to_stderr(path: Path | None) -> None:
    where = f" Details for district IT are in {path}." if path else ""
    try:
        print(f"techapproval: an unexpected problem; what was saved before is safe.{where}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # no stderr (a windowed app on Windows)
        pass


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is not SystemExit:
        log_unexpected(args.exc_type, args.exc_traceback, args.exc_value, qVersion())


def install() -> None:
    sys.excepthook = report
    threading.excepthook = _thread_hook
