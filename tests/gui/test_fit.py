"""Every window and dialog fits the screens district laptops have, with every control on the screen: 1366×768 at
100% and at 125% scale, and 1280×720, each less Windows' task bar.

A Qt application has one set of screens for its life, so each screen is its own run of this module, in a
subprocess: test_fits_the_screen starts it with Qt's offscreen platform given that screen
(`offscreen:configfile=`, a JSON list of screens) and QT_SCALE_FACTOR for the 125% case, and the run's tests
(test_on_the_screen_*, skipped in an ordinary run) open every window as test_accessibility.py does and
measure it: the frame fits, with room for Windows' title bar, and no control lies outside the window or is
cut off by its parent, but for what sits in a scroll area (it scrolls into view)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSlider,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from techapproval.gui.screen import available_geometry
from tests.gui import test_accessibility as walk
from tests.gui.conftest import open_main
from tests.gui.test_accessibility import DIALOGS, Env, data  # noqa: F401 - data is the dialogs' fixture

SCREEN_ENV = "TECHAPPROVAL_TEST_SCREEN"
# name: (width, height, scale) of the screen in device pixels
SCREENS = {
    "1366x768 at 100%": (1366, 768, 1.0),
    "1366x768 at 125%": (1366, 768, 1.25),
    "1280x720 at 100%": (1280, 720, 1.0),
}
TASK_BAR = 48  # Windows 11's, in logical pixels at any scale (Windows 10's is 40)
TITLE_BAR = 31  # Windows' title bar above a window, in logical pixels at any scale
BORDER = 1  # Windows' visible border round a window, each side
# A scroll area shows at least this much of what it holds (or all of it): never a slit to peer through.
USABLE_HEIGHT = 120

CONTROLS = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView,
            QTabWidget, QTabBar, QSlider, QLabel, QGroupBox, QAbstractScrollArea)

ON_A_SCREEN = os.environ.get(SCREEN_ENV)
on_a_screen = pytest.mark.skipif(not ON_A_SCREEN, reason="run by test_fits_the_screen on a screen of its size")


def screen_config(width: int, height: int, scale: float) -> dict:
    """The offscreen platform's screen: the working area Windows leaves (the screen less the task bar)."""
    return {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height - round(TASK_BAR * scale),
                         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.mark.parametrize("screen", SCREENS)
def test_fits_the_screen(screen, tmp_path):
    """Every window on one screen: this module's test_on_the_screen_* tests, in a Qt of their own."""
    width, height, scale = SCREENS[screen]
    # Relative, from the working directory: Qt splits the platform string on ':', a drive letter's too.
    (tmp_path / "screen.json").write_text(json.dumps(screen_config(width, height, scale)), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen:configfile=screen.json", "QT_SCALE_FACTOR": str(scale),
           SCREEN_ENV: screen}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", str(Path(__file__)), "-k", "on_the_screen", "-q", "-p", "no:cacheprovider",
         "--rootdir", str(root), "-c", str(root / "pyproject.toml")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"on {screen}:\n{run.stdout[-12000:]}\n{run.stderr[-3000:]}"
    assert " passed" in run.stdout and " skipped" not in run.stdout, run.stdout[-3000:]


# --- the measure --------------------------------------------------------------------------------

def _rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _scrolls(widget: QWidget, window: QWidget) -> bool:
    """Whether the widget lies in a scroll area's viewport (under the window): scrolled into view when needed."""
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not window:
        area = ancestor.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is ancestor:
            return True
        ancestor = area
    return False


def _shown_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of the widget its parents leave in view, in the window's coordinates."""
    shown = _rect_in(widget, window)
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not window:
        shown = shown.intersected(_rect_in(ancestor, window))
        ancestor = ancestor.parentWidget()
    return shown.intersected(window.rect())


def misfits(window: QWidget, where: str) -> list[str]:
    """What does not fit: the window on the screen, with Windows' frame round it; a control (outside scroll
    areas) outside the window or cut off by its parent; a scroll area too short to use."""
    found = []
    area = available_geometry(window)
    if not area.contains(window.frameGeometry()):
        found.append(f"{where}: the window {window.frameGeometry()} is not inside the screen's {area}")
    if window.width() + 2 * BORDER > area.width() or window.height() + TITLE_BAR + BORDER > area.height():
        found.append(f"{where}: the window ({window.width()}\u00d7{window.height()}) and Windows' frame do not fit "
                     f"the screen's {area.width()}\u00d7{area.height()}")
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window) or walk._qt_owned(widget):
            continue
        if _scrolls(widget, window):
            continue
        whole, shown = _rect_in(widget, window), _shown_part(widget, window)
        if shown != whole:
            found.append(f"{where}: {walk.describe(widget)} is cut off: {shown.size().toTuple()} of "
                         f"{whole.size().toTuple()} shows")
        if isinstance(widget, QScrollArea) and widget.widget() is not None:
            wants = min(widget.widget().sizeHint().height(), USABLE_HEIGHT)
            if widget.viewport().height() < wants:
                found.append(f"{where}: {walk.describe(widget)} shows {widget.viewport().height()} px of its "
                             f"content, less than {wants}")
    return found


