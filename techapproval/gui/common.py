"""Small helpers every screen uses: accessible names, error labels, messages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..db.database import DatabaseProblem
from ..services.errors import ServiceError

LOCAL = ZoneInfo("America/New_York")


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def text_label(name: str) -> QLabel:
    """A label that shows user text as plain text (never as markup), wraps, and can be selected and
    copied from the keyboard."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    named(label, name)
    return label


class ErrorLabel(QLabel):
    """A message under a field. Marked with a sign and words, not colour alone; its field's accessible
    description carries the same text for screen readers."""

    def __init__(self, field: QWidget, name: str):
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("font-weight: bold;")
        self.setAccessibleName(f"{name} error")
        self.hide()

    def show_message(self, message: str | None) -> None:
        if message:
            self.setText(f"\u26a0 {message}")
            self.show()
        else:
            self.clear()
            self.hide()
        self.field.setAccessibleDescription(message or "")


def local_date(when: datetime | None) -> str:
    return when.astimezone(LOCAL).strftime("%b %d, %Y") if when else ""


def local_datetime(when: datetime | None) -> str:
    return when.astimezone(LOCAL).strftime("%b %d, %Y %I:%M %p") if when else ""


def show_problem(parent: QWidget | None, exc: Exception, title: str = "") -> None:
    """A refusal or a database problem, told in the words the service layer wrote for people."""
    if isinstance(exc, DatabaseProblem):
        QMessageBox.warning(parent, exc.title, exc.message)
    elif isinstance(exc, ServiceError):
        QMessageBox.information(parent, title or "Not done", exc.message)
    else:
        raise exc
