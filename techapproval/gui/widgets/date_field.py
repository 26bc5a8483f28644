"""A date that may be "not recorded yet": a tick box saying whether it is set, and the date itself.

The date edit is named by the field ("Date executed"); the tick box is "<field> recorded". While the box
is clear the date edit is disabled and says "not recorded" in words, so the empty state is never told
by a greyed-out date alone. A `required` field has no tick box and always holds a date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ..common import named
from ..i18n import translate

DISPLAY_FORMAT = "ddd d MMM yyyy"
EARLIEST = QDate(1970, 1, 1)
LATEST = QDate(2199, 12, 31)
# One day before the earliest real date: the value the date edit shows as "not recorded".
_UNSET = EARLIEST.addDays(-1)
NOT_RECORDED = "not recorded"


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _DateEdit(QDateEdit):
    """A date edit whose pop-up calendar is built when first opened (by mouse or key), not with the field:
    a calendar costs about 12 ms to build, and a form has several. It gets its accessible name then."""

    calendar_name = ""

    def _name_calendar(self) -> None:
        if self.calendar_name:
            self.calendarWidget().setAccessibleName(self.calendar_name)
            self.calendar_name = ""

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._name_calendar()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._name_calendar()
        super().keyPressEvent(event)


class OptionalDateField(QWidget):
    changed = Signal()

    def __init__(self, label: str, *, required: bool = False, toggle_text: str = "Recorded",
                 description: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        named(
            self, translate("DateField", "{label} field").format(label=label)
        )  # the group of its parts; the date edit itself is `label`
        self.label = label
        self.required = required
        self._remembered: QDate | None = None  # the date shown again when the box is ticked again
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.checkbox: QCheckBox | None = None
        if not required:
            self.checkbox = named(
                QCheckBox(toggle_text),
                translate("DateField", "{label} recorded").format(label=label),
                translate("DateField", "Tick when there is a date for \u201c{label}\u201d").format(label=label),
            )
            layout.addWidget(self.checkbox)

        self.date_edit = _DateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DISPLAY_FORMAT)
        self.date_edit.setMaximumDate(LATEST)
        self.date_edit.calendar_name = translate("DateField", "{label} calendar").format(label=label)
        named(self.date_edit, label, description)
        # Wide enough for the longest date in the display format, with room for the popup button.
        sample = self.date_edit.fontMetrics().horizontalAdvance("Wed 30 Sep 2026")
        self.date_edit.setMinimumWidth(sample + 48)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)

        if required:
            self.date_edit.setMinimumDate(EARLIEST)
            self.date_edit.setDate(to_qdate(date.today()))
            self.setFocusProxy(self.date_edit)
        else:
            self.date_edit.setSpecialValueText(NOT_RECORDED)
            self._show_unset()
            self.setFocusProxy(self.checkbox)
            self.checkbox.toggled.connect(self._toggled)
        self.date_edit.dateChanged.connect(self._date_changed)

    # --- state ----------------------------------------------------------------------------

    def _show_unset(self) -> None:
        blocked = self.date_edit.blockSignals(True)
        self.date_edit.setMinimumDate(_UNSET)
        self.date_edit.setDate(_UNSET)
        self.date_edit.setEnabled(False)
        self.date_edit.blockSignals(blocked)

    def _show_set(self, day: QDate) -> None:
        blocked = self.date_edit.blockSignals(True)
        self.date_edit.setMinimumDate(EARLIEST)
        self.date_edit.setDate(day)
        self.date_edit.setEnabled(self.isEnabled())
        self.date_edit.blockSignals(blocked)

    def _toggled(self, on: bool) -> None:
        if on:
            self._show_set(self._remembered or to_qdate(date.today()))
        else:
            self._remembered = self.date_edit.date()
            self._show_unset()
        self.changed.emit()

    def _date_changed(self, _day: QDate) -> None:
        if self.is_set():
            self.changed.emit()

    def is_set(self) -> bool:
        return self.checkbox is None or self.checkbox.isChecked()

    def value(self) -> date | None:
        return from_qdate(self.date_edit.date()) if self.is_set() else None

    def set_value(self, value: date | None) -> None:
        """Show a stored value without announcing it as an edit (no `changed`)."""
        if self.checkbox is None:
            if value is None:
                raise ValueError(f"{self.label} needs a date")
            blocked = self.date_edit.blockSignals(True)
            self.date_edit.setDate(to_qdate(value))
            self.date_edit.blockSignals(blocked)
            return
        blocked = self.checkbox.blockSignals(True)
        self.checkbox.setChecked(value is not None)
        self.checkbox.blockSignals(blocked)
        if value is None:
            self._remembered = None
            self._show_unset()
        else:
            self._show_set(to_qdate(value))

    def set_read_only(self, read_only: bool) -> None:
        if self.checkbox is not None:
            self.checkbox.setEnabled(not read_only)
        self.date_edit.setReadOnly(read_only)
        self.date_edit.setCalendarPopup(not read_only)
        self.date_edit.setButtonSymbols(QDateEdit.ButtonSymbols.NoButtons if read_only
                                        else QDateEdit.ButtonSymbols.UpDownArrows)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enabling the whole field must not enable the date edit of a date that is not set.
        super().changeEvent(event)
        if event.type() == event.Type.EnabledChange and not self.is_set():
            self.date_edit.setEnabled(False)

    def text(self) -> str:
        """The value as shown, e.g. "Thu 3 Dec 2026" or "not recorded"."""
        return self.date_edit.text() if self.is_set() else NOT_RECORDED

    def focus_widget(self) -> QWidget:
        return self.checkbox if self.checkbox is not None else self.date_edit