# --- on the screen --------------------------------------------------------------------------------

@on_a_screen
def test_on_the_screen_the_platform_has_the_screen_asked_for(qapp):
    width, height, scale = SCREENS[ON_A_SCREEN]
    area = qapp.primaryScreen().availableGeometry()
    assert abs(area.width() - width / scale) <= 1
    assert abs(area.height() - (height / scale - TASK_BAR)) <= 1


@on_a_screen
@pytest.mark.parametrize("role", ["teacher", "reviewer", "admin"])
def test_on_the_screen_the_main_window(qtbot, signed_in, district, data, role):  # noqa: F811
    window = open_main(qtbot, signed_in(getattr(district, role)))
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        found += misfits(window, f"main window ({role}), {window.tabs.tabText(index).replace('&', '')} tab")
    assert not found, "\n".join(found)


@on_a_screen
@pytest.mark.parametrize("opens", [opens for _what, _cls, opens in DIALOGS], ids=[what for what, *_ in DIALOGS])
def test_on_the_screen_every_dialog(qtbot, signed_in, district, data, monkeypatch, opens):  # noqa: F811
    """The dialogs of test_accessibility.py, each opened as a person opens it, measured where it checks names."""
    monkeypatch.setattr(walk, "check", misfits)
    found = opens(Env(qtbot, district, signed_in, data), monkeypatch)
    assert not found, "\n".join(dict.fromkeys(found))


@on_a_screen
def test_on_the_screen_the_request_window_in_each_state(qtbot, signed_in, district, data):  # noqa: F811
    """Beyond the dialogs' walk: an approval with its permission slips, a returned request with its answer box.
    A reviewer sees the whole decision and the whole question box, no inner scrolling."""
    from techapproval.gui.dialogs.request_window import RequestWindow

    reviewer, teacher = signed_in(district.reviewer), signed_in(district.teacher)
    windows = {"submitted request (reviewer)": RequestWindow(reviewer, data.submitted),
               "approved with parental permission (reviewer)": RequestWindow(reviewer, data.parental),
               "returned request (teacher)": RequestWindow(teacher, data.returned)}
    found = []
    for where, window in windows.items():
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            found += misfits(window, where)
    review = windows["submitted request (reviewer)"]
    qtbot.wait(50)  # the column is shared out once the window's layout has settled
    for part in (review.decision_panel, review.decision_panel.decide, review.question_box, review.return_button):
        assert part.isVisible()
        assert _shown_part(part, review) == _rect_in(part, review), f"{walk.describe(part)} is scrolled out of view"
    assert windows["returned request (teacher)"].answer.isVisible()
    assert not found, "\n".join(found)


@on_a_screen
def test_on_the_screen_the_import_shows_five_mapping_rows(qtbot, signed_in, district, tmp_path):
    from techapproval.gui.dialogs.records_import import RecordsImportDialog
    from tests.gui.conftest import click, type_into

    sheet = tmp_path / "apps.csv"
    columns = [f"Column {n}" for n in range(1, 15)]
    sheet.write_text(",".join(columns) + "\n" + ",".join("x" for _ in columns) + "\n", encoding="utf-8")
    dialog = RecordsImportDialog(signed_in(district.reviewer))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "File", str(sheet))
    click(qtbot, dialog, "Read file")
    table = dialog.mapping_table
    assert table.rowCount() == len(columns)
    whole_rows = [row for row in range(table.rowCount())
                  if table.viewport().rect().contains(table.visualRect(table.model().index(row, 2)))]
    assert len(whole_rows) >= 5, f"{len(whole_rows)} mapping rows show whole"
    assert not misfits(dialog, "import with a file read"), misfits(dialog, "import with a file read")
