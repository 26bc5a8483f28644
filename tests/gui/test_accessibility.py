"""Every window and dialog, walked widget by widget: each control a person can reach says what it is to a
screen reader. A new dialog is covered by one line in DIALOGS; a test fails while one is missing."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

import techapproval.gui
from techapproval.domain.enums import Decision, Permission
from techapproval.domain.incidents import IncidentForm, Involves
from techapproval.gui.crash import CrashDialog
from techapproval.gui.dialogs.accessibility_review import AccessibilityReviewDialog
from techapproval.gui.dialogs.batch_print import BatchPrintDialog
from techapproval.gui.dialogs.contract import ContractDialog
from techapproval.gui.dialogs.contractor import ContractorDialog
from techapproval.gui.dialogs.coverage import CoverageDialog
from techapproval.gui.dialogs.deletion import CloseDeletionDialog, ConfirmDeletionDialog, DeletionRequestDialog
from techapproval.gui.dialogs.export_records import ExportRecordsDialog
from techapproval.gui.dialogs.forms import FieldDialog, ScrollingFormDialog
from techapproval.gui.dialogs.incident import IncidentDialog
from techapproval.gui.dialogs.open_renewal import OpenRenewalDialog
from techapproval.gui.dialogs.parent_letter import ParentLetterDialog
from techapproval.gui.dialogs.password import PasswordDialog, ResetPasswordDialog
from techapproval.gui.dialogs.person import AddPersonDialog
from techapproval.gui.dialogs.plan_exception import PlanExceptionDialog
from techapproval.gui.dialogs.policy_text import PolicyTextWindow
from techapproval.gui.dialogs.records_import import RecordsImportDialog
from techapproval.gui.dialogs.request_window import RequestWindow
from techapproval.gui.dialogs.setup import SetupDialog
from techapproval.gui.dialogs.sign_in import SignInDialog
from techapproval.gui.settings_email import NotificationsDialog
from techapproval.gui.widgets.permissions import TallyDialog
from techapproval.services import deletions, exceptions, incidents
from techapproval.services import requests as svc
from tests.gui.conftest import click, open_main, settle, when_dialog_opens
from tests.helpers import approved_resource, registered_contract, submitted_request

TODAY = date.today()
# The real message boxes: the autouse fixture replaces them to catch unexpected ones; Help's are expected.
REAL_INFORMATION, REAL_ABOUT = QMessageBox.information, QMessageBox.about

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QTabWidget, QTabBar, QSlider)
# Parts Qt builds inside its own widgets and names (or hides from assistive technology) itself: the line
# edit of a combo or spin box, a tab bar's scroll buttons, a line edit's clear button, a combo's pop-up list.
QT_OWNED_BY = ("QComboBox", "QAbstractSpinBox", "QTabBar", "QLineEdit", "QComboBoxPrivateContainer",
               "QCalendarWidget")
MEANINGLESS = {"", "...", "\u2026"}


# --- the walk -----------------------------------------------------------------------------------

def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces as the widget's name: its accessible name, else what Qt's accessible
    interface derives (a button's text, a group box's title, a field's buddy label), without the '&'."""
    name = widget.accessibleName()
    if not name:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None and interface.isValid() else ""
        box = widget.parentWidget()
        if isinstance(box, QGroupBox) and name == box.title():
            return ""  # Qt's last resort, the box's title, names the group, not this control in it
    return name.replace("&", "").strip()


def _qt_owned(widget: QWidget) -> bool:
    if widget.objectName().startswith("qt_"):
        return True
    ancestor = widget.parentWidget()
    while ancestor is not None:  # inside a combo box, spin box, tab bar, line edit or calendar
        if any(ancestor.inherits(cls) for cls in QT_OWNED_BY):
            return True
        ancestor = ancestor.parentWidget()
    return widget.metaObject().className() == "QTableCornerButton"  # unfocusable; Qt names it itself


def _ours(widget: QWidget) -> bool:
    return type(widget).__module__.startswith("techapproval.gui.widgets.")


