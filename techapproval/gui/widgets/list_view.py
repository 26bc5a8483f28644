"""The app's tables: sortable, one row selected, opened with Enter or a double click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..common import named
from ..models.tables import ROW_ROLE


class ListView(QTableView):
    """A table that opens its current row with Enter as well as with a double click. Columns fit their
    contents after each load; the `stretch` column (the resource name, usually) takes the spare width."""

    def __init__(self, name: str, open_row, stretch: int = 0):
        super().__init__()
        named(self, name)
        self.open_row = open_row
        self.stretch = stretch
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setAccessibleName(f"{name} rows")
        self.horizontalHeader().setAccessibleName(f"{name} columns, click to sort")
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.setTabKeyNavigation(False)
        self.doubleClicked.connect(lambda _index: self.open_row())

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        model.modelReset.connect(self.fit_columns)
        model.layoutChanged.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        self.resizeColumnsToContents()
        if 0 <= self.stretch < header.count():
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row()
            return
        super().keyPressEvent(event)

    def current_row(self):
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    @staticmethod
    def row_at(index):
        return index.data(ROW_ROLE)
