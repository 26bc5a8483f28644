"""The mouse wheel over a drop-down, a number or a date scrolls the page and leaves the value alone, unless the
person is in that control (techapproval/gui/wheel.py). Real wheel events, sent where the pointer is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

from techapproval.gui.dialogs.records_import import RecordsImportDialog
from tests.gui import test_accessibility as walk
from tests.gui.conftest import click, find, open_main, type_into
from tests.gui.test_accessibility import DIALOGS, Env, data  # noqa: F401 - data is the dialogs' fixture

GUARDED = (QComboBox, QAbstractSpinBox)


@pytest.fixture(autouse=True)
def guarded(qapp):
    """The application as the app makes it (techapproval.gui.app.application installs the guard)."""
    from techapproval.gui.app import application

    assert application() is qapp


def wheel(control: QWidget, notches: int = -1) -> None:
    """Turn the wheel over the middle of `control` (down for a negative count). Sent to the control itself:
    Qt hands a wheel event from the window system on from the widget under the pointer (a spin box's text
    field) to its parents, but not one sent by a test."""
    where = QPointF(control.width() / 2, control.height() / 2)
    event = QWheelEvent(where, QPointF(control.mapToGlobal(where)), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(control, event)


def value(control: QWidget) -> object:
    return control.currentIndex() if isinstance(control, QComboBox) else control.text()


def scroll_area_of(control: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose viewport holds the control, if any."""
    widget = control.parentWidget()
    while widget is not None:
        area = widget.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is widget:
            return area
        widget = area
    return None


def wheeled_over(root: QWidget, where: str) -> list[str]:
    """Wheel over every drop-down, spin box and date under root that a person can reach: what changed a value,
    took the focus, or did not scroll the scroll area it sits in. Returns the controls tried too (as 'tried: …')."""
    found = []
    for control in root.findChildren(QWidget):
        if not isinstance(control, GUARDED) or not control.isVisible() or not control.isEnabled():
            continue
        name = control.accessibleName() or walk.describe(control)
        found.append(f"tried: {name}")
        area = scroll_area_of(control)
        if hasattr(area, "ensureWidgetVisible"):
            area.ensureWidgetVisible(control)
        bar = area.verticalScrollBar() if area is not None else None
        notches = -1 if bar is None or bar.value() < bar.maximum() else 1  # towards where there is more
        before, scrolled = value(control), bar.value() if bar is not None else None
        if QApplication.focusWidget() is control or control.hasFocus():
            control.clearFocus()
        wheel(control, notches)
        if value(control) != before:
            found.append(f"{where}: the wheel changed {name!r} from {before!r} to {value(control)!r}")
        if control.hasFocus():
            found.append(f"{where}: the wheel put the focus in {name!r}")
        if control.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            found.append(f"{where}: {name!r} takes the focus from a passing wheel")
        if bar is not None and bar.maximum() > bar.minimum() and bar.value() == scrolled:
            found.append(f"{where}: the wheel over {name!r} did not scroll the {type(area).__name__} it is in")
    return found


def problems(found: list[str]) -> list[str]:
    return [f for f in found if not f.startswith("tried: ")]


def tried(found: list[str]) -> set[str]:
    return {f.removeprefix("tried: ") for f in found if f.startswith("tried: ")}


def test_scrolling_the_request_form_over_its_answers_scrolls_it_and_changes_nothing(qtbot, signed_in, district):
    window = open_main(qtbot, signed_in(district.teacher)).new_request()
    qtbot.addWidget(window)
    window.resize(window.width(), 500)  # the form is taller than the window: it scrolls
    form_area = scroll_area_of(window.form.findChildren(QComboBox)[0])
    assert form_area.verticalScrollBar().maximum() > 0
    found = wheeled_over(window, "new request")
    assert {"The application requires parental permission", "Students download an application",
            "Students sign up for an account"} <= tried(found)
    assert not problems(found), "\n".join(problems(found))
    assert find(window, "The application requires parental permission", QComboBox).currentText() == "Choose\u2026"


def test_scrolling_the_import_mapping_scrolls_the_table(qtbot, signed_in, district, tmp_path):
    sheet = tmp_path / "apps.csv"
    columns = ["Tool name", "Website", "Grades", "Parent permission?", *(f"Notes {n}" for n in range(1, 16))]
    sheet.write_text(",".join(columns) + "\n" + ",".join("x" for _ in columns) + "\n", encoding="utf-8")
    dialog = RecordsImportDialog(signed_in(district.reviewer))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "File", str(sheet))
    click(qtbot, dialog, "Read file")
    mapping = [combo.currentText() for combo in dialog.combos]
    assert mapping[0] == "Resource name"
    found = wheeled_over(dialog, "import")
    assert len(tried(found)) >= 5  # the combos in view; the table scrolls under each
    assert not problems(found), "\n".join(problems(found))
    assert [combo.currentText() for combo in dialog.combos] == mapping


def test_in_a_drop_down_the_wheel_and_the_arrows_change_it(qtbot, signed_in, district):
    """The person clicked into it (or tabbed to it): then they mean it, the wheel steps it, as the arrows do."""
    window = open_main(qtbot, signed_in(district.teacher)).new_request()
    qtbot.addWidget(window)
    combo = find(window, "The application requires parental permission", QComboBox)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    start = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() == start + 1
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == start + 2
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentIndex() == start + 1


@pytest.mark.parametrize("role", ["reviewer", "admin"])
def test_the_wheel_over_the_main_windows_controls(qtbot, signed_in, district, data, role):  # noqa: F811
    window = open_main(qtbot, signed_in(getattr(district, role)))
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        found += wheeled_over(window.tabs.currentWidget(), f"{window.tabs.tabText(index).replace('&', '')} tab")
    assert {"Status filter", "Yearly notice date"} <= tried(found)
    assert not problems(found), "\n".join(problems(found))


@pytest.mark.parametrize("opens", [opens for _what, _cls, opens in DIALOGS], ids=[what for what, *_ in DIALOGS])
def test_the_wheel_over_every_dialogs_controls(qtbot, signed_in, district, data, monkeypatch, opens):  # noqa: F811
    """The dialogs of test_accessibility.py, each opened as a person opens it, wheeled over where it checks."""
    monkeypatch.setattr(walk, "check", lambda root, where: problems(wheeled_over(root, where)))
    found = opens(Env(qtbot, district, signed_in, data), monkeypatch)
    assert not found, "\n".join(dict.fromkeys(found))
