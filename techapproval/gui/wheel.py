"""The mouse wheel scrolls the page; it changes a drop-down, a number or a date only when the person is in it.

Qt's drop-downs (QComboBox) and spin boxes (QSpinBox, QDateEdit: QAbstractSpinBox) take the focus from a
passing wheel and step their value with it: someone scrolling down the request form over "Parental permission
required?" changed the answer, and the autosave kept it. One filter on the application puts that right for
every such control, now and to come:

- Over a control that does not have the keyboard focus, the wheel scrolls the scroll area the control sits in
  (the form, the table of the import's column mapping), or the one round that when it is at its end, as over
  a label. The guard hands the event on itself: Qt passes a wheel event on to the parents only when it came
  from the window system, and a test's does not.
- Such a control takes the focus by click or Tab, never by wheel (Qt.StrongFocus, not Qt.WheelFocus).
- A control the person clicked or tabbed into does take the wheel: being in it says they mean it. The keyboard
  (arrows, Page Up/Down, typing) works as ever.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)
# Every event of every object passes the application's filter: its two kinds are looked up once, and any
# other event leaves at the first comparison (opening the request window sends thousands).
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


class WheelGuard(QObject):
    """Installed once on the application (install_wheel_guard)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind is not _WHEEL and kind is not _POLISH:
            return False
        if kind is _WHEEL and isinstance(watched, GUARDED) and not watched.hasFocus():
            pass_on(watched, event)
            return True  # the control never sees it
        if kind is _POLISH and isinstance(watched, GUARDED):
            calm(watched)
        return False


def pass_on(control: QWidget, event: QWheelEvent) -> None:
    """The wheel event to the scroll areas round `control`, the nearest first, until one scrolls."""
    event.ignore()
    widget = control.parentWidget()
    while widget is not None and not widget.isWindow():
        area = widget.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is widget:
            where = QPointF(widget.mapFrom(control, event.position().toPoint()))
            handed = QWheelEvent(where, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                 event.buttons(), event.modifiers(), event.phase(), event.inverted(), event.source())
            QApplication.sendEvent(widget, handed)
            if handed.isAccepted():
                event.accept()
                return
        widget = area


def calm(widget: QWidget) -> None:
    """Focus by click or Tab only, not by a passing wheel."""
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """The application's guard, installed the first time only."""
    guard = getattr(app, "wheel_guard", None)
    if guard is None:
        guard = app.wheel_guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