def needs_name(widget: QWidget) -> bool:
    if _qt_owned(widget):
        return False
    if isinstance(widget, QGroupBox):
        return widget.isCheckable() or _ours(widget)
    takes_tab = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value  # a Tab stop is announced
    return isinstance(widget, INTERACTIVE) or _ours(widget) or bool(takes_tab)


def describe(widget: QWidget) -> str:
    text = widget.text() if callable(getattr(widget, "text", None)) else ""
    what = widget.objectName() or (f"{text!r}" if isinstance(text, str) and text else "")
    if not what and callable(getattr(widget, "placeholderText", None)):
        what = f"placeholder {widget.placeholderText()!r}"
    parent = widget.parentWidget()
    inside = type(parent).__name__ if parent is not None else "-"
    return f"{type(widget).__name__} {what} (in a {inside})".replace("  ", " ")


def offenders(root: QWidget) -> list[QWidget]:
    """Every control under root (root too), shown or hidden, that a screen reader could not name."""
    return [w for w in [root, *root.findChildren(QWidget)]
            if needs_name(w) and spoken_name(w).casefold() in MEANINGLESS]


def unnamed(root: QWidget, where: str) -> list[str]:
    return [f"{where}: {describe(w)}" for w in offenders(root)]


def mnemonic(text: str) -> str:
    """The letter Alt+letter reaches ("&&" is a literal ampersand), or ""."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).casefold() if match else ""


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """The visible Alt+letter keys under root: buttons, labels with a buddy, group boxes, tabs, the menu bar."""
    found: dict[str, list[str]] = {}

    def add(text: str, what: str) -> None:
        if letter := mnemonic(text):
            found.setdefault(letter, []).append(f"{what} {text.replace('&', '')!r}")

    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or _qt_owned(w) and not isinstance(w, QTabBar):
            continue
        if isinstance(w, QAbstractButton):
            add(w.text(), type(w).__name__)
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label")
        elif isinstance(w, QGroupBox):
            add(w.title(), "group")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i), "tab")
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                add(action.text(), "menu")
    return found


def clashes(root: QWidget, where: str) -> list[str]:
    return [f"{where}: Alt+{letter.upper()} is {' and '.join(whats)}"
            for letter, whats in mnemonics(root).items() if len(whats) > 1]


def check(root: QWidget, where: str) -> list[str]:
    """Unnamed controls, and Alt+letter keys two visible controls share (Alt+letter then only moves between
    them, and activates neither)."""
    return unnamed(root, where) + clashes(root, where)


def test_the_walk_finds_an_unnamed_field_and_accepts_a_named_one(qtbot):
    from techapproval.gui.common import named

    dialog = QDialog()
    qtbot.addWidget(dialog)
    QLineEdit(dialog).setObjectName("nameless")
    named(QComboBox(dialog), "Chosen")
    QPushButton("&Save", dialog)  # a button is named by its text, as Qt tells screen readers
    QPushButton("", dialog).setObjectName("blank")
    QSpinBox(dialog).setObjectName("count")  # its inner line edit is Qt's; the spin box is not
    checkable = QGroupBox("", dialog)
    checkable.setCheckable(True)
    checkable.setObjectName("switch")
    box = QGroupBox("Contact", dialog)
    QLineEdit(box).setObjectName("in_a_box")  # Qt would call it "Contact", the box's title: not its own name
    labelled = QLineEdit(dialog)
    QLabel("&Town:", dialog).setBuddy(labelled)  # a buddy label names its field
    found = unnamed(dialog, "test")
    assert [f.split(": ", 1)[1].split(" (")[0] for f in found] == [
        "QLineEdit nameless", "QPushButton blank", "QSpinBox count", "QGroupBox switch", "QLineEdit in_a_box"]


def test_shared_alt_letters_are_found(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    QLabel("&Description:", dialog).setBuddy(field)
    QPushButton("Save as P&DF", dialog)
    QPushButton("Fish && &chips", dialog)  # "&&" is a literal ampersand: Alt+C
    QLabel("&Plain label without a buddy", dialog)  # no Alt+letter without a buddy
    QPushButton("&Print", dialog).hide()  # hidden: not reachable now
    dialog.show()
    assert mnemonic("Fish && &chips") == "c" and mnemonic("R&&D") == ""
    assert clashes(dialog, "test") == ["test: Alt+D is label 'Description:' and QPushButton 'Save as PDF'"]


# --- the data every screen shows -------------------------------------------------------------------

@dataclass
class Data:
    submitted: int  # a request waiting for the reviewer
    parental: int  # approved, parental permission required: the permissions box shows
    contract: int
    contractor: int
    resource: int  # an approved resource with an IEP/504 exception
    returned: int  # returned to the teacher with a question


@pytest.fixture
def data(district) -> Data:
    rid = submitted_request(district, resource_name="Padlet", resource_link="https://padlet.com")
    parental = submitted_request(district, resource_name="Seesaw", resource_link="https://seesaw.me")
    with district.db.transaction() as s:
        svc.decide_request(s, district.reviewer, parental, Decision.APPROVED, Permission.PARENTAL_REQUIRED)
    returned = submitted_request(district, resource_name="Flip", resource_link="https://flip.com")
    with district.db.transaction() as s:
        svc.return_request(s, district.reviewer, returned, "Do students sign in with Google?")
    resource = approved_resource(district, resource_name="Read&Write", resource_link="https://texthelp.com")
    contract = registered_contract(district, "Kahoot! ASA", TODAY - timedelta(days=400),
                                   expires_on=TODAY - timedelta(days=10))
    with district.db.transaction() as s:
        from techapproval.db.models import Contract

        contractor = s.get(Contract, contract).contractor_id
        exceptions.record_exception(s, district.reviewer, "IEP-7", "iep", resource, "Text to speech.")
        deletions.record_deletion_request(s, district.reviewer, contractor, "parent", "DEL-1", TODAY, "All.")
        incidents.record_incident(s, district.reviewer, IncidentForm(
            contractor_id=contractor, discovered_on=TODAY - timedelta(days=3),
            involves=frozenset({Involves.STUDENT_INFORMATION}), description="Rosters exposed."))
    return Data(rid, parental, contract, contractor, resource, returned)


# --- windows ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["teacher", "reviewer", "admin"])
def test_every_tab_of_the_main_window(qtbot, signed_in, district, data, role):
    window = open_main(qtbot, signed_in(getattr(district, role)))
    found: dict[QWidget, str] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)  # a tab reads its rows (and may build widgets) when shown
        settle()  # the tab reads its list on the worker thread
        where = f"main window ({role}), {window.tabs.tabText(index).replace('&', '')} tab"
        for widget in offenders(window):
            found.setdefault(widget, f"{where}: {describe(widget)}")
        for clash in clashes(window, where):
            found.setdefault(clash, clash)
    assert window.tabs.count() >= (2 if role == "teacher" else 8)
    assert not found, "\n".join(found.values())


def test_the_request_window_for_each_person_and_state(qtbot, signed_in, district, data):
    teacher = open_main(qtbot, signed_in(district.teacher))
    new = teacher.new_request()
    reviewer = open_main(qtbot, signed_in(district.reviewer))
    windows = {"new request (teacher)": new}
    review = RequestWindow(reviewer.ctx, data.submitted, reviewer)
    approved = RequestWindow(reviewer.ctx, data.parental, reviewer)
    windows |= {"submitted request (reviewer)": review, "approved with parental permission (reviewer)": approved,
                "submitted request (teacher)": RequestWindow(teacher.ctx, data.submitted, teacher),
                "returned request (teacher)": RequestWindow(teacher.ctx, data.returned, teacher)}
    found: dict[QWidget, str] = {}
    for where, window in windows.items():
        qtbot.addWidget(window)
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            settle()  # the tab reads its list on the worker thread
            for widget in offenders(window):
                found.setdefault(widget, f"{where}: {describe(widget)}")
            for clash in clashes(window, where):
                found.setdefault(clash, clash)
    assert review.decision_panel.isVisible() and approved.permissions.isVisible()
    assert windows["returned request (teacher)"].answer.isVisible()
    assert windows["submitted request (teacher)"].withdraw_button.isVisible()
    assert not found, "\n".join(found.values())


# --- dialogs, opened as a person opens them ----------------------------------------------------------

@dataclass
class Env:
    qtbot: object
    district: object
    signed_in: Callable
    data: Data

    def main(self, role: str, tab: str | None = None):
        window = open_main(self.qtbot, self.signed_in(getattr(self.district, role)))
        if tab is not None:
            window.tabs.setCurrentWidget(getattr(window, tab))
            settle()  # the tab reads its list on the worker thread
        return window

    def request(self, role: str, request_id: int):
        window = RequestWindow(self.signed_in(getattr(self.district, role)), request_id)
        self.qtbot.addWidget(window)
        window.show()
        return window

    def built(self, dialog: QWidget) -> QWidget:
        self.qtbot.addWidget(dialog)
        dialog.show()
        return dialog


def walked_when_opened(dialog_class: type, trigger: Callable[[], object], where: str) -> list[str]:
    """Walk the modal dialog `trigger` opens (as the person's click or menu choice does), then close it."""
    seen, found = [], []

    def walk(dialog):
        seen.append(dialog)
        found.extend(check(dialog, where))
        dialog.reject()

    problems = when_dialog_opens(dialog_class, walk)
    trigger()
    assert seen, f"{where}: no {dialog_class.__name__} opened"
    assert problems == [], problems
    return found


def menu_action(window, text: str):
    actions = [a for menu in window.menuBar().actions() for a in menu.menu().actions()
               if a.text().replace("&", "").rstrip("\u2026") == text]
    assert len(actions) == 1, f"no single menu item {text!r}"
    return actions[0]


def _click_then_walk(env: Env, window: QWidget, button: str, dialog_class: type) -> list[str]:
    return walked_when_opened(dialog_class, lambda: click(env.qtbot, window, button), button)


def _people(env: Env, button: str, dialog_class: type) -> list[str]:
    window = env.main("admin")
    window.tabs.setCurrentWidget(window.people_view.parentWidget())
    settle()  # the tab reads its list on the worker thread
    window.people_view.select_first_if_none()
    return _click_then_walk(env, window, button, dialog_class)


def _on_tab(env: Env, tab: str, button: str, dialog_class: type) -> list[str]:
    return _click_then_walk(env, env.main("reviewer", tab), button, dialog_class)


def _in_request(env: Env, button: str, dialog_class: type) -> list[str]:
    return _click_then_walk(env, env.request("reviewer", env.data.parental), button, dialog_class)


def _from_menu(env: Env, role: str, item: str, dialog_class: type) -> list[str]:
    return walked_when_opened(dialog_class, menu_action(env.main(role), item).trigger, f"menu {item}")


def _message_box(env: Env, monkeypatch, item: str) -> list[str]:
    monkeypatch.setattr(QMessageBox, "information", REAL_INFORMATION)
    monkeypatch.setattr(QMessageBox, "about", REAL_ABOUT)
    return _from_menu(env, "reviewer", item, QMessageBox)


def _policy_text(env: Env) -> list[str]:
    window = env.main("teacher")
    menu_action(window, "Policy 3520.13").trigger()  # not modal: it stays open beside the others
    return check(window.policy_window, "Help \u2192 Policy 3520.13")


def _new_request(env: Env) -> list[str]:
    window = env.main("teacher")
    menu_action(window, "New request").trigger()
    return check(window.windows[None], "new request")


def _reviewed_request(env: Env) -> list[str]:
    window = env.main("reviewer", "queue_page")
    window.queue_view.select_key(env.data.submitted)
    window.queue_view.setFocus()
    env.qtbot.keyClick(window.queue_view, Qt.Key.Key_Return)
    review = window.windows[env.data.submitted]
    env.qtbot.addWidget(review)
    assert review.decision_panel.isVisible()
    return check(review, "submitted request (reviewer)")


def _imported_tool(env: Env) -> int:
    """A tool imported four years ago with no request on file: its renewal waits for a reviewer."""
    from datetime import UTC, datetime

    from techapproval.db.models import CatalogResource

    with env.district.db.transaction() as s:
        tool = CatalogResource(name="GeoGebra", normalised_name="geogebra", permission="none_required", grades="",
                               approved_at=datetime.now(UTC) - timedelta(days=4 * 365), coverage="none")
        s.add(tool)
        s.flush()
        return tool.id


def _open_renewal(env: Env) -> list[str]:
    from techapproval.domain.deadlines import ObligationKind
    from techapproval.domain.renewals import RenewalRef

    tool = _imported_tool(env)
    window = env.main("reviewer", "deadlines_page")
    view = window.deadlines_page.view
    assert view.select_key((ObligationKind.RENEWAL_DUE, RenewalRef(tool, None)))
    view.setFocus()
    return walked_when_opened(OpenRenewalDialog, lambda: env.qtbot.keyClick(view, Qt.Key.Key_Return),
                              "Deadlines \u2192 renewal due")


def _renewal(env: Env, role: str) -> list[str]:
    from techapproval.services import renewals

    tool = _imported_tool(env)
    with env.district.db.transaction() as s:
        request_id = renewals.open_renewal(s, env.district.reviewer, tool, env.district.teacher)
    window = env.request(role, request_id)
    assert window.renewal_box.isVisible()
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle()  # the tab reads its list on the worker thread
        found += check(window, f"renewal ({role})")
    return found


def _built(env: Env, dialog: QWidget, where: str) -> list[str]:
    return check(env.built(dialog), where)


# What is opened, its class, and how a person opens it: one line per dialog (or per state of it a person
# sees). test_every_dialog_is_listed fails for a dialog class of the app with no line here.
DIALOGS: list[tuple[str, type, Callable[[Env, pytest.MonkeyPatch], list[str]]]] = [
    ("new request", RequestWindow, lambda env, _mp: _new_request(env)),
    ("request in review", RequestWindow, lambda env, _mp: _reviewed_request(env)),
    ("renewal in review", RequestWindow, lambda env, _mp: _renewal(env, "reviewer")),
    ("renewal (staff member)", RequestWindow, lambda env, _mp: _renewal(env, "teacher")),
    ("open a renewal", OpenRenewalDialog, lambda env, _mp: _open_renewal(env)),
    ("add person", AddPersonDialog, lambda env, _mp: _people(env, "Add person", AddPersonDialog)),
    ("reset password", ResetPasswordDialog, lambda env, _mp: _people(env, "Reset password", ResetPasswordDialog)),
    ("my email notifications", NotificationsDialog,
     lambda env, _mp: _from_menu(env, "teacher", "My email notifications", NotificationsDialog)),
    ("change password", PasswordDialog,
     lambda env, _mp: _from_menu(env, "teacher", "Change password", PasswordDialog)),
    ("new password after a reset", PasswordDialog, lambda env, _mp: _built(
        env, PasswordDialog(env.signed_in(env.district.teacher), current="temporary"), "after a reset")),
    ("save decision sheets", BatchPrintDialog,
     lambda env, _mp: _from_menu(env, "reviewer", "Save decision sheets", BatchPrintDialog)),
    ("export records", ExportRecordsDialog,
     lambda env, _mp: _from_menu(env, "reviewer", "Export records", ExportRecordsDialog)),
    ("import approved resources and contracts", RecordsImportDialog,
     lambda env, _mp: _from_menu(env, "reviewer", "Import approved resources and contracts", RecordsImportDialog)),
    ("new contract", ContractDialog, lambda env, _mp: _on_tab(env, "contracts_page", "New contract", ContractDialog)),
    ("edit contract", ContractDialog,
     lambda env, _mp: _on_tab(env, "contracts_page", "Edit contract", ContractDialog)),
    ("new contractor", ContractorDialog,
     lambda env, _mp: _on_tab(env, "contracts_page", "New contractor", ContractorDialog)),
    ("contract coverage", CoverageDialog,
     lambda env, _mp: _on_tab(env, "catalog_page", "Contract coverage", CoverageDialog)),
    ("record deletion request", DeletionRequestDialog,
     lambda env, _mp: _on_tab(env, "deletions_page", "Record deletion request", DeletionRequestDialog)),
    ("close deletion request", CloseDeletionDialog,
     lambda env, _mp: _on_tab(env, "deletions_page", "Close request", CloseDeletionDialog)),
    ("confirm deletion", ConfirmDeletionDialog,
     lambda env, _mp: _on_tab(env, "deletions_page", "Confirm deletion", ConfirmDeletionDialog)),
    ("record incident", IncidentDialog,
     lambda env, _mp: _on_tab(env, "incidents_page", "Record incident", IncidentDialog)),
    ("edit incident", IncidentDialog, lambda env, _mp: _on_tab(env, "incidents_page", "Edit incident", IncidentDialog)),
    ("record IEP/504 exception", PlanExceptionDialog,
     lambda env, _mp: _on_tab(env, "exceptions_page", "Record exception", PlanExceptionDialog)),
    ("parent letter", ParentLetterDialog, lambda env, _mp: _in_request(env, "Parent letter", ParentLetterDialog)),
    ("permission slips of a class", TallyDialog, lambda env, _mp: _in_request(env, "Add class or case", TallyDialog)),
    ("accessibility review of a request", AccessibilityReviewDialog,
     lambda env, _mp: _in_request(env, "Accessibility review", AccessibilityReviewDialog)),
    ("accessibility review of an approved resource", AccessibilityReviewDialog,
     lambda env, _mp: _on_tab(env, "catalog_page", "Record accessibility review", AccessibilityReviewDialog)),
    # Shown before any main window exists, or by the crash handler: built as app.py and crash.py build them.
    ("first-run setup", SetupDialog, lambda env, _mp: _built(env, SetupDialog(env.district.db), "setup")),
    ("sign in", SignInDialog,
     lambda env, _mp: _built(env, SignInDialog(env.district.db, "RIVERSIDE PUBLIC SCHOOLS"), "sign in")),
    ("unexpected problem", CrashDialog, lambda env, _mp: _built(env, CrashDialog("Traceback: here", None), "crash")),
    ("Help \u2192 Policy 3520.13", PolicyTextWindow, lambda env, _mp: _policy_text(env)),
    ("Help \u2192 Keyboard shortcuts", QMessageBox, lambda env, mp: _message_box(env, mp, "Keyboard shortcuts")),
    ("Help \u2192 About", QMessageBox, lambda env, mp: _message_box(env, mp, "About techapproval")),
]
BASES = {FieldDialog, ScrollingFormDialog}  # never shown themselves: their subclasses are listed


@pytest.mark.parametrize("opens", [opens for _what, _cls, opens in DIALOGS], ids=[what for what, *_ in DIALOGS])
def test_every_dialog(qtbot, signed_in, district, data, monkeypatch, opens):
    found = opens(Env(qtbot, district, signed_in, data), monkeypatch)
    assert not found, "\n".join(dict.fromkeys(found))


def _app_dialogs() -> set[type]:
    """Every QDialog subclass defined in techapproval.gui and its subpackages."""
    found = set()
    for module_info in pkgutil.walk_packages(techapproval.gui.__path__, "techapproval.gui."):
        module = importlib.import_module(module_info.name)
        found |= {cls for _name, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, QDialog) and cls.__module__ == module.__name__}
    return found


def test_every_dialog_is_listed():
    listed = {cls for _what, cls, _opens in DIALOGS}
    missing = _app_dialogs() - listed - BASES
    assert not missing, f"add a line to DIALOGS for {sorted(c.__qualname__ for c in missing)}"
    # Each module of techapproval/gui/dialogs has a dialog (or a base of one) in the list.
    folder = Path(techapproval.gui.__path__[0], "dialogs")
    covered = {base.__module__ for cls in listed for base in cls.__mro__}
    unlisted = {f"techapproval.gui.dialogs.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"} - covered
    assert not unlisted, f"no dialog of {sorted(unlisted)} is in DIALOGS"
