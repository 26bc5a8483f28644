"""Small helpers every screen uses: accessible names, error labels, messages."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTime, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..db.database import DatabaseProblem
from ..domain.district_time import LOCAL
from ..services.errors import Invalid, ServiceError
from .i18n import chosen_locale, translate

SEARCH_DELAY_MS = 200  # search boxes read once typing pauses this long


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


def details_panel(name: str) -> QLabel:
    """The framed text under a table that tells the selected row's details in words."""
    label = text_label(name)
    label.setFrameShape(QLabel.Shape.StyledPanel)
    label.setContentsMargins(6, 4, 6, 4)
    return label


class MessageLabel(QLabel):
    """A page's one line of feedback: a refusal or a problem in the words the services wrote; hidden
    when there is nothing to say."""

    def __init__(self, name: str):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        named(self, name)
        self.hide()

    def say(self, text_or_exc) -> None:
        if isinstance(text_or_exc, Invalid):
            text = " ".join(text_or_exc.errors.values())
        elif isinstance(text_or_exc, ServiceError):
            text = text_or_exc.message
        elif isinstance(text_or_exc, DatabaseProblem):
            text = f"{text_or_exc.title}: {text_or_exc.message}"
        else:
            text = str(text_or_exc)
        self.setText(text)
        self.setVisible(bool(text))


class ErrorLabel(QLabel):
    """A message under a field. Marked with a sign and words, not colour alone; its field's accessible
    description carries the same text for screen readers."""

    def __init__(self, field: QWidget, name: str):
        super().__init__()
        self.field = field
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("font-weight: bold;")
        self.setAccessibleName(translate("Common", "{name} error").format(name=name))
        self.hide()

    def show_message(self, message: str | None) -> None:
        if message:
            self.setText(f"\u26a0 {message}")
            self.show()
        else:
            self.clear()
            self.hide()
        self.field.setAccessibleDescription(message or "")


def _day_format(locale: QLocale, short_month: bool) -> str:
    """The locale's long date without the weekday ("MMMM d, yyyy" in English, "d 'de' MMMM 'de' yyyy" in
    Spanish); with the month abbreviated for tables."""
    pattern = re.sub(r"^\s*dddd[,.\s]*|[,.\s]*dddd\s*$", "", locale.dateFormat(QLocale.FormatType.LongFormat))
    return pattern.replace("MMMM", "MMM") if short_month else pattern


def people_day(day: date | None, short_month: bool = False) -> str:
    """A calendar day as people write it in their language: "December 7, 2026" (never "December 07")."""
    if day is None:
        return ""
    locale = chosen_locale()
    return locale.toString(QDate(day.year, day.month, day.day), _day_format(locale, short_month))


def local_date(when: datetime | None) -> str:
    """The district's day of a moment, short: "Dec 7, 2026"."""
    return people_day(when.astimezone(LOCAL).date(), short_month=True) if when else ""


def local_datetime(when: datetime | None) -> str:
    """The district's day and time of a moment, in the person's language: "Dec 7, 2026 9:05 AM"."""
    if when is None:
        return ""
    local = when.astimezone(LOCAL)
    locale = chosen_locale()
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{local_date(when)} {time}"


def show_problem(parent: QWidget | None, exc: Exception, title: str = "") -> None:
    """A refusal or a database problem, told in the words the service layer wrote for people."""
    if isinstance(exc, DatabaseProblem):
        QMessageBox.warning(parent, exc.title, exc.message)
    elif isinstance(exc, ServiceError):
        QMessageBox.information(parent, title or translate("Common", "Not done"), exc.message)
    else:
        raise exc


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, callback):
        super().__init__(window)
        self.callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.UpdateRequest:  # the window paints itself and its children now
            watched.removeEventFilter(self)
            QTimer.singleShot(0, watched, self.callback)  # so: once this paint is done
            self.deleteLater()
        return False


def after_first_paint(window: QWidget, callback) -> None:
    """Run `callback` once the window has first been painted: work that can wait a moment (a count in a
    tab's title, say) does not hold back what the person came for. A zero timer alone can run first."""
    _AfterFirstPaint(window, callback)
