"""The self-test's window step: the main window built on Qt's offscreen platform, then taken down."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, qVersion
from PySide6.QtWidgets import QApplication

from .context import AppContext


def open_main_window(ctx: AppContext) -> str:
    """Create the main window (and the QApplication, offscreen, unless one runs already), check it
    shows its sections, and delete it. Returns what was seen."""
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(["techapproval", "-platform", "offscreen"])
    window = MainWindow(ctx)
    try:
        window.poll_timer.stop()  # the database goes away after this step
        sections = window.tabs.count()
        if sections == 0:
            raise RuntimeError("the main window shows no sections")
        return f"Qt {qVersion()} on {app.platformName()}, {sections} sections"
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
