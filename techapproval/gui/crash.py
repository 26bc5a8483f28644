"""Unexpected errors: a plain dialog for the person, and a log line for IT that names the code, not the data.

The exception's message is left out of the log on purpose: database errors quote the values they
failed on, and those may be a teacher's or a student's details."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from ..errorlog import log_unexpected


def report(exc_type, exc, tb) -> None:
    path = log_unexpected(exc_type, tb)
    where = f"Details for district IT are in {path}." if path else "The details could not be written to the log."
    if QApplication.instance() is not None:
        QMessageBox.critical(
            QApplication.activeWindow(),
            "Something went wrong",
            "techapproval hit an unexpected problem. What you saved before is safe; the last action may not"
            f" have finished. {where}",
        )


def install() -> None:
    sys.excepthook = report
