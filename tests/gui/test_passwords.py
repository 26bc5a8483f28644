"""Lock-out, choosing a new password and an administrator's reset, typed in as a person would."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMessageBox

from techapproval.domain.enums import Role
from techapproval.gui.dialogs.password import PasswordDialog, ResetPasswordDialog
from techapproval.gui.dialogs.sign_in import SignInDialog
from techapproval.services import people
from techapproval.services.errors import SignInFailed
from tests.conftest import PASSWORD
from tests.gui.conftest import click, find, open_main, settle, type_into, when_dialog_opens

EMAIL = "teacher@riverside.example"


def error_text(dialog, field: str) -> str:
    return find(dialog, f"{field} error").text()


def sign_in_dialog(qtbot, district) -> SignInDialog:
    dialog = SignInDialog(district.db, "RIVERSIDE PUBLIC SCHOOLS")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(qtbot, dialog, email: str, password: str) -> None:
    for field, text in (("Email", email), ("Password", password)):
        find(dialog, field).clear()
        type_into(qtbot, dialog, field, text)
    click(qtbot, dialog, "Sign in")


def reset(district, temporary: str = "temporary-2026") -> None:
    with district.db.transaction() as s:
        people.reset_password(s, district.admin, district.teacher, temporary)


def test_the_lock_message_stands_next_to_the_password(qtbot, district):
    dialog = sign_in_dialog(qtbot, district)
    for i in range(4):
        attempt(qtbot, dialog, EMAIL, f"wrong password {i}")
        assert error_text(dialog, "Password") == "\u26a0 The email address or password is not right."
    attempt(qtbot, dialog, EMAIL, "wrong password 5")
    message = error_text(dialog, "Password")
    assert "Too many wrong passwords for this account. Try again after" in message
    assert "ask an administrator to reset the password" in message
    assert find(dialog, "Password").accessibleDescription() == message.removeprefix("\u26a0 ")

    attempt(qtbot, dialog, EMAIL, PASSWORD)  # the right one is refused too while locked
    assert dialog.result() == 0 and "Too many wrong passwords" in error_text(dialog, "Password")


def test_after_a_reset_the_person_chooses_a_new_password_before_the_app_opens(qtbot, district):
    reset(district)
    dialog = sign_in_dialog(qtbot, district)

    def choose(chooser):
        assert not [w for w in chooser.findChildren(QLineEdit) if w.accessibleName() == "Current password"]
        type_into(qtbot, chooser, "New password", "my own passphrase")
        type_into(qtbot, chooser, "Repeat new password", "my own passphrasf")
        click(qtbot, chooser, "Save new password")
        assert error_text(chooser, "Repeat new password") == "\u26a0 The two new passwords are not the same."
        assert chooser.isVisible()
        find(chooser, "Repeat new password").clear()
        type_into(qtbot, chooser, "Repeat new password", "my own passphrase")
        click(qtbot, chooser, "Save new password")

    problems = when_dialog_opens(PasswordDialog, choose)
    attempt(qtbot, dialog, EMAIL, "temporary-2026")
    assert not problems, problems
    assert dialog.result() == 1
    assert dialog.person.id == district.teacher and not dialog.person.must_change_password
    assert people.sign_in(district.db, EMAIL, "my own passphrase").id == district.teacher


def test_not_choosing_a_new_password_signs_out(qtbot, district):
    reset(district)
    dialog = sign_in_dialog(qtbot, district)
    problems = when_dialog_opens(PasswordDialog, lambda chooser: click(qtbot, chooser, "Sign out"))
    attempt(qtbot, dialog, EMAIL, "temporary-2026")
    assert not problems, problems
    assert dialog.result() == 0 and not dialog.isVisible() and dialog.person is None
    assert people.sign_in(district.db, EMAIL, "temporary-2026").must_change_password  # still to be chosen


def test_change_password_from_the_file_menu_asks_for_the_current_one(qtbot, signed_in, district):
    window = open_main(qtbot, signed_in(district.teacher))
    [action] = [a for a in window.findChildren(QAction) if a.text() == "Change pass&word\u2026"]

    def change(dialog):
        type_into(qtbot, dialog, "Current password", "not my password")
        type_into(qtbot, dialog, "New password", "a brand new passphrase")
        type_into(qtbot, dialog, "Repeat new password", "a brand new passphrase")
        click(qtbot, dialog, "Save new password")
        assert error_text(dialog, "Current password") == "\u26a0 This is not your current password."
        find(dialog, "Current password").clear()
        type_into(qtbot, dialog, "Current password", PASSWORD)
        click(qtbot, dialog, "Save new password")

    problems = when_dialog_opens(PasswordDialog, change)
    action.trigger()
    assert not problems, problems
    assert window.statusBar().currentMessage() == "Your password is changed."
    assert people.sign_in(district.db, EMAIL, "a brand new passphrase").id == district.teacher


def test_administrator_resets_a_locked_out_teacher(qtbot, signed_in, district, monkeypatch):
    for i in range(5):
        try:
            people.sign_in(district.db, EMAIL, f"wrong {i}")
        except SignInFailed:
            pass
    window = open_main(qtbot, signed_in(district.admin))
    window.tabs.setCurrentWidget(find(window, "People").parentWidget())
    settle()  # the tab reads its list on the worker thread
    table = find(window, "People")
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    table.setCurrentIndex(table.model().index(names.index("Nguyễn Thị Ánh"), 0))

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: shown.append(text))
    handed_over: list[str] = []

    def hand_over(dialog):
        field = find(dialog, "Temporary password", QLineEdit)
        assert field.echoMode() == QLineEdit.EchoMode.Normal and len(field.text()) >= 10  # readable, to hand over
        handed_over.append(field.text())
        click(qtbot, dialog, "Reset password")

    problems = when_dialog_opens(ResetPasswordDialog, hand_over)
    click(qtbot, window, "Reset password")
    assert not problems, problems
    [temporary] = handed_over
    [confirmation] = shown
    assert "Nguyễn Thị Ánh" in confirmation and temporary in confirmation and "next sign in" in confirmation
    assert people.sign_in(district.db, EMAIL, temporary).must_change_password  # the lock is gone too


def test_reset_password_refuses_a_short_one_next_to_the_field(qtbot, signed_in, district):
    window = open_main(qtbot, signed_in(district.admin))
    person = people.PersonView(district.teacher, "Nguyễn Thị Ánh", "Teacher", EMAIL, Role.REQUESTER, True)
    dialog = ResetPasswordDialog(window.ctx, person, window)
    qtbot.addWidget(dialog)
    dialog.show()
    find(dialog, "Temporary password").clear()
    type_into(qtbot, dialog, "Temporary password", "short")
    click(qtbot, dialog, "Reset password")
    assert dialog.isVisible() and error_text(dialog, "Temporary password") == "\u26a0 Use at least 10 characters."
    assert people.sign_in(district.db, EMAIL, PASSWORD).id == district.teacher
