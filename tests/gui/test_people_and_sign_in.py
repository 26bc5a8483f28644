"""First-run setup, sign-in and adding people, typed in as the person at the keyboard would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from techapproval.domain.enums import Role
from techapproval.gui.dialogs.person import AddPersonDialog
from techapproval.gui.dialogs.setup import SetupDialog
from techapproval.gui.dialogs.sign_in import SignInDialog
from techapproval.services import people
from techapproval.services import settings as settings_service
from techapproval.services.errors import SignInFailed
from tests.conftest import PASSWORD
from tests.gui.conftest import choose, click, find, open_main, settle, type_into, when_dialog_opens


def error_text(dialog, field: str) -> str:
    return find(dialog, f"{field} error").text()


def test_first_run_setup_names_each_problem_then_creates_the_administrator(qtbot, db):
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "Town", "Ridgefield")
    type_into(qtbot, dialog, "Your name", "Zoë Łukasz")
    type_into(qtbot, dialog, "Your email", "not-an-email")
    type_into(qtbot, dialog, "Password", "short")
    type_into(qtbot, dialog, "Repeat password", "short")
    click(qtbot, dialog, "Finish setup")

    assert dialog.result() == 0 and dialog.isVisible()
    assert error_text(dialog, "District name")
    assert "email" in error_text(dialog, "Your email").lower()
    assert error_text(dialog, "Password")

    type_into(qtbot, dialog, "District name", "Ridgefield")
    find(dialog, "Your email").clear()
    type_into(qtbot, dialog, "Your email", "Zoe.Lukasz@Ridgefield.example")
    for field in ("Password", "Repeat password"):
        find(dialog, field).clear()
    type_into(qtbot, dialog, "Password", "a long enough passphrase")
    type_into(qtbot, dialog, "Repeat password", "a different passphrase")
    click(qtbot, dialog, "Finish setup")
    assert "not the same" in error_text(dialog, "Repeat password")

    find(dialog, "Repeat password").clear()
    type_into(qtbot, dialog, "Repeat password", "a long enough passphrase")
    click(qtbot, dialog, "Finish setup")

    assert dialog.result() == 1
    assert dialog.person.name == "Zoë Łukasz" and dialog.person.role is Role.ADMINISTRATOR
    with db.transaction() as s:
        assert not people.needs_setup(s)
        values = settings_service.read(s)
        assert (values["district_name"], values["town"]) == ("Ridgefield", "Ridgefield")
        assert values["approver_title"] == "Technology Coordinator/Principal"
    assert people.sign_in(db, "zoe.lukasz@ridgefield.example", "a long enough passphrase").name == "Zoë Łukasz"


def test_sign_in_refuses_a_wrong_password_and_accepts_the_right_one(qtbot, district):
    dialog = SignInDialog(district.db, "RIVERSIDE PUBLIC SCHOOLS")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "Email", "Reviewer@Riverside.example")
    type_into(qtbot, dialog, "Password", "wrong password")
    click(qtbot, dialog, "Sign in")
    assert dialog.result() == 0
    message = error_text(dialog, "Password")
    assert message and "wrong password" not in message  # the message explains; it never echoes the input

    find(dialog, "Password").clear()
    type_into(qtbot, dialog, "Password", PASSWORD)
    click(qtbot, dialog, "Sign in")
    assert dialog.result() == 1
    assert dialog.person.id == district.reviewer


def test_administrator_adds_a_teacher_and_makes_them_a_reviewer(qtbot, signed_in, district, monkeypatch):
    window = open_main(qtbot, signed_in(district.admin))
    window.tabs.setCurrentWidget(find(window, "People").parentWidget())
    settle()  # the tab reads its list on the worker thread

    def fill(dialog):
        type_into(qtbot, dialog, "Name", "Li Wei (李伟)")
        type_into(qtbot, dialog, "Position", "Library Media Specialist")
        type_into(qtbot, dialog, "Email", "li.wei@riverside.example")
        type_into(qtbot, dialog, "Initial password", "library-2026-pass")
        click(qtbot, dialog, "Add person")

    problems = when_dialog_opens(AddPersonDialog, fill)
    click(qtbot, window, "Add person")
    assert not problems, problems

    table = find(window, "People")
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert "Li Wei (李伟)" in names
    row = names.index("Li Wei (李伟)")
    table.setCurrentIndex(table.model().index(row, 0))
    choose(qtbot, window, "New role", Role.REVIEWER.label)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.Yes)
    click(qtbot, window, "Change role")
    assert asked == ["Change the role of Li Wei (李伟) from Requester (staff) to Reviewer?"]
    li = people.sign_in(district.db, "li.wei@riverside.example", "library-2026-pass")
    assert li.role is Role.REVIEWER


def test_the_role_picker_follows_the_selected_person(qtbot, signed_in, district, monkeypatch):
    """One click on Change role must not give a teacher the role last picked for someone else."""
    window = open_main(qtbot, signed_in(district.admin))
    window.tabs.setCurrentWidget(find(window, "People").parentWidget())
    table = find(window, "People")
    picker = find(window, "New role", QComboBox)

    def select(name: str) -> None:
        rows = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
        table.setCurrentIndex(table.model().index(rows.index(name), 0))

    select("Rita Reviewer")
    assert picker.currentText() == Role.REVIEWER.label
    select("Tom Teacher")
    assert picker.currentText() == Role.REQUESTER.label
    choose(qtbot, window, "New role", Role.ADMINISTRATOR.label)
    select("Nguyễn Thị Ánh")  # another teacher: the picker shows her role, not the one just picked
    assert picker.currentText() == Role.REQUESTER.label

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    click(qtbot, window, "Change role")  # nothing was chosen for her: nothing changes
    assert told == ["Nguyễn Thị Ánh is already Requester (staff). Choose another role first."]

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.Cancel)
    choose(qtbot, window, "New role", Role.REVIEWER.label)
    click(qtbot, window, "Change role")
    assert asked == ["Change the role of Nguyễn Thị Ánh from Requester (staff) to Reviewer?"]
    with district.db.transaction() as s:
        assert people.get_person(s, district.teacher).role is Role.REQUESTER  # cancelled: unchanged
    assert picker.currentText() == Role.REQUESTER.label


def test_administrator_switches_off_a_teacher_who_left_and_back_on(qtbot, signed_in, district, monkeypatch):
    window = open_main(qtbot, signed_in(district.admin))
    window.tabs.setCurrentWidget(find(window, "People").parentWidget())
    settle()  # the tab reads its list on the worker thread
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text: asked.append(text) or QMessageBox.Yes)
    table = find(window, "People")

    def select(name: str) -> int:
        rows = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
        table.setCurrentIndex(table.model().index(rows.index(name), 0))
        return rows.index(name)

    row = select("Tom Teacher")
    button = find(window, "Switch account off or on")
    assert button.text().replace("&", "") == "Switch account off"
    click(qtbot, window, "Switch account off or on")
    assert "Tom Teacher" in asked[0]
    active = [table.model().headerData(c, Qt.Horizontal) for c in range(table.model().columnCount())].index("Active")
    assert table.model().index(row, active).data() == "No"
    assert table.currentIndex().row() == row  # still selected after the list reloaded
    assert button.text().replace("&", "") == "Switch account on"
    with pytest.raises(SignInFailed, match="switched off"):
        people.sign_in(district.db, "other_teacher@riverside.example", PASSWORD)

    click(qtbot, window, "Switch account off or on")  # switching on asks nothing
    assert len(asked) == 1
    assert table.model().index(row, active).data() == "Yes"
    assert people.sign_in(district.db, "other_teacher@riverside.example", PASSWORD).id == district.other_teacher


def test_the_title_bar_names_the_app_once(qtbot, signed_in, district):
    """The window's title is the district; Qt adds the application's display name after it by itself."""
    from PySide6.QtWidgets import QApplication

    from techapproval.gui.app import application

    application()
    window = open_main(qtbot, signed_in(district.admin))
    assert window.windowTitle() == "RIVERSIDE PUBLIC SCHOOLS"
    shown = f"{window.windowTitle()} \u2014 {QApplication.applicationDisplayName()}"
    assert shown.count("techapproval") == 1
