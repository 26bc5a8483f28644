"""Unexpected errors: a plain dialog for the person, and a log line for IT that names the code, not the data.

The exception's message is left out of the log on purpose: database errors quote the values they
failed on, and those may be a teacher's or a student's details."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime

from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import log_dir


def describe(exc_type, tb) -> str:
    frames = traceback.extract_tb(tb)
    where = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in frames)
    return f"{datetime.now().isoformat(timespec='seconds')} {exc_type.__module__}.{exc_type.__qualname__}\n{where}"


def report(exc_type, exc, tb) -> None:
    path = log_dir() / "errors.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(describe(exc_type, tb))
        where = f"Details for district IT are in {path}."
    except OSError:
        where = "The details could not be written to the log."
    if QApplication.instance() is not None:
        QMessageBox.critical(
            QApplication.activeWindow(),
            "Something went wrong",
            "techapproval hit an unexpected problem. What you saved before is safe; the last action may not"
            f" have finished. {where}",
        )


def install() -> None:
    sys.excepthook = report
