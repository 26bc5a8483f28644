"""The room a window has on the person's screen. Every window takes its size from here, so that it fits the
screens district laptops have: 1366×768 at 100% and at 125% scale (1093×614 logical pixels), and 1280×720,
each less the task bar, with its buttons in view."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

# What the window system draws around a window, in logical pixels: Windows' title bar (31 at any scale)
# and borders, with a little to spare. A window's own size leaves this much of the screen free.
FRAME = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the screen the widget's window is on (else the main screen) that windows may cover: the
    screen less the task bar and docks, in logical pixels. Asked of QGuiApplication, never of the widget:
    the QScreen that PySide6's QWidget.screen() returns is taken as the widget's child, and deleted with it."""
    window = widget.window() if widget is not None else None
    screen = QGuiApplication.screenAt(window.geometry().center()) if window is not None and window.isVisible() else None
    return (screen or QGuiApplication.primaryScreen()).availableGeometry()


def room(widget: QWidget | None = None) -> QSize:
    """The largest size a window on the widget's screen may have, its frame around it still on the screen."""
    return available_geometry(widget).size() - FRAME


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Give `window` the size width×height, or less where its screen is smaller: never more than `room`.
    A dialog goes on its parent's screen, which it is asked about."""
    space = room(window.parentWidget() or window)
    window.resize(min(width, space.width()), min(height, space.height()))


def fit_wrapped_text(window: QWidget) -> None:
    """Give a window about to show the height its wrapped text needs at the width it has, as far as its
    screen allows. Qt sizes a new window by its size hint, not by that height: a dialog wider than its hint
    (by a minimum width) would show squeezed."""
    if not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        window.adjustSize()
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    wanted = layout.totalHeightForWidth(window.width())
    if wanted > window.height():
        window.resize(window.width(), min(wanted, room(window.parentWidget() or window).height()))


def scrolled(widget: QWidget, name: str) -> QScrollArea:
    """`widget` in a scroll area of its own, for a panel taller than a small screen leaves it. No frame, and no
    Tab stop of its own: Tab goes through the panel's fields, and the area scrolls each into view."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # its text wraps instead
    area.setWidget(widget)
    area.setAccessibleName(name)
    return area


def stacked(name: str, *parts: tuple[QWidget, int]) -> QSplitter:
    """Widgets one above the other, sharing the height in the proportions given (widget, stretch), the
    person free to move the line between them; none can be squeezed out of sight."""
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.setAccessibleName(name)
    splitter.setChildrenCollapsible(False)
    for index, (widget, stretch) in enumerate(parts):
        splitter.addWidget(widget)
        splitter.setStretchFactor(index, stretch)
    return splitter
