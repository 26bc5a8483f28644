"""District closures (snow days, recess): days the business-day deadlines skip. Administrators keep them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.contracts import format_day
from ...services import compliance
from ...services.errors import Invalid, ServiceError
from ..common import ErrorLabel, named, show_problem
from ..context import AppContext
from ..i18n import translate


class ClosuresBox(QGroupBox):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(translate("ClosuresBox", "District closures (not counted as business days)"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "ClosuresBox",
                "Weekends and Connecticut state holidays are skipped automatically. Add the days the "
                "district is closed, such as snow days and recess, so deadlines move past them.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = named(QListWidget(), translate("ClosuresBox", "District closures"))
        self.list.setMaximumHeight(160)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.day = named(QDateEdit(QDate.currentDate()), translate("ClosuresBox", "Closure date"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.label = named(QLineEdit(), translate("ClosuresBox", "Closure reason"))
        self.label.setPlaceholderText(translate("ClosuresBox", "e.g. Snow day"))
        add = named(QPushButton(translate("ClosuresBox", "Add c&losure")), translate("ClosuresBox", "Add closure"))
        remove = named(
            QPushButton(translate("ClosuresBox", "Remove selected closure")), translate("ClosuresBox", "Remove closure")
        )
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        for w in (self.day, self.label, add, remove):
            row.addWidget(w)
        layout.addLayout(row)
        self.error = ErrorLabel(self.label, translate("ClosuresBox", "Closure reason"))
        layout.addWidget(self.error)

    def refresh(self) -> None:
        """Read the closures again, keeping the selected day selected and the list where it was scrolled
        (the date and reason being typed below are left alone)."""
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        scrolled = self.list.verticalScrollBar().value()
        self.list.clear()
        for day, label in self.ctx.call(compliance.list_closures):
            item = QListWidgetItem(f"{format_day(day)} \u2014 {label}")
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.list.addItem(item)
            if item.data(Qt.ItemDataRole.UserRole) == keep:
                self.list.setCurrentItem(item)
        self.list.verticalScrollBar().setValue(scrolled)

    def add(self) -> None:
        try:
            self.ctx.call(compliance.add_closure, self.day.date().toPython(), self.label.text())
        except Invalid as exc:
            self.error.show_message(" ".join(exc.errors.values()))
            return
        except ServiceError as exc:
            show_problem(self, exc)
            return
        self.error.show_message(None)
        self.label.clear()
        self.refresh()
        self.changed.emit()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self.ctx.call(compliance.remove_closure, date.fromisoformat(item.data(Qt.ItemDataRole.UserRole)))
        except ServiceError as exc:
            show_problem(self, exc)
            return
        self.refresh()
        self.changed.emit()
