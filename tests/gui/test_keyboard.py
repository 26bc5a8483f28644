"""The whole request flow with the keyboard alone: Tab, typing, Space, arrows, Enter, Alt+letter and the
shortcuts; no clicks and no setText. Each Tab is checked against where a person expects the focus next."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QMessageBox, QWidget

from techapproval.domain.enums import Answer
from tests.gui.conftest import open_main, settle, type_text, when_dialog_opens
from tests.gui.test_accessibility import spoken_name
from tests.helpers import submitted_request

REAL_WARNING = QMessageBox.warning  # the autouse fixture replaces it; here the warning is expected


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def tab(qtbot, expected: str) -> QWidget:
    press(qtbot, Qt.Key.Key_Tab)
    assert spoken_name(focused()) == expected, f"Tab went to {spoken_name(focused())!r}, not {expected!r}"
    return focused()


def tab_until(qtbot, expected: str, at_most: int = 15) -> list[str]:
    """Tab until the focus reaches `expected`; the names passed on the way."""
    passed = []
    for _ in range(at_most):
        press(qtbot, Qt.Key.Key_Tab)
        if spoken_name(focused()) == expected:
            return passed
        passed.append(spoken_name(focused()) or type(focused()).__name__ + ":" + focused().objectName())
    raise AssertionError(f"{at_most} Tabs never reached {expected!r}: {passed}")


def tab_to_list(qtbot, name: str) -> QAbstractItemView:
    """Tab to the list called `name` (past the tab of that name, which comes first)."""
    for _ in range(2):
        tab_until(qtbot, name)
        if isinstance(focused(), QAbstractItemView):
            return focused()
    raise AssertionError(f"Tab never reached the list {name!r}")


def reading_order(root: QWidget) -> list[str]:
    """The fields under root a person can Tab to, top to bottom and left to right as shown."""
    fields = [w for w in root.findChildren(QWidget)
              if w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value and w.isVisible() and w.isEnabled()
              and not w.objectName().startswith("qt_")]

    def place(w: QWidget):
        at = w.mapTo(root, QPoint(0, 0))
        return at.y(), at.x()

    return [spoken_name(w) for w in sorted(fields, key=place)]


def active(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.focusWidget() is not None, timeout=2000)


def test_request_filed_decided_and_seen_with_the_keyboard_alone(qtbot, signed_in, district, monkeypatch):
    older = submitted_request(district, resource_name="Kahoot!")  # another teacher's, first in the queue
    teacher = open_main(qtbot, signed_in(district.teacher))

    # The teacher starts a request with Ctrl+N: the cursor is in its first question, the resource's name.
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    window = teacher.windows[None]
    qtbot.addWidget(window)
    active(qtbot, window)
    assert spoken_name(focused()) == "Name of the resource"
    order = reading_order(window.form)
    assert order[:2] == ["Grade PreK", "Grade K"] and order[-1] == "Known accessibility barriers"
    assert order[-4:-1] == ["The application requires parental permission",  # the paper form's last question,
                            "An accessibility conformance report (VPAT/ACR) is available",  # then the ADA's
                            "Accessibility the vendor claims"]

    answers = {"Name of the resource": "Padlet", "Description": "Online bulletin boards.",
               "Link": "https://padlet.com", "How you plan to use it": "Exit tickets after each lesson.",
               "Details of the information shared": "First names only.", "Who will have access": "My class and me.",
               # A combo box picks the answer its typed start matches (Space would open its list).
               "Students sign up for an account": "No", "Students download an application": "No",
               "The application requires parental permission": "Not"}
    ticked = {"First and last name", "Grade 3", "Grade 4"}
    start = order.index("Name of the resource")
    # From the name, Tab goes down the form as it reads, to its last question...
    for expected in order[start:]:
        if expected != order[start]:
            tab(qtbot, expected)
        if expected in answers:
            type_text(qtbot, focused(), answers[expected])
        elif expected in ticked:
            press(qtbot, Qt.Key.Key_Space)
    # ...then through the actions beside it and back round to the top of the form: never back into its middle.
    passed = tab_until(qtbot, order[0])
    assert "Submit request" in passed and not set(passed) & set(order), passed
    for expected in order[1:start]:
        tab(qtbot, expected)
        if expected in ticked:
            press(qtbot, Qt.Key.Key_Space)
    form = window.form.form()
    assert (form.resource_name, form.student_accounts, form.app_requires_parental_permission) == (
        "Padlet", Answer.NO, Answer.NOT_SURE)
    assert [g.value for g in form.grades] == ["3", "4"] and len(form.information_shared) == 1

    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: Submit request (a button's Alt+letter
    qtbot.waitUntil(lambda: window.status.text().startswith("Status: Submitted"), timeout=3000)  # clicks it soon)
    rid = window.request_id
    press(qtbot, Qt.Key.Key_Escape)  # closes the window; nothing is lost
    assert not window.isVisible()

    # The reviewer: Tab to the queue, Down to the second request, Enter opens it.
    reviewer = open_main(qtbot, signed_in(district.reviewer))
    active(qtbot, reviewer)
    assert spoken_name(focused()) == "New request"
    queue = tab_to_list(qtbot, "Review queue")
    assert queue.current_row().id == older
    press(qtbot, Qt.Key.Key_Down)
    assert queue.current_row().id == rid
    press(qtbot, Qt.Key.Key_Return)
    review = reviewer.windows[rid]
    qtbot.addWidget(review)
    active(qtbot, review)

    # Decide: Tab to the decision, Space ticks it, Tab to the permission, Space, then Alt+R records it.
    # There is no contract yet: the warning is answered with Alt+Y.
    monkeypatch.setattr(QMessageBox, "warning", REAL_WARNING)
    warned = []

    def approve_anyway(box):
        warned.append(box.text())
        active(qtbot, box)
        press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)

    passed = tab_until(qtbot, "Approved for use", at_most=20)
    assert "Name of the resource" in passed  # the request is read first, then decided
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot, "Additional parental notification and permission required.")
    press(qtbot, Qt.Key.Key_Space)
    problems = when_dialog_opens(QMessageBox, approve_anyway)
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: review.status.text() == "Status: Approved" or bool(problems), timeout=5000)
    assert problems == [] and warned and "Padlet" in warned[0]
    active(qtbot, review)  # back from the warning
    press(qtbot, Qt.Key.Key_Escape)
    assert not review.isVisible()

    # The teacher refreshes with F5 and finds the decision in the list and, opened with Enter, in full.
    active(qtbot, teacher)
    press(qtbot, Qt.Key.Key_F5)
    settle()  # the list is read on the worker thread; the teacher looks once it shows
    mine = tab_to_list(qtbot, "My requests")
    assert mine.current_row().id == rid
    assert mine.currentIndex().siblingAtColumn(0).data().endswith("Approved")
    press(qtbot, Qt.Key.Key_Return)
    seen = teacher.windows[rid]
    qtbot.addWidget(seen)
    assert seen.isVisible() and seen.status.text() == "Status: Approved"
    assert "Additional parental notification" in seen.decision_summary.text()


# Keys Qt's own widgets (and the app's lists) handle, not actions: Enter and Escape are checked below by
# pressing them, Tab and Shift+Tab by the test above.
HANDLED_BY_WIDGETS = {"Enter", "Esc", "Tab", "Shift+Tab"}


def _keys(line: str) -> list[str]:
    """The key sequences a line of Help → Keyboard shortcuts names ("Tab / Shift+Tab  Move…" → two), as Qt
    writes them ("Escape" → "Esc"); words that are not keys ("Alt + underlined letter") give none."""
    keys = line.split("  ", 1)[0]
    found = []
    for part in keys.split(" / "):
        sequence = QKeySequence.fromString(part, QKeySequence.SequenceFormat.NativeText)
        if sequence.count() == 1 and sequence[0].key() != Qt.Key.Key_unknown:
            found.append(sequence.toString(QKeySequence.SequenceFormat.NativeText))
    return found


def _bound(window: QWidget) -> set[str]:
    """Every key an action, a shortcut or a button (other than its Alt+letter) of the window answers to."""
    sequences = [k for a in window.findChildren(QAction) for k in a.shortcuts()]
    sequences += [k for s in window.findChildren(QShortcut) for k in s.keys()]
    sequences += [b.shortcut() for b in window.findChildren(QAbstractButton)
                  if not b.shortcut().isEmpty() and b.shortcut() != QKeySequence.mnemonic(b.text())]
    return {k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences}


def test_help_lists_each_shortcut_and_each_listed_one_works(qtbot, signed_in, district, monkeypatch):
    submitted_request(district)
    main = open_main(qtbot, signed_in(district.reviewer))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: shown.append(text))
    [help_item] = [a for a in main.menuBar().actions()[-1].menu().actions() if "Keyboard" in a.text()]
    help_item.trigger()
    lines = shown[0].split("\n")
    listed = {key for line in lines for key in _keys(line)}
    assert {"Ctrl+N", "Ctrl+P", "F5", "F1", "Enter", "Esc"} <= listed, lines  # Quit's key is the platform's

    # Every key the main window answers to is listed...
    assert _bound(main) - listed == set(), "not in Help \u2192 Keyboard shortcuts"
    # ...and every listed key does something: in the main window, in a request window, or in the widgets.
    window = main.open_request(main.queue_view.current_row())
    qtbot.addWidget(window)
    assert listed - _bound(main) - _bound(window) - HANDLED_BY_WIDGETS == set()
    window.close()
    active(qtbot, main)
    tab_to_list(qtbot, "Review queue")
    press(qtbot, Qt.Key.Key_Enter)  # Enter opens the selected request...
    window = main.windows[main.queue_view.current_row().id]
    assert window.isVisible()
    active(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)  # ...and Escape closes it
    assert not window.isVisible()
