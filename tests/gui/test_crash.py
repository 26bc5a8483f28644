"""An unexpected error shows a plain dialog and logs where it happened, never the data it was about."""

import sys

from PySide6.QtWidgets import QMessageBox

from techapproval.gui import crash
from techapproval.paths import log_dir


def test_unexpected_error_is_logged_without_its_message(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    try:
        raise ValueError("Nguyễn Thị Ánh, grade 4, IEP case 2026-017")
    except ValueError:
        crash.report(*sys.exc_info())

    log = (log_dir() / "errors.log").read_text(encoding="utf-8")
    assert "builtins.ValueError" in log
    assert "test_crash.py" in log
    assert "Nguyễn" not in log and "IEP" not in log
    [(title, text)] = shown
    assert title == "Something went wrong"
    assert str(log_dir() / "errors.log") in text
