"""Whole tabs of the main window, each a widget given the AppContext."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent


class ReadWhenShown:
    """A page (a QWidget with refresh()) whose holder reads it: built without reading its lists. The main
    window builds every tab at start and reads only the tab in view, the others when they are first shown
    (MainWindow._loaders), so a page that read itself when built read its lists twice, and the hidden
    tabs' lists on every start. Shown on its own, as a window, the page reads itself when first shown."""

    _shown_once = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if self.isWindow():
                self.refresh()
