"""The app's tables: sortable, one row selected, opened with Enter or a double click.

A table keeps its place when its rows are loaded again (after the person's own change, F5, or a change
someone else made): the selected row by its key, not its row number, and the scroll position. Pages only
set rows; this is the one place that knows how to keep the place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..common import named
from ..i18n import translate
from ..models.tables import ROW_ROLE

FIT_ROWS = 25  # the rows measured when columns fit their contents: about a screen, cheap at any size


def row_id(row: Any) -> Any:
    """The default key of a row: its database id."""
    return row.id


@dataclass(frozen=True)
class _Place:
    key: Any  # the selected row's key, None when nothing was selected
    row: int  # where it was, for choosing the nearest row when it is gone
    visible: bool  # whether the selected row was in view
    vertical: int
    horizontal: int


class ListView(QTableView):
    """A table that opens its current row with Enter as well as with a double click. Columns fit their
    contents the first time rows show, then only grow (columns that jump at every keystroke of a search
    are hard to read; a cut cell shows its whole text as a tooltip); the `stretch` column (the resource
    name, usually) takes the spare width.
    `key` gives a row's identity (its id by default): what stays selected across reloads."""

    def __init__(self, name: str, open_row, stretch: int = 0, key: Callable[[Any], Any] = row_id):
        super().__init__()
        named(self, name)
        self.open_row = open_row
        self.stretch = stretch
        self.key = key
        self._place: _Place | None = None
        self._fitted = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setAccessibleName(translate("ListView", "{name} rows").format(name=name))
        self.horizontalHeader().setAccessibleName(
            translate("ListView", "{name} columns, click to sort").format(name=name)
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.doubleClicked.connect(lambda _index: self.open_row())

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        super().setModel(model)
        model.modelAboutToBeReset.connect(self._remember_place)
        model.modelReset.connect(self.fit_columns)
        model.modelReset.connect(self._restore_place)  # after fit_columns: the widths move the scroll range
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as the widest cell of the first rows, the first time the list has rows;
        after that a column only grows (to show a longer status, say), so columns never jump narrower
        at each keystroke of a search."""
        if not self.model().rowCount():
            return
        header = self.horizontalHeader()
        if not self._fitted:
            self._fitted = True
            self.resizeColumnsToContents()
        else:
            for column in range(header.count()):
                if column != self.stretch and (wanted := self.sizeHintForColumn(column)) > header.sectionSize(column):
                    header.resizeSection(column, wanted)
        if 0 <= self.stretch < header.count():
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row()
            return
        super().keyPressEvent(event)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt's name
        """End on a list read a page at a time (models.tables.PagedTableModel): the pages still to come are
        read off the UI thread and the last row is selected once they are in; meanwhile the cursor goes to
        the last row read so far."""
        model = self.model()
        if action == QAbstractItemView.CursorAction.MoveEnd and getattr(model, "more", False) \
                and hasattr(model, "read_to_end"):
            model.read_to_end(lambda: self.select_index(model.index(model.rowCount() - 1, 0)))
        return super().moveCursor(action, modifiers)

    # --- rows -------------------------------------------------------------------------------

    def current_row(self):
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    @staticmethod
    def row_at(index):
        return index.data(ROW_ROLE)

    def index_of(self, key: Any) -> QModelIndex | None:
        """The (view-side) index of the row with this key, None when no row has it."""
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if self.key(index.data(ROW_ROLE)) == key:
                return index
        return None

    def select_index(self, index: QModelIndex | None) -> None:
        """Make index the current, selected row; None selects nothing."""
        if index is None or not index.isValid():
            self.selectionModel().clear()
            return
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def select_key(self, key: Any) -> bool:
        """Select the row with this key; False (the selection unchanged) when no row has it."""
        index = self.index_of(key)
        if index is not None:
            self.select_index(index)
        return index is not None

    def select_key_or_first(self, key: Any) -> None:
        """Select the row with this key; when no row has it (a filter hides it), the first row."""
        if key is None or not self.select_key(key):
            model = self.model()
            self.select_index(model.index(0, 0) if model.rowCount() else None)

    def select_first_if_none(self) -> None:
        """A list that shows rows has one selected, so that Enter opens something."""
        if not self.currentIndex().isValid() and self.model().rowCount():
            self.select_index(self.model().index(0, 0))

    # --- keeping the place across reloads ---------------------------------------------------

    def _remember_place(self) -> None:
        current = self.currentIndex()
        row = current.data(ROW_ROLE) if current.isValid() else None
        visible = current.isValid() and self.viewport().rect().intersects(self.visualRect(current))
        self._place = _Place(None if row is None else self.key(row), current.row() if current.isValid() else -1,
                             visible, self.verticalScrollBar().value(), self.horizontalScrollBar().value())

    def _restore_place(self) -> None:
        place, self._place = self._place, None
        if place is None:
            return
        self.executeDelayedItemsLayout()  # the scroll bars' ranges for the new rows
        if place.key is not None and not self.select_key(place.key):
            count = self.model().rowCount()  # the row is gone: the one now in its place, if any
            self.select_index(self.model().index(min(place.row, count - 1), 0) if count else None)
        self.verticalScrollBar().setValue(place.vertical)
        self.horizontalScrollBar().setValue(place.horizontal)
        current = self.currentIndex()
        if place.visible and current.isValid():
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)
